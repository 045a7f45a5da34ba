package functions

import (
	"math"
	"sort"

	"github.com/kqlkit/kqlkit/data"
)

// Seasonality, decomposition and anomaly scoring of series.
//
// Kusto does not document its period-detection score; kqlkit scores a
// period p by the square root of the autocorrelation at lag p of the
// series with its linear trend removed (0 when negative), which is close
// to Kusto's scores on its documented examples, and detects the periods
// whose score is a local maximum; detected periods and scores approximate
// Kusto's rather than reproduce them. Once the period is known,
// decomposition and anomaly scores match Kusto's. Everything that takes an
// explicit period (series_seasonal(x, p), series_decompose(x, p, …)) is
// computed as documented: the seasonal component is the median of the
// points in the same phase.

var periodsColumns = []data.ColumnDef{{Name: "periods", Type: data.Dynamic}, {Name: "scores", Type: data.Dynamic}}

var decomposeColumns = []data.ColumnDef{
	{Name: "baseline", Type: data.Dynamic}, {Name: "seasonal", Type: data.Dynamic},
	{Name: "trend", Type: data.Dynamic}, {Name: "residual", Type: data.Dynamic},
}

var anomaliesColumns = []data.ColumnDef{
	{Name: "ad_flag", Type: data.Dynamic}, {Name: "ad_score", Type: data.Dynamic},
	{Name: "baseline", Type: data.Dynamic},
}

func init() {
	register(
		&Scalar{Name: "series_seasonal", Sig: "series_seasonal(series: dynamic [, period: int]): dynamic",
			Doc: "Returns the seasonal component of a series: for each point, the median of the points in the " +
				"same phase of the period (detected when -1 or omitted; zeros when no period is found).",
			Examples: []Example{{"print series_seasonal(dynamic([1, 3, 5, 1, 3, 5, 2, 4, 6]), 3)", "[1.0,3.0,5.0,1.0,3.0,5.0,1.0,3.0,5.0]"}},
			Bind:     seriesBinder("series_seasonal", 1, 2, []int{0}, data.Dynamic, dynRows(seasonalRow))},
		&Scalar{Name: "series_periods_detect", Sig: "series_periods_detect(series: dynamic, min_period: real, max_period: real, num_periods: long)",
			Doc: "Finds the most significant periods (at least 4 points, at most half the series) between " +
				"min_period and max_period; returns the columns periods and scores (padded with zeros to " +
				"num_periods). kqlkit's scores approximate Kusto's.",
			Examples: []Example{{"print y=dynamic([1,5,1,5,1,5,1,5,1,5,1,5]) | project (p) = series_periods_detect(y, 0, 6, 1)", "[4.0]"}},
			Bind:     seriesBinder("series_periods_detect", 4, 4, []int{0}, data.Dynamic, dynRows(periodsDetectRow)),
			Columns:  periodsColumns},
		&Scalar{Name: "series_periods_validate", Sig: "series_periods_validate(series: dynamic, period1: real [, period2: real, …])",
			Doc: "Scores how strongly a series repeats with each of the given periods (0 outside 4 … half " +
				"the series); returns the columns periods and scores. kqlkit's scores approximate Kusto's.",
			Examples: []Example{{"print y=dynamic([1,5,1,5,1,5,1,5,1,5,1,5]) | project (p) = series_periods_validate(y, 4.0)", "[4.0]"}},
			Bind:     seriesBinder("series_periods_validate", 2, 17, []int{0}, data.Dynamic, dynRows(periodsValidateRow)),
			Columns:  periodsColumns},
		&Scalar{Name: "series_outliers",
			Sig: "series_outliers(series: dynamic [, kind: string [, ignore_val: real [, min_percentile: real [, max_percentile: real]]]]): dynamic",
			Doc: "Scores each point with Tukey's fences: (x - Q3) / R above Q3, (x - Q1) / R below Q1, 0 " +
				"between, where Q1 and Q3 are the 10th and 90th percentiles ('ctukey', the default, adjustable) " +
				"and R is (Q3 - Q1) / 2.7726 as in Kusto, or the quartiles and R = Q3 - Q1 ('tukey'); when " +
				"Q1 = Q3 the points outside score ±Infinity. Nulls and ignore_val score 0.",
			Examples: []Example{{"print series_outliers(dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]), 'tukey')", "[-0.5,-0.2777777777777778,-0.05555555555555555,0.0,0.0,0.0,0.0,0.05555555555555555,0.2777777777777778,20.5]"}},
			Bind:     seriesBinder("series_outliers", 1, 5, []int{0}, data.Dynamic, dynRows(outliersRow))},
		&Scalar{Name: "series_decompose",
			Sig: "series_decompose(series: dynamic [, seasonality: int [, trend: string [, test_points: int [, seasonality_threshold: real]]]])",
			Doc: "Decomposes a series into baseline (seasonal + trend), seasonal (median per phase), trend " +
				"('avg', 'linefit' or 'none') and residual columns.",
			Examples: []Example{{"print y=dynamic([1, 3, 1, 3, 1, 3, 1, 3]) | project (b) = series_decompose(y, 2)", "[1.0,3.0,1.0,3.0,1.0,3.0,1.0,3.0]"}},
			Bind:     seriesBinder("series_decompose", 1, 5, []int{0}, data.Dynamic, dynRows(decomposeRow)),
			Columns:  decomposeColumns},
		&Scalar{Name: "series_decompose_anomalies",
			Sig: "series_decompose_anomalies(series: dynamic [, threshold: real [, seasonality: int [, trend: string [, test_points: int [, ad_method: string [, seasonality_threshold: real]]]]]])",
			Doc: "Decomposes a series (see series_decompose), scores its residual with series_outliers and " +
				"returns ad_flag (+1, -1 or 0 beyond ±threshold, default 1.5), ad_score and baseline columns.",
			Examples: []Example{{"print y=dynamic([1, 1, 1, 1, 1, 1, 1, 1, 1, 50]) | project (flag) = series_decompose_anomalies(y, 1.5, 0)", "[0,0,0,0,0,0,0,0,0,1]"}},
			Bind:     seriesBinder("series_decompose_anomalies", 1, 7, []int{0}, data.Dynamic, dynRows(anomaliesRow)),
			Columns:  anomaliesColumns},
		&Scalar{Name: "series_decompose_forecast",
			Sig: "series_decompose_forecast(series: dynamic, points: int [, seasonality: int [, trend: string [, seasonality_threshold: real]]]): dynamic",
			Doc: "Forecasts the last points of a series from the decomposition (seasonal + trend) of the " +
				"points before them; the trend is 'linefit' unless given, as Kusto computes it.",
			Examples: []Example{{"print series_decompose_forecast(dynamic([1, 2, 3, 4, 0, 0]), 2, 0, 'linefit')", "[1.0,2.0,3.0,4.0,5.0,6.0]"}},
			Bind:     seriesBinder("series_decompose_forecast", 2, 5, []int{0}, data.Dynamic, dynRows(forecastRow))},
	)
}

// periodScore scores period p of y (see the comment above): 0 outside 4
// … half the series.
func periodScore(y []float64, p float64) float64 {
	lag := int(math.Round(p))
	if lag < 4 || lag > len(y)/2 {
		return 0
	}
	return lagScore(y, lag)
}

// lagScore is the square root of the autocorrelation at a lag of the
// series with its linear trend removed, 0 when it is negative.
func lagScore(y []float64, lag int) float64 {
	n := len(y)
	if lag < 1 || lag >= n {
		return 0
	}
	f := fitLine(y, 0)
	r := make([]float64, n)
	for i, v := range y {
		r[i] = v - f.at(i+1)
	}
	var num, den float64
	for i := range r {
		den += r[i] * r[i]
		if i+lag < n {
			num += r[i] * r[i+lag]
		}
	}
	if den == 0 {
		return 0
	}
	return math.Sqrt(max(0, num/den))
}

// detectPeriods returns up to k periods of y between lo and hi, best first,
// leaving out periods near a multiple or divisor of a better one and scores
// below minScore.
func detectPeriods(y []float64, lo, hi float64, k int, minScore float64) ([]float64, []float64) {
	type cand struct {
		p     int
		score float64
	}
	// a candidate is a local maximum of the score over the periods (a
	// smooth series correlates with itself at every short lag; that is not
	// a period)
	var cands []cand
	first, last := max(4, int(math.Ceil(lo))), min(len(y)/2, int(math.Floor(hi)))
	for p := first; p <= last; p++ {
		s := periodScore(y, float64(p))
		if s < minScore || s <= 0 {
			continue
		}
		if lagScore(y, p-1) > s || lagScore(y, p+1) > s {
			continue
		}
		cands = append(cands, cand{p, s})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var ps, ss []float64
	for _, c := range cands {
		if len(ps) == k {
			break
		}
		multiple := false
		for _, q := range ps {
			if nearMultiple(float64(c.p), q) || nearMultiple(q, float64(c.p)) {
				multiple = true
			}
		}
		if !multiple {
			ps, ss = append(ps, float64(c.p)), append(ss, c.score)
		}
	}
	return ps, ss
}

// nearMultiple reports whether p is within 20% of a multiple of q (a
// harmonic of a better period rather than a period of its own).
func nearMultiple(p, q float64) bool {
	k := math.Round(p / q)
	return k >= 1 && math.Abs(p-k*q) <= 0.2*q
}

func periodsDetectRow(row []data.Dyn) data.Dyn {
	y, ok := seriesFinite(row[0])
	k := optLong(row, 3, 0)
	if !ok || k < 0 || k > 1<<16 {
		return data.Dyn{}
	}
	ps, ss := detectPeriods(y, optFloat(row, 1, 0), optFloat(row, 2, 0), int(k), 0.3)
	for len(ps) < int(k) {
		ps, ss = append(ps, 0), append(ss, 0)
	}
	return bagOf(columnNames(periodsColumns), realArray(ps), realArray(ss))
}

func periodsValidateRow(row []data.Dyn) data.Dyn {
	y, ok := seriesFinite(row[0])
	if !ok {
		return data.Dyn{}
	}
	var ps, ss []float64
	for _, a := range row[1:] {
		p, _ := dynNumber(a)
		ps, ss = append(ps, p), append(ss, periodScore(y, p))
	}
	return bagOf(columnNames(periodsColumns), realArray(ps), realArray(ss))
}

// seasonal returns the seasonal component of y for period p, learned from
// the first train points (zeros when p < 1).
func seasonal(y []float64, p, train int) []float64 {
	out := make([]float64, len(y))
	if p < 1 {
		return out
	}
	phase := make([]float64, p)
	for ph := 0; ph < p; ph++ {
		var xs []float64
		for i := ph; i < train; i += p {
			xs = append(xs, y[i])
		}
		if len(xs) > 0 {
			phase[ph] = median(xs)
		}
	}
	for i := range out {
		out[i] = phase[i%p]
	}
	return out
}

// resolvePeriod turns the seasonality argument into a period: -1 detects
// one (with the given score threshold), 0 means none.
func resolvePeriod(y []float64, arg int64, threshold float64) int {
	if arg >= 0 {
		return int(arg)
	}
	ps, _ := detectPeriods(y, 4, float64(len(y))/2, 1, threshold)
	if len(ps) == 0 {
		return 0
	}
	return int(ps[0])
}

// decomposition is the result of series_decompose.
type decomposition struct {
	baseline, seasonal, trend, residual []float64
}

func decompose(y []float64, period int, trend string, test int) (decomposition, bool) {
	train := len(y) - test
	if train < 1 {
		return decomposition{}, false
	}
	d := decomposition{seasonal: seasonal(y, period, train), trend: make([]float64, len(y))}
	deseason := make([]float64, len(y))
	for i, v := range y {
		deseason[i] = v - d.seasonal[i]
	}
	switch trend {
	case "avg":
		var s float64
		for _, v := range deseason[:train] {
			s += v
		}
		for i := range d.trend {
			d.trend[i] = s / float64(train)
		}
	case "linefit":
		f := fitLine(deseason[:train], 0)
		for i := range d.trend {
			d.trend[i] = f.at(i + 1)
		}
	case "none":
	default:
		return decomposition{}, false
	}
	d.baseline = make([]float64, len(y))
	d.residual = make([]float64, len(y))
	for i, v := range y {
		d.baseline[i] = d.seasonal[i] + d.trend[i]
		d.residual[i] = v - d.baseline[i]
	}
	return d, true
}

func decomposeRow(row []data.Dyn) data.Dyn {
	y, ok := seriesFinite(row[0])
	if !ok {
		return data.Dyn{}
	}
	p := resolvePeriod(y, optLong(row, 1, -1), optFloat(row, 4, 0.6))
	d, ok := decompose(y, p, optString(row, 2, "avg"), int(optLong(row, 3, 0)))
	if !ok {
		return data.Dyn{}
	}
	return bagOf(columnNames(decomposeColumns), realArray(d.baseline), realArray(d.seasonal),
		realArray(d.trend), realArray(d.residual))
}

func anomaliesRow(row []data.Dyn) data.Dyn {
	y, ok := seriesFinite(row[0])
	if !ok {
		return data.Dyn{}
	}
	threshold := optFloat(row, 1, 1.5)
	p := resolvePeriod(y, optLong(row, 2, -1), optFloat(row, 6, 0.6))
	test := int(optLong(row, 4, 0))
	d, ok := decompose(y, p, optString(row, 3, "avg"), test)
	if !ok {
		return data.Dyn{}
	}
	lo, hi, factor, ok := fenceRange(optString(row, 5, "ctukey"), 10, 90)
	if !ok {
		return data.Dyn{}
	}
	scores := tukeyScores(d.residual, d.residual[:len(y)-test], lo, hi, factor)
	flags := make([]data.Dyn, len(y))
	for i, s := range scores {
		f := int64(0)
		switch {
		case s > threshold:
			f = 1
		case s < -threshold:
			f = -1
		}
		flags[i] = data.DynLongOf(f)
	}
	return bagOf(columnNames(anomaliesColumns), data.DynArrayOf(flags), realArray(scores), realArray(d.baseline))
}

func forecastRow(row []data.Dyn) data.Dyn {
	y, ok := seriesFinite(row[0])
	points := optLong(row, 1, 0)
	if !ok || points < 0 || int(points) >= len(y) {
		return data.Dyn{}
	}
	train := y[:len(y)-int(points)]
	p := resolvePeriod(train, optLong(row, 2, -1), optFloat(row, 4, 0.6))
	d, ok := decompose(y, p, optString(row, 3, "linefit"), int(points))
	if !ok {
		return data.Dyn{}
	}
	return realArray(d.baseline)
}

// fenceRange returns the percentiles of an outlier method and the factor
// the range between them is divided by to give the score's unit.
//
// For 'ctukey' with its default 10th and 90th percentiles the factor,
// 2.7726056055079, is Kusto's: series_outliers and
// series_decompose_anomalies reproduce Microsoft's scores to 1e-13 with
// it. For other percentiles it is scaled by the ratio of the standard
// normal quantile ranges (kqlkit's assumption); 'tukey' uses the plain
// inter-quartile range.
func fenceRange(kind string, lo, hi float64) (float64, float64, float64, bool) {
	switch kind {
	case "tukey":
		return 25, 75, 1, true
	case "ctukey":
		const defaultFactor = 2.7726056055079
		if lo == 10 && hi == 90 {
			return lo, hi, defaultFactor, true
		}
		ref := normalQuantile(0.9) - normalQuantile(0.1)
		return lo, hi, defaultFactor * (normalQuantile(hi/100) - normalQuantile(lo/100)) / ref, true
	}
	return 0, 0, 0, false
}

// normalQuantile is the standard normal distribution's quantile function.
func normalQuantile(p float64) float64 { return math.Sqrt2 * math.Erfinv(2*p-1) }

// tukeyScores scores every value of x against the lo-th and hi-th
// percentiles of ref, in units of their range divided by factor (NaN
// values are skipped and score 0).
func tukeyScores(x, ref []float64, lo, hi, factor float64) []float64 {
	var sorted []float64
	for _, v := range ref {
		if !math.IsNaN(v) {
			sorted = append(sorted, v)
		}
	}
	sort.Float64s(sorted)
	out := make([]float64, len(x))
	if len(sorted) == 0 {
		return out
	}
	q1, q3 := percentileOf(sorted, lo), percentileOf(sorted, hi)
	iqr := (q3 - q1) / factor
	for i, v := range x {
		switch { // with iqr 0, values outside score ±Inf, as the division gives
		case math.IsNaN(v):
		case v > q3:
			out[i] = (v - q3) / iqr
		case v < q1:
			out[i] = (v - q1) / iqr
		}
	}
	return out
}

func outliersRow(row []data.Dyn) data.Dyn {
	x, ok := seriesNulled(row[0])
	if !ok {
		return data.Dyn{}
	}
	if len(row) > 2 {
		if ig, ok := dynNumber(row[2]); ok {
			for i, v := range x {
				if v == ig {
					x[i] = math.NaN()
				}
			}
		}
	}
	lo, hi, factor, ok := fenceRange(optString(row, 1, "ctukey"), optFloat(row, 3, 10), optFloat(row, 4, 90))
	if !ok || lo < 2 || hi > 98 || lo >= hi {
		return data.Dyn{}
	}
	return realArray(tukeyScores(x, x, lo, hi, factor))
}

func seasonalRow(row []data.Dyn) data.Dyn {
	y, ok := seriesFinite(row[0])
	if !ok {
		return data.Dyn{}
	}
	p := resolvePeriod(y, optLong(row, 1, -1), 0.7)
	return realArray(seasonal(y, p, len(y)))
}
