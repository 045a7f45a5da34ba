package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// Series statistics: series_stats (several columns), series_stats_dynamic
// (one bag) and the reductions of one or two series to a number.

// statsColumns are the outputs of series_stats, in Kusto's order.
var statsColumns = []data.ColumnDef{
	{Name: "min", Type: data.Real}, {Name: "min_idx", Type: data.Long},
	{Name: "max", Type: data.Real}, {Name: "max_idx", Type: data.Long},
	{Name: "avg", Type: data.Real}, {Name: "stdev", Type: data.Real},
	{Name: "variance", Type: data.Real},
}

func init() {
	register(
		&Scalar{Name: "series_stats", Sig: "series_stats(series: dynamic [, ignore_nonfinite: bool])",
			Doc: "Returns statistics of a numeric series as several columns: min, min_idx, max, max_idx, " +
				"avg, stdev and variance (sample). Unnamed, they are called series_stats_<arg>_min and so on; " +
				"`extend (a, b) = series_stats(x)` names the first ones. A non-finite element makes every " +
				"statistic null unless ignore_nonfinite is true.",
			Examples: []Example{{"print x=dynamic([23, 46, 23, 87, 4]) | project lowest = series_stats(x)", "4"}},
			Bind:     seriesBinder("series_stats", 1, 2, []int{0}, data.Dynamic, dynRows(seriesStatsRow(false))),
			Columns:  statsColumns},
		&Scalar{Name: "series_stats_dynamic", Sig: "series_stats_dynamic(series: dynamic [, ignore_nonfinite: bool]): dynamic",
			Doc: "Returns statistics of a numeric series as a bag: min, min_idx, max, max_idx, avg, stdev, " +
				"variance, sum and len.",
			Examples: []Example{{"print series_stats_dynamic(dynamic([1,2,3])).avg", "2.0"}},
			Bind:     seriesBinder("series_stats_dynamic", 1, 2, []int{0}, data.Dynamic, dynRows(seriesStatsRow(true)))},
		&Scalar{Name: "series_sum", Sig: "series_sum(series: dynamic): real",
			Doc:      "Returns the sum of the elements of a numeric series (non-numeric elements are ignored).",
			Examples: []Example{{"print series_sum(dynamic([1,2,3,4]))", "10"}},
			Bind: seriesBinder("series_sum", 1, 1, []int{0}, data.Real, realRows(func(row []data.Dyn) (float64, bool) {
				return seriesFold(row[0], 0, func(acc, v float64) float64 { return acc + v })
			}))},
		&Scalar{Name: "series_product", Sig: "series_product(series: dynamic): real",
			Doc:      "Returns the product of the elements of a numeric series (non-numeric elements are ignored).",
			Examples: []Example{{"print series_product(dynamic([1,2,3,4]))", "24"}},
			Bind: seriesBinder("series_product", 1, 1, []int{0}, data.Real, realRows(func(row []data.Dyn) (float64, bool) {
				return seriesFold(row[0], 1, func(acc, v float64) float64 { return acc * v })
			}))},
		&Scalar{Name: "series_magnitude", Sig: "series_magnitude(series: dynamic): real",
			Doc:      "Returns the magnitude (the square root of the sum of squares) of a numeric series.",
			Examples: []Example{{"print series_magnitude(dynamic([3,4]))", "5"}},
			Bind: seriesBinder("series_magnitude", 1, 1, []int{0}, data.Real, realRows(func(row []data.Dyn) (float64, bool) {
				s, ok := seriesFold(row[0], 0, func(acc, v float64) float64 { return acc + v*v })
				return math.Sqrt(s), ok
			}))},
		&Scalar{Name: "series_dot_product", Sig: "series_dot_product(series1: dynamic, series2: dynamic): real",
			Doc: "Returns the dot product of two numeric series (a number stands for itself at every position); " +
				"the longer series is truncated, non-numeric elements are ignored, empty input gives null.",
			Examples: []Example{{"print series_dot_product(dynamic([1,2,4]), 2)", "14"}},
			Bind:     seriesPairBindReal("series_dot_product", realRows(dotProductRow))},
		&Scalar{Name: "series_cosine_similarity",
			Sig: "series_cosine_similarity(series1: dynamic, series2: dynamic [, magnitude1: real [, magnitude2: real]]): real",
			Doc: "Returns the cosine similarity of two numeric series (truncated to the shorter one; " +
				"non-numeric elements are ignored); magnitudes, when given, are used as they are.",
			Examples: []Example{{"print series_cosine_similarity(dynamic([1,0]), dynamic([1,0]))", "1"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynArity("series_cosine_similarity", args, 2, 4); err != nil {
					return data.Unknown, nil, err
				}
				return data.Real, realRows(cosineRow), dynWantDynamic("series_cosine_similarity", args, 0, 1)
			}},
		&Scalar{Name: "series_pearson_correlation", Sig: "series_pearson_correlation(series1: dynamic, series2: dynamic): real",
			Doc: "Returns the Pearson correlation coefficient of two numeric series of the same length; a " +
				"non-numeric or missing element gives null.",
			Examples: []Example{{"print series_pearson_correlation(dynamic([1,2,3]), dynamic([2,4,6]))", "1"}},
			Bind:     seriesPairBindReal("series_pearson_correlation", realRows(pearsonRow))},
	)
}

// seriesPairBindReal binds a function of two series returning a real.
func seriesPairBindReal(name string, k Kernel) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := dynArity(name, args, 2, 2); err != nil {
			return data.Unknown, nil, err
		}
		return data.Real, k, numericArgs(name, args, 0, 1)
	}
}

// seriesFold folds the numeric elements of a series; ok is false when d is
// not an array.
func seriesFold(d data.Dyn, init float64, f func(acc, v float64) float64) (float64, bool) {
	vals, oks, isArr := series(d)
	if !isArr {
		return 0, false
	}
	acc := init
	for i, v := range vals {
		if oks[i] {
			acc = f(acc, v)
		}
	}
	return acc, true
}

// stats holds the statistics of a series.
type stats struct {
	min, max, avg, stdev, variance, sum float64
	minIdx, maxIdx, n                   int
}

// computeStats computes series statistics over the finite elements; ok is
// false when there are none, or when a non-finite element is present and
// ignore is false.
func computeStats(d data.Dyn, ignore bool) (stats, bool) {
	vals, oks, isArr := series(d)
	if !isArr {
		return stats{}, false
	}
	s := stats{min: math.Inf(1), max: math.Inf(-1), minIdx: -1, maxIdx: -1}
	for i, v := range vals {
		if !oks[i] || math.IsNaN(v) || math.IsInf(v, 0) {
			if !ignore {
				return stats{}, false
			}
			continue
		}
		s.n++
		s.sum += v
		if v < s.min {
			s.min, s.minIdx = v, i
		}
		if v > s.max {
			s.max, s.maxIdx = v, i
		}
	}
	if s.n == 0 {
		return stats{}, false
	}
	s.avg = s.sum / float64(s.n)
	if s.n > 1 {
		var ss float64
		for i, v := range vals {
			if oks[i] && !math.IsNaN(v) && !math.IsInf(v, 0) {
				ss += (v - s.avg) * (v - s.avg)
			}
		}
		s.variance = ss / float64(s.n-1)
	}
	s.stdev = math.Sqrt(s.variance)
	return s, true
}

// seriesStatsRow computes the bag of series_stats (withTotals adds sum and
// len, as series_stats_dynamic does).
func seriesStatsRow(withTotals bool) func(row []data.Dyn) data.Dyn {
	keys := []string{"min", "min_idx", "max", "max_idx", "avg", "stdev", "variance"}
	if withTotals {
		keys = append(keys, "sum", "len")
	}
	return func(row []data.Dyn) data.Dyn {
		s, ok := computeStats(row[0], optBool(row, 1, false))
		vals := make([]data.Dyn, len(keys))
		if ok {
			copy(vals, []data.Dyn{data.DynRealOf(s.min), data.DynLongOf(int64(s.minIdx)),
				data.DynRealOf(s.max), data.DynLongOf(int64(s.maxIdx)), data.DynRealOf(s.avg),
				data.DynRealOf(s.stdev), data.DynRealOf(s.variance)})
			if withTotals {
				vals[7], vals[8] = data.DynRealOf(s.sum), data.DynLongOf(int64(s.n))
			}
		}
		if withTotals && row[0].Kind() != data.DynArray {
			return data.Dyn{}
		}
		return data.DynBagOf(keys, vals)
	}
}

// pairs returns the numeric pairs of two series (a number stands for
// itself), truncated to the shorter series, skipping non-numeric elements.
func pairs(a, b data.Dyn) (xs, ys []float64, ok bool) {
	aArr, bArr := a.Kind() == data.DynArray, b.Kind() == data.DynArray
	if !aArr && !bArr {
		return nil, nil, false
	}
	n := arrLen(a)
	switch {
	case aArr && bArr:
		n = min(n, arrLen(b))
	case bArr:
		n = arrLen(b)
	}
	for i := 0; i < n; i++ {
		x, ok1 := dynNumber(elemAt(a, i))
		y, ok2 := dynNumber(elemAt(b, i))
		if ok1 && ok2 {
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	return xs, ys, n > 0
}

func dotProductRow(row []data.Dyn) (float64, bool) {
	xs, ys, ok := pairs(row[0], row[1])
	if !ok {
		return 0, false
	}
	var s float64
	for i := range xs {
		s += xs[i] * ys[i]
	}
	return s, true
}

func cosineRow(row []data.Dyn) (float64, bool) {
	xs, ys, ok := pairs(row[0], row[1])
	if !ok {
		return 0, false
	}
	var dot, m1, m2 float64
	for i := range xs {
		dot += xs[i] * ys[i]
		m1 += xs[i] * xs[i]
		m2 += ys[i] * ys[i]
	}
	m1, m2 = math.Sqrt(m1), math.Sqrt(m2)
	m1 = optFloat(row, 2, m1)
	m2 = optFloat(row, 3, m2)
	return dot / (m1 * m2), true
}

func pearsonRow(row []data.Dyn) (float64, bool) {
	a, b := row[0], row[1]
	if a.Kind() != data.DynArray || b.Kind() != data.DynArray || a.Len() != b.Len() || a.Len() == 0 {
		return 0, false
	}
	n := a.Len()
	xs, ys := make([]float64, n), make([]float64, n)
	for i := 0; i < n; i++ {
		x, ok1 := dynNumber(a.Index(i))
		y, ok2 := dynNumber(b.Index(i))
		if !ok1 || !ok2 {
			return 0, false
		}
		xs[i], ys[i] = x, y
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx, syy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	return sxy / math.Sqrt(sxx*syy), true
}
