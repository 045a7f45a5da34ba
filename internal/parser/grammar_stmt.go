package parser

import "github.com/alecthomas/participle/v2/lexer"

// The grammar is written as participle structs, one per production, named
// g…. They are private: the conversion pass (convert*.go) turns them into
// ast nodes. Every struct embeds span, which participle fills with the
// position of the first token (Pos) and of the token after the last
// (EndPos).

type span struct {
	Pos    lexer.Position
	EndPos lexer.Position
}

// gQuery is a whole query: statements separated by ';'.
type gQuery struct {
	span
	Stmts []*gStmt `parser:"( @@ ( ';' @@ )* ';'? )?"`
}

type gStmt struct {
	span
	Let     *gLet     `parser:"  @@"`
	Set     *gSet     `parser:"| @@"`
	Declare *gDeclare `parser:"| @@"`
	Alias   *gAlias   `parser:"| @@"`
	Expr    *gPipe    `parser:"| @@"`
}

// gLet is `let Name = Value` where Value is a function, a view or an
// expression.
type gLet struct {
	span
	Name  *gName `parser:"'let' @@ '='"`
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
	Name    *gName `parser:"@@ ':'"`
	Type    *gType `parser:"@@"`
	Default *gExpr `parser:"( '=' @@ )?"`
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
	Name *gName `parser:"@@ ':'"`
	Type *gType `parser:"@@"`
}

// gName is a name: an identifier or a quoted name ['x'].
type gName struct {
	span
	Ident  string `parser:"  @Ident"`
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
	span
	Name  []string `parser:"'set' @(Ident | Keyword | DeclKeyword) ( '.' @(Ident | Keyword | DeclKeyword) )*"`
	Value *gExpr   `parser:"( '=' @@ )?"`
}

// gDeclare is `declare query_parameters(Params)`.
type gDeclare struct {
	span
	Kind   string    `parser:"'declare' @'query_parameters'"`
	Params []*gParam `parser:"'(' ( @@ ( ',' @@ )* )? ')'"`
}

// gAlias is `alias database Name = Value`.
type gAlias struct {
	span
	Name  *gName `parser:"'alias' 'database' @@ '='"`
	Value *gExpr `parser:"@@"`
}

// gPipe is a pipeline: a source and the operators after each '|'.
type gPipe struct {
	span
	Source *gSource `parser:"@@"`
	Ops    []*gOp   `parser:"( '|' @@ )*"`
}

// gSource starts a pipeline: an operator that produces rows, or an
// expression.
type gSource struct {
	span
	Op   *gSourceOp `parser:"  @@"`
	Expr *gExpr     `parser:"| @@"`
}

// gSubPipe is a pipeline without a source, as in fork branches and the
// subqueries of mv-apply, facet and partition.
type gSubPipe struct {
	span
	Ops []*gOp `parser:"@@ ( '|' @@ )*"`
}
