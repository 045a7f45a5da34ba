package functions

import (
	"math"
	"strconv"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// netEpochTicks is the number of .NET ticks (100 ns since 0001-01-01) at the
// Unix epoch; Kusto's tolong(datetime) counts from 0001-01-01.
const netEpochTicks = 621355968000000000

func init() {
	register(
		&Scalar{Name: "tostring", Naming: NameFirstArg, Sig: "tostring(value: scalar): string",
			Doc: "Converts a value to its string form; null gives the empty string and a dynamic string has no quotes.",
			Examples: []Example{{"print tostring(123)", "\"123\""},
				{"print tostring(dynamic({\"a\":1}))", "\"{\\\"a\\\":1}\""}},
			Bind: convertBinder(data.String)},
		&Scalar{Name: "tolong", Naming: NameFirstArg, Sig: "tolong(value: scalar): long",
			Doc:      "Converts a value to a long; a value that does not convert gives null.",
			Examples: []Example{{"print tolong(\"123\")", "123"}, {"print tolong(2.9)", "2"}},
			Bind:     convertBinder(data.Long)},
		&Scalar{Name: "toint", Naming: NameFirstArg, Sig: "toint(value: scalar): int",
			Doc:      "Converts a value to an int (32 bits); a value that does not convert, or does not fit, gives null.",
			Examples: []Example{{"print toint(\"123\")", "123"}, {"print toint(2.5)", "2"}},
			Bind:     convertBinder(data.Int)},
		&Scalar{Name: "toreal", Naming: NameFirstArg, Sig: "toreal(value: scalar): real",
			Doc:      "Converts a value to a real; a value that does not convert gives null.",
			Examples: []Example{{"print toreal(\"1.5\")", "1.5"}},
			Bind:     convertBinder(data.Real)},
		&Scalar{Name: "tobool", Naming: NameFirstArg, Sig: "tobool(value: scalar): bool",
			Doc:      "Converts a value to a bool: \"true\"/\"false\" in any case, numbers (non-zero is true).",
			Examples: []Example{{"print tobool(\"TRUE\")", "true"}, {"print tobool(0)", "false"}},
			Bind:     convertBinder(data.Bool)},
		&Scalar{Name: "todatetime", Naming: NameFirstArg, Sig: "todatetime(value: scalar): datetime",
			Doc:      "Converts a value to a datetime; a string that is not a datetime gives null.",
			Examples: []Example{{"print todatetime(\"2015-12-31 23:59:59.9\")", "2015-12-31T23:59:59.9Z"}},
			Bind:     convertBinder(data.DateTime)},
		&Scalar{Name: "totimespan", Naming: NameFirstArg, Sig: "totimespan(value: scalar): timespan",
			Doc:      "Converts a value to a timespan; strings like \"0.00:01:00\" or \"1d\" are understood.",
			Examples: []Example{{"print totimespan(\"0.00:03:00\")", "00:03:00"}},
			Bind:     convertBinder(data.TimeSpan)},
		&Scalar{Name: "todecimal", Naming: NameFirstArg, Sig: "todecimal(value: scalar): decimal",
			Doc:      "Converts a value to a decimal; a value that does not convert gives null.",
			Examples: []Example{{"print todecimal(\"123.45678\")", "123.45678"}},
			Bind:     convertBinder(data.Decimal)},
		&Scalar{Name: "toguid", Naming: NameFirstArg, Sig: "toguid(value: scalar): guid",
			Doc:      "Converts a string to a guid; a string that is not a guid gives null.",
			Examples: []Example{{"print toguid(\"74be27de-1e4e-49d9-b579-fe0b331d3642\")", "74be27de-1e4e-49d9-b579-fe0b331d3642"}},
			Bind:     convertBinder(data.GUID)},
		&Scalar{Name: "todynamic", Naming: NameFirstArg, Sig: "todynamic(value: string): dynamic",
			Doc:      "Parses a string as JSON; text that is not JSON gives a dynamic string. Other values are wrapped as dynamic.",
			Examples: []Example{{"print todynamic('{\"a\":1}').a", "1"}},
			Bind:     convertBinder(data.Dynamic)},
	)
	alias("todouble", "toreal")
	alias("toboolean", "tobool")
	alias("parse_json", "todynamic")
	alias("toobject", "todynamic")
}

func convertBinder(to data.Type) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if len(args) != 1 || args[0].Star {
			return data.Unknown, nil, signatureError(nameOf(to), nil, args)
		}
		return to, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			return Convert(cols[0], to), nil
		}, nil
	}
}

func nameOf(t data.Type) string {
	switch t {
	case data.Dynamic:
		return "todynamic"
	case data.Real:
		return "toreal"
	}
	return "to" + t.String()
}

// Convert converts a column to another type with the rules of Kusto's to*
// functions: values that do not convert become null.
func Convert(c data.Column, to data.Type) data.Column {
	from := c.Type()
	if from == to {
		return c
	}
	if k, ok := c.(*data.ConstCol); ok {
		return data.NewConst(ConvertValue(k.V, to), k.N)
	}
	if d, ok := c.(*data.DictCol); ok && d.Values.Len() <= len(d.Codes) {
		return &data.DictCol{Codes: d.Codes, Values: Convert(d.Values, to)}
	}
	switch {
	case to == data.String:
		return toStringCol(c)
	case to == data.Dynamic && from == data.String:
		return mapCol(c, data.Dynamic, func(s string) (data.Dyn, bool) { return ParseJSONLenient(s), true })
	case to == data.Real && (from == data.Long || from == data.Int):
		return Widen(c, data.Real)
	case to == data.Long && from == data.Int:
		return Widen(c, data.Long)
	case to == data.Long && from == data.Real:
		return mapCol(c, data.Long, realToLong)
	case to == data.Long && from == data.String:
		return mapCol(c, data.Long, stringToLong)
	case to == data.Real && from == data.String:
		return mapCol(c, data.Real, stringToReal)
	case to == data.DateTime && from == data.String:
		return mapCol(c, data.DateTime, func(s string) (int64, bool) {
			t, err := data.ParseDateTime(s)
			return t, err == nil
		})
	}
	return MapValuesCol(c, to, func(v data.Value) data.Value { return ConvertValue(v, to) })
}

// mapCol maps the values of c through f, keeping nulls.
func mapCol[A, R data.Elem](c data.Column, to data.Type, f func(A) (R, bool)) data.Column {
	in := data.NewReader[A](c)
	n := c.Len()
	w := data.NewWriter[R](to, n)
	for i := 0; i < n; i++ {
		x, ok := in.Get(i)
		if !ok {
			w.SetNull(i)
			continue
		}
		r, ok := f(x)
		if !ok {
			w.SetNull(i)
			continue
		}
		w.Vals[i] = r
	}
	return w.Column()
}

func toStringCol(c data.Column) data.Column {
	switch c.Type() {
	case data.Dynamic:
		return mapCol(c, data.String, func(d data.Dyn) (string, bool) { return DynToString(d), true })
	case data.Long, data.Int:
		v := data.Int64s(c)
		out := make([]string, len(v.Vals))
		for i, x := range v.Vals {
			if !v.Nulls.Get(i) {
				out[i] = strconv.FormatInt(x, 10)
			}
		}
		return data.NewVec(data.String, out, nil)
	}
	n := c.Len()
	out := make([]string, n)
	for i := 0; i < n; i++ {
		out[i] = c.Value(i).String()
	}
	return data.NewVec(data.String, out, nil)
}

// DynToString is tostring() of a dynamic value: a string without quotes,
// null as "", anything else as compact JSON.
func DynToString(d data.Dyn) string {
	switch d.Kind() {
	case data.DynNull:
		return ""
	case data.DynString:
		return d.Str()
	case data.DynGUID, data.DynDecimal:
		return d.Str()
	case data.DynDateTime:
		return data.FormatDateTime(d.Long())
	case data.DynTimeSpan:
		return data.FormatTimeSpan(d.Long())
	case data.DynReal:
		return data.FormatReal(d.Real())
	}
	return d.String()
}

// ParseJSONLenient is parse_json: JSON text becomes its value, anything else
// a dynamic string holding the text.
func ParseJSONLenient(s string) data.Dyn {
	if s == "" {
		return data.Dyn{}
	}
	d, err := data.ParseJSON(s)
	if err != nil {
		return data.DynStringOf(s)
	}
	return d
}

func realToLong(f float64) (int64, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) || f >= 9.223372036854775807e18 || f < -9.223372036854775808e18 {
		return 0, false
	}
	return int64(f), true
}

func stringToLong(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, true
	}
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		if v, err := strconv.ParseInt(s[2:], 16, 64); err == nil {
			return v, true
		}
	}
	return 0, false
}

func stringToReal(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "nan":
		return math.NaN(), true
	case "inf", "+inf", "infinity", "+infinity":
		return math.Inf(1), true
	case "-inf", "-infinity":
		return math.Inf(-1), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}

// ConvertValue converts one value with the rules of Convert.
func ConvertValue(v data.Value, to data.Type) data.Value {
	if v.Type() == to {
		return v
	}
	if v.Type() == data.Dynamic {
		return convertDyn(v.Dyn(), to)
	}
	if to == data.String {
		return data.StringValue(v.String())
	}
	if to == data.Dynamic {
		if v.Type() == data.String {
			return data.DynamicValue(ParseJSONLenient(v.Str()))
		}
		return data.DynamicValue(v.ToDyn())
	}
	if v.IsNull() {
		return data.Null(to)
	}
	switch v.Type() {
	case data.String:
		return fromString(v.Str(), to)
	case data.Bool, data.Int, data.Long:
		return fromInteger(v.Int64(), v.Type(), to)
	case data.Real:
		return fromReal(v.Float64(), to)
	case data.Decimal:
		return fromReal(v.Decimal().Float64(), to)
	case data.DateTime:
		return fromInteger(v.Int64()+netEpochTicks, data.Long, to)
	case data.TimeSpan:
		if to == data.Real || to == data.Long || to == data.Int || to == data.Decimal {
			return fromInteger(v.Int64(), data.Long, to)
		}
	case data.GUID:
	}
	return data.Null(to)
}

func fromString(s string, to data.Type) data.Value {
	switch to {
	case data.Long, data.Int:
		x, ok := stringToLong(s)
		if !ok {
			return data.Null(to)
		}
		return fromInteger(x, data.Long, to)
	case data.Real:
		f, ok := stringToReal(s)
		if !ok {
			return data.Null(to)
		}
		return data.RealValue(f)
	case data.Decimal:
		d, err := data.ParseDecimal(s)
		if err != nil {
			return data.Null(to)
		}
		return data.DecimalValueOf(d)
	case data.Bool:
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true", "1":
			return data.BoolValue(true)
		case "false", "0":
			return data.BoolValue(false)
		}
	case data.DateTime:
		if t, err := data.ParseDateTime(s); err == nil {
			return data.DateTimeValue(t)
		}
	case data.TimeSpan:
		if t, err := data.ParseTimeSpan(s); err == nil {
			return data.TimeSpanValue(t)
		}
	case data.GUID:
		if g, err := data.ParseGUID(strings.TrimSpace(s)); err == nil {
			return data.GUIDValueOf(g)
		}
	}
	return data.Null(to)
}

func fromInteger(x int64, from, to data.Type) data.Value {
	switch to {
	case data.Bool:
		return data.BoolValue(x != 0)
	case data.Int:
		if x < math.MinInt32 || x > math.MaxInt32 {
			return data.Null(to)
		}
		return data.IntValue(int32(x))
	case data.Long:
		return data.LongValue(x)
	case data.Real:
		return data.RealValue(float64(x))
	case data.Decimal:
		return data.DecimalValueOf(data.DecimalFromInt(x))
	case data.DateTime:
		if from == data.Bool {
			break
		}
		t := x - netEpochTicks
		if t < data.MinDateTime || t > data.MaxDateTime {
			return data.Null(to)
		}
		return data.DateTimeValue(t)
	case data.TimeSpan:
		if from == data.Bool {
			break
		}
		return data.TimeSpanValue(x)
	}
	return data.Null(to)
}

func fromReal(f float64, to data.Type) data.Value {
	switch to {
	case data.Real:
		return data.RealValue(f)
	case data.Bool:
		if math.IsNaN(f) {
			return data.Null(to)
		}
		return data.BoolValue(f != 0)
	case data.Decimal:
		d, ok := data.DecimalFromFloat(f)
		if !ok {
			return data.Null(to)
		}
		return data.DecimalValueOf(d)
	}
	x, ok := realToLong(f)
	if !ok {
		return data.Null(to)
	}
	return fromInteger(x, data.Long, to)
}

func convertDyn(d data.Dyn, to data.Type) data.Value {
	switch to {
	case data.String:
		return data.StringValue(DynToString(d))
	case data.Dynamic:
		return data.DynamicValue(d)
	}
	switch d.Kind() {
	case data.DynNull, data.DynArray, data.DynBag:
		return data.Null(to)
	case data.DynBool:
		return fromInteger(d.Long(), data.Bool, to)
	case data.DynInt, data.DynLong:
		return fromInteger(d.Long(), data.Long, to)
	case data.DynReal:
		return fromReal(d.Real(), to)
	case data.DynDateTime:
		if to == data.DateTime {
			return data.DateTimeValue(d.Long())
		}
		return ConvertValue(data.DateTimeValue(d.Long()), to)
	case data.DynTimeSpan:
		if to == data.TimeSpan {
			return data.TimeSpanValue(d.Long())
		}
		return ConvertValue(data.TimeSpanValue(d.Long()), to)
	}
	return fromString(d.Str(), to)
}
