package eval_test

import "testing"

const searchLets = `let T = datatable(a:string, b:long)["Hello world", 1, "foo bar", 2];
let U = datatable(c:string)["say hello", "no"];
`

func TestSearch(t *testing.T) {
	runCases(t, []opCase{
		{name: "term in any column",
			query: searchLets + `search in (T, U) "hello"`,
			want: `$table:string,a:string,b:long,c:string
union_arg0|Hello world|1|
union_arg1||null|say hello`},
		{name: "prefix, suffix, contains, regex",
			query: searchLets + `T | search "wor*" or "*bar" or "*ll*" or "H*d" | project a`,
			want: `a:string
Hello world
foo bar`},
		{name: "column term and comparison",
			query: searchLets + `T | search a:"foo" or b == 1 | project a`,
			want: `a:string
Hello world
foo bar`},
		{name: "case sensitive",
			query: searchLets + `search kind=case_sensitive in (T, U) "hello" | project $table`,
			want: `$table:string
union_arg1`},
		{name: "star and every column",
			query: searchLets + `T | search * | count`,
			want: `Count:long
2`},
		{name: "star has",
			query: searchLets + `T | search * has "2" | project a`,
			want: `a:string
foo bar`},
		{name: "a source without the column is left out",
			query: searchLets + `search in (T, U) b == 2 | project $table, a`,
			want: `$table:string,a:string
union_arg0|foo bar`},
		{name: "views in scope",
			query: `let V1 = view () { range n from 1 to 3 step 1 }; let V2 = view () { range n from 2 to 4 step 1 }; search n == 3`,
			want: `$table:string,n:long
V1|3
V2|3`},
		{name: "bad kind", query: searchLets + `search kind=fuzzy "x"`, err: "search kind=fuzzy is not supported"},
	})
}

func TestFind(t *testing.T) {
	runCases(t, []opCase{
		{name: "project-smart",
			query: searchLets + `find in (T, U) where * has "hello"`,
			want: `source_:string,pack_:dynamic
union_arg0|{"a":"Hello world","b":1}
union_arg1|{"c":"say hello"}`},
		{name: "predicate columns",
			query: searchLets + `find in (T, U) where b > 0`,
			want: `source_:string,a:string,b:long,pack_:dynamic
union_arg0|Hello world|1|{}
union_arg0|foo bar|2|{}`},
		{name: "project with types and pack_all",
			query: searchLets + `find withsource=src in (T, U) where * has "hello" project a, b:string, pack_all()`,
			want: `src:string,a:string,b:string,column1:dynamic
union_arg0|Hello world|1|{"a":"Hello world","b":1}
union_arg1|||{"c":"say hello"}`},
	})
}
