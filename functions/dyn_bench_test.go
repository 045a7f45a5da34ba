package functions

import (
	"strconv"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

const benchRows = 100000

func benchColumns() (longs, strs, dyns data.Column) {
	ls := make([]int64, benchRows)
	ss := make([]string, benchRows)
	ds := make([]data.Dyn, benchRows)
	for i := range ls {
		ls[i] = int64(i % 1000)
		ss[i] = "user" + strconv.Itoa(i%5000)
		ds[i] = data.DynArrayOf([]data.Dyn{data.DynLongOf(int64(i)), data.DynStringOf(ss[i])})
	}
	return data.NewVec(data.Long, ls, nil), data.NewVec(data.String, ss, nil), data.NewVec(data.Dynamic, ds, nil)
}

func benchScalar(b *testing.B, name string, args ...data.Column) {
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
		if _, err := k(&Ctx{}, benchRows, args); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchRows, "ns/row")
}

func BenchmarkDynArrayLength(b *testing.B) {
	_, _, dyns := benchColumns()
	benchScalar(b, "array_length", dyns)
}

func BenchmarkDynPackArray(b *testing.B) {
	longs, strs, _ := benchColumns()
	benchScalar(b, "pack_array", longs, strs)
}

func BenchmarkDynBagPack(b *testing.B) {
	longs, strs, _ := benchColumns()
	ka, kb := data.NewConst(data.StringValue("a"), benchRows), data.NewConst(data.StringValue("b"), benchRows)
	benchScalar(b, "bag_pack", ka, longs, kb, strs)
}

func BenchmarkAgg2Percentile(b *testing.B) {
	longs, _, _ := benchColumns()
	p := data.LongValue(95)
	bind, err := aggBind("percentile", []aggArg{{col: longs}, {konst: &p}})
	if err != nil {
		b.Fatal(err)
	}
	groups := make([]uint32, benchRows)
	for i := range groups {
		groups[i] = uint32(i % 100)
	}
	cols := []data.Column{longs, data.NewConst(p, benchRows)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := bind.New()
		if err := a.Update(&Ctx{}, groups, 100, cols); err != nil {
			b.Fatal(err)
		}
		a.Result(100)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchRows, "ns/row")
}
