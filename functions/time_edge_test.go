package functions

import (
	"fmt"
	"math"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// familyNames are the functions of this file family (time, math, IP).
var familyNames = []string{
	"getyear", "getmonth", "monthofyear", "dayofmonth", "dayofyear", "hourofday", "week_of_year",
	"dayofweek", "datetime_part", "datepart", "startofday", "startofweek", "startofmonth",
	"startofyear", "endofday", "endofweek", "endofmonth", "endofyear", "bin", "floor", "bin_at",
	"datetime_add", "datetime_diff", "make_datetime", "make_timespan", "totime",
	"unixtime_seconds_todatetime", "unixtime_milliseconds_todatetime",
	"unixtime_microseconds_todatetime", "unixtime_nanoseconds_todatetime", "format_datetime",
	"format_timespan", "datetime_utc_to_local", "datetime_local_to_utc",
	"exp", "exp2", "exp10", "log", "log2", "log10", "sqrt", "sin", "cos", "tan", "cot", "asin",
	"acos", "atan", "degrees", "radians", "gamma", "loggamma", "erf", "erfc", "sign", "pow",
	"atan2", "pi", "isnan", "isinf", "isfinite", "rand", "abs", "round", "ceiling",
	"binary_and", "binary_or", "binary_xor", "binary_shift_left", "binary_shift_right",
	"binary_not", "bitset_count_ones", "around", "beta_cdf", "beta_inv", "beta_pdf",
	"parse_ipv4", "parse_ipv4_mask", "ipv4_is_private", "ipv4_netmask_suffix", "ipv4_is_in_range",
	"ipv4_compare", "ipv4_is_match", "format_ipv4", "format_ipv4_mask", "ipv4_range_to_cidr_list",
	"ipv4_is_in_any_range", "ipv6_is_in_any_range", "has_any_ipv4", "has_any_ipv4_prefix",
	"has_ipv4", "has_ipv4_prefix", "parse_ipv6", "parse_ipv6_mask", "ipv6_is_in_range",
	"ipv6_compare", "ipv6_is_match",
}

// edgeValues are awkward values of each type.
func edgeValues(t data.Type) []data.Value {
	switch t {
	case data.Int:
		return []data.Value{data.Null(t), data.IntValue(math.MinInt32), data.IntValue(-1), data.IntValue(0)}
	case data.Long:
		return []data.Value{data.Null(t), data.LongValue(math.MinInt64), data.LongValue(math.MaxInt64),
			data.LongValue(-1), data.LongValue(0), data.LongValue(64)}
	case data.Real:
		return []data.Value{data.Null(t), data.RealValue(math.NaN()), data.RealValue(math.Inf(-1)),
			data.RealValue(-0.5), data.RealValue(1e300), data.RealValue(0)}
	case data.Decimal:
		return []data.Value{data.Null(t), tmDec("-12345678901234567890.5"), tmDec("0")}
	case data.String:
		return []data.Value{data.StringValue(""), data.StringValue("year"), data.StringValue("10.0.0.1/8"),
			data.StringValue("::ffff:1.2.3.4/200"), data.StringValue("dddd F tt '"), data.StringValue("Europe/Paris")}
	case data.DateTime:
		return []data.Value{data.Null(t), data.DateTimeValue(data.MinDateTime),
			data.DateTimeValue(data.MaxDateTime), data.DateTimeValue(0)}
	case data.TimeSpan:
		return []data.Value{data.Null(t), data.TimeSpanValue(math.MinInt64), data.TimeSpanValue(math.MaxInt64),
			data.TimeSpanValue(0), data.TimeSpanValue(-1)}
	case data.Dynamic:
		return []data.Value{data.DynamicValue(data.Dyn{}), tmDyn(`["10.0.0.0/8", 1, null]`), tmDyn(`{"a":1}`)}
	case data.Bool:
		return []data.Value{data.Null(t), data.BoolValue(true)}
	}
	return nil
}

var edgeTypes = []data.Type{data.Int, data.Long, data.Real, data.Decimal, data.String, data.DateTime,
	data.TimeSpan, data.Dynamic, data.Bool}

// TestFamilyNeverPanics binds every function of the family with every
// combination of up to three argument types and runs the ones that bind on
// awkward values, as constants and as columns.
func TestFamilyNeverPanics(t *testing.T) {
	for _, name := range familyNames {
		if _, ok := Builtins().Scalar(name); !ok {
			t.Errorf("%s is not registered", name)
			continue
		}
		for arity := 0; arity <= 3; arity++ {
			forTypeCombos(arity, func(types []data.Type) {
				edgeRun(t, name, types)
			})
		}
	}
}

func forTypeCombos(n int, f func([]data.Type)) {
	types := make([]data.Type, n)
	var rec func(i int)
	rec = func(i int) {
		if i == n {
			f(types)
			return
		}
		for _, t := range edgeTypes {
			types[i] = t
			rec(i + 1)
		}
	}
	rec(0)
}

func edgeRun(t *testing.T, name string, types []data.Type) {
	f, _ := Builtins().Scalar(name)
	infos := make([]ArgInfo, len(types))
	for i, ty := range types {
		infos[i] = ArgInfo{Type: ty}
	}
	if _, _, err := f.BindCall(infos); err != nil {
		return
	}
	// One row per combination of edge values, as plain columns.
	var rows [][]data.Value
	var rec func(i int, row []data.Value)
	rec = func(i int, row []data.Value) {
		if i == len(types) {
			rows = append(rows, append([]data.Value(nil), row...))
			return
		}
		for _, v := range edgeValues(types[i]) {
			rec(i+1, append(row, v))
		}
	}
	rec(0, nil)
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s%v panicked: %v", name, types, r)
		}
	}()
	cols := make([]data.Column, len(types))
	for i, ty := range types {
		vals := make([]data.Value, len(rows))
		for j, row := range rows {
			vals[j] = row[i]
		}
		cols[i] = data.NewColumn(ty, vals)
	}
	_, k, _ := f.BindCall(infos)
	n := len(rows)
	out, err := k(&Ctx{Now: testNow}, n, cols)
	if err == nil && out.Len() != n {
		t.Errorf("%s%v: got %d rows, want %d", name, types, out.Len(), n)
	}
	// And each row with constant arguments.
	for _, row := range rows {
		for i := range row {
			infos[i].Const = &row[i]
		}
		if _, k, err := f.BindCall(infos); err == nil {
			cc := make([]data.Column, len(row))
			for i, v := range row {
				cc[i] = data.NewConst(v, 2)
			}
			if out, err := k(&Ctx{Now: testNow}, 2, cc); err == nil && out.Len() != 2 {
				t.Errorf("%s%v: got %d rows, want 2", name, fmt.Sprint(row), out.Len())
			}
		}
	}
}
