package parser

import "github.com/alecthomas/participle/v2/lexer"

type gParseOp struct {
	Params  []*gParseParam `parser:"@@*"`
	Source  *gExpr         `parser:"@@ 'with'"`
	Pattern []*gParsePart  `parser:"@@+"`
}

// gParsePart is a piece of a parse pattern: a string to match, `*`, or a
// column to capture with an optional type.
type gParsePart struct {
	span
	Strings []lexer.Token `parser:"  @( String+ )"`
	Star    bool          `parser:"| @'*'"`
	Column  *gName        `parser:"| @@"`
	Type    *gTypeName    `parser:"  ( ':' @@ )?"`
}

// gTypeName is a scalar type name.
type gTypeName struct {
	span
	Name string `parser:"@( Ident | Keyword | DeclKeyword )"`
}

type gParseKvOp struct {
	Source  *gExpr         `parser:"@@"`
	Columns []*gColumnDecl `parser:"'as' '(' @@ ( ',' @@ )* ')'"`
	With    []*gProp       `parser:"( 'with' '(' @@ ( ',' @@ )* ')' )?"`
}

type gMakeSeriesOp struct {
	Params  []*gKindParam `parser:"@@*"`
	Aggs    []*gSeriesAgg `parser:"@@ ( ',' @@ )*"`
	On      *gExpr        `parser:"'on' @@"`
	InRange *gSeriesRange `parser:"( 'in' 'range' @@"`
	From    *gExpr        `parser:"| ( 'from' @@ )?"`
	To      *gExpr        `parser:"  ( 'to' @@ )?"`
	Step    *gExpr        `parser:"  'step' @@ )"`
	By      []*gNamedExpr `parser:"( 'by' @@ ( ',' @@ )* )?"`
}

type gSeriesRange struct {
	From *gExpr `parser:"'(' @@ ','"`
	To   *gExpr `parser:"@@ ','"`
	Step *gExpr `parser:"@@ ')'"`
}

// gSeriesAgg is `[Name =] Agg [default = Value]`.
type gSeriesAgg struct {
	span
	X       *gNamedExpr `parser:"@@"`
	Default *gExpr      `parser:"( 'default' '=' @@ )?"`
}

type gEvaluateOp struct {
	Params []*gHintParam `parser:"@@*"`
	Call   *gOperand     `parser:"@@"`
	Schema *gType        `parser:"( ':' @@ )?"`
}

type gAsOp struct {
	Params []*gHintParam `parser:"@@*"`
	Name   *gName        `parser:"@@"`
}

type gRenderOp struct {
	Chart lexer.Token    `parser:"@( Ident | Keyword )"`
	With  []*gRenderProp `parser:"( 'with' '(' ( @@ ( ',' @@ )* )? ')' )?"`
	Props []*gRenderProp `parser:"@@*"`
}

// gRenderProp is a render property; a value may be a list of names
// (ycolumns = a, b).
type gRenderProp struct {
	span
	Name   lexer.Token `parser:"@( Ident | Keyword | DeclKeyword ) '='"`
	Values []*gExpr    `parser:"@@ ( ',' @@ (?! '=' ) )*"`
}

type gSerializeOp struct {
	Exprs []*gNamedExpr `parser:"( @@ ( ',' @@ )* )?"`
}

// gTopNestedOp is `top-nested … [, top-nested …]` (the first keyword is
// matched by gOp).
type gTopNestedOp struct {
	First *gTopNestedClause   `parser:"@@"`
	Rest  []*gTopNestedClause `parser:"( ',' 'top-nested' @@ )*"`
}

type gTopNestedClause struct {
	span
	Count  *gExpr      `parser:"@@?"`
	Of     *gNamedExpr `parser:"'of' @@"`
	Others *gExpr      `parser:"( 'with' 'others' '=' @@ )?"`
	By     *gNamedExpr `parser:"'by' @@"`
	Order  string      `parser:"@( 'asc' | 'desc' )?"`
}

type gTopHittersOp struct {
	Count *gExpr `parser:"@@"`
	Of    *gExpr `parser:"'of' @@"`
	By    *gExpr `parser:"( 'by' @@ )?"`
}

type gSampleOp struct {
	Params []*gHintParam `parser:"@@*"`
	Count  *gExpr        `parser:"@@"`
}

type gSampleDistinctOp struct {
	Params []*gHintParam `parser:"@@*"`
	Count  *gExpr        `parser:"@@"`
	Of     *gExpr        `parser:"'of' @@"`
}

type gSearchOp struct {
	Params []*gKindParam `parser:"@@*"`
	Tables []*gUnionItem `parser:"( 'in' '(' @@ ( ',' @@ )* ')' )?"`
	Pred   *gExpr        `parser:"@@"`
}

type gFindOp struct {
	Params       []*gFindParam     `parser:"@@*"`
	Tables       []*gUnionItem     `parser:"( 'in' '(' @@ ( ',' @@ )* ')' )?"`
	Where        bool              `parser:"@'where'?"`
	Pred         *gExpr            `parser:"@@"`
	ProjectSmart bool              `parser:"( @'project-smart'"`
	Project      []*gFindCol       `parser:"| 'project' @@ ( ',' @@ )*"`
	ProjectAway  []*gColumnPattern `parser:"| 'project-away' @@ ( ',' @@ )* )?"`
}

// gFindCol is a column of find's project: `Name[: Type]` or pack_all().
type gFindCol struct {
	span
	X    *gExpr     `parser:"@@"`
	Type *gTypeName `parser:"( ':' @@ )?"`
}

type gFacetOp struct {
	By   []*gExpr  `parser:"'by' @@ ( ',' @@ )*"`
	With *gSubPipe `parser:"( 'with' '(' @@ ')' )?"`
}

type gForkOp struct {
	Branches []*gForkBranch `parser:"@@+"`
}

type gForkBranch struct {
	span
	Name *gDeclName `parser:"( @@ '=' )?"`
	Sub  *gSubPipe  `parser:"'(' @@ ')'"`
}

type gPartitionOp struct {
	Params []*gHintParam `parser:"@@*"`
	By     *gName        `parser:"'by' @@"`
	Sub    *gSubPipe     `parser:"( '(' @@ ')'"`
	Braced *gPipe        `parser:"| '{' @@ '}' )"`
}

type gRangeOp struct {
	Column *gName `parser:"@@"`
	From   *gExpr `parser:"'from' @@"`
	To     *gExpr `parser:"'to' @@"`
	Step   *gExpr `parser:"'step' @@"`
}

type gPrintOp struct {
	Exprs []*gNamedExpr `parser:"( @@ ( ',' @@ )* )?"`
}

type gReduceOp struct {
	Params []*gKindParam `parser:"@@*"`
	By     *gExpr        `parser:"'by' @@"`
	With   []*gProp      `parser:"( 'with' @@ ( ',' @@ )* )?"`
}

type gConsumeOp struct {
	Params []*gConsumeParam `parser:"@@*"`
}

// gScanOp keeps the text of a scan operator: everything up to the next '|'
// or ';' outside brackets.
type gScanOp struct {
	span
	Body []*gBalanced `parser:"@@*"`
}

// gBalanced is a token, or a bracketed group of tokens, that does not end
// an operator.
type gBalanced struct {
	span
	Group *gGroup `parser:"  @@"`
	Token string  `parser:"| @!( '|' | ';' | ')' | ']' | '}' | '(' | '[' | '{' )"`
}

// gGroup is a bracketed group of any tokens.
type gGroup struct {
	span
	Paren []*gInner `parser:"  '(' @@* ')'"`
	Brack []*gInner `parser:"| '[' @@* ']'"`
	Brace []*gInner `parser:"| '{' @@* '}'"`
}

type gInner struct {
	span
	Group *gGroup `parser:"  @@"`
	Token string  `parser:"| @!( ')' | ']' | '}' | '(' | '[' | '{' )"`
}

// gDataTable is `datatable(Columns)[Values]`.
type gDataTable struct {
	span
	Params  []*gHintParam  `parser:"'datatable' @@*"`
	Columns []*gColumnDecl `parser:"'(' @@ ( ',' @@ )* ','? ')'"`
	Values  []*gExpr       `parser:"'[' ( @@ ( ',' @@ )* ','? )? ']'"`
}

// gExternal is `externaldata(Columns)[URIs] [with (Props)]`.
type gExternal struct {
	span
	Keyword string         `parser:"@( 'externaldata' | 'external_data' )"`
	Columns []*gColumnDecl `parser:"'(' @@ ( ',' @@ )* ','? ')'"`
	URIs    []*gExpr       `parser:"'[' @@ ( ',' @@ )* ','? ']'"`
	With    []*gProp       `parser:"( 'with' '(' @@ ( ',' @@ )* ')' )?"`
}
