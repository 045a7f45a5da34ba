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

var fitPolyColumns = []data.ColumnDef{
	{Name: "rsquare", Type: data.Real}, {Name: "coefficients", Type: data.Dynamic},
	{Name: "variance", Type: data.Real}, {Name: "rvariance", Type: data.Real},
	{Name: "poly_fit", Type: data.Dynamic},
}

func init() {
	register(&Scalar{Name: "series_fit_poly", Sig: "series_fit_poly(y_series: dynamic [, x_series: dynamic [, degree: int]])",
		Doc: "Fits a polynomial of the given degree (1 by default) to y over x (1, 2, … by default) by least " +
			"squares and returns the columns rsquare, coefficients (highest power first), variance, " +
			"rvariance and poly_fit.",
		Examples: []Example{{"print y = dynamic([1, 4, 9, 16]) | extend (rs, coeff) = series_fit_poly(y, dynamic([1, 2, 3, 4]), 2) | project coeff", "[1.0,0.0,0.0]"}},
		Bind:     seriesBinder("series_fit_poly", 1, 3, []int{0}, data.Dynamic, dynRows(fitPolyRow)),
		Columns:  fitPolyColumns})
}

func fitPolyRow(row []data.Dyn) data.Dyn {
	y, ok := seriesFinite(row[0])
	if !ok || len(y) == 0 {
		return data.Dyn{}
	}
	x := make([]float64, len(y))
	for i := range x {
		x[i] = float64(i + 1)
	}
	if len(row) > 1 && !row[1].IsNull() {
		if x, ok = seriesFinite(row[1]); !ok || len(x) != len(y) {
			return data.Dyn{}
		}
	}
	deg := int(optLong(row, 2, 1))
	if deg < 0 || deg >= len(y) || deg > 32 {
		return data.Dyn{}
	}
	coef, ok := polyFit(x, y, deg)
	if !ok {
		return data.Dyn{}
	}
	fit := make([]float64, len(y))
	var mean, ssTot, ssRes float64
	for _, v := range y {
		mean += v
	}
	mean /= float64(len(y))
	for i, xi := range x {
		var v float64
		for _, c := range coef { // highest power first (Horner)
			v = v*xi + c
		}
		fit[i] = v
		ssRes += (y[i] - v) * (y[i] - v)
		ssTot += (y[i] - mean) * (y[i] - mean)
	}
	rs := 1.0
	if ssTot > 0 {
		rs = 1 - ssRes/ssTot
	}
	return bagOf(columnNames(fitPolyColumns), data.DynRealOf(rs), realArray(coef),
		data.DynRealOf(sampleVar(ssTot, len(y))), data.DynRealOf(sampleVar(ssRes, len(y))), realArray(fit))
}

// polyFit solves the least-squares polynomial fit of degree deg with
// Householder QR; the coefficients are highest power first.
func polyFit(x, y []float64, deg int) ([]float64, bool) {
	n, m := len(x), deg+1
	a := make([][]float64, n) // Vandermonde, lowest power first
	for i, xi := range x {
		a[i] = make([]float64, m)
		p := 1.0
		for j := 0; j < m; j++ {
			a[i][j] = p
			p *= xi
		}
	}
	b := append([]float64(nil), y...)
	for k := 0; k < m; k++ {
		var norm float64
		for i := k; i < n; i++ {
			norm += a[i][k] * a[i][k]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			return nil, false
		}
		if a[k][k] > 0 {
			norm = -norm
		}
		v := make([]float64, n)
		v[k] = a[k][k] - norm
		for i := k + 1; i < n; i++ {
			v[i] = a[i][k]
		}
		var vv float64
		for i := k; i < n; i++ {
			vv += v[i] * v[i]
		}
		if vv == 0 {
			continue
		}
		for j := k; j < m; j++ {
			var d float64
			for i := k; i < n; i++ {
				d += v[i] * a[i][j]
			}
			for i := k; i < n; i++ {
				a[i][j] -= 2 * d / vv * v[i]
			}
		}
		var d float64
		for i := k; i < n; i++ {
			d += v[i] * b[i]
		}
		for i := k; i < n; i++ {
			b[i] -= 2 * d / vv * v[i]
		}
	}
	c := make([]float64, m)
	for j := m - 1; j >= 0; j-- {
		s := b[j]
		for k := j + 1; k < m; k++ {
			s -= a[j][k] * c[k]
		}
		if a[j][j] == 0 {
			return nil, false
		}
		c[j] = s / a[j][j]
	}
	for i, j := 0, m-1; i < j; i, j = i+1, j-1 {
		c[i], c[j] = c[j], c[i]
	}
	return c, true
}
