package functions

import (
	"fmt"
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// Variance, standard deviation and covariance aggregates. States keep the
// count, the sums and the sums of squares (or of products), so that Merge is
// exact and integer inputs give exact results.

func init() {
	for _, s := range []struct {
		name   string
		pop    bool
		sqrt   bool
		pred   bool
		what   string
		sample string
	}{
		{"stdev", false, true, false, "sample standard deviation", "range x from 1 to 5 step 1 | summarize stdev(x)"},
		{"stdevif", false, true, true, "sample standard deviation", "range x from 1 to 100 step 1 | summarize stdevif(x, x % 2 == 0)"},
		{"stdevp", true, true, false, "population standard deviation", "range x from 1 to 5 step 1 | summarize stdevp(x)"},
		{"variance", false, false, false, "sample variance", "range x from 1 to 5 step 1 | summarize variance(x)"},
		{"varianceif", false, false, true, "sample variance", "range x from 1 to 5 step 1 | summarize varianceif(x, x > 1)"},
		{"variancep", true, false, false, "population variance", "range x from 1 to 5 step 1 | summarize variancep(x)"},
		{"variancepif", true, false, true, "population variance", "range x from 1 to 100 step 1 | summarize variancepif(x, x % 2 == 0)"},
	} {
		s := s
		sig := s.name + "(expr: number): real"
		doc := "Returns the " + s.what + " of expr in each group (nulls are skipped; fewer than two values give 0)."
		if s.pred {
			sig = s.name + "(expr: number, predicate: bool): real"
			doc = "Returns the " + s.what + " of expr over the rows for which the predicate is true."
		}
		registerAgg(&Aggregate{Name: s.name, Sig: sig, Doc: doc, Naming: NamePrefixAndFirstArg, Prefix: s.name,
			Examples: []Example{{s.sample, statsExample[s.name]}},
			Bind: func(args []ArgInfo) (AggBinding, error) {
				if err := statsArgs(s.name, args, 1, s.pred); err != nil {
					return AggBinding{}, err
				}
				return AggBinding{Types: []data.Type{data.Real}, New: func() Agg {
					return &statsAgg{pop: s.pop, sqrt: s.sqrt, pred: s.pred}
				}}, nil
			}})
	}
	for _, s := range []struct {
		name string
		pop  bool
		pred bool
	}{{"covariance", false, false}, {"covarianceif", false, true}, {"covariancep", true, false}, {"covariancepif", true, true}} {
		s := s
		what := "sample"
		if s.pop {
			what = "population"
		}
		sig := s.name + "(expr1: number, expr2: number): real"
		doc := "Returns the " + what + " covariance of two expressions in each group (rows where either is null are skipped)."
		example := "datatable(x:real, y:real)[1,14, 2,10, 3,17, 4,20, 5,50] | summarize " + s.name + "(x, y)"
		if s.pred {
			sig = s.name + "(expr1: number, expr2: number, predicate: bool): real"
			doc = "Returns the " + what + " covariance of two expressions over the rows for which the predicate is true."
			example = "datatable(x:real, y:real)[1,14, 2,10, 3,17, 4,20, 5,50] | summarize " + s.name + "(x, y, true)"
		}
		registerAgg(&Aggregate{Name: s.name, Sig: sig, Doc: doc, Naming: NamePrefixAndFirstArg, Prefix: s.name,
			Examples: []Example{{example, map[bool]string{false: "20.5", true: "16.4"}[s.pop]}},
			Bind: func(args []ArgInfo) (AggBinding, error) {
				if err := statsArgs(s.name, args, 2, s.pred); err != nil {
					return AggBinding{}, err
				}
				return AggBinding{Types: []data.Type{data.Real}, New: func() Agg {
					return &covAgg{pop: s.pop, pred: s.pred}
				}}, nil
			}})
	}
}

var statsExample = map[string]string{
	"stdev": "1.5811388300841898", "stdevif": "29.154759474226502", "stdevp": "1.4142135623730951",
	"variance": "2.5", "varianceif": "1.6666666666666667",
	"variancep": "2", "variancepif": "833",
}

// statsArgs checks n numeric arguments and an optional predicate.
func statsArgs(name string, args []ArgInfo, n int, pred bool) error {
	want := n
	if pred {
		want++
	}
	if len(args) != want {
		return fmt.Errorf("%s() expects %d arguments, got %d", name, want, len(args))
	}
	for i, a := range args {
		switch {
		case a.Star:
			return fmt.Errorf("%s() does not accept '*'", name)
		case i < n && !a.Type.IsNumeric() && a.Type != data.Dynamic && a.Type != data.TimeSpan:
			return fmt.Errorf("%s() expects a number as argument %d, got %s", name, i+1, a.Type)
		case i == n && a.Type != data.Bool:
			return fmt.Errorf("%s() expects a bool predicate as argument %d, got %s", name, i+1, a.Type)
		}
	}
	return nil
}

// statsReals returns a reader of the column as reals (timespans as ticks).
func statsReals(c data.Column) data.Reader[float64] {
	if c.Type() == data.TimeSpan || c.Type() == data.DateTime {
		c = Widen(retype(c, data.Long), data.Real)
	}
	return data.NewReader[float64](Convert(c, data.Real))
}

type statsAgg struct {
	pop, sqrt, pred bool
	n, sum, sumsq   []float64
}

func (a *statsAgg) grow(ng int) {
	a.n, a.sum, a.sumsq = grow(a.n, ng), grow(a.sum, ng), grow(a.sumsq, ng)
}

func (a *statsAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.grow(ng)
	ok := predicate(nil)
	if a.pred {
		ok = predicate(args[1])
	}
	r := statsReals(args[0])
	for i, g := range groups {
		if x, valid := r.Get(i); valid && ok(i) {
			a.n[g]++
			a.sum[g] += x
			a.sumsq[g] += x * x
		}
	}
	return nil
}

func (a *statsAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*statsAgg)
	a.grow(ng)
	for g := range o.n {
		t := into[g]
		a.n[t] += o.n[g]
		a.sum[t] += o.sum[g]
		a.sumsq[t] += o.sumsq[g]
	}
}

func (a *statsAgg) Result(ng int) []data.Column {
	a.grow(ng)
	out := make([]float64, ng)
	for g := range out {
		v := statsVariance(a.n[g], a.sum[g], a.sumsq[g], a.pop)
		if a.sqrt {
			v = math.Sqrt(v)
		}
		out[g] = v
	}
	return []data.Column{data.NewVec(data.Real, out, nil)}
}

// statsVariance computes a variance from the count, sum and sum of squares
// (or sum of products for a covariance: sumsq = Σxy, sum² = Σx·Σy).
func statsVariance(n, sum, sumsq float64, pop bool) float64 {
	return statsCovariance(n, sum, sum, sumsq, pop)
}

func statsCovariance(n, sumx, sumy, sumxy float64, pop bool) float64 {
	if n < 1 || (!pop && n < 2) {
		return 0
	}
	v := sumxy - sumx*sumy/n
	if pop {
		v /= n
	} else {
		v /= n - 1
	}
	if v < 0 && sumx == sumy {
		return 0 // rounding below zero for a variance
	}
	return v
}

type covAgg struct {
	pop, pred            bool
	n, sumx, sumy, sumxy []float64
}

func (a *covAgg) grow(ng int) {
	a.n, a.sumx, a.sumy, a.sumxy = grow(a.n, ng), grow(a.sumx, ng), grow(a.sumy, ng), grow(a.sumxy, ng)
}

func (a *covAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.grow(ng)
	ok := predicate(nil)
	if a.pred {
		ok = predicate(args[2])
	}
	rx, ry := statsReals(args[0]), statsReals(args[1])
	for i, g := range groups {
		x, vx := rx.Get(i)
		y, vy := ry.Get(i)
		if vx && vy && ok(i) {
			a.n[g]++
			a.sumx[g] += x
			a.sumy[g] += y
			a.sumxy[g] += x * y
		}
	}
	return nil
}

func (a *covAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*covAgg)
	a.grow(ng)
	for g := range o.n {
		t := into[g]
		a.n[t] += o.n[g]
		a.sumx[t] += o.sumx[g]
		a.sumy[t] += o.sumy[g]
		a.sumxy[t] += o.sumxy[g]
	}
}

func (a *covAgg) Result(ng int) []data.Column {
	a.grow(ng)
	out := make([]float64, ng)
	for g := range out {
		out[g] = statsCovariance(a.n[g], a.sumx[g], a.sumy[g], a.sumxy[g], a.pop)
	}
	return []data.Column{data.NewVec(data.Real, out, nil)}
}
