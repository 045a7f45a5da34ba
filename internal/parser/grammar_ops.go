package parser

import "github.com/alecthomas/participle/v2/lexer"

// gOp is one tabular operator after a '|'. Each alternative starts with
// its keyword outside the operator's struct, so that a failed alternative
// costs participle one token comparison; they are ordered by how often they
// appear in real queries, since participle tries them in turn. The
// operator's span is gOp's.
type gOp struct {
	span
	Where          *gWhereOp          `parser:"  'where' @@"`
	Extend         *gExtendOp         `parser:"| 'extend' @@"`
	Summarize      *gSummarizeOp      `parser:"| 'summarize' @@"`
	Project        *gProjectOp        `parser:"| 'project' @@"`
	Join           *gJoinOp           `parser:"| 'join' @@"`
	Sort           *gSortOp           `parser:"| 'sort' @@"`
	MvExpand       *gMvExpandOp       `parser:"| 'mv-expand' @@"`
	Parse          *gParseOp          `parser:"| 'parse' @@"`
	Render         *gRenderOp         `parser:"| 'render' @@"`
	Distinct       *gDistinctOp       `parser:"| 'distinct' @@"`
	Order          *gSortOp           `parser:"| 'order' @@"`
	ProjectAway    *gColumnsOp        `parser:"| 'project-away' @@"`
	Top            *gTopOp            `parser:"| 'top' @@"`
	Take           *gTakeOp           `parser:"| 'take' @@"`
	Limit          *gTakeOp           `parser:"| 'limit' @@"`
	ProjectRename  *gProjectRenameOp  `parser:"| 'project-rename' @@"`
	MvApply        *gMvApplyOp        `parser:"| 'mv-apply' @@"`
	ProjectReorder *gProjectReorderOp `parser:"| 'project-reorder' @@"`
	Evaluate       *gEvaluateOp       `parser:"| 'evaluate' @@"`
	Lookup         *gLookupOp         `parser:"| 'lookup' @@"`
	As             *gAsOp             `parser:"| 'as' @@"`
	MakeSeries     *gMakeSeriesOp     `parser:"| 'make-series' @@"`
	MvExpandOld    *gMvExpandOp       `parser:"| 'mvexpand' @@"`
	Union          *gUnionOp          `parser:"| 'union' @@"`
	Invoke         *gOperand          `parser:"| 'invoke' @@"`
	ParseWhere     *gParseOp          `parser:"| 'parse-where' @@"`
	Count          *gCountOp          `parser:"| 'count' @@"`
	TopNested      *gTopNestedOp      `parser:"| 'top-nested' @@"`
	Serialize      *gSerializeOp      `parser:"| 'serialize' @@"`
	ProjectKeep    *gColumnsOp        `parser:"| 'project-keep' @@"`
	ParseKv        *gParseKvOp        `parser:"| 'parse-kv' @@"`
	Scan           *gScanOp           `parser:"| 'scan' @@"`
	Reduce         *gReduceOp         `parser:"| 'reduce' @@"`
	Partition      *gPartitionOp      `parser:"| 'partition' @@"`
	Search         *gSearchOp         `parser:"| 'search' @@"`
	Filter         *gWhereOp          `parser:"| 'filter' @@"`
	Fork           *gForkOp           `parser:"| 'fork' @@"`
	Facet          *gFacetOp          `parser:"| 'facet' @@"`
	TopHitters     *gTopHittersOp     `parser:"| 'top-hitters' @@"`
	SampleDistinct *gSampleDistinctOp `parser:"| 'sample-distinct' @@"`
	Sample         *gSampleOp         `parser:"| 'sample' @@"`
	MvApplyOld     *gMvApplyOp        `parser:"| 'mvapply' @@"`
	GetSchema      bool               `parser:"| @'getschema'"`
	Consume        *gConsumeOp        `parser:"| 'consume' @@"`
	ExecAndCache   bool               `parser:"| @( 'execute_and_cache' | '__executeAndCache' )"`
}

// Operator parameters. Each operator accepts only its own parameter names,
// so that a column named like a parameter elsewhere (summarize kind = …)
// keeps its meaning.

// gParamValue is the value of an operator parameter.
type gParamValue struct {
	span
	SignG signGuard   `parser:"( @@"`
	Sign  string      `parser:"  @BinOp )?"`
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
	NG    nameGuard    `parser:"( @@"`
	Names []*gDeclName `parser:"  ( @@ | '(' @@ ( ',' @@ )* ')' ) '=' )?"`
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
	Pred *gNamedExpr `parser:"@@"`
}

type gExtendOp struct {
	Exprs []*gNamedExpr `parser:"@@ ( ',' @@ )*"`
}

type gProjectOp struct {
	Exprs []*gNamedExpr `parser:"@@ ( ',' @@ )*"`
}

// gColumnsOp is the column list of project-away and project-keep.
type gColumnsOp struct {
	Columns []*gColumnPattern `parser:"@@ ( ',' @@ )*"`
}

type gProjectRenameOp struct {
	Renames []*gRename `parser:"@@ ( ',' @@ )*"`
}

type gRename struct {
	span
	New *gDeclName `parser:"@@ '='"`
	Old *gExpr     `parser:"@@"`
}

type gProjectReorderOp struct {
	Columns []*gReorderKey `parser:"@@ ( ',' @@ )*"`
}

type gReorderKey struct {
	span
	Column *gColumnPattern `parser:"@@"`
	Order  string          `parser:"@( 'asc' | 'desc' | 'granny-asc' | 'granny-desc' )?"`
}

type gSummarizeOp struct {
	Params []*gHintParam `parser:"@@*"`
	Aggs   []*gNamedExpr `parser:"( @@ ( ',' @@ )* )?"`
	By     []*gNamedExpr `parser:"( 'by' @@ ( ',' @@ )* )?"`
}

type gSortOp struct {
	Params []*gHintParam `parser:"@@*"`
	By     []*gSortKey   `parser:"'by' @@ ( ',' @@ )*"`
}

type gTopOp struct {
	Params []*gHintParam `parser:"@@*"`
	Count  *gExpr        `parser:"@@"`
	By     *gSortKey     `parser:"'by' @@"`
}

type gTakeOp struct {
	Params []*gHintParam `parser:"@@*"`
	Count  *gExpr        `parser:"@@"`
}

type gCountOp struct {
	As *gName `parser:"( 'as' @@ )?"`
}

type gDistinctOp struct {
	Params  []*gHintParam `parser:"@@*"`
	Columns []*gNamedExpr `parser:"@@ ( ',' @@ )*"`
}

type gUnionOp struct {
	Params []*gUnionParam `parser:"@@*"`
	Tables []*gUnionItem  `parser:"@@ ( ',' @@ )*"`
}

// gUnionItem is a table of union: a wildcard pattern (Security*) or an
// expression (a name, a call, a parenthesized pipeline).
type gUnionItem struct {
	span
	Pattern []lexer.Token `parser:"  @( Ident? '*' ( Ident | '*' )* )"`
	Expr    *gExpr        `parser:"| @@"`
}

type gLookupOp struct {
	Params []*gKindParam `parser:"@@*"`
	Right  *gExpr        `parser:"@@"`
	On     []*gExpr      `parser:"'on' @@ ( ',' @@ )*"`
}

type gJoinOp struct {
	Params []*gKindParam `parser:"@@*"`
	Right  *gExpr        `parser:"@@"`
	On     []*gExpr      `parser:"( 'on' @@ ( ',' @@ )* )?"`
}

type gMvExpandOp struct {
	Params []*gMvParam `parser:"@@*"`
	Items  []*gMvItem  `parser:"@@ ( ',' @@ )*"`
	Limit  *gExpr      `parser:"( 'limit' @@ )?"`
}

// gMvItem is `[Name =] Expr [to typeof(T)]`.
type gMvItem struct {
	span
	X  *gNamedExpr `parser:"@@"`
	To *gTypeOf    `parser:"( 'to' 'typeof' @@ )?"`
}

type gMvApplyOp struct {
	Params []*gMvParam `parser:"@@*"`
	Items  []*gMvItem  `parser:"@@ ( ',' @@ )*"`
	Limit  *gExpr      `parser:"( 'limit' @@ )?"`
	On     *gSubPipe   `parser:"'on' '(' @@ ')'"`
}
