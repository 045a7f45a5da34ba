package functions

import (
	"fmt"
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// tdigest values. Kusto's tdigest() returns a dynamic array
// [[type code], [values…], [weights…]]; kqlkit uses the same shape, keeping
// every distinct value with its total weight (exact, as for percentile())
// until a group has more than tdMaxPoints distinct values, when neighbours
// are merged into centroids.

// tdMaxPoints bounds the size of a digest.
const tdMaxPoints = 1 << 16

// Type codes in a digest's first element.
const (
	tdLong     = 7
	tdReal     = 8
	tdDateTime = 9
	tdTimeSpan = 10
)

func init() {
	registerAgg(
		&Aggregate{Name: "tdigest", Sig: "tdigest(expr [, weight: long]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "tdigest",
			Doc: "Returns the intermediate state of percentiles of expr (optionally weighted), for percentile_tdigest, " +
				"rank_tdigest and merge_tdigest. Null for an empty group.",
			Examples: []Example{{"range x from 1 to 3 step 1 | summarize tdigest(x)", "[[7],[1,2,3],[1,1,1]]"}},
			Bind: func(args []ArgInfo) (AggBinding, error) {
				if len(args) < 1 || len(args) > 2 || args[0].Star {
					return AggBinding{}, fmt.Errorf("tdigest() expects 1 or 2 arguments")
				}
				t := args[0].Type
				if !pctOrderable(t) {
					return AggBinding{}, fmt.Errorf("tdigest() expects a number, datetime or timespan, got %s", t)
				}
				weighted := len(args) == 2
				if weighted && !args[1].Type.IsInteger() {
					return AggBinding{}, fmt.Errorf("tdigest() expects an integer weight, got %s", args[1].Type)
				}
				return AggBinding{Types: []data.Type{data.Dynamic}, New: func() Agg {
					return &tdAgg{pctAgg: pctAgg{t: t, weighted: weighted}}
				}}, nil
			}},
		&Aggregate{Name: "tdigest_merge", Sig: "tdigest_merge(digest: dynamic): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "merge_tdigests",
			Doc:      "Merges the tdigest values of each group into one.",
			Examples: []Example{{"range x from 1 to 3 step 1 | summarize t = tdigest(x) by x | summarize tdigest_merge(t)", "[[7],[1,2,3],[1,1,1]]"}},
			Bind:     tdMergeAggBinder("tdigest_merge")},
		&Aggregate{Name: "merge_tdigest", Sig: "merge_tdigest(digest: dynamic): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "merge_tdigests",
			Doc:      "Alias of tdigest_merge.",
			Examples: []Example{{"range x from 1 to 3 step 1 | summarize t = tdigest(x) by x | summarize merge_tdigest(t)", "[[7],[1,2,3],[1,1,1]]"}},
			Bind:     tdMergeAggBinder("merge_tdigest")},
	)
	register(
		&Scalar{Name: "merge_tdigest", Sig: "merge_tdigest(digest1: dynamic, ...): dynamic", Naming: NamePrefixOnly, Prefix: "tdigests_merge_result",
			Doc:      "Merges tdigest values into one; arguments that are not digests are ignored.",
			Examples: []Example{{"print merge_tdigest(dynamic([[7],[1],[1]]), dynamic([[7],[2],[3]]))", "[[7],[1,2],[1,3]]"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynArity("merge_tdigest", args, 1, 16); err != nil {
					return data.Unknown, nil, err
				}
				return data.Dynamic, dynRows(tdMergeRow), dynAllDynamic("merge_tdigest", args)
			}},
		&Scalar{Name: "percentile_tdigest", Sig: "percentile_tdigest(digest: dynamic, percentile: real [, typeof(T)]): dynamic | T",
			Naming: NameFuncAndFirstArg,
			Doc: "Returns the nearest-rank percentile of the values summarised by a tdigest, as a dynamic value " +
				"(or of type T when a type literal is given); null for a value that is not a digest.",
			Examples: []Example{{"print percentile_tdigest(dynamic([[7],[1,2,3],[1,1,1]]), 50)", "2"}},
			Bind:     tdPercentileBind},
		&Scalar{Name: "percentiles_array_tdigest", Sig: "percentiles_array_tdigest(digest: dynamic, percentile: real, ... | percentiles: dynamic): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "percentile_tdigest",
			Doc:      "Returns the dynamic array of the requested nearest-rank percentiles of a tdigest.",
			Examples: []Example{{"print percentiles_array_tdigest(dynamic([[7],[1,2,3],[1,1,1]]), 0, 100)", "[1,3]"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				const name = "percentiles_array_tdigest"
				if err := dynArity(name, args, 2, -1); err != nil {
					return data.Unknown, nil, err
				}
				if err := dynWantDynamic(name, args, 0); err != nil {
					return data.Unknown, nil, err
				}
				return data.Dynamic, dynRows(func(row []data.Dyn) data.Dyn {
					return tdPercentilesRow(row)
				}), nil
			}},
		&Scalar{Name: "rank_tdigest", Sig: "rank_tdigest(digest: dynamic, value: scalar): real",
			Doc:      "Returns the total weight of the values at or below value in a tdigest (the rank of value).",
			Examples: []Example{{"print rank_tdigest(dynamic([[7],[1,2,3],[1,1,1]]), 2)", "2"}},
			Bind: dynBinder("rank_tdigest", 2, 2, []int{0}, nil, data.Real,
				MapValues(data.Real, tdRankRow))},
	)
	register(&Scalar{Name: "percentrank_tdigest", Sig: "percentrank_tdigest(digest: dynamic, value: scalar): real",
		Doc:      "Returns the rank of value in a tdigest as a percentage of the digest's total weight.",
		Examples: []Example{{"print percentrank_tdigest(dynamic([[7],[1,2,3,4],[1,1,1,1]]), 3)", "75"}},
		Bind: dynBinder("percentrank_tdigest", 2, 2, []int{0}, nil, data.Real,
			MapValues(data.Real, func(row []data.Value) data.Value {
				r := tdRankRow(row)
				d, ok := tdDecode(dynOf(row[0]))
				if r.IsNull() || !ok {
					return r
				}
				var total int64
				for _, p := range d.pts {
					total += p.w
				}
				if total == 0 {
					return data.Null(data.Real)
				}
				return data.RealValue(r.Float64() * 100 / float64(total))
			}))})
	alias("tdigest_merge", "merge_tdigest")
}

func tdCode(t data.Type) int64 {
	switch t {
	case data.Int, data.Long:
		return tdLong
	case data.DateTime:
		return tdDateTime
	case data.TimeSpan:
		return tdTimeSpan
	}
	return tdReal
}

func tdType(code int64) data.Type {
	switch code {
	case tdLong:
		return data.Long
	case tdDateTime:
		return data.DateTime
	case tdTimeSpan:
		return data.TimeSpan
	}
	return data.Real
}

// tdDigest is a decoded digest: sorted points of one type.
type tdDigest struct {
	t   data.Type
	pts []pctPoint
}

// tdEncode writes sorted points as a digest value.
func tdEncode(t data.Type, pts []pctPoint) data.Dyn {
	pts = tdCompress(pts, pctIsInt(t))
	vals := make([]data.Dyn, len(pts))
	ws := make([]data.Dyn, len(pts))
	for k, p := range pts {
		if pctIsInt(t) {
			vals[k] = data.DynLongOf(p.i)
		} else {
			vals[k] = data.DynRealOf(p.f)
		}
		ws[k] = data.DynLongOf(p.w)
	}
	code := data.DynArrayOf([]data.Dyn{data.DynLongOf(tdCode(t))})
	return data.DynArrayOf([]data.Dyn{code, data.DynArrayOf(vals), data.DynArrayOf(ws)})
}

// tdCompress merges neighbouring points until at most tdMaxPoints remain.
func tdCompress(pts []pctPoint, isInt bool) []pctPoint {
	for len(pts) > tdMaxPoints {
		out := pts[:0]
		for k := 0; k < len(pts); k += 2 {
			if k+1 == len(pts) {
				out = append(out, pts[k])
				break
			}
			a, b := pts[k], pts[k+1]
			w := a.w + b.w
			f := (a.f*float64(a.w) + b.f*float64(b.w)) / float64(w)
			p := pctPoint{f: f, w: w}
			if isInt {
				p.i = int64(math.Round(f))
				p.f = float64(p.i)
			}
			out = append(out, p)
		}
		pts = out
	}
	return pts
}

// tdDecode reads a digest; ok is false when d is not one.
func tdDecode(d data.Dyn) (tdDigest, bool) {
	if d.Kind() != data.DynArray || d.Len() != 3 {
		return tdDigest{}, false
	}
	code, vals, ws := d.Index(0), d.Index(1), d.Index(2)
	if code.Kind() != data.DynArray || code.Len() != 1 || vals.Kind() != data.DynArray ||
		ws.Kind() != data.DynArray || vals.Len() != ws.Len() {
		return tdDigest{}, false
	}
	c, ok := dynLong(data.DynamicValue(code.Index(0)))
	if !ok {
		return tdDigest{}, false
	}
	t := tdType(c)
	s := &pctSample{}
	isInt := pctIsInt(t)
	for k, v := range vals.Items() {
		w, ok := dynLong(data.DynamicValue(ws.Index(k)))
		if !ok || w <= 0 {
			continue
		}
		switch {
		case isInt && dynIsIntegral(v):
			s.add(v.Long(), 0, true, w)
		case !isInt:
			f, ok := dynNumber(v)
			if ok {
				s.add(0, f, false, w)
			}
		}
	}
	return tdDigest{t: t, pts: s.sorted(isInt)}, true
}

// tdMerge merges decoded digests (the first one's type wins).
func tdMerge(ds []tdDigest) (tdDigest, bool) {
	if len(ds) == 0 {
		return tdDigest{}, false
	}
	t := ds[0].t
	isInt := pctIsInt(t)
	s := &pctSample{}
	for _, d := range ds {
		for _, p := range d.pts {
			if isInt {
				s.add(int64(p.f), 0, true, p.w)
				if pctIsInt(d.t) {
					s.ints[len(s.ints)-1] = p.i
				}
			} else {
				s.add(0, p.f, false, p.w)
			}
		}
	}
	return tdDigest{t: t, pts: s.sorted(isInt)}, true
}

func tdMergeRow(row []data.Dyn) data.Dyn {
	var ds []tdDigest
	for _, v := range row {
		if d, ok := tdDecode(dynOf(v)); ok {
			ds = append(ds, d)
		}
	}
	m, ok := tdMerge(ds)
	if !ok {
		return data.Dyn{}
	}
	return tdEncode(m.t, m.pts)
}

// tdAt returns the nearest-rank percentile p of a digest.
func tdAt(d tdDigest, p float64) data.Value {
	if len(d.pts) == 0 {
		return data.Null(d.t)
	}
	return pctValue(d.pts[pctRank(d.pts, p)], d.t, pctIsInt(d.t))
}

func tdPercentileBind(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "percentile_tdigest"
	if err := dynArity(name, args, 2, 3); err != nil {
		return data.Unknown, nil, err
	}
	if err := dynWantDynamic(name, args, 0); err != nil {
		return data.Unknown, nil, err
	}
	if !args[1].Type.IsNumeric() {
		return data.Unknown, nil, fmt.Errorf("function '%s' expects a numeric percentile, got %s", name, args[1].Type)
	}
	out := data.Dynamic
	if len(args) == 3 {
		t, err := tdTypeLiteral(name, args[2])
		if err != nil {
			return data.Unknown, nil, err
		}
		out = t
	}
	return out, MapValues(out, func(row []data.Value) data.Value {
		d, ok := tdDecode(dynOf(row[0]))
		p := ConvertValue(row[1], data.Real)
		if !ok || p.IsNull() {
			return data.Null(out)
		}
		v := tdAt(d, p.Float64())
		if out == data.Dynamic {
			return data.DynamicValue(v.ToDyn())
		}
		return ConvertValue(v, out)
	}), nil
}

// tdTypeLiteral reads a typeof(T) argument, which reaches functions as a
// constant string naming the type.
func tdTypeLiteral(name string, a ArgInfo) (data.Type, error) {
	if a.Const != nil && a.Type == data.String {
		if t, ok := data.ParseType(a.Const.Str()); ok {
			return t, nil
		}
	}
	return data.Unknown, fmt.Errorf("function '%s' expects a type literal such as typeof(long) as argument 3", name)
}

func tdPercentilesRow(row []data.Dyn) data.Dyn {
	d, ok := tdDecode(dynOf(row[0]))
	if !ok {
		return data.Dyn{}
	}
	var ps []float64
	for _, v := range row[1:] {
		if v.Kind() == data.DynArray {
			for _, it := range v.Items() {
				f, ok := dynNumber(it)
				if !ok {
					return data.Dyn{}
				}
				ps = append(ps, f)
			}
			continue
		}
		f, ok := dynNumber(v)
		if !ok {
			return data.Dyn{}
		}
		ps = append(ps, f)
	}
	out := make([]data.Dyn, len(ps))
	for k, p := range ps {
		out[k] = tdAt(d, p).ToDyn()
	}
	return data.DynArrayOf(out)
}

func tdRankRow(row []data.Value) data.Value {
	d, ok := tdDecode(dynOf(row[0]))
	if !ok || row[1].IsNull() {
		return data.Null(data.Real)
	}
	var x float64
	switch row[1].Type() {
	case data.DateTime, data.TimeSpan, data.Int, data.Long:
		x = float64(row[1].Int64())
	default:
		v := ConvertValue(row[1], data.Real)
		if v.IsNull() {
			return data.Null(data.Real)
		}
		x = v.Float64()
	}
	var rank int64
	for _, p := range d.pts {
		if p.f <= x {
			rank += p.w
		}
	}
	return data.RealValue(float64(rank))
}

// tdAgg is tdigest(): a percentile state whose result is a digest.
type tdAgg struct {
	pctAgg
}

func (a *tdAgg) Merge(other Agg, into []uint32, ng int) {
	a.pctAgg.Merge(&other.(*tdAgg).pctAgg, into, ng)
}

func (a *tdAgg) Result(ng int) []data.Column {
	a.groups = grow(a.groups, ng)
	isInt := pctIsInt(a.t)
	t := a.t
	if !isInt {
		t = data.Real
	}
	out := make([]data.Dyn, ng)
	for g, s := range a.groups[:ng] {
		if s == nil {
			continue
		}
		if pts := s.sorted(isInt); len(pts) > 0 {
			out[g] = tdEncode(t, pts)
		}
	}
	return []data.Column{data.NewVec(data.Dynamic, out, nil)}
}

func tdMergeAggBinder(name string) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		if len(args) != 1 || args[0].Star || args[0].Type != data.Dynamic {
			return AggBinding{}, fmt.Errorf("%s() expects one dynamic argument", name)
		}
		return AggBinding{Types: []data.Type{data.Dynamic}, New: func() Agg { return &tdMergeAgg{} }}, nil
	}
}

// tdMergeAgg merges digests per group.
type tdMergeAgg struct {
	groups [][]tdDigest
}

func (a *tdMergeAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.groups = grow(a.groups, ng)
	r := data.NewReader[data.Dyn](args[0])
	for i, g := range groups {
		if d, ok := tdDecode(r.At(i)); ok {
			a.groups[g] = tdCollapse(append(a.groups[g], d))
		}
	}
	return nil
}

// tdCollapse merges a group's digests once they pile up.
func tdCollapse(ds []tdDigest) []tdDigest {
	if len(ds) < 64 {
		return ds
	}
	m, _ := tdMerge(ds)
	m.pts = tdCompress(m.pts, pctIsInt(m.t))
	return []tdDigest{m}
}

func (a *tdMergeAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*tdMergeAgg)
	a.groups = grow(a.groups, ng)
	for g, ds := range o.groups {
		t := into[g]
		a.groups[t] = tdCollapse(append(a.groups[t], ds...))
	}
}

func (a *tdMergeAgg) Result(ng int) []data.Column {
	a.groups = grow(a.groups, ng)
	out := make([]data.Dyn, ng)
	for g, ds := range a.groups[:ng] {
		if m, ok := tdMerge(ds); ok {
			out[g] = tdEncode(m.t, m.pts)
		}
	}
	return []data.Column{data.NewVec(data.Dynamic, out, nil)}
}
