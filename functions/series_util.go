package functions

import (
	"fmt"
	"math"
	"sort"

	"github.com/kqlkit/kqlkit/data"
)

// Helpers shared by the series functions (series_*.go). A series is a
// dynamic array of numbers, as make-series and make_list produce.

// series reads a dynamic array as float64 values; ok[i] is false for an
// element that is null or not a number. isArr is false when d is not an
// array.
func series(d data.Dyn) (vals []float64, ok []bool, isArr bool) {
	if d.Kind() != data.DynArray {
		return nil, nil, false
	}
	items := d.Items()
	vals = make([]float64, len(items))
	ok = make([]bool, len(items))
	for i, it := range items {
		vals[i], ok[i] = dynNumber(it)
	}
	return vals, ok, true
}

// seriesFinite reads a series whose every element must be a finite number;
// ok is false otherwise (or when d is not an array).
func seriesFinite(d data.Dyn) ([]float64, bool) {
	vals, oks, isArr := series(d)
	if !isArr {
		return nil, false
	}
	for i, v := range vals {
		if !oks[i] || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, false
		}
	}
	return vals, true
}

// seriesNulled reads a series with missing elements as NaN.
func seriesNulled(d data.Dyn) ([]float64, bool) {
	vals, oks, isArr := series(d)
	if !isArr {
		return nil, false
	}
	for i := range vals {
		if !oks[i] {
			vals[i] = math.NaN()
		}
	}
	return vals, true
}

// realArray builds a dynamic array of reals.
func realArray(vals []float64) data.Dyn {
	out := make([]data.Dyn, len(vals))
	for i, v := range vals {
		out[i] = data.DynRealOf(v)
	}
	return data.DynArrayOf(out)
}

// realArrayNulls builds a dynamic array of reals with NaN as null.
func realArrayNulls(vals []float64) data.Dyn {
	out := make([]data.Dyn, len(vals))
	for i, v := range vals {
		if !math.IsNaN(v) {
			out[i] = data.DynRealOf(v)
		}
	}
	return data.DynArrayOf(out)
}

// isIntegral reports whether a dynamic value is an int or a long.
func isIntegral(d data.Dyn) bool {
	return d.Kind() == data.DynInt || d.Kind() == data.DynLong
}

// seriesBinder checks a series function's arity and that the series
// arguments (positions dyn) are dynamic.
func seriesBinder(name string, lo, hi int, dyn []int, out data.Type, k Kernel) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := dynArity(name, args, lo, hi); err != nil {
			return data.Unknown, nil, err
		}
		if err := dynWantDynamic(name, args, dyn...); err != nil {
			return data.Unknown, nil, err
		}
		return out, k, nil
	}
}

// numericArgs checks that the arguments at the given positions are
// numbers (or dynamic).
func numericArgs(name string, args []ArgInfo, idx ...int) error {
	for _, i := range idx {
		if i >= len(args) {
			continue
		}
		t := args[i].Type
		if !t.IsNumeric() && t != data.Dynamic && t != data.Bool {
			return fmt.Errorf("function '%s' expects a number as argument %d, got %s", name, i+1, t)
		}
	}
	return nil
}

// realRows builds a kernel computing a real per row from the dynamic forms
// of its arguments; f reports false for null.
func realRows(f func(row []data.Dyn) (float64, bool)) Kernel {
	return func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		m := n
		if allConst(args) {
			m = 1
		}
		get := make([]func(int) data.Dyn, len(args))
		for j, c := range args {
			get[j] = dynGetter(c)
		}
		w := data.NewWriter[float64](data.Real, m)
		row := make([]data.Dyn, len(args))
		for i := 0; i < m; i++ {
			for j, g := range get {
				row[j] = g(i)
			}
			v, ok := f(row)
			if !ok {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = v
		}
		if m == 1 && n != 1 {
			return constResult(w.Column(), n), nil
		}
		return w.Column(), nil
	}
}

// optFloat returns argument i as a float, or def when it is absent or null.
func optFloat(row []data.Dyn, i int, def float64) float64 {
	if i >= len(row) {
		return def
	}
	if v, ok := dynNumber(row[i]); ok {
		return v
	}
	return def
}

// optLong returns argument i as an integer, or def when absent or null.
func optLong(row []data.Dyn, i int, def int64) int64 {
	if i >= len(row) {
		return def
	}
	if v, ok := dynLong(row[i]); ok {
		return v
	}
	return def
}

// optString returns argument i as a string, or def when absent or null.
func optString(row []data.Dyn, i int, def string) string {
	if i >= len(row) || row[i].Kind() != data.DynString {
		return def
	}
	return row[i].Str()
}

// optBool returns argument i as a bool, or def when absent or null.
func optBool(row []data.Dyn, i int, def bool) bool {
	if i >= len(row) || row[i].Kind() != data.DynBool {
		return def
	}
	return row[i].Bool()
}

// median returns the median of vals (the mean of the two middle values for
// an even count); it sorts a copy.
func median(vals []float64) float64 {
	if len(vals) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), vals...)
	sort.Float64s(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// percentileOf returns the p-th percentile (0..100) of sorted values by
// linear interpolation between the closest ranks.
func percentileOf(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	if n == 1 {
		return sorted[0]
	}
	pos := p / 100 * float64(n-1)
	lo := int(math.Floor(pos))
	if lo >= n-1 {
		return sorted[n-1]
	}
	frac := pos - float64(lo)
	return sorted[lo] + frac*(sorted[lo+1]-sorted[lo])
}

// bagOf builds a property bag from keys and values in order.
func bagOf(keys []string, vals ...data.Dyn) data.Dyn {
	return data.DynBagOf(keys, vals)
}
