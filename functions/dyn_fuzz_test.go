package functions

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// dynFuzzFuncs are the scalar functions of the dyn_*.go and agg2_*.go files.
var dynFuzzFuncs = []string{
	"array_length", "array_concat", "array_slice", "array_index_of", "array_iff", "array_iif",
	"array_reverse", "array_rotate_left", "array_rotate_right", "array_shift_left", "array_shift_right",
	"array_split", "array_sum", "array_sort_asc", "array_sort_desc",
	"set_union", "set_intersect", "set_difference", "set_has_element", "jaccard_index", "zip", "range", "repeat",
	"bag_keys", "bag_merge", "bag_pack", "pack", "pack_dictionary", "pack_array", "bag_remove_keys",
	"bag_set_key", "bag_has_key", "bag_zip", "treepath", "dynamic_to_json", "parse_xml",
	"merge_tdigest", "tdigest_merge", "percentile_tdigest", "percentiles_array_tdigest", "rank_tdigest", "percentrank_tdigest", "set_equals", "arraylength",
	"hll_merge", "dcount_hll",
}

// FuzzDynFunctions calls every dynamic function with arguments made from
// the fuzzer's JSON texts and numbers: any combination may fail to bind or
// give null, but none may panic.
func FuzzDynFunctions(f *testing.F) {
	f.Add(`[1,2,3]`, `{"a":{"b":1}}`, int64(2), "$.a.b")
	f.Add(`[[7],[1,2],[1,1]]`, `["hll",14,"s",1,2]`, int64(-9223372036854775808), "a")
	f.Add(`[true,false,null]`, `[1,"x",1.5]`, int64(9223372036854775807), "$['a']")
	f.Fuzz(func(t *testing.T, j1, j2 string, n int64, s string) {
		d1, err1 := data.ParseJSON(j1)
		d2, err2 := data.ParseJSON(j2)
		if err1 != nil || err2 != nil {
			return
		}
		vals := []data.Value{data.DynamicValue(d1), data.DynamicValue(d2), data.LongValue(n),
			data.StringValue(s), data.RealValue(float64(n) / 7)}
		for _, name := range dynFuzzFuncs {
			if (name == "range" || name == "repeat") && (n > 1000 || n < -1000) {
				continue // a million-element array per call only slows the fuzzer
			}
			for _, args := range dynFuzzArgs(vals) {
				_, _ = tryScalar(name, args...)
			}
		}
	})
}

// dynFuzzArgs returns argument lists of one to three values.
func dynFuzzArgs(vals []data.Value) [][]data.Value {
	var out [][]data.Value
	for _, a := range vals {
		out = append(out, []data.Value{a})
		for _, b := range vals {
			out = append(out, []data.Value{a, b})
			for _, c := range vals[:3] {
				out = append(out, []data.Value{a, b, c})
			}
		}
	}
	return out
}
