package eval_test

import "testing"

const nestData = `range x from 1 to 20 step 1 | extend g = x % 3, h = x % 2`

func TestTopNested(t *testing.T) {
	runCases(t, []opCase{
		{name: "two levels with others",
			query: nestData + ` | top-nested 2 of g with others = -1 by sum(x), top-nested 1 of h with others = -1 by count()`,
			want: `g:long,aggregated_g:long,h:long,aggregated_h:long
2|77|0|4
2|77|-1|3
1|70|1|4
1|70|-1|3
-1|63|null|null`},
		{name: "names, asc, all values",
			query: nestData + ` | top-nested 1 of G = g by Total = sum(x) asc, top-nested of h by n = count()`,
			want: `G:long,Total:long,h:long,n:long
0|63|1|3
0|63|0|3`},
		{name: "ties by value, descending",
			query: `datatable(id:string, v:long)["Barak", 1, "Donald", 2] | top-nested of id by m = max(1)`,
			want: `id:string,m:long
Donald|1
Barak|1`},
		{name: "bad count", query: nestData + ` | top-nested "a" of g by count()`, err: "top-nested expects an integer count"},
	})
}
