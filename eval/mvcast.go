package eval

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// castExpanded turns expanded elements into a column of type t, as
// `to typeof(t)` does in mv-expand and mv-apply: numbers convert between
// numeric types (truncating toward zero), strings are the elements' text,
// datetimes and guids are read from strings, and an element of any other
// shape is null.
func castExpanded(n int, at func(i int) data.Dyn, t data.Type) data.Column {
	switch t {
	case data.Dynamic:
		out := make([]data.Dyn, n)
		for i := range out {
			out[i] = at(i)
		}
		return data.NewVec(data.Dynamic, out, nil)
	case data.String:
		out := make([]string, n)
		for i := range out {
			out[i] = functions.DynToString(at(i))
		}
		return data.NewVec(data.String, out, nil)
	case data.Real:
		return castEach(n, at, t, func(d data.Dyn) (float64, bool) {
			switch d.Kind() {
			case data.DynInt, data.DynLong:
				return float64(d.Long()), true
			case data.DynReal:
				return d.Real(), true
			}
			return 0, false
		})
	case data.Bool:
		return castEach(n, at, t, dynBool)
	case data.Int, data.Long:
		return castEach(n, at, t, func(d data.Dyn) (int64, bool) { return dynInteger(d, t) })
	case data.DateTime:
		return castEach(n, at, t, func(d data.Dyn) (int64, bool) {
			switch d.Kind() {
			case data.DynDateTime:
				return d.Long(), true
			case data.DynString:
				v, err := data.ParseDateTime(d.Str())
				return v, err == nil
			}
			return 0, false
		})
	case data.TimeSpan:
		return castEach(n, at, t, func(d data.Dyn) (int64, bool) {
			return d.Long(), d.Kind() == data.DynTimeSpan
		})
	case data.GUID:
		return castEach(n, at, t, func(d data.Dyn) (data.GUIDValue, bool) {
			if d.Kind() != data.DynString && d.Kind() != data.DynGUID {
				return data.GUIDValue{}, false
			}
			g, err := data.ParseGUID(d.Str())
			return g, err == nil
		})
	case data.Decimal:
		return castEach(n, at, t, func(d data.Dyn) (data.DecimalValue, bool) {
			if d.Kind() != data.DynDecimal {
				return data.DecimalValue{}, false
			}
			v, err := data.ParseDecimal(d.Str())
			return v, err == nil
		})
	}
	return data.NullColumn(t, n)
}

func castEach[T data.Elem](n int, at func(int) data.Dyn, t data.Type, f func(data.Dyn) (T, bool)) data.Column {
	w := data.NewWriter[T](t, n)
	for i := 0; i < n; i++ {
		v, ok := f(at(i))
		if !ok {
			w.SetNull(i)
			continue
		}
		w.Vals[i] = v
	}
	return w.Column()
}

// dynBool reads a bool element: a JSON boolean or a whole number.
func dynBool(d data.Dyn) (bool, bool) {
	switch d.Kind() {
	case data.DynBool:
		return d.Bool(), true
	case data.DynInt, data.DynLong:
		return d.Long() != 0, true
	case data.DynReal:
		f := d.Real()
		if f == math.Trunc(f) {
			return f != 0, true
		}
	}
	return false, false
}

// dynInteger reads an int or long element from a number, truncating
// toward zero.
func dynInteger(d data.Dyn, t data.Type) (int64, bool) {
	var v int64
	switch d.Kind() {
	case data.DynInt, data.DynLong:
		v = d.Long()
	case data.DynReal:
		f := math.Trunc(d.Real())
		if math.IsNaN(f) || f < math.MinInt64 || f >= math.MaxInt64 {
			return 0, false
		}
		v = int64(f)
	default:
		return 0, false
	}
	if t == data.Int && (v < math.MinInt32 || v > math.MaxInt32) {
		return 0, false
	}
	return v, true
}
