package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// Line fitting: series_fit_line and series_fit_2lines (several columns)
// and their _dynamic forms (one bag). The series' x coordinates are 1, 2,
// …, n; the interception is the line's value at x = 0.

var fitLineColumns = []data.ColumnDef{
	{Name: "rsquare", Type: data.Real}, {Name: "slope", Type: data.Real},
	{Name: "variance", Type: data.Real}, {Name: "rvariance", Type: data.Real},
	{Name: "interception", Type: data.Real}, {Name: "line_fit", Type: data.Dynamic},
}

var fit2LinesColumns = []data.ColumnDef{
	{Name: "rsquare", Type: data.Real}, {Name: "split_idx", Type: data.Long},
	{Name: "variance", Type: data.Real}, {Name: "rvariance", Type: data.Real},
	{Name: "line_fit", Type: data.Dynamic},
	{Name: "right_rsquare", Type: data.Real}, {Name: "right_slope", Type: data.Real},
	{Name: "right_interception", Type: data.Real}, {Name: "right_variance", Type: data.Real},
	{Name: "right_rvariance", Type: data.Real},
	{Name: "left_rsquare", Type: data.Real}, {Name: "left_slope", Type: data.Real},
	{Name: "left_interception", Type: data.Real}, {Name: "left_variance", Type: data.Real},
	{Name: "left_rvariance", Type: data.Real},
}

func init() {
	register(
		&Scalar{Name: "series_fit_line", Sig: "series_fit_line(series: dynamic)",
			Doc: "Fits a straight line to a numeric series by linear regression and returns the columns " +
				"rsquare, slope, variance, rvariance, interception and line_fit.",
			Examples: []Example{{"print y=dynamic([2, 4, 6]) | extend (rs, slope) = series_fit_line(y) | project slope", "2"}},
			Bind:     seriesBinder("series_fit_line", 1, 1, []int{0}, data.Dynamic, dynRows(fitLineRow)),
			Columns:  fitLineColumns},
		&Scalar{Name: "series_fit_line_dynamic", Sig: "series_fit_line_dynamic(series: dynamic): dynamic",
			Doc:      "Like series_fit_line, but returns the results as one bag.",
			Examples: []Example{{"print series_fit_line_dynamic(dynamic([2, 4, 6])).slope", "2.0"}},
			Bind:     seriesBinder("series_fit_line_dynamic", 1, 1, []int{0}, data.Dynamic, dynRows(fitLineRow))},
		&Scalar{Name: "series_fit_2lines", Sig: "series_fit_2lines(series: dynamic)",
			Doc: "Fits two line segments to a numeric series, choosing the split that maximises the total " +
				"r-square, and returns rsquare, split_idx, variance, rvariance, line_fit, then the right_ and " +
				"left_ rsquare, slope, interception, variance and rvariance.",
			Examples: []Example{{"print y=dynamic([1, 2, 3, 4, 3, 2, 1]) | extend (rs, idx) = series_fit_2lines(y) | project idx", "3"}},
			Bind:     seriesBinder("series_fit_2lines", 1, 1, []int{0}, data.Dynamic, dynRows(fit2LinesRow)),
			Columns:  fit2LinesColumns},
		&Scalar{Name: "series_fit_2lines_dynamic", Sig: "series_fit_2lines_dynamic(series: dynamic): dynamic",
			Doc:      "Like series_fit_2lines, but returns the results as one bag.",
			Examples: []Example{{"print series_fit_2lines_dynamic(dynamic([1, 2, 3, 4, 3, 2, 1])).split_idx", "3"}},
			Bind:     seriesBinder("series_fit_2lines_dynamic", 1, 1, []int{0}, data.Dynamic, dynRows(fit2LinesRow))},
	)
}

// lineFit is a least-squares line over points (x0+1, y[0]), (x0+2, y[1]), ….
type lineFit struct {
	slope, interception float64
	ssRes, ssTot        float64
	n                   int
}

func fitLine(y []float64, x0 int) lineFit {
	n := len(y)
	var mx, my float64
	for i, v := range y {
		mx += float64(x0 + i + 1)
		my += v
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx float64
	for i, v := range y {
		dx := float64(x0+i+1) - mx
		sxy += dx * (v - my)
		sxx += dx * dx
	}
	f := lineFit{n: n}
	if sxx > 0 {
		f.slope = sxy / sxx
	}
	f.interception = my - f.slope*mx
	for i, v := range y {
		r := v - f.at(x0+i+1)
		f.ssRes += r * r
		f.ssTot += (v - my) * (v - my)
	}
	return f
}

func (f lineFit) at(x int) float64 { return f.interception + f.slope*float64(x) }

func (f lineFit) rsquare() float64 {
	if f.ssTot == 0 {
		if f.ssRes == 0 {
			return 1
		}
		return 0
	}
	return 1 - f.ssRes/f.ssTot
}

// variance and rvariance are sample variances of the data and of the
// residuals.
func (f lineFit) variance() float64  { return sampleVar(f.ssTot, f.n) }
func (f lineFit) rvariance() float64 { return sampleVar(f.ssRes, f.n) }

func sampleVar(ss float64, n int) float64 {
	if n < 2 {
		return 0
	}
	return ss / float64(n-1)
}

func fitLineRow(row []data.Dyn) data.Dyn {
	y, ok := seriesFinite(row[0])
	if !ok || len(y) == 0 {
		return data.Dyn{}
	}
	f := fitLine(y, 0)
	fit := make([]float64, len(y))
	for i := range fit {
		fit[i] = f.at(i + 1)
	}
	return bagOf(columnNames(fitLineColumns), data.DynRealOf(f.rsquare()), data.DynRealOf(f.slope),
		data.DynRealOf(f.variance()), data.DynRealOf(f.rvariance()), data.DynRealOf(f.interception),
		realArray(fit))
}

func columnNames(cols []data.ColumnDef) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

func fit2LinesRow(row []data.Dyn) data.Dyn {
	y, ok := seriesFinite(row[0])
	if !ok || len(y) < 4 {
		return data.Dyn{}
	}
	all := fitLine(y, 0)
	best, bestSplit := math.Inf(-1), -1
	var bl, br lineFit
	for s := 2; s <= len(y)-2; s++ {
		l, r := fitLine(y[:s], 0), fitLine(y[s:], s)
		rs := 1.0
		if all.ssTot > 0 {
			rs = 1 - (l.ssRes+r.ssRes)/all.ssTot
		}
		if rs > best {
			best, bestSplit, bl, br = rs, s, l, r
		}
	}
	fit := make([]float64, len(y))
	for i := range fit {
		if i < bestSplit {
			fit[i] = bl.at(i + 1)
		} else {
			fit[i] = br.at(i + 1)
		}
	}
	rvar := sampleVar(bl.ssRes+br.ssRes, len(y))
	return bagOf(columnNames(fit2LinesColumns),
		data.DynRealOf(best), data.DynLongOf(int64(bestSplit)), data.DynRealOf(all.variance()),
		data.DynRealOf(rvar), realArray(fit),
		data.DynRealOf(br.rsquare()), data.DynRealOf(br.slope), data.DynRealOf(br.interception),
		data.DynRealOf(br.variance()), data.DynRealOf(br.rvariance()),
		data.DynRealOf(bl.rsquare()), data.DynRealOf(bl.slope), data.DynRealOf(bl.interception),
		data.DynRealOf(bl.variance()), data.DynRealOf(bl.rvariance()))
}
