package functions

import (
	"strconv"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

const dynBenchRows = 100000

func dynBenchColumns() (longs, strs, dyns data.Column) {
	ls := make([]int64, dynBenchRows)
	ss := make([]string, dynBenchRows)
	ds := make([]data.Dyn, dynBenchRows)
	for i := range ls {
		ls[i] = int64(i % 1000)
		ss[i] = "user" + strconv.Itoa(i%5000)
		ds[i] = data.DynArrayOf([]data.Dyn{data.DynLongOf(int64(i)), data.DynStringOf(ss[i])})
	}
	return data.NewVec(data.Long, ls, nil), data.NewVec(data.String, ss, nil), data.NewVec(data.Dynamic, ds, nil)
}

func dynBenchScalar(b *testing.B, name string, args ...data.Column) {
	f, _ := Builtins().Scalar(name)
	infos := make([]ArgInfo, len(args))
	for i, a := range args {
		infos[i] = ArgInfo{Type: a.Type()}
	}
	_, k, err := f.BindCall(infos)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := k(&Ctx{}, dynBenchRows, args); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/dynBenchRows, "ns/row")
}

func BenchmarkDynArrayLength(b *testing.B) {
	_, _, dyns := dynBenchColumns()
	dynBenchScalar(b, "array_length", dyns)
}

func BenchmarkDynPackArray(b *testing.B) {
	longs, strs, _ := dynBenchColumns()
	dynBenchScalar(b, "pack_array", longs, strs)
}

func BenchmarkDynBagPack(b *testing.B) {
	longs, strs, _ := dynBenchColumns()
	ka, kb := data.NewConst(data.StringValue("a"), dynBenchRows), data.NewConst(data.StringValue("b"), dynBenchRows)
	dynBenchScalar(b, "bag_pack", ka, longs, kb, strs)
}

func BenchmarkAgg2Percentile(b *testing.B) {
	longs, _, _ := dynBenchColumns()
	p := data.LongValue(95)
	bind, err := aggBind("percentile", []aggArg{{col: longs}, {konst: &p}})
	if err != nil {
		b.Fatal(err)
	}
	groups := make([]uint32, dynBenchRows)
	for i := range groups {
		groups[i] = uint32(i % 100)
	}
	cols := []data.Column{longs, data.NewConst(p, dynBenchRows)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := bind.New()
		if err := a.Update(&Ctx{}, groups, 100, cols); err != nil {
			b.Fatal(err)
		}
		a.Result(100)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/dynBenchRows, "ns/row")
}
