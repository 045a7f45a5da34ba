package parser

import "github.com/alecthomas/participle/v2/lexer"

// gOp is one tabular operator after a '|'. The alternatives are ordered by
// how often they appear in real queries, since participle tries them in
// turn.
type gOp struct {
	span
	Where          *gWhereOp          `parser:"  @@"`
	Extend         *gExtendOp         `parser:"| @@"`
	Summarize      *gSummarizeOp      `parser:"| @@"`
	Project        *gProjectOp        `parser:"| @@"`
	Join           *gJoinOp           `parser:"| @@"`
	Sort           *gSortOp           `parser:"| @@"`
	MvExpand       *gMvExpandOp       `parser:"| @@"`
	Parse          *gParseOp          `parser:"| @@"`
	Render         *gRenderOp         `parser:"| @@"`
	Distinct       *gDistinctOp       `parser:"| @@"`
	ProjectAway    *gProjectAwayOp    `parser:"| @@"`
	Top            *gTopOp            `parser:"| @@"`
	Take           *gTakeOp           `parser:"| @@"`
	ProjectRename  *gProjectRenameOp  `parser:"| @@"`
	MvApply        *gMvApplyOp        `parser:"| @@"`
	ProjectReorder *gProjectReorderOp `parser:"| @@"`
	Evaluate       *gEvaluateOp       `parser:"| @@"`
	Lookup         *gLookupOp         `parser:"| @@"`
	As             *gAsOp             `parser:"| @@"`
	MakeSeries     *gMakeSeriesOp     `parser:"| @@"`
	Union          *gUnionOp          `parser:"| @@"`
	Invoke         *gInvokeOp         `parser:"| @@"`
	Count          *gCountOp          `parser:"| @@"`
	TopNested      *gTopNestedOp      `parser:"| @@"`
	Serialize      *gSerializeOp      `parser:"| @@"`
	ParseKv        *gParseKvOp        `parser:"| @@"`
	Scan           *gScanOp           `parser:"| @@"`
	Reduce         *gReduceOp         `parser:"| @@"`
	Partition      *gPartitionOp      `parser:"| @@"`
	Search         *gSearchOp         `parser:"| @@"`
	Fork           *gForkOp           `parser:"| @@"`
	Facet          *gFacetOp          `parser:"| @@"`
	TopHitters     *gTopHittersOp     `parser:"| @@"`
	SampleDistinct *gSampleDistinctOp `parser:"| @@"`
	Sample         *gSampleOp         `parser:"| @@"`
	GetSchema      *gGetSchemaOp      `parser:"| @@"`
	Consume        *gConsumeOp        `parser:"| @@"`
	ExecAndCache   *gExecAndCacheOp   `parser:"| @@"`
}

// gSourceOp is an operator that can start a pipeline.
type gSourceOp struct {
	span
	Print    *gPrintOp    `parser:"  @@"`
	Range    *gRangeOp    `parser:"| @@"`
	Union    *gUnionOp    `parser:"| @@"`
	Search   *gSearchOp   `parser:"| @@"`
	Find     *gFindOp     `parser:"| @@"`
	Evaluate *gEvaluateOp `parser:"| @@"`
}

// Operator parameters. Each operator accepts only its own parameter names,
// so that a column named like a parameter elsewhere (summarize kind = …)
// keeps its meaning.

// gParamValue is the value of an operator parameter.
type gParamValue struct {
	span
	Sign  string      `parser:"@AddOp?"`
	Token lexer.Token `parser:"@( Ident | Keyword | DeclKeyword | String | Number | Bool | TimeSpan )"`
}

type gHintParam struct {
	span
	Name  string       `parser:"@( 'hint' '.' ( Ident | Keyword ) )"`
	Value *gParamValue `parser:"'=' @@"`
}

type gKindParam struct {
	span
	Name  string       `parser:"@( 'kind' | 'hint' '.' ( Ident | Keyword ) )"`
	Value *gParamValue `parser:"'=' @@"`
}

type gUnionParam struct {
	span
	Name  string       `parser:"@( 'kind' | 'withsource' | 'with_source' | 'isfuzzy' | 'hint' '.' ( Ident | Keyword ) )"`
	Value *gParamValue `parser:"'=' @@"`
}

type gFindParam struct {
	span
	Name  string       `parser:"@( 'withsource' | 'with_source' | 'datascope' | 'hint' '.' ( Ident | Keyword ) )"`
	Value *gParamValue `parser:"'=' @@"`
}

type gMvParam struct {
	span
	Name  string       `parser:"@( 'bagexpansion' | 'with_itemindex' | 'kind' )"`
	Value *gParamValue `parser:"'=' @@"`
}

type gParseParam struct {
	span
	Name  string       `parser:"@( 'kind' | 'flags' )"`
	Value *gParamValue `parser:"'=' @@"`
}

type gConsumeParam struct {
	span
	Name  string       `parser:"@( 'decodeblocks' )"`
	Value *gParamValue `parser:"'=' @@"`
}

// gProp is `name = value` inside `with (…)`.
type gProp struct {
	span
	Name  string `parser:"@( Ident | Keyword | DeclKeyword )"`
	Value *gExpr `parser:"'=' @@"`
}

// gNamedExpr is `[Name =] Expr` or `(A, B) = Expr`.
type gNamedExpr struct {
	span
	Names []*gDeclName `parser:"( ( @@ | '(' @@ ( ',' @@ )* ')' ) '=' )?"`
	Value *gExpr       `parser:"@@"`
}

// gColumnPattern is a column name or a wildcard pattern (Prop*, *_s, *).
type gColumnPattern struct {
	span
	Parts  []lexer.Token `parser:"  @( ( Ident | '*' | Number )+ )"`
	Quoted string        `parser:"| '[' @String ']'"`
}

// gSortKey is `Expr [asc|desc] [nulls first|last]`.
type gSortKey struct {
	span
	X     *gExpr `parser:"@@"`
	Order string `parser:"@( 'asc' | 'desc' )?"`
	Nulls string `parser:"( 'nulls' @( 'first' | 'last' ) )?"`
}

type gWhereOp struct {
	span
	Keyword string      `parser:"@( 'where' | 'filter' )"`
	Pred    *gNamedExpr `parser:"@@"`
}

type gExtendOp struct {
	span
	Exprs []*gNamedExpr `parser:"'extend' @@ ( ',' @@ )*"`
}

type gProjectOp struct {
	span
	Exprs []*gNamedExpr `parser:"'project' @@ ( ',' @@ )*"`
}

type gProjectAwayOp struct {
	span
	Keyword string            `parser:"@( 'project-away' | 'project-keep' )"`
	Columns []*gColumnPattern `parser:"@@ ( ',' @@ )*"`
}

type gProjectRenameOp struct {
	span
	Renames []*gRename `parser:"'project-rename' @@ ( ',' @@ )*"`
}

type gRename struct {
	span
	New *gDeclName `parser:"@@ '='"`
	Old *gExpr     `parser:"@@"`
}

type gProjectReorderOp struct {
	span
	Columns []*gReorderKey `parser:"'project-reorder' @@ ( ',' @@ )*"`
}

type gReorderKey struct {
	span
	Column *gColumnPattern `parser:"@@"`
	Order  string          `parser:"@( 'asc' | 'desc' | 'granny-asc' | 'granny-desc' )?"`
}

type gSummarizeOp struct {
	span
	Params []*gHintParam `parser:"'summarize' @@*"`
	Aggs   []*gNamedExpr `parser:"( @@ ( ',' @@ )* )?"`
	By     []*gNamedExpr `parser:"( 'by' @@ ( ',' @@ )* )?"`
}

type gSortOp struct {
	span
	Keyword string        `parser:"@( 'sort' | 'order' )"`
	Params  []*gHintParam `parser:"@@*"`
	By      []*gSortKey   `parser:"'by' @@ ( ',' @@ )*"`
}

type gTopOp struct {
	span
	Params []*gHintParam `parser:"'top' @@*"`
	Count  *gExpr        `parser:"@@"`
	By     *gSortKey     `parser:"'by' @@"`
}

type gTakeOp struct {
	span
	Keyword string        `parser:"@( 'take' | 'limit' )"`
	Params  []*gHintParam `parser:"@@*"`
	Count   *gExpr        `parser:"@@"`
}

type gCountOp struct {
	span
	Keyword string `parser:"@'count'"`
	As      *gName `parser:"( 'as' @@ )?"`
}

type gDistinctOp struct {
	span
	Params  []*gHintParam `parser:"'distinct' @@*"`
	Columns []*gNamedExpr `parser:"@@ ( ',' @@ )*"`
}

type gUnionOp struct {
	span
	Params []*gUnionParam `parser:"'union' @@*"`
	Tables []*gUnionItem  `parser:"@@ ( ',' @@ )*"`
}

// gUnionItem is a table of union: a wildcard pattern (Security*) or an
// expression (a name, a call, a parenthesized pipeline).
type gUnionItem struct {
	span
	Pattern []lexer.Token `parser:"  @( Ident? '*' ( Ident | '*' )* )"`
	Expr    *gExpr        `parser:"| @@"`
}

type gJoinOp struct {
	span
	Params []*gKindParam `parser:"'join' @@*"`
	Right  *gExpr        `parser:"@@"`
	On     []*gExpr      `parser:"( 'on' @@ ( ',' @@ )* )?"`
}

type gLookupOp struct {
	span
	Params []*gKindParam `parser:"'lookup' @@*"`
	Right  *gExpr        `parser:"@@"`
	On     []*gExpr      `parser:"'on' @@ ( ',' @@ )*"`
}

type gMvExpandOp struct {
	span
	Keyword string      `parser:"@( 'mv-expand' | 'mvexpand' )"`
	Params  []*gMvParam `parser:"@@*"`
	Items   []*gMvItem  `parser:"@@ ( ',' @@ )*"`
	Limit   *gExpr      `parser:"( 'limit' @@ )?"`
}

// gMvItem is `[Name =] Expr [to typeof(T)]`.
type gMvItem struct {
	span
	X  *gNamedExpr `parser:"@@"`
	To *gTypeOf    `parser:"( 'to' @@ )?"`
}

type gMvApplyOp struct {
	span
	Keyword string      `parser:"@( 'mv-apply' | 'mvapply' )"`
	Params  []*gMvParam `parser:"@@*"`
	Items   []*gMvItem  `parser:"@@ ( ',' @@ )*"`
	Limit   *gExpr      `parser:"( 'limit' @@ )?"`
	On      *gSubPipe   `parser:"'on' '(' @@ ')'"`
}
