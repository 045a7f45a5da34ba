package functions

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func TestIffCase(t *testing.T) {
	runStrCases(t, []strCase{
		call("iff", sv("yes"), bv(true), sv("yes"), sv("no")),
		call("iff", sv("no"), bv(false), sv("yes"), sv("no")),
		call("iff", sv("no"), nullv(data.Bool), sv("yes"), sv("no")),
		call("iif", lv(2), bv(false), lv(1), lv(2)),
		call("iff", rv(1), bv(true), lv(1), rv(2.5)),
		call("iff", lv(1), bv(true), iv(1), lv(2)),
		call("iff", nullv(data.Long), bv(true), nullv(data.Long), lv(2)),
		// A dynamic branch takes the other branch's type.
		call("iff", lv(7), bv(true), dv(`7`), lv(2)),
		call("iff", sv("x"), bv(true), dv(`"x"`), sv("y")),
		// Branches with no common type give dynamic.
		call("iff", dv(`1`), bv(true), lv(1), sv("x")),
		call("iff", dv(`"x"`), bv(false), lv(1), sv("x")),
		call("iff", dv(`[1]`), bv(true), dv(`[1]`), dv(`{}`)),
		callErr("iff", lv(1), lv(1), lv(2)),
		callErr("iff", bv(true), lv(1)),
		// case: conformance case-function-00.
		call("case", sv("Small"), bv(true), sv("Small"), bv(true), sv("Medium"), sv("Large")),
		call("case", sv("Medium"), bv(false), sv("Small"), bv(true), sv("Medium"), sv("Large")),
		call("case", sv("Large"), bv(false), sv("Small"), nullv(data.Bool), sv("Medium"), sv("Large")),
		call("case", rv(2.5), bv(false), lv(1), bv(true), rv(2.5), lv(3)),
		callErr("case", bv(true), lv(1)),
		callErr("case", lv(1), lv(1), lv(2)),
	})
}

func TestIffColumns(t *testing.T) {
	f, _ := Builtins().Scalar("iff")
	typ, k, err := f.BindCall([]ArgInfo{{Type: data.Bool}, {Type: data.Long}, {Type: data.Real}})
	if err != nil || typ != data.Real {
		t.Fatalf("bind: %v, %v", typ, err)
	}
	cond := data.NewColumn(data.Bool, []data.Value{bv(true), bv(false), nullv(data.Bool)})
	a := data.NewColumn(data.Long, []data.Value{lv(1), lv(2), lv(3)})
	b := data.NewConst(rv(0.5), 3)
	got, err := k(nil, 3, []data.Column{cond, a, b})
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{1, 0.5, 0.5}
	for i, w := range want {
		if v := got.Value(i); v.Float64() != w {
			t.Errorf("row %d: got %v, want %v", i, v, w)
		}
	}
}

func TestCoalesce(t *testing.T) {
	runStrCases(t, []strCase{
		// conformance coalesce-function-00
		call("coalesce", lv(42), nullv(data.Long), lv(42), lv(33)),
		call("coalesce", sv("b"), sv(""), sv("b")),
		call("coalesce", sv(""), sv(""), sv("")),
		call("coalesce", rv(1), nullv(data.Real), iv(1)),
		call("coalesce", nullv(data.DateTime), nullv(data.DateTime), nullv(data.DateTime)),
		call("coalesce", dv(`[]`), dv(`null`), dv(`[]`)),
		callErr("coalesce", lv(1)),
		callErr("coalesce", lv(1), sv("a")),
		callErr("coalesce", dv(`1`), lv(2)),
	})
}

func TestMaxMinOf(t *testing.T) {
	runStrCases(t, []strCase{
		call("max_of", lv(17), lv(10), lv(1), lv(-3), lv(17)),
		call("min_of", lv(-3), lv(10), lv(1), lv(-3), lv(17)),
		// conformance max-of-function-01 / min-of-function-01
		call("max_of", iv(2), nullv(data.Int), iv(2)),
		call("max_of", iv(1), iv(1), nullv(data.Int)),
		call("max_of", nullv(data.Int), nullv(data.Int), nullv(data.Int)),
		call("min_of", iv(3), nullv(data.Int), iv(3)),
		call("max_of", rv(2.5), lv(1), rv(2.5)),
		call("min_of", sv("a"), sv("b"), sv("a")),
		call("max_of", data.DateTimeValue(20), data.DateTimeValue(10), data.DateTimeValue(20)),
		call("max_of", bv(true), bv(false), bv(true)),
		callErr("max_of", lv(1), sv("a")),
		callErr("max_of", lv(1), dv(`2`)),
		callErr("min_of", lv(1)),
	})
}

func TestNullAndEmpty(t *testing.T) {
	runStrCases(t, []strCase{
		call("isempty", bv(true), sv("")),
		call("isempty", bv(false), sv("x")),
		call("isempty", bv(true), dv(`null`)),
		call("isempty", bv(true), dv(`""`)),
		call("isempty", bv(false), dv(`[]`)),
		call("isempty", bv(false), dv(`{}`)),
		call("isempty", bv(true), nullv(data.Long)),
		call("isempty", bv(false), lv(0)),
		call("isnotempty", bv(true), sv("x")),
		call("isnotempty", bv(false), nullv(data.DateTime)),
		call("notempty", bv(false), sv("")),
		call("isnull", bv(false), sv("")),
		call("isnull", bv(true), nullv(data.Real)),
		call("isnull", bv(false), rv(0)),
		call("isnull", bv(true), dv(`null`)),
		call("isnull", bv(false), dv(`[]`)),
		call("isnotnull", bv(true), lv(1)),
		call("isnotnull", bv(false), nullv(data.GUID)),
		call("notnull", bv(true), sv("")),
		call("not", bv(false), bv(true)),
		call("not", nullv(data.Bool), nullv(data.Bool)),
		callErr("not", lv(1)),
		callErr("isnull"),
	})
}

func TestGettype(t *testing.T) {
	runStrCases(t, []strCase{
		call("gettype", sv("string"), sv("a")),
		call("gettype", sv("long"), lv(111)),
		call("gettype", sv("int"), iv(1)),
		call("gettype", sv("bool"), bv(true)),
		call("gettype", sv("datetime"), data.DateTimeValue(0)),
		call("gettype", sv("timespan"), data.TimeSpanValue(1)),
		call("gettype", sv("real"), rv(123.45)),
		call("gettype", sv("guid"), data.GUIDValueOf(data.GUIDValue{1})),
		call("gettype", sv("string"), dv(`"abc"`)),
		call("gettype", sv("dictionary"), dv(`{"abc":1}`)),
		call("gettype", sv("array"), dv(`[1,2,3]`)),
		call("gettype", sv("null"), dv(`null`)),
		call("gettype", sv("real"), dv(`1.5`)),
		call("gettype", sv("long"), nullv(data.Long)),
	})
}
