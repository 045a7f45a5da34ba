package functions

import (
	"math"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// dj parses JSON into a dynamic value for tests.
func dynJ(t testing.TB, s string) data.Value {
	t.Helper()
	d, err := data.ParseJSON(s)
	if err != nil {
		t.Fatalf("bad test JSON %q: %v", s, err)
	}
	return data.DynamicValue(d)
}

// dynShow formats a result for comparison: dynamic values as JSON, other
// nulls as "null", everything else with tostring.
func dynShow(v data.Value) string {
	if v.Type() == data.Dynamic {
		return v.Dyn().String()
	}
	if v.IsNull() && v.Type() != data.String {
		return "null"
	}
	if v.Type() == data.Real && math.IsNaN(v.Float64()) {
		return "NaN"
	}
	return v.String()
}

type dynCase struct {
	name string
	fn   string
	args []data.Value
	want string // result as dynShow formats it, or "error: text"
}

func runDynCases(t *testing.T, cases []dynCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := tryScalar(c.fn, c.args...)
			if strings.HasPrefix(c.want, "error: ") {
				if err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(c.want, "error: ")) {
					t.Fatalf("got %v (err %v), want %s", dynShow(got), err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if s := dynShow(got); s != c.want {
				t.Errorf("got %s, want %s", s, c.want)
			}
		})
	}
}

func TestDynArrayFunctions(t *testing.T) {
	l := data.LongValue
	s := data.StringValue
	arr := dynJ(t, "[1,2,3,4,5]")
	runDynCases(t, []dynCase{
		{"length", "array_length", []data.Value{dynJ(t, `[1,2,3,"four"]`)}, "4"},
		{"length empty", "array_length", []data.Value{dynJ(t, `[]`)}, "0"},
		{"length bag", "array_length", []data.Value{dynJ(t, `{"a":1}`)}, "null"},
		{"length null", "array_length", []data.Value{dynJ(t, `null`)}, "null"},
		{"length string", "array_length", []data.Value{s("abc")}, "error: expects a dynamic value"},
		{"concat", "array_concat", []data.Value{dynJ(t, "[1,2,4]"), dynJ(t, "[1,2]")}, "[1,2,4,1,2]"},
		{"concat non-array", "array_concat", []data.Value{dynJ(t, "[1]"), dynJ(t, "5")}, "null"},
		{"slice", "array_slice", []data.Value{arr, l(2), l(-1)}, "[3,4,5]"},
		{"slice neg", "array_slice", []data.Value{arr, l(-3), l(-2)}, "[3,4]"},
		{"slice empty", "array_slice", []data.Value{arr, l(3), l(1)}, "[]"},
		{"slice beyond", "array_slice", []data.Value{arr, l(3), l(100)}, "[4,5]"},
		{"slice null index", "array_slice", []data.Value{arr, data.Null(data.Long), l(1)}, "null"},
		{"rotate left", "array_rotate_left", []data.Value{arr, l(2)}, "[3,4,5,1,2]"},
		{"rotate left neg", "array_rotate_left", []data.Value{arr, l(-2)}, "[4,5,1,2,3]"},
		{"rotate right", "array_rotate_right", []data.Value{arr, l(2)}, "[4,5,1,2,3]"},
		{"rotate right neg", "array_rotate_right", []data.Value{arr, l(-2)}, "[3,4,5,1,2]"},
		{"rotate big", "array_rotate_left", []data.Value{arr, l(12)}, "[3,4,5,1,2]"},
		{"rotate empty", "array_rotate_left", []data.Value{dynJ(t, "[]"), l(3)}, "[]"},
		{"shift left", "array_shift_left", []data.Value{arr, l(2)}, "[3,4,5,null,null]"},
		{"shift left default", "array_shift_left", []data.Value{arr, l(2), l(-1)}, "[3,4,5,-1,-1]"},
		{"shift left neg", "array_shift_left", []data.Value{arr, l(-2), l(-1)}, "[-1,-1,1,2,3]"},
		{"shift right", "array_shift_right", []data.Value{arr, l(2)}, "[null,null,1,2,3]"},
		{"shift right default", "array_shift_right", []data.Value{arr, l(2), l(-1)}, "[-1,-1,1,2,3]"},
		{"shift right neg", "array_shift_right", []data.Value{arr, l(-2), l(-1)}, "[3,4,5,-1,-1]"},
		{"split one", "array_split", []data.Value{arr, l(2)}, "[[1,2],[3,4,5]]"},
		{"split many", "array_split", []data.Value{arr, dynJ(t, "[1,3]")}, "[[1],[2,3],[4,5]]"},
		{"split negative", "array_split", []data.Value{arr, dynJ(t, "[1,-2]")}, "[[1],[2,3],[4,5]]"},
		{"split string", "array_split", []data.Value{arr, s("x")}, "error: integer or a dynamic array"},
		{"sum", "array_sum", []data.Value{dynJ(t, "[1,2,3,4]")}, "10"},
		{"sum reals", "array_sum", []data.Value{dynJ(t, "[2.5,5.5,3]")}, "11"},
		{"sum non-number", "array_sum", []data.Value{dynJ(t, `[1,"a"]`)}, "null"},
		{"reverse", "array_reverse", []data.Value{dynJ(t, `["this","is","an","example"]`)}, `["example","an","is","this"]`},
		{"reverse non-array", "array_reverse", []data.Value{dynJ(t, `"x"`)}, "null"},
	})
}

func TestDynArrayIndexOf(t *testing.T) {
	l := data.LongValue
	s := data.StringValue
	arr := dynJ(t, `["this", "is", "an", "example", "an", "example"]`)
	runDynCases(t, []dynCase{
		{"idx1", "array_index_of", []data.Value{arr, s("an")}, "2"},
		{"idx2", "array_index_of", []data.Value{arr, s("example"), l(1), l(3)}, "3"},
		{"idx3", "array_index_of", []data.Value{arr, s("example"), l(1), l(2)}, "-1"},
		{"idx4", "array_index_of", []data.Value{arr, s("is"), l(2), l(4)}, "-1"},
		{"idx5", "array_index_of", []data.Value{arr, s("example"), l(2), l(-1)}, "3"},
		{"idx6", "array_index_of", []data.Value{arr, s("an"), l(1), l(-1), l(2)}, "4"},
		{"idx7", "array_index_of", []data.Value{arr, s("an"), l(1), l(-1), l(3)}, "-1"},
		{"idx8", "array_index_of", []data.Value{arr, s("an"), l(-3)}, "4"},
		{"idx9", "array_index_of", []data.Value{arr, s("is"), l(-4)}, "-1"},
		{"bad length", "array_index_of", []data.Value{arr, s("is"), l(0), l(-2)}, "null"},
		{"number", "array_index_of", []data.Value{dynJ(t, "[1,2,3]"), l(2)}, "1"},
		{"non-array", "array_index_of", []data.Value{dynJ(t, "{}"), l(2)}, "null"},
	})
}

func TestDynArrayIffAndSort(t *testing.T) {
	l := data.LongValue
	s := data.StringValue
	runDynCases(t, []dynCase{
		{"iff", "array_iff", []data.Value{dynJ(t, "[true,false,true]"), dynJ(t, "[1,2,3]"), dynJ(t, "[4,5,6]")}, "[1,5,3]"},
		{"iff numbers", "array_iff", []data.Value{dynJ(t, "[1,0,50]"), s("yes"), s("no")}, `["yes","no","yes"]`},
		{"iff other", "array_iff", []data.Value{dynJ(t, `["x","2022-01-01T00:00:00Z",null]`), l(1), l(0)}, "[null,null,null]"},
		{"iff short", "array_iff", []data.Value{dynJ(t, "[true,true,true]"), dynJ(t, "[1,2]"), dynJ(t, "[3,4]")}, "[1,2,null]"},
		{"iif alias", "array_iif", []data.Value{dynJ(t, "[false]"), l(1), l(0)}, "[0]"},
		{"sort", "array_sort_asc", []data.Value{dynJ(t, "[1,3,4,5,2]")}, "[1,2,3,4,5]"},
		{"sort nulls", "array_sort_asc", []data.Value{dynJ(t, `[null,"blue","yellow","green",null]`)}, `["blue","green","yellow",null,null]`},
		{"sort nulls first", "array_sort_asc", []data.Value{dynJ(t, `[null,"blue","green",null]`), data.BoolValue(false)}, `[null,null,"blue","green"]`},
		{"sort desc", "array_sort_desc", []data.Value{dynJ(t, `["John","Paul","Jane","Kayo"]`)}, `["Paul","Kayo","John","Jane"]`},
		{"sort mixed", "array_sort_asc", []data.Value{dynJ(t, `["b",2,"a",1.5]`)}, `[1.5,2,"a","b"]`},
		{"sort two arrays", "array_sort_asc", []data.Value{dynJ(t, "[1]"), dynJ(t, "[2]")}, "error: several arrays"},
		{"sort non-array", "array_sort_asc", []data.Value{dynJ(t, "5")}, "null"},
	})
}

func TestDynSetFunctions(t *testing.T) {
	l := data.LongValue
	runDynCases(t, []dynCase{
		{"union", "set_union", []data.Value{dynJ(t, "[1,2,1,4]"), dynJ(t, "[1,2]"), dynJ(t, "[8]")}, "[1,2,4,8]"},
		{"union self", "set_union", []data.Value{dynJ(t, `["A4","A2","A7","A2"]`), dynJ(t, `["A4","A2","A7","A2"]`)}, `["A4","A2","A7"]`},
		{"intersect", "set_intersect", []data.Value{dynJ(t, "[1,2,1,4]"), dynJ(t, "[1,2]"), dynJ(t, "[8,1]")}, "[1]"},
		{"intersect empty", "set_intersect", []data.Value{dynJ(t, "[1,2,3]"), dynJ(t, "[4,5]")}, "[]"},
		{"difference", "set_difference", []data.Value{dynJ(t, "[1,2,1,4]"), dynJ(t, "[1,2]"), dynJ(t, "[1,2,8]")}, "[4]"},
		{"difference all", "set_difference", []data.Value{dynJ(t, "[1,2,3]"), dynJ(t, "[1,2,3]")}, "[]"},
		{"union non-array", "set_union", []data.Value{dynJ(t, "[1]"), dynJ(t, "null")}, "null"},
		{"union one arg", "set_union", []data.Value{dynJ(t, "[1]")}, "error: expects 2 to 64 arguments"},
		{"has element", "set_has_element", []data.Value{dynJ(t, `["this","is","an","example"]`), data.StringValue("example")}, "true"},
		{"has no element", "set_has_element", []data.Value{dynJ(t, `[1,2]`), l(3)}, "false"},
		{"equals", "set_equals", []data.Value{dynJ(t, "[1,2,3]"), dynJ(t, "[3,2,1,1]")}, "true"},
		{"not equals", "set_equals", []data.Value{dynJ(t, "[1,2]"), dynJ(t, "[1,2,3]")}, "false"},
		{"equals non-array", "set_equals", []data.Value{dynJ(t, "[1]"), dynJ(t, "1")}, "null"},
		{"arraylength", "arraylength", []data.Value{dynJ(t, "[1,2]")}, "2"},
		{"jaccard", "jaccard_index", []data.Value{dynJ(t, "[1,2,3]"), dynJ(t, "[1,2,3,4]")}, "0.75"},
		{"jaccard empty", "jaccard_index", []data.Value{dynJ(t, "[]"), dynJ(t, "[]")}, "NaN"},
		{"zip", "zip", []data.Value{dynJ(t, "[1,3,5]"), dynJ(t, "[2,4,6]")}, "[[1,2],[3,4],[5,6]]"},
		{"zip uneven", "zip", []data.Value{dynJ(t, `["A",1,1.5]`), dynJ(t, `[{},"B"]`)}, `[["A",{}],[1,"B"],[1.5,null]]`},
		{"repeat", "repeat", []data.Value{l(1), l(3)}, "[1,1,1]"},
		{"repeat zero", "repeat", []data.Value{data.StringValue("a"), l(0)}, "[]"},
		{"repeat negative", "repeat", []data.Value{l(1), l(-1)}, "null"},
	})
}

func TestDynRange(t *testing.T) {
	l := data.LongValue
	day := data.TimeSpanValue(data.Day)
	runDynCases(t, []dynCase{
		{"numbers", "range", []data.Value{l(1), l(8), l(3)}, "[1,4,7]"},
		{"default step", "range", []data.Value{l(1), l(3)}, "[1,2,3]"},
		{"descending", "range", []data.Value{l(3), l(1), l(-1)}, "[3,2,1]"},
		{"empty", "range", []data.Value{l(3), l(1)}, "[]"},
		{"zero step", "range", []data.Value{l(1), l(3), l(0)}, "null"},
		{"reals", "range", []data.Value{data.RealValue(1), l(2), data.RealValue(0.5)}, "[1.0,1.5,2.0]"},
		{"timespans", "range", []data.Value{data.TimeSpanValue(data.Hour), data.TimeSpanValue(3 * data.Hour)},
			`["01:00:00","02:00:00","03:00:00"]`},
		{"dates", "range", []data.Value{data.DateTimeValue(mustTicks("2007-01-01")), data.DateTimeValue(mustTicks("2007-01-03")), day},
			`["2007-01-01T00:00:00.0000000Z","2007-01-02T00:00:00.0000000Z","2007-01-03T00:00:00.0000000Z"]`},
		{"null", "range", []data.Value{data.Null(data.Long), l(3)}, "null"},
		{"mixed", "range", []data.Value{l(1), data.StringValue("x")}, "error: cannot make a range"},
	})
	got := callScalar(t, "range", l(1), l(1000000000))
	if n := got.Dyn().Len(); n != dynMaxArray {
		t.Errorf("range(1, 1e9) has %d elements, want %d", n, dynMaxArray)
	}
}
