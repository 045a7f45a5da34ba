package functions

import (
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// aggArg is an argument of an aggregate call in tests: a column, or a
// constant (Const set) repeated over the rows.
type aggArg struct {
	col   data.Column
	konst *data.Value
}

func aggCol(t data.Type, vals ...data.Value) aggArg { return aggArg{col: data.NewColumn(t, vals)} }

func aggConst(v data.Value) aggArg { return aggArg{konst: &v} }

func aggLongs(xs ...int64) aggArg {
	vals := make([]data.Value, len(xs))
	for i, x := range xs {
		vals[i] = data.LongValue(x)
	}
	return aggCol(data.Long, vals...)
}

func aggBools(xs ...bool) aggArg {
	vals := make([]data.Value, len(xs))
	for i, x := range xs {
		vals[i] = data.BoolValue(x)
	}
	return aggCol(data.Bool, vals...)
}

func aggDyns(t testing.TB, xs ...string) aggArg {
	vals := make([]data.Value, len(xs))
	for i, x := range xs {
		vals[i] = dynJ(t, x)
	}
	return aggCol(data.Dynamic, vals...)
}

func aggSeq(lo, hi int64) aggArg {
	var xs []int64
	for x := lo; x <= hi; x++ {
		xs = append(xs, x)
	}
	return aggLongs(xs...)
}

// aggBind binds an aggregate to the test arguments.
func aggBind(name string, args []aggArg) (AggBinding, error) {
	f, ok := Builtins().Aggregate(name)
	if !ok {
		return AggBinding{}, errUnknown(name)
	}
	infos := make([]ArgInfo, len(args))
	for i, a := range args {
		if a.konst != nil {
			infos[i] = ArgInfo{Type: a.konst.Type(), Const: a.konst}
		} else {
			infos[i] = ArgInfo{Type: a.col.Type()}
		}
	}
	return f.Bind(infos)
}

// aggColumns slices the argument columns to rows lo..hi-1.
func aggColumns(args []aggArg, lo, hi int) []data.Column {
	cols := make([]data.Column, len(args))
	for i, a := range args {
		if a.konst != nil {
			cols[i] = data.NewConst(*a.konst, hi-lo)
		} else {
			cols[i] = a.col.Slice(lo, hi)
		}
	}
	return cols
}

func aggRows(args []aggArg) int {
	for _, a := range args {
		if a.konst == nil {
			return a.col.Len()
		}
	}
	return 0
}

// runAgg aggregates all rows into one group, both in one state and split
// into two states merged together, checks that both agree, and returns the
// results formatted by dynShow (joined with ", " for several outputs).
func runAgg(t *testing.T, name string, args ...aggArg) string {
	t.Helper()
	b, err := aggBind(name, args)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	n := aggRows(args)
	whole := b.New()
	if err := whole.Update(&Ctx{}, make([]uint32, n), 1, aggColumns(args, 0, n)); err != nil {
		t.Fatal(err)
	}
	mid := n / 2
	left, right := b.New(), b.New()
	if err := left.Update(&Ctx{}, make([]uint32, mid), 1, aggColumns(args, 0, mid)); err != nil {
		t.Fatal(err)
	}
	if err := right.Update(&Ctx{}, make([]uint32, n-mid), 1, aggColumns(args, mid, n)); err != nil {
		t.Fatal(err)
	}
	left.Merge(right, []uint32{0}, 1)
	got, merged := aggShowCols(whole.Result(1)), aggShowCols(left.Result(1))
	if got != merged {
		t.Errorf("%s: merged states give %s, one state %s", name, merged, got)
	}
	return got
}

func aggShowCols(cols []data.Column) string {
	var parts []string
	for _, c := range cols {
		parts = append(parts, dynShow(c.Value(0)))
	}
	return strings.Join(parts, ", ")
}

type aggCase struct {
	name string
	fn   string
	args []aggArg
	want string
}

func runAggCases(t *testing.T, cases []aggCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if strings.HasPrefix(c.want, "error: ") {
				_, err := aggBind(c.fn, c.args)
				if err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(c.want, "error: ")) {
					t.Fatalf("got error %v, want %s", err, c.want)
				}
				return
			}
			if got := runAgg(t, c.fn, c.args...); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func TestAgg2Stats(t *testing.T) {
	x := aggSeq(1, 100)
	var even []bool
	for i := 1; i <= 100; i++ {
		even = append(even, i%2 == 0)
	}
	reals := func(xs ...float64) aggArg {
		vals := make([]data.Value, len(xs))
		for i, f := range xs {
			vals[i] = data.RealValue(f)
		}
		return aggCol(data.Real, vals...)
	}
	runAggCases(t, []aggCase{
		{"stdevif", "stdevif", []aggArg{x, aggBools(even...)}, "29.154759474226502"},
		{"variancepif", "variancepif", []aggArg{x, aggBools(even...)}, "833"},
		{"stdevp", "stdevp", []aggArg{aggSeq(1, 5)}, "1.4142135623730951"},
		{"stdev", "stdev", []aggArg{aggSeq(1, 5)}, "1.5811388300841898"},
		{"variance", "variance", []aggArg{aggSeq(1, 5)}, "2.5"},
		{"variancep", "variancep", []aggArg{aggSeq(1, 5)}, "2"},
		{"variance one", "variance", []aggArg{aggLongs(7)}, "0"},
		{"variance empty", "variance", []aggArg{aggLongs()}, "0"},
		{"variance nulls", "variance", []aggArg{aggCol(data.Long, data.LongValue(1), data.Null(data.Long), data.LongValue(3))}, "2"},
		{"covariance", "covariance", []aggArg{reals(1, 2, 3, 4, 5), reals(14, 10, 17, 20, 50)}, "20.5"},
		{"covariancep", "covariancep", []aggArg{reals(1, 2, 3, 4, 5), reals(14, 10, 17, 20, 50)}, "16.4"},
		{"stdev string", "stdev", []aggArg{aggCol(data.String, data.StringValue("a"))}, "error: expects a number"},
		{"stdevif no predicate", "stdevif", []aggArg{x}, "error: expects 2 arguments"},
	})
	// covarianceif and covariancepif over the oracle's data
	var ys []int64
	var mod3 []bool
	for i := int64(1); i <= 100; i++ {
		if i%2 == 0 {
			ys = append(ys, i*2)
		} else {
			ys = append(ys, i*3)
		}
		mod3 = append(mod3, i%3 == 0)
	}
	runAggCases(t, []aggCase{
		{"covarianceif", "covarianceif", []aggArg{x, aggLongs(ys...), aggBools(mod3...)}, "2142"},
		{"covariancepif", "covariancepif", []aggArg{x, aggLongs(ys...), aggBools(mod3...)}, "2077.090909090909"},
	})
}

func TestAgg2Percentiles(t *testing.T) {
	p := func(f float64) aggArg { return aggConst(data.RealValue(f)) }
	pl := func(n int64) aggArg { return aggConst(data.LongValue(n)) }
	runAggCases(t, []aggCase{
		{"median", "percentile", []aggArg{aggSeq(1, 10), pl(50)}, "5"},
		{"p0", "percentile", []aggArg{aggSeq(1, 10), pl(0)}, "1"},
		{"p100", "percentile", []aggArg{aggSeq(1, 10), pl(100)}, "10"},
		{"p95 of 1000", "percentile", []aggArg{aggSeq(1, 1000), pl(95)}, "950"},
		{"empty", "percentile", []aggArg{aggLongs(), pl(50)}, "null"},
		{"reals", "percentile", []aggArg{aggCol(data.Real, data.RealValue(2.5), data.RealValue(1.5)), pl(50)}, "1.5"},
		{"timespans", "percentile", []aggArg{aggCol(data.TimeSpan, data.TimeSpanValue(data.Hour), data.TimeSpanValue(2*data.Hour)), pl(100)}, "02:00:00"},
		{"several", "percentiles", []aggArg{aggSeq(1, 10), pl(10), p(90)}, "1, 9"},
		{"array", "percentiles_array", []aggArg{aggSeq(1, 10), pl(10), p(90)}, "[1,9]"},
		{"array dynamic", "percentiles_array", []aggArg{aggSeq(1, 10), aggConst(dynJ(t, "[50, 100]"))}, "[5,10]"},
		{"weighted", "percentilesw_array", []aggArg{aggLongs(10, 20, 30, 40), aggLongs(8, 6, 3, 1), aggConst(dynJ(t, "[50, 75, 99.9]"))}, "[20,20,40]"},
		{"weighted scalar", "percentilew", []aggArg{aggLongs(10, 20, 30, 40), aggLongs(8, 6, 3, 1), pl(50)}, "20"},
		{"weighted several", "percentilesw", []aggArg{aggLongs(10, 20, 30, 40), aggLongs(8, 6, 3, 1), pl(50), p(99.9)}, "20, 40"},
		{"non-constant", "percentile", []aggArg{aggSeq(1, 3), aggSeq(1, 3)}, "error: constant percentiles"},
		{"out of range", "percentile", []aggArg{aggSeq(1, 3), pl(101)}, "error: between 0 and 100"},
		{"string", "percentile", []aggArg{aggCol(data.String, data.StringValue("a")), pl(50)}, "error: expects a number"},
	})
}

func TestAgg2TDigest(t *testing.T) {
	digest := runAgg(t, "tdigest", aggSeq(1, 1000))
	d := dynJ(t, digest)
	if got := dynShow(callScalar(t, "rank_tdigest", d, data.LongValue(685))); got != "685" {
		t.Errorf("rank_tdigest(685) = %s, want 685", got)
	}
	if got := dynShow(callScalar(t, "percentrank_tdigest", d, data.LongValue(685))); got != "68.5" {
		t.Errorf("percentrank_tdigest(685) = %s, want 68.5", got)
	}
	if got := dynShow(callScalar(t, "percentile_tdigest", d, data.LongValue(50))); got != "500" {
		t.Errorf("percentile_tdigest(50) = %s, want 500", got)
	}
	weighted := runAgg(t, "tdigest", aggCol(data.Real, data.RealValue(1), data.RealValue(2)), aggLongs(1, 2))
	if weighted != "[[8],[1.0,2.0],[1,2]]" {
		t.Errorf("weighted tdigest = %s", weighted)
	}
	if got := dynShow(callScalar(t, "percentile_tdigest", dynJ(t, weighted), data.LongValue(50))); got != "2.0" {
		t.Errorf("weighted percentile_tdigest(50) = %s, want 2.0", got)
	}
	a, b := dynJ(t, runAgg(t, "tdigest", aggSeq(1, 10))), dynJ(t, runAgg(t, "tdigest", aggSeq(11, 20)))
	merged := callScalar(t, "merge_tdigest", a, b)
	if got := dynShow(callScalar(t, "percentile_tdigest", merged, data.LongValue(100))); got != "20" {
		t.Errorf("merged percentile 100 = %s, want 20", got)
	}
	if got := dynShow(callScalar(t, "percentiles_array_tdigest", merged, data.LongValue(0), data.LongValue(50))); got != "[1,10]" {
		t.Errorf("percentiles_array_tdigest = %s, want [1,10]", got)
	}
	if got := runAgg(t, "tdigest_merge", aggCol(data.Dynamic, a, b)); got != merged.Dyn().String() {
		t.Errorf("tdigest_merge aggregate = %s, want %s", got, merged.Dyn())
	}
	if got := runAgg(t, "tdigest", aggLongs()); got != "null" {
		t.Errorf("tdigest of nothing = %s, want null", got)
	}
	if got := dynShow(callScalar(t, "percentile_tdigest", dynJ(t, `"x"`), data.LongValue(50))); got != "null" {
		t.Errorf("percentile_tdigest of a non-digest = %s, want null", got)
	}
	f, _ := Builtins().Scalar("percentile_tdigest")
	long := data.StringValue("long")
	typ, _, err := f.BindCall([]ArgInfo{{Type: data.Dynamic}, {Type: data.Long}, {Type: data.String, Const: &long}})
	if err != nil || typ != data.Long {
		t.Errorf("percentile_tdigest with typeof(long): got %v, %v", typ, err)
	}
}

func TestAgg2HLL(t *testing.T) {
	hx := runAgg(t, "hll", aggSeq(1, 10))
	hy := runAgg(t, "hll", aggSeq(11, 20))
	merged := callScalar(t, "hll_merge", dynJ(t, hx), dynJ(t, hy))
	if got := dynShow(callScalar(t, "dcount_hll", merged)); got != "20" {
		t.Errorf("dcount_hll(merged) = %s, want 20", got)
	}
	if got := runAgg(t, "hll_merge", aggCol(data.Dynamic, dynJ(t, hx), dynJ(t, hy), dynJ(t, hx))); got != merged.Dyn().String() {
		t.Errorf("hll_merge aggregate = %s, want %s", got, merged.Dyn())
	}
	if got := runAgg(t, "hll", aggLongs()); got != "null" {
		t.Errorf("hll of nothing = %s, want null", got)
	}
	big := runAgg(t, "hll", aggSeq(1, 50000), aggConst(data.LongValue(0)))
	n := callScalar(t, "dcount_hll", dynJ(t, big)).Int64()
	if n < 48000 || n > 52000 {
		t.Errorf("dcount_hll of 50000 values at accuracy 0 = %d", n)
	}
	if _, err := aggBind("hll", []aggArg{aggCol(data.Real, data.RealValue(1))}); err == nil {
		t.Errorf("hll(real): want an error")
	}
	mixed := callScalar(t, "hll_merge", dynJ(t, big), dynJ(t, hx))
	if m := callScalar(t, "dcount_hll", mixed).Int64(); m < 48000 || m > 52000 {
		t.Errorf("dcount_hll of a dense and a sparse merge = %d", m)
	}
	// the sketch of a different precision merges at the smaller one
	precise := runAgg(t, "hll", aggSeq(25001, 75000), aggConst(data.LongValue(2)))
	both := callScalar(t, "hll_merge", dynJ(t, big), dynJ(t, precise))
	if m := callScalar(t, "dcount_hll", both).Int64(); m < 72000 || m > 78000 {
		t.Errorf("dcount_hll of merged precisions = %d, want about 75000", m)
	}
	if got := runAgg(t, "hll_if", aggSeq(1, 10), aggBools(true, false, true, false, true, false, true, false, true, false)); !strings.HasPrefix(got, `["hll",14,"s"`) {
		t.Errorf("hll_if = %s", got)
	}
}

func TestAgg2Misc(t *testing.T) {
	s := func(xs ...string) aggArg {
		vals := make([]data.Value, len(xs))
		for i, x := range xs {
			vals[i] = data.StringValue(x)
		}
		return aggCol(data.String, vals...)
	}
	runAggCases(t, []aggCase{
		{"count_distinct", "count_distinct", []aggArg{s("a", "b", "a", "c")}, "3"},
		{"count_distinctif", "count_distinctif", []aggArg{s("a", "b", "a", "c"), aggBools(true, false, true, true)}, "2"},
		{"count_distinct dynamic", "count_distinct", []aggArg{aggDyns(t, "1")}, "error: cannot count dynamic"},
		{"or", "binary_all_or", []aggArg{aggLongs(0x88888008, 0x42000000, 0x00767000, 0x00000005)}, "3405705229"},
		{"and", "binary_all_and", []aggArg{aggLongs(0xFFFFFFFF, 0xFFFFF00F, 0xCFFFFFFD, 0xFAFEFFFF)}, "3405705229"},
		{"xor", "binary_all_xor", []aggArg{aggLongs(0x44404440, 0x1E1E1E1E, 0x90ABBA09, 0x000B105A)}, "3405705229"},
		{"or empty", "binary_all_or", []aggArg{aggLongs()}, "null"},
		{"or real", "binary_all_or", []aggArg{aggCol(data.Real, data.RealValue(1))}, "error: expects an integer"},
		{"take_anyif", "take_anyif", []aggArg{aggLongs(1, 5, 7), aggBools(false, true, true)}, "5"},
		{"take_anyif none", "take_anyif", []aggArg{aggLongs(1, 5), aggBools(false, false)}, "null"},
		{"take_anyif empty string", "take_anyif", []aggArg{s("", "x"), aggBools(true, true)}, "x"},
		{"anyif", "anyif", []aggArg{s("a", "b"), aggBools(false, true)}, "b"},
		{"make_bag", "make_bag", []aggArg{aggDyns(t, `{"prop01":"val_a"}`, `{"prop02":"val_b"}`, `5`, `{"prop01":"x","prop03":"val_c"}`)},
			`{"prop01":"val_a","prop02":"val_b","prop03":"val_c"}`},
		{"make_bag max", "make_bag", []aggArg{aggDyns(t, `{"a":1}`, `{"b":2}`), aggConst(data.LongValue(1))}, `{"a":1}`},
		{"make_bag_if", "make_bag_if", []aggArg{aggDyns(t, `{"a":1}`, `{"b":2}`, `{"c":3}`), aggBools(true, false, true)}, `{"a":1,"c":3}`},
		{"make_dictionary", "make_dictionary", []aggArg{aggDyns(t, `{"a":1}`)}, `{"a":1}`},
		{"make_bag empty", "make_bag", []aggArg{aggDyns(t)}, `{}`},
		{"make_bag string", "make_bag", []aggArg{s("a")}, "error: expects a dynamic"},
		{"with nulls", "make_list_with_nulls", []aggArg{aggCol(data.Int, data.Null(data.Int), data.IntValue(4), data.IntValue(5))}, "[null,4,5]"},
		{"with nulls empty", "make_list_with_nulls", []aggArg{aggLongs()}, "[]"},
		{"buildschema", "buildschema", []aggArg{aggDyns(t, `{"x":1, "y":3.5}`, `{"x":"somevalue", "z":[1, 2, 3]}`, `{"y":{"w":"zzz"}, "t":["aa", "bb"], "z":["foo"]}`)},
			`{"x":["long","string"],"y":[{"w":"string"},"double"],"z":{"` + "`indexer`" + `":["long","string"]},"t":{"` + "`indexer`" + `":"string"}}`},
		{"buildschema empty", "buildschema", []aggArg{aggDyns(t)}, "null"},
		{"buildschema scalars", "buildschema", []aggArg{aggDyns(t, `1`, `"a"`, `null`)}, `["long","string"]`},
	})
}

func TestAgg2Groups(t *testing.T) {
	// two groups, merged from two states whose group numbers differ
	b, err := aggBind("percentile", []aggArg{aggLongs(), aggConst(data.LongValue(50))})
	if err != nil {
		t.Fatal(err)
	}
	a1, a2 := b.New(), b.New()
	col := func(xs ...int64) []data.Column {
		return aggColumns([]aggArg{aggLongs(xs...), aggConst(data.LongValue(50))}, 0, len(xs))
	}
	if err := a1.Update(&Ctx{}, []uint32{0, 1, 0}, 2, col(1, 100, 3)); err != nil {
		t.Fatal(err)
	}
	if err := a2.Update(&Ctx{}, []uint32{0, 0, 1}, 2, col(200, 300, 2)); err != nil {
		t.Fatal(err)
	}
	// a2's group 0 is a1's group 1 and the other way round
	a1.Merge(a2, []uint32{1, 0}, 2)
	res := a1.Result(2)[0]
	if got := dynShow(res.Value(0)) + " " + dynShow(res.Value(1)); got != "2 200" {
		t.Errorf("got %s, want 2 200", got)
	}
}

func TestAgg2ColumnNames(t *testing.T) {
	c := func(v data.Value) ArgInfo { return ArgInfo{Type: v.Type(), Const: &v} }
	x := ArgInfo{Type: data.Long}
	cases := []struct {
		fn    string
		names []string
		args  []ArgInfo
		want  string
	}{
		{"percentile", []string{"x", ""}, []ArgInfo{x, c(data.LongValue(55))}, "percentile_x_55"},
		{"percentiles", []string{"x", "", ""}, []ArgInfo{x, c(data.LongValue(5)), c(data.RealValue(99.9))}, "percentile_x_5 percentile_x_99_9"},
		{"percentilesw", []string{"LatencyBucket", "ReqCount", ""}, []ArgInfo{x, x, c(data.RealValue(50))}, "percentile_LatencyBucket_50"},
		{"covariance", []string{"x", "y"}, []ArgInfo{x, x}, "covariance_x_y"},
		{"covariancepif", []string{"x", "y", ""}, []ArgInfo{x, x, {Type: data.Bool}}, "covariancepif_x_y"},
	}
	for _, tc := range cases {
		names, ok := AggColumnNames(tc.fn, tc.names, tc.args)
		if got := strings.Join(names, " "); !ok || got != tc.want {
			t.Errorf("%s: got %q (%v), want %q", tc.fn, got, ok, tc.want)
		}
	}
	if _, ok := AggColumnNames("sum", []string{"x"}, []ArgInfo{x}); ok {
		t.Errorf("sum: want no special rule")
	}
}

func TestAgg2ArraySortMany(t *testing.T) {
	got := ArraySortMany([]data.Dyn{dynJ(t, "[1,3,4,5,2]").Dyn(), dynJ(t, `["a","b","c","d","e"]`).Dyn(), dynJ(t, "[1]").Dyn()}, false, true)
	var parts []string
	for _, d := range got {
		parts = append(parts, d.String())
	}
	if s := strings.Join(parts, " "); s != `[1,2,3,4,5] ["a","e","b","c","d"] null` {
		t.Errorf("got %s", s)
	}
	got = ArraySortMany([]data.Dyn{dynJ(t, "[1,3,4,5,2]").Dyn(), dynJ(t, `["a","b","c","d","e"]`).Dyn()}, true, true)
	if s := got[1].String(); s != `["d","c","b","e","a"]` {
		t.Errorf("desc: got %s", s)
	}
}

func TestAgg2HLLExports(t *testing.T) {
	a := dynJ(t, runAgg(t, "hll", aggSeq(1, 10))).Dyn()
	b := dynJ(t, runAgg(t, "hll", aggSeq(5, 20))).Dyn()
	if n, ok := HLLCount(HLLMerge(a, b, data.DynStringOf("x"))); !ok || n != 20 {
		t.Errorf("HLLCount(HLLMerge) = %d, %v; want 20", n, ok)
	}
	if _, ok := HLLCount(data.DynLongOf(1)); ok {
		t.Errorf("HLLCount(1): want not ok")
	}
	if got := HLLMerge(); !got.IsNull() {
		t.Errorf("HLLMerge() = %v, want null", got)
	}
}
