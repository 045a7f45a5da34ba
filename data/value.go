package data

import (
	"math"
	"strconv"
)

// Value is one scalar value of any Kusto type, or a typed null. It is used
// for constants, single results and the edges of the system (loading,
// printing, tests); the evaluator works on columns instead.
type Value struct {
	typ  Type
	null bool
	n    int64 // bool, int, long, datetime, timespan
	f    float64
	s    string
	g    GUIDValue
	dec  DecimalValue
	dyn  Dyn
}

// Null returns the null value of type t. The null string is "".
func Null(t Type) Value {
	if t == String {
		return Value{typ: String}
	}
	if t == Dynamic {
		return Value{typ: Dynamic}
	}
	return Value{typ: t, null: true}
}

// BoolValue returns a bool value.
func BoolValue(b bool) Value {
	v := Value{typ: Bool}
	if b {
		v.n = 1
	}
	return v
}

// IntValue returns an int value.
func IntValue(i int32) Value { return Value{typ: Int, n: int64(i)} }

// LongValue returns a long value.
func LongValue(i int64) Value { return Value{typ: Long, n: i} }

// RealValue returns a real value.
func RealValue(f float64) Value { return Value{typ: Real, f: f} }

// StringValue returns a string value.
func StringValue(s string) Value { return Value{typ: String, s: s} }

// DateTimeValue returns a datetime value from ticks since the Unix epoch.
func DateTimeValue(ticks int64) Value { return Value{typ: DateTime, n: ticks} }

// TimeSpanValue returns a timespan value in ticks.
func TimeSpanValue(ticks int64) Value { return Value{typ: TimeSpan, n: ticks} }

// GUIDValueOf returns a guid value.
func GUIDValueOf(g GUIDValue) Value { return Value{typ: GUID, g: g} }

// DecimalValueOf returns a decimal value.
func DecimalValueOf(d DecimalValue) Value { return Value{typ: Decimal, dec: d} }

// DynamicValue returns a dynamic value.
func DynamicValue(d Dyn) Value { return Value{typ: Dynamic, dyn: d} }

// Type returns the value's type.
func (v Value) Type() Type { return v.typ }

// IsNull reports whether v is null. A string is never null; a dynamic value
// is null when it holds JSON null.
func (v Value) IsNull() bool {
	if v.typ == Dynamic {
		return v.dyn.IsNull()
	}
	return v.null
}

// Bool returns a bool value's value.
func (v Value) Bool() bool { return v.n != 0 }

// Int64 returns the value of an int, long, datetime (ticks), timespan
// (ticks) or bool (0 or 1).
func (v Value) Int64() int64 { return v.n }

// Float64 returns a real value's value.
func (v Value) Float64() float64 { return v.f }

// Str returns a string value's value.
func (v Value) Str() string { return v.s }

// GUID returns a guid value's value.
func (v Value) GUID() GUIDValue { return v.g }

// Decimal returns a decimal value's value.
func (v Value) Decimal() DecimalValue { return v.dec }

// Dyn returns a dynamic value's value.
func (v Value) Dyn() Dyn { return v.dyn }

// ToDyn converts any value to its dynamic form (null stays null).
func (v Value) ToDyn() Dyn {
	if v.IsNull() {
		return Dyn{}
	}
	switch v.typ {
	case Bool:
		return DynBoolOf(v.n != 0)
	case Int:
		return DynIntOf(int32(v.n))
	case Long:
		return DynLongOf(v.n)
	case Real:
		return DynRealOf(v.f)
	case Decimal:
		return DynDecimalOf(v.dec)
	case String:
		return DynStringOf(v.s)
	case DateTime:
		return DynDateTimeOf(v.n)
	case TimeSpan:
		return DynTimeSpanOf(v.n)
	case GUID:
		return DynGUIDOf(v.g)
	case Dynamic:
		return v.dyn
	}
	return Dyn{}
}

// String formats the value the way Kusto's tostring() does; null gives "".
func (v Value) String() string {
	if v.IsNull() {
		return ""
	}
	switch v.typ {
	case Bool:
		if v.n != 0 {
			return "true"
		}
		return "false"
	case Int, Long:
		return strconv.FormatInt(v.n, 10)
	case Real:
		return FormatReal(v.f)
	case Decimal:
		return v.dec.String()
	case String:
		return v.s
	case DateTime:
		return FormatDateTime(v.n)
	case TimeSpan:
		return FormatTimeSpan(v.n)
	case GUID:
		return v.g.String()
	case Dynamic:
		if v.dyn.Kind() == DynString {
			return v.dyn.Str()
		}
		return v.dyn.String()
	}
	return ""
}

// Equal reports whether two values have the same type and value (two nulls
// of the same type are equal; NaN equals NaN). It is for tests and
// bookkeeping, not Kusto's == operator.
func (v Value) Equal(w Value) bool {
	if v.typ != w.typ || v.IsNull() != w.IsNull() {
		return false
	}
	if v.IsNull() {
		return true
	}
	switch v.typ {
	case Real:
		return v.f == w.f || (math.IsNaN(v.f) && math.IsNaN(w.f))
	case String:
		return v.s == w.s
	case GUID:
		return v.g == w.g
	case Decimal:
		return v.dec.Cmp(w.dec) == 0
	case Dynamic:
		return v.dyn.Equal(w.dyn)
	}
	return v.n == w.n
}
