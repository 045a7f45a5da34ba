package eval_test

import (
	"errors"
	"testing"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/eval"
)

// fuzzOpQueries run over a one-row table T(s:string) holding fuzzed text.
var fuzzOpQueries = []string{
	`T | parse s with * "=" a "," b:long * | project a, b`,
	`T | parse kind=relaxed s with a ":" b:datetime ";" c`,
	`T | parse kind=regex flags=iU s with "(a|b)+" x ":" y:long`,
	`T | parse-where s with a " " b`,
	`T | parse-kv s as (a:string, b:long) with (pair_delimiter=" ", kv_delimiter="=", quote='"', escape="\\", greedy=true)`,
	`T | parse-kv s as (a:string, b:long) with (quote="()")`,
	`T | extend d = parse_json(s) | mv-expand with_itemindex=i d | mv-expand bagexpansion=array d`,
	`T | extend d = parse_json(s) | mv-expand x = d to typeof(long), y = d to typeof(datetime) limit 5`,
	`T | extend d = parse_json(s) | mv-apply e = d on (summarize n = count())`,
	`T | extend k = strlen(s) % 3 | join kind=fullouter (T | extend k = 1) on k`,
	`T | union (T | extend s = strcat(s, "x")) | sort by s asc | extend p = prev(s), r = row_number()`,
}

func FuzzOperators(f *testing.F) {
	for _, s := range []string{"", "a=1,2", "key:2021-01-01;rest", "[1,2,{\"a\":3}]", "{\"a\":[1],\"b\":null}",
		"x=\"q\\\"uoted\" b=5 a=(1 2)", "\n\n=\n,", "aaaa:12aaaa:"} {
		f.Add(s)
	}
	qs := make([]*eval.Query, len(fuzzOpQueries))
	schema := data.Schema{{Name: "s", Type: data.String}}
	for i, q := range fuzzOpQueries {
		var err error
		qs[i], err = compileQuery(q, data.EmptyTable("T", schema))
		if err != nil {
			f.Fatalf("%s: %v", q, err)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		tbl := data.MustNewTable("T", schema, []data.Column{data.NewVec(data.String, []string{s}, nil)})
		for i, q := range qs {
			_, err := q.Run(t.Context(), &eval.Input{Tables: map[string]*data.Table{"T": tbl}})
			var internal *eval.InternalError
			if errors.As(err, &internal) {
				t.Fatalf("%s on %q: %v", fuzzOpQueries[i], s, err)
			}
		}
	})
}
