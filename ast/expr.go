package ast

import "github.com/kqlkit/kqlkit/data"

// Ident is a name: a column, table, function, parameter or let-bound name.
// Quoted is set for the `['name']` and `["name"]` spellings. Names starting
// with `$` ($left, $right) are identifiers too.
type Ident struct {
	Span
	Name   string
	Quoted bool
}

// Literal is a constant: a number, string, bool, datetime, timespan, guid,
// typed null (`long(null)`) or dynamic value. Value holds the parsed value;
// Text the spelling as written.
type Literal struct {
	Span
	Value data.Value
	Text  string
}

// BinaryExpr is `X Op Y` for the arithmetic, comparison, logical and string
// operators (+, ==, =~, and, has, !contains, matches regex, …). Op is the
// operator as written in lower case, with `matches regex` as one string.
type BinaryExpr struct {
	Span
	X     Expr
	Op    string
	OpPos Pos
	Y     Expr
}

// UnaryExpr is `-X` or `+X`.
type UnaryExpr struct {
	Span
	Op string
	X  Expr
}

// InExpr is `X in (List)`, and the other operators that take a list:
// !in, in~, !in~, has_any, has_all (and their _cs forms). A list item may be
// a scalar, a dynamic array or a tabular expression (its first column).
type InExpr struct {
	Span
	X     Expr
	Op    string
	OpPos Pos
	List  []Expr
}

// BetweenExpr is `X between (Lo .. Hi)` or `X !between (Lo .. Hi)`.
type BetweenExpr struct {
	Span
	X   Expr
	Not bool
	Lo  Expr
	Hi  Expr
}

// CallExpr is a function call: `Func(Args…)`. Args may include *StarExpr
// (`count(*)`, `arg_max(x, *)`), *AssignExpr for named arguments
// (`f(name = value)`) and, for tabular functions, tabular expressions.
// Recv is the expression before the dot of a method-style call, as in
// `cluster("c").database("d")`; it is nil for a plain call.
type CallExpr struct {
	Span
	Recv Expr
	Func *Ident
	Args []Expr
}

// MemberExpr is `X.Name` (Name may be quoted: `X.['a b']`).
type MemberExpr struct {
	Span
	X    Expr
	Name *Ident
}

// IndexExpr is `X[Index]`: an array index or a bag key.
type IndexExpr struct {
	Span
	X     Expr
	Index Expr
}

// ParenExpr is `(X)`.
type ParenExpr struct {
	Span
	X Expr
}

// StarExpr is `*`, as an argument or a column list.
type StarExpr struct {
	Span
}

// AssignExpr names an expression's result: `Name = Value`, or several names
// for functions that return several columns: `(A, B) = Value`.
type AssignExpr struct {
	Span
	Names []*Ident
	Value Expr
}

// PatternExpr is a column name pattern with wildcards, as in
// `project-away Prop*`.
type PatternExpr struct {
	Span
	Pattern string
}

// PipeExpr is a pipeline: rows from Source, transformed by each operator of
// Ops in turn. Source is nil for a sub-pipeline that works on an implied
// input (fork branches, mv-apply and facet subqueries, partition bodies).
// When Source is itself an operator (print, range, union, …) it is wrapped
// in an *OpExpr.
type PipeExpr struct {
	Span
	Source Expr
	Ops    []Operator
}

// OpExpr wraps an operator used as the source of a pipeline: `print x=1`,
// `range i from 1 to 3 step 1`, `union A, B`.
type OpExpr struct {
	Span
	Op Operator
}

// DataTableExpr is `datatable(Columns)[Values]`; Values are the cells in row
// order.
type DataTableExpr struct {
	Span
	Params  []*OpParam
	Columns []*ColumnDecl
	Values  []Expr
}

// ExternalDataExpr is `externaldata(Columns)[URIs] with (Props)`.
type ExternalDataExpr struct {
	Span
	Kind    string // "externaldata" or "external_data"
	Columns []*ColumnDecl
	URIs    []Expr
	With    []*OpParam
}

// FuncExpr is a function literal, the value of `let f = (params) { body }`,
// or with View set `let v = view () { body }`.
type FuncExpr struct {
	Span
	View   bool
	Params []*Param
	Body   *Block
}

// Block is a function body: statements whose last is the result expression.
type Block struct {
	Span
	Stmts []Stmt
}

// Param is a function or query parameter: `Name: Type [= Default]`.
type Param struct {
	Span
	Name    *Ident
	Type    *TypeExpr
	Default Expr
}

// TypeExpr is a scalar type name (`string`, `long`), or for a tabular
// parameter a schema: `(*)` or `(A:string, B:long)` (optionally with `*`).
type TypeExpr struct {
	Span
	Name    string        // scalar type as written; "" for a tabular type
	Tabular bool          // a tabular type
	Columns []*ColumnDecl // columns of a tabular type
	Star    bool          // `*` in a tabular type: any further columns
}

// ColumnDecl declares a column: `Name: Type`. It is also an expression
// where a typed column stands among expressions, as in find's
// `project Name: string`.
type ColumnDecl struct {
	Span
	Name *Ident
	Type *TypeExpr
}

// TypeOfExpr is `typeof(T)` where T is a scalar type or a schema.
type TypeOfExpr struct {
	Span
	Type *TypeExpr
}

// OpParam is an operator parameter: `kind=inner`, `hint.strategy=shuffle`,
// `withsource=TableName`, `bagexpansion=array`. Value is an *Ident, a
// *Literal or nil (a flag with no value); in properties written in
// `with (…)` it may be any expression, and a list of values
// (`ycolumns = a, b`) is a chain of BinaryExprs with Op ",".
type OpParam struct {
	Span
	Name  string
	Value Expr
}

func (*Ident) exprNode()            {}
func (*Literal) exprNode()          {}
func (*BinaryExpr) exprNode()       {}
func (*UnaryExpr) exprNode()        {}
func (*InExpr) exprNode()           {}
func (*BetweenExpr) exprNode()      {}
func (*CallExpr) exprNode()         {}
func (*MemberExpr) exprNode()       {}
func (*IndexExpr) exprNode()        {}
func (*ParenExpr) exprNode()        {}
func (*StarExpr) exprNode()         {}
func (*AssignExpr) exprNode()       {}
func (*PatternExpr) exprNode()      {}
func (*PipeExpr) exprNode()         {}
func (*OpExpr) exprNode()           {}
func (*DataTableExpr) exprNode()    {}
func (*ExternalDataExpr) exprNode() {}
func (*FuncExpr) exprNode()         {}
func (*TypeOfExpr) exprNode()       {}
func (*ColumnDecl) exprNode()       {}
