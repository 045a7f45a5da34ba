package eval_test

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func TestParse(t *testing.T) {
	cases := []opCase{
		{name: "simple", query: `datatable(s:string)['a=1, b=xy', 'nomatch'] | parse s with "a=" a ", b=" b`, want: `
s:string,a:string,b:string
a=1, b=xy|1|xy
nomatch||`},
		{name: "typed null on no match", query: `datatable(s:string)['a=1', 'x'] | parse s with "a=" a:long`, want: `
s:string,a:long
a=1|1
x|null`},
		{name: "lazy in simple, anchored at the end", query: `datatable(s:string)['aXcYc'] | parse s with "a" v "c" | project v`, want: "v:string\nXcY"},
		{name: "lazy before star", query: `datatable(s:string)['aXcYc'] | parse s with "a" v "c" * | project v`, want: "v:string\nX"},
		{name: "no match when the end does not fit", query: `datatable(s:string)['abcbd'] | parse s with "a" v "b" | project v, m = v == ""`, want: "v:string,m:bool\n|true"},
		{name: "greedy in regex", query: `datatable(s:string)['aXcYc'] | parse kind=regex s with "a" v "c" * | project v`, want: "v:string\nXcY"},
		{name: "U flag", query: `datatable(s:string)['aXcYc'] | parse kind=regex flags=U s with "a" v "c" * | project v`, want: "v:string\nX"},
		{name: "regex unanchored end", query: `datatable(s:string)['abcbd'] | parse kind=regex s with "a" v "b" | project v`, want: "v:string\nbc"},
		{name: "star skips lazily", query: `datatable(s:string)['y=1,x=2,x=9'] | parse s with * "x=" v "," * | project v`, want: "v:string\n2"},
		{name: "literals escaped in simple", query: `datatable(s:string)['axbZ'] | parse s with "a.b" v | project v, m = v == ""`, want: "v:string,m:bool\n|true"},
		{name: "literals are regex in regex mode", query: `datatable(s:string)['axbZ'] | parse kind=regex s with "a.b" v | project v`, want: "v:string\nZ"},
		{name: "all or nothing", query: `datatable(s:string)['a=1,b=2,c=zz,d=4'] | parse s with "a=" a: long ",b=" b ",c=" c: long ",d=" d | project a, b, c, d`,
			want: "a:long,b:string,c:long,d:string\nnull||null|"},
		{name: "relaxed per column", query: `datatable(s:string)['a=1,b=2,c=zz,d=4'] | parse kind=relaxed s with "a=" a: long ",b=" b ",c=" c: long ",d=" d | project a, b, c, d`,
			want: "a:long,b:string,c:long,d:string\n1|2|null|4"},
		{name: "empty typed capture fails", query: `datatable(s:string)['a=,b=2'] | parse s with "a=" a: long ",b=" b | project a, b`,
			want: "a:long,b:string\nnull|"},
		{name: "decimal text is not a long", query: `datatable(s:string)['n=1.5'] | parse s with "n=" n:long | project n`, want: "n:long\nnull"},
		{name: "typed shape before star", query: `datatable(s:string)['n=27x, rest'] | parse s with "n=" n:long * "," r | project n, r`, want: "n:long,r:string\n27| rest"},
		{name: "replaces a column in place", query: `datatable(s:string, a:string, z:long)['a=1', 'zz', 5] | parse s with "a=" a:long`, want: `
s:string,a:long,z:long
a=1|1|5`},
		{name: "non-string source", query: `print n=12345 | parse n with "12" rest | project rest`, want: "rest:string\n345"},
		{name: "leading column", query: `print s="key: value" | parse s with k ": " v | project k, v`, want: "k:string,v:string\nkey|value"},
		{name: "datetime and bool", query: `print s="t=2016-02-17 08:40:01;b=1;r=.5" | parse s with "t=" t:datetime ";b=" b:bool ";r=" r:real | project t, b, r`,
			want: "t:datetime,b:bool,r:real\n2016-02-17T08:40:01.0000000Z|true|0.5"},
		{name: "user groups in regex literals", query: `print s="ab12cd34" | parse kind=regex s with "a(b)" v "cd" w | project v, w`, want: "v:string,w:string\n12|34"},
		{name: "parse-where simple", query: `datatable(s:string)['a=1', 'x', 'a=q'] | parse-where s with "a=" a:long`, want: "s:string,a:long\na=1|1"},
		{name: "parse-where after where", query: `datatable(s:string, k:long)['a=1', 1, 'a=2', 2, 'b', 3] | where k > 1 | parse-where s with "a=" a:long | project k, a`,
			want: "k:long,a:long\n2|2"},
		{name: "star after string", query: `print s="a" | parse s with "a" v *`, err: "'*' after the string column 'v' is ambiguous"},
		{name: "relaxed parse-where", query: `print s="a" | parse-where kind=relaxed s with "a" v`, err: "parse-where supports only kind=simple and kind=regex"},
		{name: "bad flag", query: `print s="a" | parse kind=regex flags=x s with "a" v`, err: "regex flag 'x' is not supported"},
		{name: "flags without regex", query: `print s="a" | parse flags=i s with "a" v`, err: "flags need kind=regex"},
	}
	runCases(t, cases)
}

func TestParseDictionary(t *testing.T) {
	vals := data.NewVec(data.String, []string{"x=odd", "x=even", "junk"}, nil)
	col := &data.DictCol{Codes: []uint32{0, 1, 0, 1, 2, 0}, Values: vals}
	tbl := data.MustNewTable("T", data.Schema{{Name: "s", Type: data.String}}, []data.Column{col})
	cases := []opCase{
		{name: "parse", query: `T | parse s with "x=" v | summarize count() by v`, want: "v:string,count_:long\nodd|3\neven|2\n|1"},
		{name: "parse-where", query: `T | parse-where s with "x=" v | summarize count() by v`, want: "v:string,count_:long\nodd|3\neven|2"},
		{name: "after where", query: `T | where s != "x=even" | parse-where s with "x=" v | count`, want: "Count:long\n3"},
	}
	runCases(t, cases, tbl)
}
