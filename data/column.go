package data

import "fmt"

// Column is an immutable vector of values of one type. Implementations are
// *Vec[T] (plain values with a null bitmap), *DictCol (codes into a column of
// distinct values) and *ConstCol (one value repeated). Columns may be shared
// between goroutines.
type Column interface {
	// Type returns the Kusto type of every value in the column.
	Type() Type
	// Len returns the number of rows.
	Len() int
	// IsNull reports whether row i is null (never true for strings).
	IsNull(i int) bool
	// Value returns row i boxed. It is for slow paths: printing, tests,
	// single values; hot loops read the typed slices instead.
	Value(i int) Value
	// Gather returns a new column of the rows at positions idx, in order.
	Gather(idx []int32) Column
	// Slice returns rows lo..hi-1, sharing storage where possible.
	Slice(lo, hi int) Column
}

// Elem is the set of Go types column vectors are made of.
type Elem interface {
	bool | int64 | float64 | string | GUIDValue | DecimalValue | Dyn
}

// Vec is a plain column: one Go value per row and a null bitmap. Int, long,
// datetime and timespan are int64 (ticks for the last two); real is float64;
// bool is bool; string and dynamic never use the bitmap (a string cannot be
// null, a null dynamic is the null Dyn).
type Vec[T Elem] struct {
	T     Type
	Vals  []T
	Nulls Bitmap
}

// NewVec returns a column of type t over vals (kept, not copied) with the
// given null bitmap (nil for none).
func NewVec[T Elem](t Type, vals []T, nulls Bitmap) *Vec[T] {
	return &Vec[T]{T: t, Vals: vals, Nulls: nulls}
}

// Type implements Column.
func (v *Vec[T]) Type() Type { return v.T }

// Len implements Column.
func (v *Vec[T]) Len() int { return len(v.Vals) }

// IsNull implements Column.
func (v *Vec[T]) IsNull(i int) bool {
	if v.Nulls.Get(i) {
		return true
	}
	if d, ok := any(v.Vals[i]).(Dyn); ok {
		return d.IsNull()
	}
	return false
}

// Value implements Column.
func (v *Vec[T]) Value(i int) Value {
	if v.Nulls.Get(i) {
		return Null(v.T)
	}
	return boxValue(v.T, v.Vals[i])
}

// boxValue wraps one element of type t.
func boxValue[T Elem](t Type, x T) Value {
	switch x := any(x).(type) {
	case bool:
		return BoolValue(x)
	case int64:
		return Value{typ: t, n: x}
	case float64:
		return RealValue(x)
	case string:
		return StringValue(x)
	case GUIDValue:
		return GUIDValueOf(x)
	case DecimalValue:
		return DecimalValueOf(x)
	case Dyn:
		return DynamicValue(x)
	}
	panic("unreachable")
}

// Gather implements Column.
func (v *Vec[T]) Gather(idx []int32) Column {
	out := make([]T, len(idx))
	for k, i := range idx {
		out[k] = v.Vals[i]
	}
	return &Vec[T]{T: v.T, Vals: out, Nulls: v.Nulls.Gather(idx)}
}

// Slice implements Column.
func (v *Vec[T]) Slice(lo, hi int) Column {
	return &Vec[T]{T: v.T, Vals: v.Vals[lo:hi:hi], Nulls: v.Nulls.Slice(lo, hi)}
}

// DictCol is a dictionary-encoded column: row i holds Values[Codes[i]].
// Values usually has far fewer rows than the column; functions of one
// argument can then run once per distinct value. When Unique is set no two
// rows of Values are equal, so equal codes mean equal values and the other
// way round.
type DictCol struct {
	Codes  []uint32
	Values Column
	Unique bool
}

// Type implements Column.
func (d *DictCol) Type() Type { return d.Values.Type() }

// Len implements Column.
func (d *DictCol) Len() int { return len(d.Codes) }

// IsNull implements Column.
func (d *DictCol) IsNull(i int) bool { return d.Values.IsNull(int(d.Codes[i])) }

// Value implements Column.
func (d *DictCol) Value(i int) Value { return d.Values.Value(int(d.Codes[i])) }

// Gather implements Column.
func (d *DictCol) Gather(idx []int32) Column {
	out := make([]uint32, len(idx))
	for k, i := range idx {
		out[k] = d.Codes[i]
	}
	return &DictCol{Codes: out, Values: d.Values, Unique: d.Unique}
}

// Slice implements Column.
func (d *DictCol) Slice(lo, hi int) Column {
	return &DictCol{Codes: d.Codes[lo:hi:hi], Values: d.Values, Unique: d.Unique}
}

// ConstCol is one value repeated N times.
type ConstCol struct {
	V Value
	N int
}

// NewConst returns a column of n copies of v.
func NewConst(v Value, n int) *ConstCol { return &ConstCol{V: v, N: n} }

// Type implements Column.
func (c *ConstCol) Type() Type { return c.V.Type() }

// Len implements Column.
func (c *ConstCol) Len() int { return c.N }

// IsNull implements Column.
func (c *ConstCol) IsNull(int) bool { return c.V.IsNull() }

// Value implements Column.
func (c *ConstCol) Value(int) Value { return c.V }

// Gather implements Column.
func (c *ConstCol) Gather(idx []int32) Column { return &ConstCol{V: c.V, N: len(idx)} }

// Slice implements Column.
func (c *ConstCol) Slice(lo, hi int) Column { return &ConstCol{V: c.V, N: hi - lo} }

// Typed views. Each returns the plain vector behind a column of the right
// storage, decoding dictionary and constant columns. They panic when the
// column's storage does not match (a bug in the caller, caught by the
// checker's types).

// Int64s returns the values of an int, long, datetime or timespan column.
func Int64s(c Column) *Vec[int64] { return Flatten[int64](c) }

// Float64s returns the values of a real column.
func Float64s(c Column) *Vec[float64] { return Flatten[float64](c) }

// Bools returns the values of a bool column.
func Bools(c Column) *Vec[bool] { return Flatten[bool](c) }

// Strings returns the values of a string column.
func Strings(c Column) *Vec[string] { return Flatten[string](c) }

// Dyns returns the values of a dynamic column.
func Dyns(c Column) *Vec[Dyn] { return Flatten[Dyn](c) }

// GUIDs returns the values of a guid column.
func GUIDs(c Column) *Vec[GUIDValue] { return Flatten[GUIDValue](c) }

// Decimals returns the values of a decimal column.
func Decimals(c Column) *Vec[DecimalValue] { return Flatten[DecimalValue](c) }

// Flatten returns c as a plain vector of T, decoding a dictionary or
// constant column (a plain vector is returned as is).
func Flatten[T Elem](c Column) *Vec[T] {
	switch c := c.(type) {
	case *Vec[T]:
		return c
	case *DictCol:
		vals := Flatten[T](c.Values)
		out := make([]T, len(c.Codes))
		for k, code := range c.Codes {
			out[k] = vals.Vals[code]
		}
		var nulls Bitmap
		if vals.Nulls != nil {
			for k, code := range c.Codes {
				if vals.Nulls.Get(int(code)) {
					if nulls == nil {
						nulls = NewBitmap(len(out))
					}
					nulls.Set(k)
				}
			}
		}
		return &Vec[T]{T: vals.T, Vals: out, Nulls: nulls}
	case *ConstCol:
		out := make([]T, c.N)
		var nulls Bitmap
		if c.V.IsNull() && c.V.typ != String && c.V.typ != Dynamic {
			nulls = NewBitmap(c.N)
			for i := range nulls {
				nulls[i] = ^uint64(0)
			}
		} else {
			x := unboxValue[T](c.V)
			for i := range out {
				out[i] = x
			}
		}
		return &Vec[T]{T: c.V.typ, Vals: out, Nulls: nulls}
	}
	panic(fmt.Sprintf("data: column %T is not a %s vector", c, typeNameOf[T]()))
}

func typeNameOf[T Elem]() string {
	var z T
	return fmt.Sprintf("%T", z)
}

// unboxValue returns the Go value of v as T.
func unboxValue[T Elem](v Value) T {
	var out T
	switch p := any(&out).(type) {
	case *bool:
		*p = v.n != 0
	case *int64:
		*p = v.n
	case *float64:
		*p = v.f
	case *string:
		*p = v.s
	case *GUIDValue:
		*p = v.g
	case *DecimalValue:
		*p = v.dec
	case *Dyn:
		*p = v.dyn
	}
	return out
}

// Unbox returns the Go value inside v as T (the zero value for null).
func Unbox[T Elem](v Value) T { return unboxValue[T](v) }

// Box returns a Value of type t holding x.
func Box[T Elem](t Type, x T) Value { return boxValue(t, x) }

// NewColumn builds a column of type t from boxed values (nulls allowed).
// It is meant for tests, literals and small results.
func NewColumn(t Type, vals []Value) Column {
	switch t {
	case Bool:
		return fromValues[bool](t, vals)
	case Int, Long, DateTime, TimeSpan:
		return fromValues[int64](t, vals)
	case Real:
		return fromValues[float64](t, vals)
	case Decimal:
		return fromValues[DecimalValue](t, vals)
	case String:
		return fromValues[string](t, vals)
	case GUID:
		return fromValues[GUIDValue](t, vals)
	case Dynamic:
		return fromValues[Dyn](t, vals)
	}
	panic(fmt.Sprintf("data: cannot build a column of type %s", t))
}

func fromValues[T Elem](t Type, vals []Value) *Vec[T] {
	out := make([]T, len(vals))
	var nulls Bitmap
	for i, v := range vals {
		if v.IsNull() && t != String && t != Dynamic {
			if nulls == nil {
				nulls = NewBitmap(len(vals))
			}
			nulls.Set(i)
			continue
		}
		out[i] = unboxValue[T](v)
	}
	return &Vec[T]{T: t, Vals: out, Nulls: nulls}
}

// EmptyColumn returns a column of type t with no rows.
func EmptyColumn(t Type) Column { return NewColumn(t, nil) }

// NullColumn returns n nulls of type t.
func NullColumn(t Type, n int) Column { return NewConst(Null(t), n) }

// Materialize returns c as a plain *Vec of its storage type.
func Materialize(c Column) Column {
	switch c.(type) {
	case *DictCol, *ConstCol:
	default:
		return c
	}
	switch c.Type() {
	case Bool:
		return Bools(c)
	case Int, Long, DateTime, TimeSpan:
		return Int64s(c)
	case Real:
		return Float64s(c)
	case Decimal:
		return Decimals(c)
	case String:
		return Strings(c)
	case GUID:
		return GUIDs(c)
	case Dynamic:
		return Dyns(c)
	}
	return c
}
