package eval_test

import "testing"

const seriesData = `datatable(t:datetime, h:string, v:long)[
	datetime(2020-01-01 01:00), "a", 1,
	datetime(2020-01-01 03:30), "a", 2,
	datetime(2020-01-01 02:10), "b", 5]`

func TestMakeSeries(t *testing.T) {
	runCases(t, []opCase{
		{name: "by keys, default, no bounds",
			query: seriesData + ` | make-series n=count(), s=sum(v) default=-1 on t step 1h by h`,
			want: `h:string,n:dynamic,s:dynamic,t:dynamic
a|[1,0,1]|[1,-1,2]|["2020-01-01T01:00:00.0000000Z","2020-01-01T02:00:00.0000000Z","2020-01-01T03:00:00.0000000Z"]
b|[0,1,0]|[-1,5,-1]|["2020-01-01T01:00:00.0000000Z","2020-01-01T02:00:00.0000000Z","2020-01-01T03:00:00.0000000Z"]`},
		{name: "bounds exclude rows",
			query: seriesData + ` | make-series count() on t from datetime(2020-01-01 02:00) to datetime(2020-01-01 03:00) step 1h`,
			want: `count_:dynamic,t:dynamic
[1]|["2020-01-01T02:00:00.0000000Z"]`},
		{name: "in range: bins aligned, stop inclusive",
			query: seriesData + ` | make-series count() on t in range(datetime(2020-01-01 00:30), datetime(2020-01-01 03:00), 1h)`,
			want: `count_:dynamic,t:dynamic
[0,1,1,1]|["2020-01-01T00:00:00.0000000Z","2020-01-01T01:00:00.0000000Z","2020-01-01T02:00:00.0000000Z","2020-01-01T03:00:00.0000000Z"]`},
		{name: "numeric axis, end exclusive",
			query: `range x from 1 to 10 step 1 | make-series sum(x) on x from 0 to 10 step 3`,
			want: `sum_x:dynamic,x:dynamic
[3,12,21,9]|[0,3,6,9]`},
		{name: "real axis",
			query: `range x from 1.0 to 2.5 step 0.5 | make-series avg(x) on x step 1.0`,
			want: `avg_x:dynamic,x:dynamic
[1.25,2.25]|[1.0,2.0]`},
		{name: "constant aggregate",
			query: seriesData + ` | make-series c=-1 default=-2 on t step 1h`,
			want: `c:dynamic,t:dynamic
[-1,-1,-1]|["2020-01-01T01:00:00.0000000Z","2020-01-01T02:00:00.0000000Z","2020-01-01T03:00:00.0000000Z"]`},
		{name: "empty input",
			query: seriesData + ` | take 0 | make-series count() on t from datetime(2020-01-01) to datetime(2020-01-01 02:00) step 1h`,
			want:  `count_:dynamic,t:dynamic`},
		{name: "kind=nonempty",
			query: seriesData + ` | take 0 | make-series kind=nonempty count() default=7 on t from datetime(2020-01-01) to datetime(2020-01-01 02:00) step 1h`,
			want: `count_:dynamic,t:dynamic
[7,7]|["2020-01-01T00:00:00.0000000Z","2020-01-01T01:00:00.0000000Z"]`},
		{name: "null default",
			query: seriesData + ` | where h == "a" | make-series avg(v) default=real(null) on t step 1h | extend f = series_fill_linear(avg_v)`,
			want: `avg_v:dynamic,t:dynamic,f:dynamic
[1.0,null,2.0]|["2020-01-01T01:00:00.0000000Z","2020-01-01T02:00:00.0000000Z","2020-01-01T03:00:00.0000000Z"]|[1.0,1.5,2.0]`},
		{name: "zero step", query: `print x=1 | make-series count() on x step 0`, err: "the step must be positive"},
		{name: "string axis", query: `print x="a" | make-series count() on x step 1`, err: "needs a datetime, timespan or numeric axis"},
		{name: "bad kind", query: `print x=1 | make-series kind=other count() on x step 1`, err: "kind=other is not supported"},
		{name: "too long", query: `print x=1 | make-series count() on x from 0 to 10000000 step 1`, err: "more than 1048576"},
	})
}
