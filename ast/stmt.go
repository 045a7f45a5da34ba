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
