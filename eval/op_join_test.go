package eval_test

import (
	"testing"
)

const joinXY = `let X = datatable(Key:string, Value1:long)['a',1,'b',2,'b',3,'c',4];
let Y = datatable(Key:string, Value2:long)['b',10,'c',20,'c',30,'d',40];
`

func TestJoinKinds(t *testing.T) {
	cases := []opCase{
		{name: "innerunique", query: joinXY + "X | join Y on Key", want: `
Key:string,Value1:long,Key1:string,Value2:long
b|2|b|10
c|4|c|20
c|4|c|30`},
		{name: "inner", query: joinXY + "X | join kind=inner Y on Key", want: `
Key:string,Value1:long,Key1:string,Value2:long
b|2|b|10
b|3|b|10
c|4|c|20
c|4|c|30`},
		{name: "leftouter", query: joinXY + "X | join kind=leftouter Y on Key", want: `
Key:string,Value1:long,Key1:string,Value2:long
a|1||null
b|2|b|10
b|3|b|10
c|4|c|20
c|4|c|30`},
		{name: "rightouter", query: joinXY + "X | join kind=rightouter Y on Key", want: `
Key:string,Value1:long,Key1:string,Value2:long
b|2|b|10
b|3|b|10
c|4|c|20
c|4|c|30
|null|d|40`},
		{name: "fullouter", query: joinXY + "X | join kind=fullouter Y on Key", want: `
Key:string,Value1:long,Key1:string,Value2:long
a|1||null
b|2|b|10
b|3|b|10
c|4|c|20
c|4|c|30
|null|d|40`},
		{name: "leftsemi", query: joinXY + "X | join kind=leftsemi Y on Key", want: `
Key:string,Value1:long
b|2
b|3
c|4`},
		{name: "leftanti", query: joinXY + "X | join kind=leftanti Y on Key", want: `
Key:string,Value1:long
a|1`},
		{name: "anti alias", query: joinXY + "X | join kind=anti Y on Key", want: `
Key:string,Value1:long
a|1`},
		{name: "leftantisemi alias", query: joinXY + "X | join kind=leftantisemi Y on Key", want: `
Key:string,Value1:long
a|1`},
		{name: "rightsemi", query: joinXY + "X | join kind=rightsemi Y on Key", want: `
Key:string,Value2:long
b|10
c|20
c|30`},
		{name: "rightanti", query: joinXY + "X | join kind=rightanti Y on Key", want: `
Key:string,Value2:long
d|40`},
		{name: "rightantisemi", query: joinXY + "X | join kind=rightantisemi Y on Key", want: `
Key:string,Value2:long
d|40`},
		{name: "hints ignored", query: joinXY +
			"X | join kind=inner hint.strategy=shuffle hint.shufflekey=Key hint.remote=left (Y) on Key | count",
			want: "Count:long\n4"},
		{name: "left right keys", query: joinXY +
			"X | join kind=inner (Y | project K=Key, V=Value2) on $left.Key == $right.K", want: `
Key:string,Value1:long,K:string,V:long
b|2|b|10
b|3|b|10
c|4|c|20
c|4|c|30`},
		{name: "reversed sides", query: joinXY +
			"X | join kind=inner (Y | project K=Key) on $right.K == $left.Key | count", want: "Count:long\n4"},
		{name: "where pushed before innerunique", query: `let t1 = datatable(key: long, value: string)[1, "val1.1", 1, "val1.2"];
let t2 = datatable(key: long, value: string)[1, "val1.3", 1, "val1.4"];
t1 | join kind = innerunique t2 on key | where value == "val1.2"`, want: `
key:long,value:string,key1:long,value1:string
1|val1.2|1|val1.3
1|val1.2|1|val1.4`},
	}
	runCases(t, cases)
}

func TestJoinKeysAndNames(t *testing.T) {
	cases := []opCase{
		{name: "several keys with and and commas", query: `
let A = datatable(a:long, b:string, c:long)[1,"x",10, 1,"y",20, 2,"x",30];
let B = datatable(a:long, bb:string, d:long)[1,"x",100, 2,"x",200, 1,"y",300];
A | join kind=inner B on a, $left.b == $right.bb and $left.a == $right.a | project c, d`, want: `
c:long,d:long
10|100
20|300
30|200`},
		{name: "int with long", query: `
let A = datatable(k:int, v:string)[1,"one", 2,"two"];
let B = datatable(k:long, w:string)[2,"deux"];
A | join kind=inner B on k`, want: `
k:int,v:string,k1:long,w:string
2|two|2|deux`},
		{name: "null keys match", query: `
let A = datatable(k:long, v:string)[1,"one", long(null),"none"];
let B = datatable(k:long, w:string)[long(null),"nul"];
A | join kind=leftouter B on k | project v, w`, want: `
v:string,w:string
one|
none|nul`},
		{name: "suffix skips taken names", query: `
let A = datatable(k:string, k1:long)["a", 1];
let B = datatable(k:string, rv:long)["a", 2];
A | join kind=inner B on k`, want: `
k:string,k1:long,k2:string,rv:long
a|1|a|2`},
		{name: "chained renames", query: `
let U = datatable(UserId:string, name:string)["u1","Ann", "u2","Bob", "u3","Cy"];
let K = datatable(FirstUser:string, SecondUser:string)["u1","u2", "u2","u3"];
U | join kind=inner (K) on $left.UserId == $right.FirstUser
| join kind=innerunique (U) on $left.SecondUser == $right.UserId
| join kind=inner (K) on $left.SecondUser == $right.FirstUser
| join kind=innerunique (U) on $left.SecondUser1 == $right.UserId
| project name, name1, name2`, want: `
name:string,name1:string,name2:string
Ann|Bob|Cy`},
		{name: "empty right", query: `
let A = datatable(k:long)[1, 2];
let B = datatable(k:long, w:string)[];
A | join kind=leftouter B on k`, want: `
k:long,k1:long,w:string
1|null|
2|null|`},
		{name: "dynamic values gathered", query: `
let A = datatable(k:long)[1, 2];
let B = datatable(k:long, d:dynamic)[1, dynamic({"a":1})];
A | join kind=leftouter B on k | project k, d`, want: `
k:long,d:dynamic
1|{"a":1}
2|null`},
	}
	runCases(t, cases)
}

func TestJoinErrors(t *testing.T) {
	cases := []opCase{
		{name: "unknown kind", query: joinXY + "X | join kind=crossways Y on Key", err: "join kind 'crossways' is not supported"},
		{name: "type mismatch", query: joinXY + "X | join (Y | project Key=Value2) on Key", err: "join key types differ"},
		{name: "not equality", query: joinXY + "X | join Y on $left.Key != $right.Key", err: "must be equalities"},
		{name: "unknown left column", query: joinXY + "X | join Y on Kay", err: "the left side of the join has no column 'Kay' (did you mean 'Key'?)"},
		{name: "unknown right column", query: joinXY + "X | join Y on $left.Key == $right.Value1", err: "the right side of the join has no column 'Value1'"},
		{name: "same side", query: joinXY + "X | join Y on $left.Key == $left.Key", err: "must compare $left.Column with $right.Column"},
		{name: "lookup kind", query: joinXY + "X | lookup kind=fullouter Y on Key", err: "lookup kind 'fullouter' is not supported"},
	}
	runCases(t, cases)
}

func TestLookup(t *testing.T) {
	cases := []opCase{
		{name: "leftouter default", query: `
let F = datatable(Row:string, Key:string, V:string)['1','a','fa', '2','b','fb', '3','b','fb2', '4','z','fz'];
let D = datatable(Key:string, V:string, Alias:string)['a','da','xa', 'b','db','xb', 'c','dc','xc'];
F | lookup D on Key`, want: `
Row:string,Key:string,V:string,V1:string,Alias:string
1|a|fa|da|xa
2|b|fb|db|xb
3|b|fb2|db|xb
4|z|fz||`},
		{name: "inner", query: `
let F = datatable(Row:string, Key:string)['1','a', '4','z'];
let D = datatable(Key:string, Alias:string)['a','da'];
F | lookup kind=inner D on Key`, want: `
Row:string,Key:string,Alias:string
1|a|da`},
		{name: "qualified keys drop the right name", query: `
let F = datatable(Row:string, K1:string)['1','a', '2','b'];
let D = datatable(K2:string, Alias:string)['a','da', 'b','db'];
F | lookup D on $left.K1 == $right.K2`, want: `
Row:string,K1:string,Alias:string
1|a|da
2|b|db`},
	}
	runCases(t, cases)
}
