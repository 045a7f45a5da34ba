package parser

import "github.com/alecthomas/participle/v2/lexer"

// The grammar is written as participle structs, one per production, named
// g…. They are private: the conversion pass (convert*.go) turns them into
// ast nodes. Most structs embed span, which participle fills with the
// tokens the struct matched (one reflective assignment, cheaper than
// participle's Pos and EndPos fields).

type span struct {
	Tokens []lexer.Token
}

// Pos returns the position of the first token, or the zero position when
// there is none.
func (s span) Pos() lexer.Position {
	if len(s.Tokens) == 0 {
		return lexer.Position{}
	}
	return s.Tokens[0].Pos
}

// gQuery is a whole query: statements separated by ';'.
type gQuery struct {
	span
	Stmts []*gStmt `parser:"( @@ ( ';' @@ )* ';'? )?"`
}

// gStmt is a statement. The keywords stay outside the statements' structs
// so that a failed alternative costs one token comparison.
type gStmt struct {
	span
	SG      stmtGuard `parser:"(  @@"`
	Let     *gLet     `parser:"  ( 'let' @@"`
	Set     *gSet     `parser:"| 'set' @@"`
	Declare *gDeclare `parser:"| 'declare' @@"`
	Alias   *gAlias   `parser:"  | 'alias' @@ )"`
	Expr    *gPipe    `parser:"| @@ )"`
}

// gLet is `let Name = Value` where Value is a function, a view or an
// expression.
type gLet struct {
	Name  *gName `parser:"@@ '='"`
	Func  *gFunc `parser:"( @@"`
	Value *gPipe `parser:"| @@ )"`
}

// gFunc is a function literal: `[view] (Params) { Body }`.
type gFunc struct {
	span
	View   bool      `parser:"@'view'?"`
	Params []*gParam `parser:"'(' ( @@ ( ',' @@ )* )? ')'"`
	Body   *gBlock   `parser:"'{' @@ '}'"`
}

type gBlock struct {
	span
	Stmts []*gStmt `parser:"( @@ ( ';' @@ )* ';'? )?"`
}

// gParam is `Name: Type [= Default]`.
type gParam struct {
	span
	Name    *gColName `parser:"@@ ':'"`
	Type    *gType    `parser:"@@"`
	Default *gExpr    `parser:"( '=' @@ )?"`
}

// gType is a scalar type name or a tabular schema `(*)`, `(a:string, *)`.
type gType struct {
	span
	Scalar  string         `parser:"  @(Ident | Keyword | DeclKeyword)"`
	Tabular bool           `parser:"| ( @'('"`
	Items   []*gSchemaItem `parser:"    ( @@ ( ',' @@ )* )? ')' )"`
}

type gSchemaItem struct {
	span
	Star bool         `parser:"  @'*'"`
	Col  *gColumnDecl `parser:"| @@"`
}

// gColumnDecl is `Name: Type`.
type gColumnDecl struct {
	span
	Name *gColName `parser:"@@ ':'"`
	Type *gType    `parser:"@@"`
}

// gName is a name: an identifier or a quoted name ['x'].
type gName struct {
	span
	Ident  string `parser:"  @Ident"`
	Quoted string `parser:"| '[' @String ']'"`
}

// gColName is the name of a declared column or parameter, where Kusto
// accepts even reserved words (datatable(by:long)).
type gColName struct {
	span
	Ident  string `parser:"  @(Ident | Keyword | DeclKeyword)"`
	Quoted string `parser:"| '[' @String ']'"`
}

// gDeclName is a name being declared (left of '='), where a few reserved
// words are accepted too.
type gDeclName struct {
	span
	Ident  string `parser:"  @(Ident | DeclKeyword)"`
	Quoted string `parser:"| '[' @String ']'"`
}

// gSet is `set Name [= Value]`.
type gSet struct {
	Name  []lexer.Token `parser:"@( (Ident | Keyword | DeclKeyword) ( '.' (Ident | Keyword | DeclKeyword) )* )"`
	Value *gExpr        `parser:"( '=' @@ )?"`
}

// gDeclare is `declare query_parameters(Params)`.
type gDeclare struct {
	Params  []*gParam `parser:"(  'query_parameters' '(' ( @@ ( ',' @@ )* )? ')'"`
	Pattern *gPattern `parser:" | 'pattern' @@ )"`
}

// gPattern is `Name [= (Params)[[PathParams]] { Rules }]`.
type gPattern struct {
	Name       *gName          `parser:"@@"`
	Define     bool            `parser:"( @'='"`
	Params     []*gParam       `parser:"  '(' ( @@ ( ',' @@ )* )? ')'"`
	PathParams []*gParam       `parser:"  ( '[' @@ ( ',' @@ )* ']' )?"`
	Rules      []*gPatternRule `parser:"  '{' ( @@ ( ';' @@ )* ';'? )? '}' )?"`
}

// gPatternRule is `(Args)[.[Path]] = { Body }`.
type gPatternRule struct {
	span
	Args []*gExpr `parser:"'(' ( @@ ( ',' @@ )* )? ')'"`
	Path *gExpr   `parser:"( '.' '[' @@ ']' )?"`
	Body *gBlock  `parser:"'=' '{' @@ '}'"`
}

// gAlias is `alias database Name = Value`.
type gAlias struct {
	Name  *gName `parser:"'database' @@ '='"`
	Value *gExpr `parser:"@@"`
}

// gPipe is a pipeline: a source (an operator that produces rows, or an
// expression) and the operators after each '|'.
type gPipe struct {
	span
	SG       sourceGuard  `parser:"(  @@"`
	Print    *gPrintOp    `parser:"   ( 'print' @@"`
	Range    *gRangeOp    `parser:" | 'range' @@"`
	Union    *gUnionOp    `parser:" | 'union' @@"`
	Search   *gSearchOp   `parser:" | 'search' @@"`
	Find     *gFindOp     `parser:" | 'find' @@"`
	Evaluate *gEvaluateOp `parser:" | 'evaluate' @@ )"`
	Source   *gExpr       `parser:" | @@ )"`
	Ops      []*gOp       `parser:"( '|' @@ )*"`
}

// gSubPipe is a pipeline without a source, as in fork branches and the
// subqueries of mv-apply, facet and partition.
type gSubPipe struct {
	span
	Ops []*gOp `parser:"@@ ( '|' @@ )*"`
}
