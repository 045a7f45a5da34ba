package eval_test

import "testing"

func TestMvExpand(t *testing.T) {
	cases := []opCase{
		{name: "array in place", query: `datatable(a:int, b:dynamic, c:string)[1, dynamic([10, 20]), "x", 2, dynamic(['a']), "y"] | mv-expand b`, want: `
a:int,b:dynamic,c:string
1|10|x
1|20|x
2|a|y`},
		{name: "bags", query: `datatable(a:int, b:dynamic)[1, dynamic({"p1":"a1","p2":"b1"})] | mv-expand b`, want: `
a:int,b:dynamic
1|{"p1":"a1"}
1|{"p2":"b1"}`},
		{name: "bag as arrays", query: `datatable(a:int, b:dynamic)[1, dynamic({"p1":"a1","p2":"b1"})] | mv-expand bagexpansion=array b`, want: `
a:int,b:dynamic
1|["p1","a1"]
1|["p2","b1"]`},
		{name: "kind=array", query: `datatable(a:int, b:dynamic)[1, dynamic({"p1":"a1"})] | mv-expand kind=array b | extend k = tostring(b[0])`, want: `
a:int,b:dynamic,k:string
1|["p1","a1"]|p1`},
		{name: "zip pads with null", query: `datatable(a:int, b:dynamic, c:dynamic)[1, dynamic([1,2,3]), dynamic(['p'])] | mv-expand b, c`, want: `
a:int,b:dynamic,c:dynamic
1|1|p
1|2|null
1|3|null`},
		{name: "null and empty", query: `datatable(a:int, b:dynamic)[1, dynamic(null), 2, dynamic([]), 3, dynamic({}), 4, dynamic("s")] | mv-expand b`, want: `
a:int,b:dynamic
1|null
4|s`},
		{name: "empty padded by another", query: `datatable(a:dynamic, b:dynamic)[dynamic([]), dynamic(['p'])] | mv-expand a, b`, want: `
a:dynamic,b:dynamic
null|p`},
		{name: "named new column", query: `datatable(id:int, a:dynamic)[1, dynamic([10, 20])] | mv-expand x = a`, want: `
id:int,a:dynamic,x:dynamic
1|[10,20]|10
1|[10,20]|20`},
		{name: "named existing column", query: `datatable(id:int, a:dynamic, b:string)[1, dynamic([10, 20]), "orig"] | mv-expand b = a to typeof(long) | project id, b`, want: `
id:int,b:long
1|10
1|20`},
		{name: "to typeof", query: `print d=dynamic([1, 2.5, -2.5, '2', true, null]) | mv-expand l=d to typeof(long), r=d to typeof(real), s=d to typeof(string), b=d to typeof(bool) | project l, r, s, b`, want: `
l:long,r:real,s:string,b:bool
1|1|1|true
2|2.5|2.5|null
-2|-2.5|-2.5|null
null|null|2|null
null|null|true|true
null|null||null`},
		{name: "datetime from strings", query: `print d=dynamic(["2024-01-02T03:04:05Z", 5]) | mv-expand t=d to typeof(datetime) | project t`, want: `
t:datetime
2024-01-02T03:04:05.0000000Z
null`},
		{name: "with_itemindex and limit", query: `print d=dynamic([5, 6, 7]) | mv-expand with_itemindex=i d limit 2`, want: `
d:dynamic,i:long
5|0
6|1`},
		{name: "itemindex name clash", query: `datatable(b:string, d:dynamic)["x", dynamic([5])] | mv-expand with_itemindex=b d`, want: `
b:string,d:dynamic,b1:long
x|5|0`},
		{name: "computed derived name", query: `datatable(payload:string)['[1,2]'] | mv-expand parse_json(payload)`, want: `
payload:dynamic
1
2`},
		{name: "member derived name", query: `print T=dynamic({"m":[1,2]}) | mv-expand T.m | project T_m`, want: `
T_m:dynamic
1
2`},
		{name: "legacy mvexpand limit", query: `range x from 1 to 200 step 1 | summarize d=make_list(x) | mvexpand d | count`, want: "Count:long\n128"},
		{name: "not dynamic", query: `print s="x" | mv-expand s`, err: "mv-expand expects a dynamic array or bag, found string"},
		{name: "pruned columns", query: `datatable(a:int, b:dynamic, c:string)[1, dynamic([10, 20]), "x"] | mv-expand b | project b`, want: `
b:dynamic
10
20`},
		{name: "after where", query: `datatable(a:int, b:dynamic)[1, dynamic([10]), 2, dynamic([20, 30])] | where a > 1 | mv-expand b`, want: `
a:int,b:dynamic
2|20
2|30`},
	}
	runCases(t, cases)
}
