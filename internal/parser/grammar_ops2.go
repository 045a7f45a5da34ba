package parser

import "github.com/alecthomas/participle/v2/lexer"

type gParseOp struct {
	span
	Keyword string         `parser:"@( 'parse' | 'parse-where' )"`
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
	Type    string        `parser:"  ( ':' @( Ident | Keyword | DeclKeyword ) )?"`
}

type gParseKvOp struct {
	span
	Source  *gExpr         `parser:"'parse-kv' @@"`
	Columns []*gColumnDecl `parser:"'as' '(' @@ ( ',' @@ )* ')'"`
	With    []*gProp       `parser:"( 'with' '(' @@ ( ',' @@ )* ')' )?"`
}

type gMakeSeriesOp struct {
	span
	Params  []*gKindParam `parser:"'make-series' @@*"`
	Aggs    []*gSeriesAgg `parser:"@@ ( ',' @@ )*"`
	On      *gExpr        `parser:"'on' @@"`
	InRange *gSeriesRange `parser:"( @@"`
	From    *gExpr        `parser:"| ( 'from' @@ )?"`
	To      *gExpr        `parser:"  ( 'to' @@ )?"`
	Step    *gExpr        `parser:"  'step' @@ )"`
	By      []*gNamedExpr `parser:"( 'by' @@ ( ',' @@ )* )?"`
}

type gSeriesRange struct {
	span
	From *gExpr `parser:"'in' 'range' '(' @@ ','"`
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
	span
	Params []*gHintParam `parser:"'evaluate' @@*"`
	Call   *gPostfix     `parser:"@@"`
	Schema *gType        `parser:"( ':' @@ )?"`
}

type gAsOp struct {
	span
	Params []*gHintParam `parser:"'as' @@*"`
	Name   *gName        `parser:"@@"`
}

type gRenderOp struct {
	span
	Chart string         `parser:"'render' @( Ident | Keyword )"`
	With  []*gRenderProp `parser:"( 'with' '(' ( @@ ( ',' @@ )* )? ')' )?"`
	Props []*gRenderProp `parser:"@@*"`
}

// gRenderProp is a render property; a value may be a list of names
// (ycolumns = a, b).
type gRenderProp struct {
	span
	Name   string   `parser:"@( Ident | Keyword | DeclKeyword ) '='"`
	Values []*gExpr `parser:"@@ ( ',' @@ (?! '=' ) )*"`
}

type gInvokeOp struct {
	span
	Call *gPostfix `parser:"'invoke' @@"`
}

type gSerializeOp struct {
	span
	Exprs []*gNamedExpr `parser:"'serialize' ( @@ ( ',' @@ )* )?"`
}

type gTopNestedOp struct {
	span
	Clauses []*gTopNestedClause `parser:"@@ ( ',' @@ )*"`
}

type gTopNestedClause struct {
	span
	Count  *gExpr      `parser:"'top-nested' @@?"`
	Of     *gNamedExpr `parser:"'of' @@"`
	Others *gExpr      `parser:"( 'with' 'others' '=' @@ )?"`
	By     *gNamedExpr `parser:"'by' @@"`
	Order  string      `parser:"@( 'asc' | 'desc' )?"`
}

type gTopHittersOp struct {
	span
	Count *gExpr `parser:"'top-hitters' @@"`
	Of    *gExpr `parser:"'of' @@"`
	By    *gExpr `parser:"( 'by' @@ )?"`
}

type gSampleOp struct {
	span
	Params []*gHintParam `parser:"'sample' @@*"`
	Count  *gExpr        `parser:"@@"`
}

type gSampleDistinctOp struct {
	span
	Params []*gHintParam `parser:"'sample-distinct' @@*"`
	Count  *gExpr        `parser:"@@"`
	Of     *gExpr        `parser:"'of' @@"`
}

type gSearchOp struct {
	span
	Params []*gKindParam `parser:"'search' @@*"`
	Tables []*gUnionItem `parser:"( 'in' '(' @@ ( ',' @@ )* ')' )?"`
	Pred   *gExpr        `parser:"@@"`
}

type gFindOp struct {
	span
	Params       []*gFindParam     `parser:"'find' @@*"`
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
	X    *gExpr `parser:"@@"`
	Type string `parser:"( ':' @( Ident | Keyword | DeclKeyword ) )?"`
}

type gFacetOp struct {
	span
	By   []*gExpr  `parser:"'facet' 'by' @@ ( ',' @@ )*"`
	With *gSubPipe `parser:"( 'with' '(' @@ ')' )?"`
}

type gForkOp struct {
	span
	Branches []*gForkBranch `parser:"'fork' @@+"`
}

type gForkBranch struct {
	span
	Name *gDeclName `parser:"( @@ '=' )?"`
	Sub  *gSubPipe  `parser:"'(' @@ ')'"`
}

type gPartitionOp struct {
	span
	Params []*gHintParam `parser:"'partition' @@*"`
	By     *gName        `parser:"'by' @@"`
	Sub    *gSubPipe     `parser:"( '(' @@ ')'"`
	Braced *gPipe        `parser:"| '{' @@ '}' )"`
}

type gRangeOp struct {
	span
	Column *gName `parser:"'range' @@"`
	From   *gExpr `parser:"'from' @@"`
	To     *gExpr `parser:"'to' @@"`
	Step   *gExpr `parser:"'step' @@"`
}

type gPrintOp struct {
	span
	Exprs []*gNamedExpr `parser:"'print' ( @@ ( ',' @@ )* )?"`
}

type gGetSchemaOp struct {
	span
	Keyword string `parser:"@'getschema'"`
}

type gReduceOp struct {
	span
	Params []*gKindParam `parser:"'reduce' @@*"`
	By     *gExpr        `parser:"'by' @@"`
	With   []*gProp      `parser:"( 'with' @@ ( ',' @@ )* )?"`
}

type gConsumeOp struct {
	span
	Keyword string           `parser:"@'consume'"`
	Params  []*gConsumeParam `parser:"@@*"`
}

type gExecAndCacheOp struct {
	span
	Keyword string `parser:"@( 'execute_and_cache' | '__executeAndCache' )"`
}

// gScanOp keeps the text of a scan operator: everything up to the next '|'
// or ';' outside brackets.
type gScanOp struct {
	span
	Keyword string       `parser:"@'scan'"`
	Body    []*gBalanced `parser:"@@*"`
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
	Columns []*gColumnDecl `parser:"'(' @@ ( ',' @@ )* ')'"`
	Values  []*gExpr       `parser:"'[' ( @@ ( ',' @@ )* ','? )? ']'"`
}

// gExternal is `externaldata(Columns)[URIs] [with (Props)]`.
type gExternal struct {
	span
	Keyword string         `parser:"@( 'externaldata' | 'external_data' )"`
	Columns []*gColumnDecl `parser:"'(' @@ ( ',' @@ )* ')'"`
	URIs    []*gExpr       `parser:"'[' @@ ( ',' @@ )* ','? ']'"`
	With    []*gProp       `parser:"( 'with' '(' @@ ( ',' @@ )* ')' )?"`
}
