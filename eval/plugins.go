package eval

// Plugins lists the evaluate plugins kqlkit knows of and what it does with
// each, in the form of Operators; a test runs every example. A plugin not
// listed fails with "plugin 'name' is not supported".
func Plugins() []OperatorInfo {
	return plugins
}

var plugins = []OperatorInfo{
	{"bag_unpack", true, "prefix, `columnsConflict`, `ignoredProperties`, output schema (with `*`); without a schema the columns come from the data (the query is compiled again when it runs)",
		"print d = dynamic({'a': 1}) | evaluate bag_unpack(d)"},
	{"pivot", true, "aggregation and group columns, output schema; without a schema the columns come from the data",
		"datatable(k:string, v:long)['a', 1] | evaluate pivot(k, sum(v))"},
	{"narrow", true, "", "print a = 1, b = 'x' | evaluate narrow()"},
	{"ipv4_lookup", true, "extra keys, `return_unmatched`; every matching network, longest prefix first",
		"print ip = '10.1.2.3' | evaluate ipv4_lookup(datatable(net:string, site:string)['10.1.0.0/16', 'A'], ip, net)"},
	{"ipv6_lookup", true, "`return_unmatched`", "print ip = 'fe80::1' | evaluate ipv6_lookup(datatable(net:string)['fe80::/64'], ip, net)"},
	{"activity_counts_metrics", true, "exact counts, dimensions; 'week'/'month'/'year' steps are not supported",
		"range x from 1 to 3 step 1 | evaluate activity_counts_metrics(x, x, 1, 3, 1)"},
	{"sliding_window_counts", true, "exact counts, dimensions; 'week'/'month'/'year' bins are not supported",
		"range x from 1 to 3 step 1 | evaluate sliding_window_counts(x, x, 1, 3, 2, 1)"},
	{"rows_near", true, "", "range x from 1 to 9 step 1 | evaluate rows_near(x == 5, 1)"},
	{"dcount_intersect", true, "inclusion-exclusion over the hll() unions",
		"range x from 1 to 9 step 1 | summarize a = hll(x), b = hll(x % 3) | evaluate dcount_intersect(a, b)"},
	{"rolling_percentile", true, "nearest-rank percentiles, dimensions",
		"range x from 1 to 9 step 1 | evaluate rolling_percentile(x, 50, x, 2, 2)"},
	{"schema_merge", true, "`PreserveOrder`; numeric types widen",
		"datatable(a:long)[] | getschema | evaluate schema_merge()"},
	{"autocluster", false, "", "range x from 1 to 3 step 1 | evaluate autocluster()"},
	{"basket", false, "", "range x from 1 to 3 step 1 | evaluate basket()"},
	{"diffpatterns", false, "", "range x from 1 to 3 step 1 | evaluate diffpatterns(x, 1, 2)"},
}
