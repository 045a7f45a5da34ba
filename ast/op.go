package ast

// WhereOp is `where Pred` (Keyword "where" or "filter").
type WhereOp struct {
	Span
	Keyword string
	Pred    Expr
}

// ExtendOp is `extend Exprs` (each usually an *AssignExpr).
type ExtendOp struct {
	Span
	Exprs []Expr
}

// ProjectOp is `project Exprs`: columns, renames (`New = Old`) and computed
// columns.
type ProjectOp struct {
	Span
	Exprs []Expr
}

// ProjectAwayOp is `project-away Columns` (names or *PatternExpr).
type ProjectAwayOp struct {
	Span
	Columns []Expr
}

// ProjectKeepOp is `project-keep Columns` (names or *PatternExpr).
type ProjectKeepOp struct {
	Span
	Columns []Expr
}

// ProjectRenameOp is `project-rename New = Old, …`.
type ProjectRenameOp struct {
	Span
	Renames []*AssignExpr
}

// ProjectReorderOp is `project-reorder Columns`; each is a *SortExpr whose
// Order may be asc, desc, granny-asc or granny-desc.
type ProjectReorderOp struct {
	Span
	Columns []*SortExpr
}

// SummarizeOp is `summarize [Params] Aggs [by By]`.
type SummarizeOp struct {
	Span
	Params []*OpParam
	Aggs   []Expr
	By     []Expr
}

// SortExpr is one sort key: `X [asc|desc] [nulls first|last]`. Order and
// Nulls are "" when not written.
type SortExpr struct {
	Span
	X     Expr
	Order string
	Nulls string
}

// SortOp is `sort by Keys` or `order by Keys` (Keyword says which).
type SortOp struct {
	Span
	Keyword string
	Params  []*OpParam
	By      []*SortExpr
}

// TopOp is `top Count by Keys`.
type TopOp struct {
	Span
	Count Expr
	By    []*SortExpr
}

// TakeOp is `take Count` or `limit Count`.
type TakeOp struct {
	Span
	Keyword string
	Params  []*OpParam
	Count   Expr
}

// CountOp is `count`.
type CountOp struct {
	Span
	As *Ident // `count as Name`; nil when absent
}

// DistinctOp is `distinct Columns` (or `distinct *`).
type DistinctOp struct {
	Span
	Params  []*OpParam
	Columns []Expr
}

// UnionOp is `union [Params] Tables`. As a pipeline stage the input is its
// first table.
type UnionOp struct {
	Span
	Params []*OpParam
	Tables []Expr
}

// JoinOp is `join [Params] Right on Keys` (or `on` with a where-like
// condition). Keys are column names or `$left.A == $right.B` comparisons.
type JoinOp struct {
	Span
	Params []*OpParam
	Right  Expr
	On     []Expr
}

// LookupOp is `lookup [Params] Right on Keys`.
type LookupOp struct {
	Span
	Params []*OpParam
	Right  Expr
	On     []Expr
}

// MvExpandItem is one column of mv-expand or mv-apply: `[Name =] X [to
// typeof(T)]`.
type MvExpandItem struct {
	Span
	X  Expr
	To *TypeExpr
}

// MvExpandOp is `mv-expand [Params] Items [limit N]`.
type MvExpandOp struct {
	Span
	Keyword string // "mv-expand" or "mvexpand"
	Params  []*OpParam
	Items   []*MvExpandItem
	Limit   Expr
}

// MvApplyOp is `mv-apply [Params] Items [limit N] [id = Col] on (Sub)`.
type MvApplyOp struct {
	Span
	Keyword string // "mv-apply" or "mvapply"
	Params  []*OpParam
	Items   []*MvExpandItem
	Limit   Expr
	ID      *Ident
	On      *PipeExpr
}

// ParsePart is one piece of a parse pattern: a string literal to match, or
// a column to capture (with an optional type), or `*` to skip.
type ParsePart struct {
	Span
	Literal *Literal
	Column  *Ident
	Type    *TypeExpr
	Star    bool
}

// ParseOp is `parse [kind=…] [flags=…] Source with Pattern`, or with
// Keyword "parse-where" the same, dropping rows that do not match.
type ParseOp struct {
	Span
	Keyword string
	Params  []*OpParam
	Source  Expr
	Pattern []*ParsePart
}

// ParseKvOp is `parse-kv Source as (Columns) [with (Params)]`.
type ParseKvOp struct {
	Span
	Source  Expr
	Columns []*ColumnDecl
	With    []*OpParam
}

// MakeSeriesOp is `make-series [Params] Aggs on Axis [from F] [to T] step S
// [by By]` (or `in range(F, T, S)`). Each agg may carry `default = V`.
type MakeSeriesOp struct {
	Span
	Params  []*OpParam
	Aggs    []*MakeSeriesAgg
	On      Expr
	From    Expr
	To      Expr
	Step    Expr
	InRange bool // written with `in range(…)`
	By      []Expr
}

// MakeSeriesAgg is one aggregate of make-series: `[Name =] Agg [default = V]`.
type MakeSeriesAgg struct {
	Span
	X       Expr
	Default Expr
}

// EvaluateOp is `evaluate [Params] Plugin(Args) [: (Schema)]`. Schema is
// the declared output schema, nil when not written.
type EvaluateOp struct {
	Span
	Params []*OpParam
	Call   *CallExpr
	Schema *TypeExpr
}

// AsOp is `as [Params] Name`.
type AsOp struct {
	Span
	Params []*OpParam
	Alias  *Ident
}

// RenderOp is `render Chart [with (Props)]`; kqlkit records it, it draws
// nothing.
type RenderOp struct {
	Span
	Chart *Ident
	With  []*OpParam
	Extra []Expr // legacy forms such as `render timechart kind=stacked`
}

// InvokeOp is `invoke Func(Args)`: calls a tabular function with the
// pipeline as its first argument.
type InvokeOp struct {
	Span
	Call *CallExpr
}

// SerializeOp is `serialize [Exprs]`.
type SerializeOp struct {
	Span
	Exprs []Expr
}

// TopNestedClause is one level of top-nested: `top-nested [N] of Of [with
// others = O] by Agg [asc|desc]`.
type TopNestedClause struct {
	Span
	Count  Expr
	Of     Expr
	Others Expr
	By     Expr
	Order  string
}

// TopNestedOp is a chain of top-nested clauses separated by commas.
type TopNestedOp struct {
	Span
	Clauses []*TopNestedClause
}

// TopHittersOp is `top-hitters N of X [by Y]`.
type TopHittersOp struct {
	Span
	Count Expr
	Of    Expr
	By    Expr
}

// SampleOp is `sample N`.
type SampleOp struct {
	Span
	Params []*OpParam
	Count  Expr
}

// SampleDistinctOp is `sample-distinct N of X`.
type SampleDistinctOp struct {
	Span
	Params []*OpParam
	Count  Expr
	Of     Expr
}

// SearchOp is `search [Params] [in (Tables)] Pred`.
type SearchOp struct {
	Span
	Params []*OpParam
	Tables []Expr
	Pred   Expr
}

// FindOp is `find [Params] [in (Tables)] where Pred [project Cols |
// project-smart]`.
type FindOp struct {
	Span
	Params       []*OpParam
	Tables       []Expr
	Pred         Expr
	Project      []Expr
	ProjectSmart bool
	ProjectAway  []Expr
}

// FacetOp is `facet by Cols [with (Sub)]`.
type FacetOp struct {
	Span
	By   []Expr
	With *PipeExpr
}

// ForkOp is `fork (Sub) (Sub) …`; a branch may be named with
// `Name = (Sub)` in which case it is an *AssignExpr around the PipeExpr.
type ForkOp struct {
	Span
	Branches []Expr
}

// PartitionOp is `partition [Params] by Col (Sub)` or `{ Sub }`.
type PartitionOp struct {
	Span
	Params []*OpParam
	By     Expr
	Sub    Expr
}

// RangeOp is `range Name from F to T step S`.
type RangeOp struct {
	Span
	Column *Ident
	From   Expr
	To     Expr
	Step   Expr
}

// PrintOp is `print Exprs`.
type PrintOp struct {
	Span
	Exprs []Expr
}

// GetSchemaOp is `getschema`.
type GetSchemaOp struct {
	Span
}

// ReduceOp is `reduce [kind=…] by X [with Params]`.
type ReduceOp struct {
	Span
	Params []*OpParam
	By     Expr
	With   []*OpParam
}

// ConsumeOp is `consume`.
type ConsumeOp struct {
	Span
	Params []*OpParam
}

// ScanOp is the `scan` operator; kqlkit keeps its text but cannot run it.
type ScanOp struct {
	Span
	Text string
}

// ExecuteAndCacheOp is `execute_and_cache`.
type ExecuteAndCacheOp struct {
	Span
}

// Name implementations. An operator with several spellings built without
// its Keyword is named by its main spelling.

func (o *WhereOp) Name() string         { return orDefault(o.Keyword, "where") }
func (*ExtendOp) Name() string          { return "extend" }
func (*ProjectOp) Name() string         { return "project" }
func (*ProjectAwayOp) Name() string     { return "project-away" }
func (*ProjectKeepOp) Name() string     { return "project-keep" }
func (*ProjectRenameOp) Name() string   { return "project-rename" }
func (*ProjectReorderOp) Name() string  { return "project-reorder" }
func (*SummarizeOp) Name() string       { return "summarize" }
func (o *SortOp) Name() string          { return orDefault(o.Keyword, "sort") }
func (*TopOp) Name() string             { return "top" }
func (o *TakeOp) Name() string          { return orDefault(o.Keyword, "take") }
func (*CountOp) Name() string           { return "count" }
func (*DistinctOp) Name() string        { return "distinct" }
func (*UnionOp) Name() string           { return "union" }
func (*JoinOp) Name() string            { return "join" }
func (*LookupOp) Name() string          { return "lookup" }
func (o *MvExpandOp) Name() string      { return orDefault(o.Keyword, "mv-expand") }
func (o *MvApplyOp) Name() string       { return orDefault(o.Keyword, "mv-apply") }
func (o *ParseOp) Name() string         { return orDefault(o.Keyword, "parse") }
func (*ParseKvOp) Name() string         { return "parse-kv" }
func (*MakeSeriesOp) Name() string      { return "make-series" }
func (*EvaluateOp) Name() string        { return "evaluate" }
func (*AsOp) Name() string              { return "as" }
func (*RenderOp) Name() string          { return "render" }
func (*InvokeOp) Name() string          { return "invoke" }
func (*SerializeOp) Name() string       { return "serialize" }
func (*TopNestedOp) Name() string       { return "top-nested" }
func (*TopHittersOp) Name() string      { return "top-hitters" }
func (*SampleOp) Name() string          { return "sample" }
func (*SampleDistinctOp) Name() string  { return "sample-distinct" }
func (*SearchOp) Name() string          { return "search" }
func (*FindOp) Name() string            { return "find" }
func (*FacetOp) Name() string           { return "facet" }
func (*ForkOp) Name() string            { return "fork" }
func (*PartitionOp) Name() string       { return "partition" }
func (*RangeOp) Name() string           { return "range" }
func (*PrintOp) Name() string           { return "print" }
func (*GetSchemaOp) Name() string       { return "getschema" }
func (*ReduceOp) Name() string          { return "reduce" }
func (*ConsumeOp) Name() string         { return "consume" }
func (*ScanOp) Name() string            { return "scan" }
func (*ExecuteAndCacheOp) Name() string { return "execute_and_cache" }

func (*WhereOp) operatorNode()           {}
func (*ExtendOp) operatorNode()          {}
func (*ProjectOp) operatorNode()         {}
func (*ProjectAwayOp) operatorNode()     {}
func (*ProjectKeepOp) operatorNode()     {}
func (*ProjectRenameOp) operatorNode()   {}
func (*ProjectReorderOp) operatorNode()  {}
func (*SummarizeOp) operatorNode()       {}
func (*SortOp) operatorNode()            {}
func (*TopOp) operatorNode()             {}
func (*TakeOp) operatorNode()            {}
func (*CountOp) operatorNode()           {}
func (*DistinctOp) operatorNode()        {}
func (*UnionOp) operatorNode()           {}
func (*JoinOp) operatorNode()            {}
func (*LookupOp) operatorNode()          {}
func (*MvExpandOp) operatorNode()        {}
func (*MvApplyOp) operatorNode()         {}
func (*ParseOp) operatorNode()           {}
func (*ParseKvOp) operatorNode()         {}
func (*MakeSeriesOp) operatorNode()      {}
func (*EvaluateOp) operatorNode()        {}
func (*AsOp) operatorNode()              {}
func (*RenderOp) operatorNode()          {}
func (*InvokeOp) operatorNode()          {}
func (*SerializeOp) operatorNode()       {}
func (*TopNestedOp) operatorNode()       {}
func (*TopHittersOp) operatorNode()      {}
func (*SampleOp) operatorNode()          {}
func (*SampleDistinctOp) operatorNode()  {}
func (*SearchOp) operatorNode()          {}
func (*FindOp) operatorNode()            {}
func (*FacetOp) operatorNode()           {}
func (*ForkOp) operatorNode()            {}
func (*PartitionOp) operatorNode()       {}
func (*RangeOp) operatorNode()           {}
func (*PrintOp) operatorNode()           {}
func (*GetSchemaOp) operatorNode()       {}
func (*ReduceOp) operatorNode()          {}
func (*ConsumeOp) operatorNode()         {}
func (*ScanOp) operatorNode()            {}
func (*ExecuteAndCacheOp) operatorNode() {}
