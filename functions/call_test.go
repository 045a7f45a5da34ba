package functions

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// callScalar calls a built-in scalar function on constant arguments, as a
// one-row column each, and returns the result value.
func callScalar(t *testing.T, name string, args ...data.Value) data.Value {
	t.Helper()
	v, err := tryScalar(name, args...)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// tryScalar is callScalar returning the bind or run error.
func tryScalar(name string, args ...data.Value) (data.Value, error) {
	f, ok := Builtins().Scalar(name)
	if !ok {
		return data.Value{}, errUnknown(name)
	}
	infos := make([]ArgInfo, len(args))
	cols := make([]data.Column, len(args))
	for i, a := range args {
		infos[i] = ArgInfo{Type: a.Type()}
		cols[i] = data.NewColumn(a.Type(), []data.Value{a})
	}
	_, k, err := f.BindCall(infos)
	if err != nil {
		return data.Value{}, err
	}
	col, err := k(&Ctx{Now: testNow}, 1, cols)
	if err != nil {
		return data.Value{}, err
	}
	return col.Value(0), nil
}

// testNow is now() in function tests: 2025-06-01T12:00:00Z.
var testNow = mustTicks("2025-06-01T12:00:00Z")

func mustTicks(s string) int64 {
	t, err := data.ParseDateTime(s)
	if err != nil {
		panic(err)
	}
	return t
}

type errUnknown string

func (e errUnknown) Error() string { return "unknown function " + string(e) }

func TestCallScalarHelpers(t *testing.T) {
	if got := callScalar(t, "tostring", data.LongValue(42)); got.Str() != "42" {
		t.Errorf("tostring(42) = %v, want \"42\"", got)
	}
	got := callScalar(t, "ago", data.TimeSpanValue(data.Hour))
	if want := testNow - data.Hour; got.Int64() != want {
		t.Errorf("ago(1h) = %v, want %v", got, data.FormatDateTime(want))
	}
	if _, err := tryScalar("tolong"); err == nil {
		t.Errorf("tolong() with no arguments: want an error")
	}
}
