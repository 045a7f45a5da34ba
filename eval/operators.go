package eval

// OperatorInfo describes kqlkit's support for one tabular operator.
type OperatorInfo struct {
	Name      string // the operator's keyword
	Supported bool   // kqlkit runs it
	Notes     string // forms not supported, semantics worth knowing
	Example   string // a query using it (run by the tests)
}

// Operators lists the tabular operators of KQL and what kqlkit does with
// each. The README's support table is generated from it, and a test runs
// every example, so the list cannot drift from the evaluator.
func Operators() []OperatorInfo {
	return operators
}

var operators = []OperatorInfo{
	{"as", true, "`hint.materialized=true` computes the input once per run", "range x from 1 to 3 step 1 | as T | count"},
	{"consume", true, "returns no rows", "range x from 1 to 3 step 1 | consume"},
	{"count", true, "", "range x from 1 to 3 step 1 | count"},
	{"datatable", true, "", "datatable(a:long, b:string)[1, 'x']"},
	{"distinct", true, "", "datatable(a:long)[1, 1, 2] | distinct a"},
	{"evaluate", true, "plugins are listed separately", "range x from 1 to 3 step 1 | evaluate narrow()"},
	{"extend", true, "a column defined by an extend is visible to the operators after it, not to the same extend", "range x from 1 to 3 step 1 | extend y = x * 2, z = x + 1"},
	{"externaldata", false, "needs a host hook: `kql.WithExternalData`, `kql.WithExternalDataFunc` or `kql --external URL=FILE`", "externaldata(a:string)['https://example.com/x.csv']"},
	{"facet", true, "one result table per column, after the `with` subquery's", "range x from 1 to 3 step 1 | facet by x"},
	{"find", true, "`in (…)` with wildcards, `withsource=`, `project-smart`, `project` with types and `pack_all()`, `project-away`; without `in` it searches the views in scope and the bound tables", "let T = datatable(a:string)['x']; find in (T) where a has 'x'"},
	{"fork", true, "results named by `name=` or a final `as`", "range x from 1 to 3 step 1 | fork (count) (take 1)"},
	{"getschema", true, "", "datatable(a:long)[1] | getschema"},
	{"invoke", true, "", "let f = (T:(x:long)) { T | count }; range x from 1 to 3 step 1 | invoke f()"},
	{"join", true, "every kind; `$left`/`$right` keys; hints are accepted and ignored", "datatable(k:long)[1, 2] | join kind=inner (datatable(k:long, v:string)[1, 'a']) on k"},
	{"lookup", true, "kind=leftouter (default) and kind=inner", "datatable(k:long)[1, 2] | lookup (datatable(k:long, v:string)[1, 'a']) on k"},
	{"make-series", true, "`from`/`to`/`step`, `in range()`, `default=`, `by`, `kind=nonempty`", "range x from 1 to 3 step 1 | make-series count() on x step 1"},
	{"mv-apply", true, "`id=` is not supported", "datatable(a:dynamic)[dynamic([1, 2])] | mv-apply a to typeof(long) on (summarize s = sum(a))"},
	{"mv-expand", true, "arrays and bags, `bagexpansion=`, `with_itemindex=`, `to typeof()`, `limit`", "datatable(a:dynamic)[dynamic([1, 2])] | mv-expand a"},
	{"parse", true, "kind=simple, regex and relaxed; typed captures", "print s = 'a=1' | parse s with 'a=' v:long"},
	{"parse-kv", true, "", "print s = 'a=1, b=2' | parse-kv s as (a:long, b:long) with (pair_delimiter=',', kv_delimiter='=')"},
	{"parse-where", true, "", "print s = 'a=1' | parse-where s with 'a=' v:long"},
	{"partition", true, "subqueries over the partition rows; the legacy `{ T | … }` form is not supported", "range x from 1 to 3 step 1 | partition by x (take 1)"},
	{"print", true, "", "print x = 1"},
	{"project", true, "renames and computed columns", "range x from 1 to 3 step 1 | project y = x * 2"},
	{"project-away", true, "wildcards", "range x from 1 to 3 step 1 | extend y = 1 | project-away y*"},
	{"project-keep", true, "wildcards", "range x from 1 to 3 step 1 | extend y = 1 | project-keep x"},
	{"project-rename", true, "", "range x from 1 to 3 step 1 | project-rename y = x"},
	{"project-reorder", true, "asc, desc, granny-asc, granny-desc", "range x from 1 to 3 step 1 | extend y = 1 | project-reorder y"},
	{"range", true, "long, real, datetime and timespan ranges", "range x from 1 to 3 step 1"},
	{"reduce", true, "the documented algorithm (Vaarandi's SLCT) with `threshold`, `characters`, `kind=source`; patterns may differ from Kusto's in detail", "datatable(s:string)['a'] | reduce by s"},
	{"render", true, "recorded in the result (`Result.Render`); kqlkit draws nothing", "range x from 1 to 3 step 1 | render timechart"},
	{"sample", true, "", "range x from 1 to 3 step 1 | sample 1"},
	{"sample-distinct", true, "", "range x from 1 to 3 step 1 | sample-distinct 1 of x"},
	{"scan", false, "", "range x from 1 to 3 step 1 | scan with (step s: x > 1;)"},
	{"search", true, "terms, `col:term`, wildcards, `kind=case_sensitive`, `in (…)`; without a source it searches the views in scope and the bound tables", "datatable(a:string)['x'] | search 'x'"},
	{"serialize", true, "enables row_number, prev, next, row_cumsum, row_rank_*, row_window_session", "range x from 1 to 3 step 1 | serialize n = row_number()"},
	{"sort", true, "also `order`; desc by default, nulls last when descending", "range x from 1 to 3 step 1 | sort by x asc"},
	{"summarize", true, "generated column names as Kusto; `bin()` and computed keys", "range x from 1 to 3 step 1 | summarize count(), sum(x) by bin(x, 2)"},
	{"take", true, "also `limit`", "range x from 1 to 3 step 1 | take 2"},
	{"top", true, "", "range x from 1 to 3 step 1 | top 2 by x"},
	{"top-hitters", true, "exact counts and sums", "range x from 1 to 3 step 1 | top-hitters 1 of x"},
	{"top-nested", true, "`with others`, `asc`/`desc`, named columns", "range x from 1 to 3 step 1 | top-nested 1 of x by count()"},
	{"union", true, "`kind=`, `withsource=`, `isfuzzy=`, table wildcards", "union (range x from 1 to 2 step 1), (range x from 3 to 4 step 1)"},
	{"where", true, "also `filter`", "range x from 1 to 3 step 1 | where x > 1"},
}
