package eval_test

import (
	"context"
	"fmt"
	"syscall"
	"testing"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/eval"
)

// benchTables builds a fact table of n rows (string and long keys, a
// dictionary-encoded text column, a dynamic array) and a dimension table of
// m rows.
func benchTables(n, m int) []*data.Table {
	users := make([]string, n)
	ids := make([]int64, n)
	arrays := make([]data.Dyn, n)
	codes := make([]uint32, n)
	for i := range users {
		users[i] = fmt.Sprintf("user%d@contoso.com", i%(m*2))
		ids[i] = int64(i % (m * 2))
		arrays[i] = data.DynArrayOf([]data.Dyn{data.DynLongOf(int64(i)), data.DynStringOf("x"), data.DynLongOf(3)})
		codes[i] = uint32(i % 1000)
	}
	msgs := make([]string, 1000)
	for i := range msgs {
		msgs[i] = fmt.Sprintf("Event: Notify (resourceName=Sched%d, totalSlices=%d, sliceNumber=%d)", i, i*3, i%7)
	}
	fact := data.MustNewTable("Fact", data.Schema{
		{Name: "User", Type: data.String}, {Name: "Id", Type: data.Long},
		{Name: "Msg", Type: data.String}, {Name: "Arr", Type: data.Dynamic},
	}, []data.Column{
		data.NewVec(data.String, users, nil), data.NewVec(data.Long, ids, nil),
		&data.DictCol{Codes: codes, Values: data.NewVec(data.String, msgs, nil)},
		data.NewVec(data.Dynamic, arrays, nil),
	})
	dusers := make([]string, m)
	dids := make([]int64, m)
	dept := make([]string, m)
	for i := range dusers {
		dusers[i] = fmt.Sprintf("user%d@contoso.com", i)
		dids[i] = int64(i)
		dept[i] = fmt.Sprintf("dept%d", i%17)
	}
	dim := data.MustNewTable("Dim", data.Schema{
		{Name: "User", Type: data.String}, {Name: "Id", Type: data.Long}, {Name: "Dept", Type: data.String},
	}, []data.Column{
		data.NewVec(data.String, dusers, nil), data.NewVec(data.Long, dids, nil), data.NewVec(data.String, dept, nil),
	})
	return []*data.Table{fact, dim}
}

func benchQuery(b *testing.B, query string, tables []*data.Table) {
	q, err := compileQuery(query, tables...)
	if err != nil {
		b.Fatal(err)
	}
	in := &eval.Input{Tables: map[string]*data.Table{}}
	for _, t := range tables {
		in.Tables[t.Name] = t
	}
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := q.Run(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time is steadier than wall time on a shared machine
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// cpuTime returns the process's user and system time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func BenchmarkOps(b *testing.B) {
	tables := benchTables(1_000_000, 10_000)
	queries := []struct{ name, query string }{
		{"join-inner-string", "Fact | join kind=inner Dim on User | count"},
		{"join-innerunique-long", "Fact | join Dim on Id | count"},
		{"join-leftouter-project", "Fact | join kind=leftouter Dim on User | project User, Dept | count"},
		{"lookup", "Fact | lookup Dim on Id | summarize count() by Dept"},
		{"join-leftanti", "Fact | join kind=leftanti Dim on Id | count"},
		{"join-small-left", "Dim | join kind=inner Fact on User | count"},
		{"mv-expand", "Fact | mv-expand Arr | count"},
		{"mv-expand-typed", "Fact | mv-expand a = Arr to typeof(long) | summarize sum(a)"},
		{"parse-dict", `Fact | parse Msg with * "resourceName=" Name ", totalSlices=" Total:long * | summarize sum(Total)`},
		{"parse-where-dict", `Fact | parse-where Msg with * "sliceNumber=" N:long ")" | count`},
		{"parse-plain", `Fact | parse User with Name "@" Domain | summarize count() by Domain`},
		{"union", "union Fact, Fact | count"},
		{"mv-apply-100k", "Fact | take 100000 | mv-apply a = Arr on (summarize n = count()) | summarize sum(n)"},
		{"max-by-user", "Fact | summarize max(Id), take_any(Msg) by User | count"},
		{"max-string", "Fact | summarize max(User), min(Msg) by Id | count"},
		{"arg_max-star", "Fact | summarize arg_max(Id, *) by User | count"},
		{"arg_max-columns", "Fact | summarize arg_max(Id, User, Msg) by bin(Id, 1000) | count"},
		{"window", "Fact | project Id | sort by Id asc | extend p = prev(Id), r = row_number() | where p == Id | count"},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) { benchQuery(b, q.query, tables) })
	}
}
