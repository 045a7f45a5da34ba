package eval_test

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func unionTables() []*data.Table {
	ut1 := data.MustNewTable("UT1", data.Schema{{Name: "x", Type: data.Long}, {Name: "y", Type: data.String}},
		[]data.Column{data.NewVec(data.Long, []int64{1, 2}, nil), data.NewVec(data.String, []string{"a", "b"}, nil)})
	ut2 := data.MustNewTable("UT2", data.Schema{{Name: "x", Type: data.Long}, {Name: "z", Type: data.Real}},
		[]data.Column{data.NewVec(data.Long, []int64{3}, nil), data.NewVec(data.Real, []float64{3.5}, nil)})
	other := data.MustNewTable("Other", data.Schema{{Name: "k", Type: data.Long}},
		[]data.Column{data.NewVec(data.Long, []int64{7}, nil)})
	return []*data.Table{ut1, ut2, other}
}

func TestUnion(t *testing.T) {
	cases := []opCase{
		{name: "outer by name", query: "union UT1, UT2", want: `
x:long,y:string,z:real
1|a|null
2|b|null
3||3.5`},
		{name: "inner", query: "union kind=inner UT1, UT2", want: `
x:long
1
2
3`},
		{name: "piped", query: "UT2 | union UT1", want: `
x:long,z:real,y:string
3|3.5|
1|null|a
2|null|b`},
		{name: "wildcard", query: "union withsource=Src UT* | project Src, x", want: `
Src:string,x:long
UT1|1
UT1|2
UT2|3`},
		{name: "wildcard with named branch", query: "union UT*, Other | count", want: "Count:long\n4"},
		{name: "wildcard matching nothing", query: "union Nope*", err: "no table matches 'Nope*'"},
		{name: "fuzzy skips unknown tables", query: "union isfuzzy=true UT1, Nope, (Nope2 | where x > 1), Nope* | count",
			want: "Count:long\n2"},
		{name: "unknown table without fuzzy", query: "union UT1, Nope", err: "unknown table 'Nope'"},
		{name: "fuzzy skips branches that do not resolve", query: "union isfuzzy=true UT1, (UT2 | project nosuch) | count",
			want: "Count:long\n2"},
		{name: "fuzzy with no branch left", query: "union isfuzzy=true (UT2 | project nosuch)", err: "unknown column or name 'nosuch'"},
		{name: "labels", query: `let A = datatable(x:long)[9];
let B = UT1;
union withsource=Src UT1, A, B, (UT2 | where x > 0), (UT2 | as Named) | summarize count() by Src`, want: `
Src:string,count_:long
UT1|4
union_arg1|1
union_arg3|1
Named|1`},
		{name: "piped labels", query: `UT1 | union withsource=S UT2 | distinct S`, want: "S:string\nUT1\nUT2"},
		{name: "piped label after operator", query: `UT1 | where x > 0 | union withsource=S UT2 | distinct S`,
			want: "S:string\nunion_arg0\nUT2"},
		{name: "type conflicts", query: `let View_1 = view () { print x=1 };
let View_2 = view () { print x=toint(2) };
let View_3 = view () { print x_long=3 };
union withsource=TableName View_1, View_2, View_3`, want: `
TableName:string,x_long1:long,x_int:int,x_long:long
View_1|1|null|null
View_2|null|2|null
View_3|null|null|3`},
		{name: "bad kind", query: "union kind=sideways UT1", err: "union kind 'sideways' is not supported"},
	}
	runCases(t, cases, unionTables()...)
}

func TestAsAndInvoke(t *testing.T) {
	cases := []opCase{
		{name: "as names union branches", query: `union withsource=TableName (range x from 1 to 2 step 1 | as T1), (range x from 1 to 1 step 1 | as T2)`,
			want: "TableName:string,x:long\nT1|1\nT1|2\nT2|1"},
		{name: "as binds a name", query: `range x from 1 to 3 step 1 | as T | where x > 1 | union (T | where x == 1)`,
			want: "x:long\n2\n3\n1"},
		{name: "as materialized", query: `range x from 1 to 2 step 1 | as hint.materialized=true T | join kind=inner T on x | count`,
			want: "Count:long\n2"},
		{name: "invoke", query: `let f = (T:(x:long), k:long) { T | where x > k };
range x from 1 to 5 step 1 | invoke f(3)`, want: "x:long\n4\n5"},
		{name: "invoke without args", query: `let f = (T:(*)) { T | count };
range x from 1 to 5 step 1 | invoke f()`, want: "Count:long\n5"},
		{name: "invoke scalar function", query: `let f = (k:long) { k + 1 };
range x from 1 to 5 step 1 | invoke f(3)`, err: "is not tabular"},
		{name: "invoke unknown", query: `range x from 1 to 5 step 1 | invoke nope()`, err: "'nope' is not a function"},
	}
	runCases(t, cases)
}

func TestUnionSharedColumns(t *testing.T) {
	cases := []opCase{
		{name: "let-bound union read twice", query: `let U = union UT1, UT2;
U | project x | join kind=inner (U | project x, z) on x | project x, z`, want: "x:long,z:real\n1|null\n2|null\n3|3.5"},
		{name: "inline union pruned", query: `union UT1, UT2 | project y | where y != ""`, want: "y:string\na\nb"},
	}
	runCases(t, cases, unionTables()...)
}
