package functions

import (
	"fmt"
	"math"
	"sort"

	"github.com/kqlkit/kqlkit/data"
)

// Percentile aggregates. Kusto estimates percentiles with a t-digest;
// kqlkit keeps every value and computes the exact nearest-rank percentile
// (the smallest value such that at least p% of the weight is at or below
// it), which is what Kusto returns for small groups and within its
// estimation error otherwise.

func init() {
	registerAgg(
		&Aggregate{Name: "percentile", Sig: "percentile(expr: number | datetime | timespan, percentile: real): same type",
			Naming: NamePrefixAndFirstArg, Prefix: "percentile",
			Doc:      "Returns the nearest-rank percentile of expr in each group (null for an empty group). kqlkit computes it exactly.",
			Examples: []Example{{"range x from 1 to 10 step 1 | summarize percentile(x, 50)", "5"}},
			Bind:     pctBinder("percentile", false, pctScalars)},
		&Aggregate{Name: "percentiles", Sig: "percentiles(expr: number | datetime | timespan, percentile: real, ...): same type per percentile",
			Naming: NamePrefixAndFirstArg, Prefix: "percentile",
			Doc:      "Returns one column per requested nearest-rank percentile of expr.",
			Examples: []Example{{"range x from 1 to 10 step 1 | summarize percentiles(x, 10, 90)", "1, 9"}},
			Bind:     pctBinder("percentiles", false, pctScalars)},
		&Aggregate{Name: "percentiles_array", Sig: "percentiles_array(expr, percentile: real, ... | percentiles: dynamic): dynamic",
			Naming: NamePrefixAndFirstArg, Prefix: "percentiles",
			Doc:      "Returns a dynamic array of the requested nearest-rank percentiles of expr.",
			Examples: []Example{{"range x from 1 to 10 step 1 | summarize percentiles_array(x, 10, 90)", "[1,9]"}},
			Bind:     pctBinder("percentiles_array", false, pctArray)},
		&Aggregate{Name: "percentilew", Sig: "percentilew(expr, weight: long, percentile: real): same type",
			Naming: NamePrefixAndFirstArg, Prefix: "percentile",
			Doc:      "Returns the weighted nearest-rank percentile of expr; rows with a null or non-positive weight are skipped.",
			Examples: []Example{{"datatable(v:long, w:long)[10,8, 20,6, 30,3, 40,1] | summarize percentilew(v, w, 50)", "20"}},
			Bind:     pctBinder("percentilew", true, pctScalars)},
		&Aggregate{Name: "percentilesw", Sig: "percentilesw(expr, weight: long, percentile: real, ...): same type per percentile",
			Naming: NamePrefixAndFirstArg, Prefix: "percentile",
			Doc:      "Returns one column per requested weighted nearest-rank percentile of expr.",
			Examples: []Example{{"datatable(v:long, w:long)[10,8, 20,6, 30,3, 40,1] | summarize percentilesw(v, w, 50, 99.9)", "20, 40"}},
			Bind:     pctBinder("percentilesw", true, pctScalars)},
		&Aggregate{Name: "percentilesw_array", Sig: "percentilesw_array(expr, weight: long, percentile: real, ... | percentiles: dynamic): dynamic",
			Naming: NamePrefixAndFirstArg, Prefix: "percentiles",
			Doc:      "Returns a dynamic array of the requested weighted nearest-rank percentiles of expr.",
			Examples: []Example{{"datatable(v:long, w:long)[10,8, 20,6, 30,3, 40,1] | summarize percentilesw_array(v, w, dynamic([50, 75, 99.9]))", "[20,20,40]"}},
			Bind:     pctBinder("percentilesw_array", true, pctArray)},
	)
}

type pctOutput int

const (
	pctScalars pctOutput = iota // one column per percentile, of the input type
	pctArray                    // one dynamic array
)

func pctBinder(name string, weighted bool, out pctOutput) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		first := 1
		if weighted {
			first = 2
		}
		if len(args) < first+1 {
			return AggBinding{}, fmt.Errorf("%s() expects at least %d arguments, got %d", name, first+1, len(args))
		}
		if single := name == "percentile" || name == "percentilew"; single && len(args) != first+1 {
			return AggBinding{}, fmt.Errorf("%s() expects %d arguments, got %d", name, first+1, len(args))
		}
		for _, a := range args {
			if a.Star {
				return AggBinding{}, fmt.Errorf("%s() does not accept '*'", name)
			}
		}
		t := args[0].Type
		if !pctOrderable(t) {
			return AggBinding{}, fmt.Errorf("%s() expects a number, datetime or timespan, got %s", name, t)
		}
		if weighted && !args[1].Type.IsInteger() {
			return AggBinding{}, fmt.Errorf("%s() expects an integer weight, got %s", name, args[1].Type)
		}
		ps, err := pctConstants(name, args[first:], out == pctArray)
		if err != nil {
			return AggBinding{}, err
		}
		types := []data.Type{data.Dynamic}
		if out == pctScalars {
			types = make([]data.Type, len(ps))
			for i := range types {
				types[i] = pctResultType(t)
			}
		}
		return AggBinding{Types: types, New: func() Agg {
			return &pctAgg{t: t, weighted: weighted, ps: ps, out: out}
		}}, nil
	}
}

func pctOrderable(t data.Type) bool {
	return t.IsNumeric() || t == data.DateTime || t == data.TimeSpan || t == data.Dynamic
}

// pctResultType is the type of a percentile of values of type t.
func pctResultType(t data.Type) data.Type {
	switch t {
	case data.Decimal, data.Dynamic:
		return data.Real
	}
	return t
}

// pctConstants reads the constant percentiles (numbers, or one dynamic
// array when allowed).
func pctConstants(name string, args []ArgInfo, allowArray bool) ([]float64, error) {
	var ps []float64
	for _, a := range args {
		if a.Const == nil {
			return nil, fmt.Errorf("%s() expects constant percentiles", name)
		}
		if a.Type == data.Dynamic && allowArray && len(args) == 1 {
			items, ok := dynArray(a.Const.Dyn())
			if !ok {
				return nil, fmt.Errorf("%s() expects a dynamic array of percentiles", name)
			}
			for _, it := range items {
				f, ok := dynNumber(it)
				if !ok {
					return nil, fmt.Errorf("%s() expects numeric percentiles", name)
				}
				ps = append(ps, f)
			}
			continue
		}
		if !a.Type.IsNumeric() || a.Const.IsNull() {
			return nil, fmt.Errorf("%s() expects numeric percentiles, got %s", name, a.Type)
		}
		ps = append(ps, ConvertValue(*a.Const, data.Real).Float64())
	}
	for _, p := range ps {
		if p < 0 || p > 100 || math.IsNaN(p) {
			return nil, fmt.Errorf("%s() expects percentiles between 0 and 100, got %v", name, p)
		}
	}
	return ps, nil
}

// pctSample is the values of one group with their weights. Integer-backed
// types (long, int, datetime, timespan) keep int64 values, the others
// float64 ones.
type pctSample struct {
	ints    []int64
	reals   []float64
	weights []int64 // nil when every weight is 1
}

func (s *pctSample) add(i int64, f float64, isInt bool, w int64) {
	if w != 1 && s.weights == nil {
		s.weights = make([]int64, s.len(), s.len()+1)
		for k := range s.weights {
			s.weights[k] = 1
		}
	}
	if isInt {
		s.ints = append(s.ints, i)
	} else {
		s.reals = append(s.reals, f)
	}
	if s.weights != nil {
		s.weights = append(s.weights, w)
	}
}

func (s *pctSample) len() int { return len(s.ints) + len(s.reals) }

func (s *pctSample) weight(k int) int64 {
	if s.weights == nil {
		return 1
	}
	return s.weights[k]
}

// merge appends the values of o.
func (s *pctSample) merge(o *pctSample) {
	for k, x := range o.ints {
		s.add(x, 0, true, o.weight(k))
	}
	for k, x := range o.reals {
		s.add(0, x, false, o.weight(len(o.ints)+k))
	}
}

// pctPoint is one value and its weight in sorted order.
type pctPoint struct {
	i int64
	f float64
	w int64
}

// sorted returns the values in ascending order with equal values merged.
func (s *pctSample) sorted(isInt bool) []pctPoint {
	pts := make([]pctPoint, 0, s.len())
	for k, x := range s.ints {
		pts = append(pts, pctPoint{i: x, f: float64(x), w: s.weight(k)})
	}
	for k, x := range s.reals {
		if math.IsNaN(x) {
			continue
		}
		pts = append(pts, pctPoint{f: x, w: s.weight(len(s.ints) + k)})
	}
	if isInt {
		sort.Slice(pts, func(a, b int) bool { return pts[a].i < pts[b].i })
	} else {
		sort.Slice(pts, func(a, b int) bool { return pts[a].f < pts[b].f })
	}
	out := pts[:0]
	for _, p := range pts {
		if n := len(out); n > 0 && out[n-1].i == p.i && out[n-1].f == p.f {
			out[n-1].w += p.w
			continue
		}
		out = append(out, p)
	}
	return out
}

// pctRank returns the index in pts of the nearest-rank percentile p.
func pctRank(pts []pctPoint, p float64) int {
	var total float64
	for _, pt := range pts {
		total += float64(pt.w)
	}
	rank := math.Ceil(p / 100 * total)
	if rank < 1 {
		rank = 1
	}
	var cum float64
	for k, pt := range pts {
		cum += float64(pt.w)
		if cum >= rank {
			return k
		}
	}
	return len(pts) - 1
}

type pctAgg struct {
	t        data.Type
	weighted bool
	ps       []float64
	out      pctOutput
	groups   []*pctSample
}

func pctIsInt(t data.Type) bool {
	switch t {
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		return true
	}
	return false
}

func (a *pctAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.groups = grow(a.groups, ng)
	var weights data.Reader[int64]
	if a.weighted {
		weights = data.NewReader[int64](args[1])
	}
	isInt := pctIsInt(a.t)
	var ints data.Reader[int64]
	var reals data.Reader[float64]
	if isInt {
		ints = data.NewReader[int64](args[0])
	} else {
		reals = data.NewReader[float64](Convert(args[0], data.Real))
	}
	for i, g := range groups {
		w := int64(1)
		if a.weighted {
			var ok bool
			if w, ok = weights.Get(i); !ok || w <= 0 {
				continue
			}
		}
		var x int64
		var f float64
		var ok bool
		if isInt {
			x, ok = ints.Get(i)
		} else {
			f, ok = reals.Get(i)
		}
		if !ok {
			continue
		}
		if a.groups[g] == nil {
			a.groups[g] = &pctSample{}
		}
		a.groups[g].add(x, f, isInt, w)
	}
	return nil
}

func (a *pctAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*pctAgg)
	a.groups = grow(a.groups, ng)
	for g, s := range o.groups {
		if s == nil {
			continue
		}
		t := into[g]
		if a.groups[t] == nil {
			a.groups[t] = &pctSample{}
		}
		a.groups[t].merge(s)
	}
}

func (a *pctAgg) Result(ng int) []data.Column {
	a.groups = grow(a.groups, ng)
	isInt := pctIsInt(a.t)
	rt := pctResultType(a.t)
	if a.out == pctArray {
		out := make([]data.Dyn, ng)
		for g, s := range a.groups[:ng] {
			if s == nil {
				continue
			}
			pts := s.sorted(isInt)
			if len(pts) == 0 {
				continue
			}
			items := make([]data.Dyn, len(a.ps))
			for k, p := range a.ps {
				items[k] = pctValue(pts[pctRank(pts, p)], rt, isInt).ToDyn()
			}
			out[g] = data.DynArrayOf(items)
		}
		return []data.Column{data.NewVec(data.Dynamic, out, nil)}
	}
	cols := make([][]data.Value, len(a.ps))
	for k := range cols {
		cols[k] = make([]data.Value, ng)
	}
	for g, s := range a.groups[:ng] {
		var pts []pctPoint
		if s != nil {
			pts = s.sorted(isInt)
		}
		for k, p := range a.ps {
			if len(pts) == 0 {
				cols[k][g] = data.Null(rt)
				continue
			}
			cols[k][g] = pctValue(pts[pctRank(pts, p)], rt, isInt)
		}
	}
	out := make([]data.Column, len(cols))
	for k, vals := range cols {
		out[k] = data.NewColumn(rt, vals)
	}
	return out
}

func pctValue(p pctPoint, t data.Type, isInt bool) data.Value {
	if isInt {
		return data.Box(t, p.i)
	}
	return data.RealValue(p.f)
}
