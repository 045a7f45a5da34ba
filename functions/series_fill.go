package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// Interpolation of missing values in series, and the FIR and IIR filters.
// A missing value is an element equal to the placeholder argument (null
// by default: any null element).

func init() {
	register(
		&Scalar{Name: "series_fill_forward", Sig: "series_fill_forward(series: dynamic [, missing_value_placeholder: scalar]): dynamic",
			Doc:      "Replaces each missing element with the nearest earlier value that is not missing; leading missing elements stay.",
			Examples: []Example{{"print series_fill_forward(dynamic([null, 36, null, 16, null]))", "[null,36,36,16,16]"}},
			Bind:     seriesBinder("series_fill_forward", 1, 2, []int{0}, data.Dynamic, dynRows(fillDirected(false)))},
		&Scalar{Name: "series_fill_backward", Sig: "series_fill_backward(series: dynamic [, missing_value_placeholder: scalar]): dynamic",
			Doc:      "Replaces each missing element with the nearest later value that is not missing; trailing missing elements stay.",
			Examples: []Example{{"print series_fill_backward(dynamic([null, 36, null, 16, null]))", "[36,36,16,16,null]"}},
			Bind:     seriesBinder("series_fill_backward", 1, 2, []int{0}, data.Dynamic, dynRows(fillDirected(true)))},
		&Scalar{Name: "series_fill_const", Sig: "series_fill_const(series: dynamic, constant_value: scalar [, missing_value_placeholder: scalar]): dynamic",
			Doc:      "Replaces each missing element with constant_value.",
			Examples: []Example{{"print series_fill_const(dynamic([111, null, 36]), -1)", "[111,-1,36]"}},
			Bind:     seriesBinder("series_fill_const", 2, 3, []int{0}, data.Dynamic, dynRows(fillConst))},
		&Scalar{Name: "series_fill_linear",
			Sig: "series_fill_linear(series: dynamic [, missing_value_placeholder: scalar [, fill_edges: bool [, constant_value: scalar]]]): dynamic",
			Doc: "Interpolates missing elements linearly between their neighbours. Leading and trailing missing " +
				"elements take the nearest value unless fill_edges is false; a series with no value at all is " +
				"filled with constant_value (0 by default). A series of integers gets truncated integers.",
			Examples: []Example{{"print series_fill_linear(dynamic([null, 111.0, null, 36.0, null]))", "[111.0,111.0,73.5,36.0,36.0]"}},
			Bind:     seriesBinder("series_fill_linear", 1, 4, []int{0}, data.Dynamic, dynRows(fillLinear))},
		&Scalar{Name: "series_fir", Sig: "series_fir(series: dynamic, filter: dynamic [, normalize: bool [, center: bool]]): dynamic",
			Doc: "Applies a finite impulse response filter: each output element is the sum of the filter " +
				"coefficients times the current and earlier elements (centered on the current element when " +
				"center is true). The filter is divided by the sum of its coefficients when normalize is true, " +
				"the default unless a coefficient is negative.",
			Examples: []Example{{"print series_fir(dynamic([0, 2, 2, 3]), dynamic([1, -1]), false)", "[0.0,2.0,0.0,1.0]"}},
			Bind:     seriesBinder("series_fir", 2, 4, []int{0, 1}, data.Dynamic, dynRows(fir))},
		&Scalar{Name: "series_iir", Sig: "series_iir(series: dynamic, numerators: dynamic, denominators: dynamic): dynamic",
			Doc: "Applies an infinite impulse response filter: y[i] = (b[0]x[i] + b[1]x[i-1] + … - a[1]y[i-1] - …) / a[0] " +
				"with numerators b and denominators a.",
			Examples: []Example{{"print series_iir(dynamic([1, 2, 3]), dynamic([1]), dynamic([1, -1]))", "[1.0,3.0,6.0]"}},
			Bind:     seriesBinder("series_iir", 3, 3, []int{0, 1, 2}, data.Dynamic, dynRows(iir))},
	)
}

// missing returns a predicate telling the missing elements of a series
// from the placeholder argument at position i of row (null by default).
func missing(row []data.Dyn, i int) func(data.Dyn) bool {
	if i >= len(row) || row[i].IsNull() {
		return func(d data.Dyn) bool { return d.IsNull() }
	}
	p, ok := dynNumber(row[i])
	if !ok {
		ph := row[i]
		return func(d data.Dyn) bool { return d.Equal(ph) }
	}
	return func(d data.Dyn) bool {
		v, ok := dynNumber(d)
		return ok && (v == p || math.IsNaN(v) && math.IsNaN(p))
	}
}

// fillDirected fills missing elements from the previous (or, backwards,
// the next) present element.
func fillDirected(backward bool) func(row []data.Dyn) data.Dyn {
	return func(row []data.Dyn) data.Dyn {
		if row[0].Kind() != data.DynArray {
			return data.Dyn{}
		}
		isMissing := missing(row, 1)
		out := append([]data.Dyn(nil), row[0].Items()...)
		var last data.Dyn
		have := false
		for k := range out {
			i := k
			if backward {
				i = len(out) - 1 - k
			}
			if isMissing(out[i]) {
				if have {
					out[i] = last
				}
				continue
			}
			last, have = out[i], true
		}
		return data.DynArrayOf(out)
	}
}

func fillConst(row []data.Dyn) data.Dyn {
	if row[0].Kind() != data.DynArray {
		return data.Dyn{}
	}
	isMissing := missing(row, 2)
	out := append([]data.Dyn(nil), row[0].Items()...)
	for i, v := range out {
		if isMissing(v) {
			out[i] = row[1]
		}
	}
	return data.DynArrayOf(out)
}

func fillLinear(row []data.Dyn) data.Dyn {
	if row[0].Kind() != data.DynArray {
		return data.Dyn{}
	}
	isMissing := missing(row, 1)
	edges := optBool(row, 2, true)
	items := row[0].Items()
	integral := true
	var known []int
	for i, v := range items {
		if isMissing(v) {
			continue
		}
		if _, ok := dynNumber(v); ok {
			known = append(known, i)
			integral = integral && isIntegral(v)
		}
	}
	out := append([]data.Dyn(nil), items...)
	if len(known) == 0 {
		c := data.DynRealOf(0)
		if len(row) > 3 {
			c = row[3]
		}
		for i := range out {
			out[i] = c
		}
		return data.DynArrayOf(out)
	}
	mk := func(v float64) data.Dyn {
		if integral {
			return data.DynLongOf(int64(v))
		}
		return data.DynRealOf(v)
	}
	for k := 0; k+1 < len(known); k++ {
		a, b := known[k], known[k+1]
		va, _ := dynNumber(items[a])
		vb, _ := dynNumber(items[b])
		for i := a + 1; i < b; i++ {
			out[i] = mk(va + (vb-va)*float64(i-a)/float64(b-a))
		}
	}
	if edges {
		for i := 0; i < known[0]; i++ {
			out[i] = items[known[0]]
		}
		for i := known[len(known)-1] + 1; i < len(out); i++ {
			out[i] = items[known[len(known)-1]]
		}
	}
	return data.DynArrayOf(out)
}

// zeroed reads a series with non-numeric elements as 0.
func zeroed(d data.Dyn) []float64 {
	vals, oks, _ := series(d)
	for i := range vals {
		if !oks[i] {
			vals[i] = 0
		}
	}
	return vals
}

func fir(row []data.Dyn) data.Dyn {
	if row[0].Kind() != data.DynArray || row[1].Kind() != data.DynArray {
		return data.Dyn{}
	}
	x, f := zeroed(row[0]), zeroed(row[1])
	negative := false
	var sum float64
	for _, c := range f {
		sum += c
		negative = negative || c < 0
	}
	if optBool(row, 2, !negative) {
		if negative || sum == 0 {
			return data.Dyn{}
		}
		for i := range f {
			f[i] /= sum
		}
	}
	shift := 0
	if optBool(row, 3, false) {
		shift = (len(f) - 1) / 2
	}
	y := make([]float64, len(x))
	for i := range y {
		var acc float64
		for k, c := range f {
			if j := i - k + shift; j >= 0 && j < len(x) {
				acc += c * x[j]
			}
		}
		y[i] = acc
	}
	return realArray(y)
}

func iir(row []data.Dyn) data.Dyn {
	if row[0].Kind() != data.DynArray || row[1].Kind() != data.DynArray || row[2].Kind() != data.DynArray {
		return data.Dyn{}
	}
	x, b, a := zeroed(row[0]), zeroed(row[1]), zeroed(row[2])
	if len(a) == 0 || a[0] == 0 {
		return data.Dyn{}
	}
	y := make([]float64, len(x))
	for i := range y {
		var acc float64
		for k, c := range b {
			if i-k >= 0 {
				acc += c * x[i-k]
			}
		}
		for k := 1; k < len(a); k++ {
			if i-k >= 0 {
				acc -= a[k] * y[i-k]
			}
		}
		y[i] = acc / a[0]
	}
	return realArray(y)
}
