package eval_test

import "testing"

const applyData = `let data = datatable (index: int, Arr: dynamic)[0, dynamic([5, 1, 3]), 1, dynamic([4, 10, 8, 7])];
`

func TestMvApply(t *testing.T) {
	cases := []opCase{
		{name: "take keeps all", query: applyData + `data | mv-apply Arr2=Arr to typeof(long) on (take 100)`, want: `
index:int,Arr:dynamic,Arr2:long
0|[5,1,3]|5
0|[5,1,3]|1
0|[5,1,3]|3
1|[4,10,8,7]|4
1|[4,10,8,7]|10
1|[4,10,8,7]|8
1|[4,10,8,7]|7`},
		{name: "top and summarize per row", query: applyData + `data | mv-apply Arr2=Arr to typeof(long) on (top 2 by Arr2 | summarize Top2=make_list(Arr2))`, want: `
index:int,Arr:dynamic,Top2:dynamic
0|[5,1,3]|[5,3]
1|[4,10,8,7]|[10,8]`},
		{name: "item index", query: applyData + `data | mv-apply with_itemindex=i value=Arr to typeof(long) on (where i >= 2)`, want: `
index:int,Arr:dynamic,value:long,i:long
0|[5,1,3]|3|2
1|[4,10,8,7]|8|2
1|[4,10,8,7]|7|3`},
		{name: "column expanded in place", query: applyData + `data | mv-apply Arr on (summarize s = count())`, want: `
index:int,s:long
0|3
1|4`},
		{name: "zip", query: `datatable (Val: int, A1: dynamic, A2: dynamic)[1, dynamic(['a1', 'a2']), dynamic(['b1', 'b2', 'b3'])]
| mv-apply T1=A1, T2=A2 on (project T2, T1) | project-away A1, A2`, want: `
Val:int,T2:dynamic,T1:dynamic
1|b1|a1
1|b2|a2
1|b3|null`},
		{name: "outer column in subquery", query: applyData + `data | mv-apply v=Arr to typeof(long) on (where v > index * 5)`, want: `
index:int,Arr:dynamic,v:long
0|[5,1,3]|5
0|[5,1,3]|1
0|[5,1,3]|3
1|[4,10,8,7]|10
1|[4,10,8,7]|8
1|[4,10,8,7]|7`},
		{name: "limit", query: applyData + `data | mv-apply v=Arr limit 1 on (project v)`, want: `
index:int,Arr:dynamic,v:dynamic
0|[5,1,3]|5
1|[4,10,8,7]|4`},
		{name: "empty array still runs the subquery", query: `datatable(k:long, a:dynamic)[1, dynamic([])] | mv-apply a on (summarize c = count())`, want: `
k:long,c:long
1|0`},
		{name: "nested", query: `print a=dynamic([[1,2],[3]]) | mv-apply x=a on (mv-apply y=x to typeof(long) on (summarize s=sum(y)) | summarize t=sum(s))`, want: `
a:dynamic,t:long
[[1,2],[3]]|6`},
		{name: "as inside the subquery is per row", query: applyData + `data | mv-apply v=Arr to typeof(long) on (as S | union S | summarize n = count())`, want: `
index:int,Arr:dynamic,n:long
0|[5,1,3]|6
1|[4,10,8,7]|8`},
	}
	runCases(t, cases)
}
