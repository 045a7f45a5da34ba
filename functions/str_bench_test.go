package functions

import (
	"fmt"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// strBenchRows is the number of rows in the string function benchmarks.
const strBenchRows = 100_000

func benchStrings() data.Column {
	vals := make([]string, strBenchRows)
	for i := range vals {
		vals[i] = fmt.Sprintf("User: Name%d, Email: name%d@Example.com, Age: %d", i, i, i%90)
	}
	return data.NewVec(data.String, vals, nil)
}

// benchCall binds fn with the given argument columns (constants marked in
// infos) and runs it b.N times.
func benchCall(b *testing.B, fn string, cols []data.Column, consts ...*data.Value) {
	f, _ := Builtins().Scalar(fn)
	infos := make([]ArgInfo, len(cols))
	for i, c := range cols {
		infos[i] = ArgInfo{Type: c.Type()}
		if i < len(consts) {
			infos[i].Const = consts[i]
		}
	}
	_, k, err := f.BindCall(infos)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := k(&Ctx{}, strBenchRows, cols); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*strBenchRows), "ns/row")
}

func constArg(v data.Value) (data.Column, *data.Value) { return data.NewConst(v, strBenchRows), &v }

func BenchmarkToLower(b *testing.B) { benchCall(b, "tolower", []data.Column{benchStrings()}) }

func BenchmarkIsNotEmpty(b *testing.B) { benchCall(b, "isnotempty", []data.Column{benchStrings()}) }

func BenchmarkExtractConst(b *testing.B) {
	re, rek := constArg(sv(`Email: ([^,]+),`))
	g, gk := constArg(lv(1))
	benchCall(b, "extract", []data.Column{re, g, benchStrings()}, rek, gk)
}

func BenchmarkStrcat(b *testing.B) {
	s := benchStrings()
	sep, _ := constArg(sv("|"))
	benchCall(b, "strcat", []data.Column{s, sep, s})
}

func BenchmarkSplit(b *testing.B) {
	d, dk := constArg(sv(","))
	benchCall(b, "split", []data.Column{benchStrings(), d}, nil, dk)
}

func BenchmarkIff(b *testing.B) {
	conds := make([]bool, strBenchRows)
	for i := range conds {
		conds[i] = i%3 == 0
	}
	s := benchStrings()
	e, _ := constArg(sv(""))
	benchCall(b, "iff", []data.Column{data.NewVec(data.Bool, conds, nil), s, e})
}

func BenchmarkReplaceString(b *testing.B) {
	o, ok := constArg(sv("Example"))
	n, nk := constArg(sv("contoso"))
	benchCall(b, "replace_string", []data.Column{benchStrings(), o, n}, nil, ok, nk)
}

func BenchmarkTrimRegex(b *testing.B) {
	p, pk := constArg(sv(`[^\w]+`))
	benchCall(b, "trim", []data.Column{p, benchStrings()}, pk)
}
