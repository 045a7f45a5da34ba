package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/eval"
)

// runAll runs a query and renders every result table, named.
func runAll(t *testing.T, query string) string {
	t.Helper()
	q, err := compileQuery(query)
	if err != nil {
		return "error: " + err.Error()
	}
	res, err := q.Run(context.Background(), &eval.Input{})
	if err != nil {
		return "error: " + err.Error()
	}
	var parts []string
	for _, tab := range res.Tables {
		parts = append(parts, tab.Name+":\n"+renderTable(tab))
	}
	return strings.Join(parts, "\n")
}

func TestForkFacet(t *testing.T) {
	cases := []struct{ name, query, want string }{
		{"fork names", `range x from 1 to 4 step 1 | fork (where x > 3) big=(count) (take 1 | as First) | render table`,
			"PrimaryResult:\nx:long\n4\nbig:\nCount:long\n4\nFirst:\nx:long\n1"},
		{"facet", `datatable(a:string, b:long)["x", 1, "y", 2, "x", 3] | facet by a with (where b > 1 | project b)`,
			"PrimaryResult:\nb:long\n2\n3\nTable_1:\na:string,count_a:long\nx|2\ny|1"},
		{"after fork", `range x from 1 to 3 step 1 | fork (take 1) (take 2) | take 1`,
			"error: <query>:1:55: fork must be the last operator of a query statement ('take' follows it)"},
	}
	for _, c := range cases {
		got := runAll(t, c.query)
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

func TestPartition(t *testing.T) {
	runCases(t, []opCase{
		{name: "top per partition",
			query: `range x from 1 to 6 step 1 | extend g = x % 2 | partition hint.strategy=native by g (top 2 by x desc)`,
			want: `x:long,g:long
5|1
3|1
6|0
4|0`},
		{name: "summarize per partition",
			query: `range x from 1 to 6 step 1 | extend g = x % 3 | partition by g (summarize s = sum(x))`,
			want: `s:long
5
7
9`},
		{name: "own source", query: `range x from 1 to 6 step 1 | partition by x { range y from 1 to 2 step 1 }`,
			err: "partition with a subquery that has its own source is not supported"},
	})
}

func TestSampleAndFriends(t *testing.T) {
	runCases(t, []opCase{
		{name: "sample count", query: `range x from 1 to 100 step 1 | sample 7 | count`, want: "Count:long\n7"},
		{name: "sample more than rows", query: `range x from 1 to 3 step 1 | sample 10 | count`, want: "Count:long\n3"},
		{name: "sample-distinct", query: `range x from 1 to 100 step 1 | extend g = x % 4 | sample-distinct 10 of g | count`,
			want: "Count:long\n4"},
		{name: "top-hitters", query: `range x from 1 to 10 step 1 | extend g = x % 3 | top-hitters 2 of g`,
			want: "g:long,approximate_count_g:long\n1|4\n2|3"},
		{name: "top-hitters by", query: `range x from 1 to 10 step 1 | extend g = x % 3 | top-hitters 1 of g by x`,
			want: "g:long,approximate_sum_g:long\n1|22"},
		{name: "consume", query: `range x from 1 to 10 step 1 | consume`, want: "x:long"},
	})
}
