package ast

// LetStmt binds a name: `let Name = Value`. Value is a scalar expression, a
// tabular expression, or a *FuncExpr for a function.
type LetStmt struct {
	Span
	Name  *Ident
	Value Expr
}

// ExprStmt is a statement made of one expression, usually the query's
// tabular expression.
type ExprStmt struct {
	Span
	X Expr
}

// SetStmt is a request property: `set Name [= Value]`.
type SetStmt struct {
	Span
	Name  *Ident // may contain dots, e.g. querytrace or query_now
	Value Expr   // nil when absent
}

// DeclareStmt is `declare query_parameters(p:type [= default], …)`.
type DeclareStmt struct {
	Span
	Kind   string // "query_parameters"
	Params []*Param
}

// PatternStmt is a pattern declaration: `declare pattern Name` alone, or
// with its definition `declare pattern Name = (Params)[[PathParams]] { Rules }`.
type PatternStmt struct {
	Span
	Name       *Ident
	Params     []*Param
	PathParams []*Param
	Rules      []*PatternRule
}

// PatternRule is one rule of a pattern: `(Args)[.[Path]] = { Body }`. Path
// is nil when the pattern has no path parameter.
type PatternRule struct {
	Span
	Args []Expr
	Path Expr
	Body *Block
}

// AliasStmt is `alias database Name = cluster(…).database(…)`.
type AliasStmt struct {
	Span
	Name  *Ident
	Value Expr
}

func (*LetStmt) stmtNode()     {}
func (*ExprStmt) stmtNode()    {}
func (*SetStmt) stmtNode()     {}
func (*DeclareStmt) stmtNode() {}
func (*AliasStmt) stmtNode()   {}
func (*PatternStmt) stmtNode() {}
