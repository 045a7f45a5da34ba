package functions

import (
	"fmt"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// Value constructors for the string and conditional function tests.
func sv(s string) data.Value  { return data.StringValue(s) }
func lv(i int64) data.Value   { return data.LongValue(i) }
func iv(i int32) data.Value   { return data.IntValue(i) }
func rv(f float64) data.Value { return data.RealValue(f) }
func bv(b bool) data.Value    { return data.BoolValue(b) }

// dv parses JSON into a dynamic value.
func dv(json string) data.Value {
	d, err := data.ParseJSON(json)
	if err != nil {
		panic(err)
	}
	return data.DynamicValue(d)
}

func nullv(t data.Type) data.Value { return data.Null(t) }

// strCase is one call of a function and its expected result; wantErr
// expects a bind or run error instead.
type strCase struct {
	fn      string
	args    []data.Value
	want    data.Value
	wantErr bool
}

// call builds a test case.
func call(fn string, want data.Value, args ...data.Value) strCase {
	return strCase{fn: fn, args: args, want: want}
}

// callErr builds a test case that expects an error.
func callErr(fn string, args ...data.Value) strCase {
	return strCase{fn: fn, args: args, wantErr: true}
}

func (c strCase) String() string {
	s := c.fn + "("
	for i, a := range c.args {
		if i > 0 {
			s += ", "
		}
		s += strShowValue(a)
	}
	return s + ")"
}

func strShowValue(v data.Value) string {
	if v.IsNull() && v.Type() != data.String {
		return v.Type().String() + "(null)"
	}
	switch v.Type() {
	case data.String:
		return fmt.Sprintf("%q", v.Str())
	case data.Dynamic:
		return "dynamic(" + v.Dyn().String() + ")"
	}
	return v.Type().String() + "(" + v.String() + ")"
}

// runStrCases runs each case three ways: arguments as one-row vectors,
// as constants known at bind time (spread over three rows), and with the
// first argument dictionary-encoded; all must give the expected value.
func runStrCases(t *testing.T, cases []strCase) {
	t.Helper()
	runStrCasesIn(t, []string{"vector", "const", "dict"}, cases)
}

// runStrCasesIn runs cases in the given modes only ("vector", "const",
// "dict"), for calls whose arguments must be constants.
func runStrCasesIn(t *testing.T, modes []string, cases []strCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.String(), func(t *testing.T) {
			for _, mode := range modes {
				got, err := evalMode(c.fn, mode, c.args)
				if c.wantErr {
					if err == nil {
						t.Errorf("%s: got %s, want an error", mode, strShowValue(got))
					}
					return
				}
				if err != nil {
					t.Fatalf("%s: %v", mode, err)
				}
				if !got.Equal(c.want) {
					t.Errorf("%s: got %s, want %s", mode, strShowValue(got), strShowValue(c.want))
				}
			}
		})
	}
}

// evalMode calls a function on constant argument values in one of the
// modes of runStrCases and returns the result (checking that every row of
// a multi-row result is the same).
func evalMode(name, mode string, args []data.Value) (data.Value, error) {
	f, ok := Builtins().Scalar(name)
	if !ok {
		return data.Value{}, errUnknown(name)
	}
	n := 1
	if mode != "vector" {
		n = 3
	}
	infos := make([]ArgInfo, len(args))
	cols := make([]data.Column, len(args))
	for i, a := range args {
		a := a
		infos[i] = ArgInfo{Type: a.Type()}
		switch {
		case mode == "const":
			infos[i].Const = &a
			cols[i] = data.NewConst(a, n)
		case mode == "dict" && i == 0:
			cols[i] = &data.DictCol{Codes: []uint32{0, 0, 0}, Values: data.NewColumn(a.Type(), []data.Value{a}), Unique: true}
		case mode == "dict":
			cols[i] = data.NewColumn(a.Type(), []data.Value{a, a, a})
		default:
			cols[i] = data.NewColumn(a.Type(), []data.Value{a})
		}
	}
	typ, k, err := f.BindCall(infos)
	if err != nil {
		return data.Value{}, err
	}
	col, err := k(&Ctx{Now: testNow}, n, cols)
	if err != nil {
		return data.Value{}, err
	}
	if col.Len() != n {
		return data.Value{}, fmt.Errorf("result has %d rows, want %d", col.Len(), n)
	}
	if col.Type() != typ {
		return data.Value{}, fmt.Errorf("result column is %s, bound type %s", col.Type(), typ)
	}
	v := col.Value(0)
	for i := 1; i < n; i++ {
		if !col.Value(i).Equal(v) {
			return data.Value{}, fmt.Errorf("row %d is %s, row 0 is %s", i, strShowValue(col.Value(i)), strShowValue(v))
		}
	}
	return v, nil
}
