package functions

import (
	"fmt"
	"math"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	registerAgg(
		&Aggregate{Name: "count", Sig: "count(): long", Naming: NamePrefixAndFirstArg, Prefix: "count",
			Doc:      "Counts the rows of each group.",
			Examples: []Example{{"range x from 1 to 5 step 1 | summarize count()", "5"}},
			Bind: func(args []ArgInfo) (AggBinding, error) {
				if len(args) > 1 {
					return AggBinding{}, fmt.Errorf("count() takes at most one argument")
				}
				if len(args) == 1 && args[0].Type == data.Bool {
					return countIfBinding(), nil
				}
				return AggBinding{Types: []data.Type{data.Long}, New: func() Agg { return &countAgg{} }}, nil
			}},
		&Aggregate{Name: "countif", Sig: "countif(predicate: bool): long", Naming: NamePrefixAndFirstArg, Prefix: "countif",
			Doc:      "Counts the rows of each group for which the predicate is true.",
			Examples: []Example{{"range x from 1 to 5 step 1 | summarize countif(x > 2)", "3"}},
			Bind: func(args []ArgInfo) (AggBinding, error) {
				if err := wantArgs("countif", args, data.Bool); err != nil {
					return AggBinding{}, err
				}
				return countIfBinding(), nil
			}},
		&Aggregate{Name: "sum", Sig: "sum(expr: number): number", Naming: NamePrefixAndFirstArg, Prefix: "sum",
			Doc:      "Sums the values of each group (nulls are skipped; an empty sum is 0).",
			Examples: []Example{{"range x from 1 to 4 step 1 | summarize sum(x)", "10"}},
			Bind:     sumBinder("sum", false)},
		&Aggregate{Name: "sumif", Sig: "sumif(expr: number, predicate: bool): number", Naming: NamePrefixAndFirstArg, Prefix: "sumif",
			Doc:      "Sums the values of the rows for which the predicate is true.",
			Examples: []Example{{"range x from 1 to 4 step 1 | summarize sumif(x, x > 2)", "7"}},
			Bind:     sumBinder("sumif", true)},
		&Aggregate{Name: "avg", Sig: "avg(expr: number): real", Naming: NamePrefixAndFirstArg, Prefix: "avg",
			Doc:      "Averages the values of each group (nulls are skipped; an empty average is NaN).",
			Examples: []Example{{"range x from 1 to 4 step 1 | summarize avg(x)", "2.5"}},
			Bind:     avgBinder("avg", false)},
		&Aggregate{Name: "avgif", Sig: "avgif(expr: number, predicate: bool): real", Naming: NamePrefixAndFirstArg, Prefix: "avgif",
			Doc:      "Averages the values of the rows for which the predicate is true.",
			Examples: []Example{{"range x from 1 to 4 step 1 | summarize avgif(x, x > 2)", "3.5"}},
			Bind:     avgBinder("avgif", true)},
	)
}

func countIfBinding() AggBinding {
	return AggBinding{Types: []data.Type{data.Long}, New: func() Agg { return &countAgg{pred: true} }}
}

// wantArgs checks an aggregate's argument count and exact types
// (data.Unknown accepts any type).
func wantArgs(name string, args []ArgInfo, types ...data.Type) error {
	if len(args) != len(types) {
		return fmt.Errorf("%s() expects %d arguments, got %d", name, len(types), len(args))
	}
	for i, t := range types {
		if args[i].Star {
			return fmt.Errorf("%s() does not accept '*'", name)
		}
		if t != data.Unknown && args[i].Type != t {
			return fmt.Errorf("%s() expects argument %d to be %s, got %s", name, i+1, t, args[i].Type)
		}
	}
	return nil
}

// grow extends s with zero values to n elements.
func grow[T any](s []T, n int) []T {
	for len(s) < n {
		var z T
		s = append(s, z)
	}
	return s
}

// predicate returns whether row i passes an optional bool column (null is
// false).
func predicate(c data.Column) func(i int) bool {
	if c == nil {
		return func(int) bool { return true }
	}
	r := data.NewReader[bool](c)
	return func(i int) bool {
		v, ok := r.Get(i)
		return ok && v
	}
}

type countAgg struct {
	pred   bool
	counts []int64
}

func (a *countAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.counts = grow(a.counts, ng)
	if !a.pred {
		for _, g := range groups {
			a.counts[g]++
		}
		return nil
	}
	ok := predicate(args[0])
	for i, g := range groups {
		if ok(i) {
			a.counts[g]++
		}
	}
	return nil
}

func (a *countAgg) Merge(other Agg, into []uint32, ng int) {
	a.counts = grow(a.counts, ng)
	for g, c := range other.(*countAgg).counts {
		a.counts[into[g]] += c
	}
}

func (a *countAgg) Result(ng int) []data.Column {
	return []data.Column{data.NewVec(data.Long, grow(a.counts, ng)[:ng], nil)}
}

// sumResultType is Kusto's promotion for sum: int → long.
func sumResultType(t data.Type) (data.Type, bool) {
	switch t {
	case data.Int, data.Long:
		return data.Long, true
	case data.Real, data.Decimal, data.TimeSpan:
		return t, true
	case data.Dynamic:
		return data.Real, true
	}
	return data.Unknown, false
}

func sumBinder(name string, withPred bool) func(args []ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		want := []data.Type{data.Unknown}
		if withPred {
			want = append(want, data.Bool)
		}
		if err := wantArgs(name, args, want...); err != nil {
			return AggBinding{}, err
		}
		rt, ok := sumResultType(args[0].Type)
		if !ok {
			return AggBinding{}, fmt.Errorf("%s() cannot sum values of type %s", name, args[0].Type)
		}
		return AggBinding{Types: []data.Type{rt}, New: func() Agg { return &sumAgg{t: rt, pred: withPred} }}, nil
	}
}

type sumAgg struct {
	t     data.Type
	pred  bool
	ints  []int64
	reals []float64
	decs  []data.DecimalValue
}

func (a *sumAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	var ok func(int) bool
	if a.pred {
		ok = predicate(args[1])
	} else {
		ok = predicate(nil)
	}
	switch a.t {
	case data.Long, data.TimeSpan:
		a.ints = grow(a.ints, ng)
		r := data.NewReader[int64](Widen(args[0], a.t))
		for i, g := range groups {
			if x, valid := r.Get(i); valid && ok(i) {
				a.ints[g] += x
			}
		}
	case data.Real:
		a.reals = grow(a.reals, ng)
		r := data.NewReader[float64](Convert(args[0], data.Real))
		for i, g := range groups {
			if x, valid := r.Get(i); valid && ok(i) {
				a.reals[g] += x
			}
		}
	case data.Decimal:
		a.decs = grow(a.decs, ng)
		r := data.NewReader[data.DecimalValue](args[0])
		for i, g := range groups {
			if x, valid := r.Get(i); valid && ok(i) {
				a.decs[g] = a.decs[g].Add(x)
			}
		}
	}
	return nil
}

func (a *sumAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*sumAgg)
	a.ints, a.reals, a.decs = grow(a.ints, ng), grow(a.reals, ng), grow(a.decs, ng)
	for g, x := range o.ints {
		a.ints[into[g]] += x
	}
	for g, x := range o.reals {
		a.reals[into[g]] += x
	}
	for g, x := range o.decs {
		a.decs[into[g]] = a.decs[into[g]].Add(x)
	}
}

func (a *sumAgg) Result(ng int) []data.Column {
	switch a.t {
	case data.Real:
		return []data.Column{data.NewVec(data.Real, grow(a.reals, ng)[:ng], nil)}
	case data.Decimal:
		return []data.Column{data.NewVec(data.Decimal, grow(a.decs, ng)[:ng], nil)}
	}
	return []data.Column{data.NewVec(a.t, grow(a.ints, ng)[:ng], nil)}
}

func avgBinder(name string, withPred bool) func(args []ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		want := []data.Type{data.Unknown}
		if withPred {
			want = append(want, data.Bool)
		}
		if err := wantArgs(name, args, want...); err != nil {
			return AggBinding{}, err
		}
		if !args[0].Type.IsNumeric() && args[0].Type != data.Dynamic {
			return AggBinding{}, fmt.Errorf("%s() expects a number, got %s", name, args[0].Type)
		}
		return AggBinding{Types: []data.Type{data.Real}, New: func() Agg { return &avgAgg{pred: withPred} }}, nil
	}
}

type avgAgg struct {
	pred   bool
	sums   []float64
	counts []int64
}

func (a *avgAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.sums, a.counts = grow(a.sums, ng), grow(a.counts, ng)
	ok := predicate(nil)
	if a.pred {
		ok = predicate(args[1])
	}
	r := data.NewReader[float64](Convert(args[0], data.Real))
	for i, g := range groups {
		if x, valid := r.Get(i); valid && ok(i) {
			a.sums[g] += x
			a.counts[g]++
		}
	}
	return nil
}

func (a *avgAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*avgAgg)
	a.sums, a.counts = grow(a.sums, ng), grow(a.counts, ng)
	for g := range o.sums {
		a.sums[into[g]] += o.sums[g]
		a.counts[into[g]] += o.counts[g]
	}
}

func (a *avgAgg) Result(ng int) []data.Column {
	a.sums, a.counts = grow(a.sums, ng), grow(a.counts, ng)
	out := make([]float64, ng)
	for g := range out {
		if a.counts[g] == 0 {
			out[g] = math.NaN()
			continue
		}
		out[g] = a.sums[g] / float64(a.counts[g])
	}
	return []data.Column{data.NewVec(data.Real, out, nil)}
}
