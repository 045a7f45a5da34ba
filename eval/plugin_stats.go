package eval

import (
	"fmt"
	"math"
	"sort"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// dcount_intersect(hll_1, hll_2, …) estimates the distinct counts of S1,
// S1∩S2, S1∩S2∩S3, … from hll() values (each column merged over all rows),
// by inclusion-exclusion over the unions; the output is one row of s0,
// s1, … (long).
type dcountIntersectStage struct {
	s    data.Schema
	cols []int
}

func (c *compiler) dcountIntersect(sc *scope, in data.Schema, op *ast.EvaluateOp) stage {
	a := c.pluginArgs(op.Call)
	c.checkPluginArgs(a, 16)
	st := &dcountIntersectStage{}
	if len(a.pos) < 2 {
		c.errorf(op.Call, "dcount_intersect needs 2 to 16 hll columns")
	}
	for i, e := range a.pos {
		j := c.columnArg(in, e, "an hll column")
		if j >= 0 && in[j].Type != data.Dynamic {
			c.errorf(e, "dcount_intersect needs hll() values, '%s' is %s", in[j].Name, in[j].Type)
		}
		st.cols = append(st.cols, j)
		st.s = append(st.s, data.ColumnDef{Name: fmt.Sprintf("s%d", i), Type: data.Long})
	}
	return st
}

func (st *dcountIntersectStage) outSchema() data.Schema { return st.s }

func (st *dcountIntersectStage) run(x *execCtx, in *rel) (*rel, error) {
	n := len(st.cols)
	sets := make([]data.Dyn, n)
	for i, j := range st.cols {
		col := orNull(in.col(j), data.Dynamic, in.rows())
		var vals []data.Dyn
		for r := 0; r < in.rows(); r++ {
			if v := col.Value(r); !v.IsNull() {
				vals = append(vals, v.Dyn())
			}
		}
		sets[i] = functions.HLLMerge(vals...)
	}
	cols := make([]data.Column, n)
	for k := 0; k < n; k++ {
		cols[k] = data.NewVec(data.Long, []int64{intersect(sets[:k+1])}, nil)
	}
	return &rel{schema: st.s, cols: cols, n: 1}, nil
}

// intersect estimates |S1 ∩ … ∩ Sk| by inclusion-exclusion.
func intersect(sets []data.Dyn) int64 {
	var total int64
	for mask := 1; mask < 1<<len(sets); mask++ {
		var members []data.Dyn
		for i := range sets {
			if mask&(1<<i) != 0 {
				members = append(members, sets[i])
			}
		}
		n, _ := functions.HLLCount(functions.HLLMerge(members...))
		if len(members)%2 == 1 {
			total += n
		} else {
			total -= n
		}
	}
	return max(0, total)
}

// rolling_percentile(Value, Percentile, Index, BinSize, BinsPerWindow [,
// Dim, …]) gives, for each bin of Index (bin(Index, BinSize)) from the
// first to the last with rows, the Percentile (nearest rank) of the
// values in the BinsPerWindow bins ending with it, per dimension values.
// The result column is rolling_<BinsPerWindow>_percentile_<Value>_<Percentile>.
type rollingPercentileStage struct {
	s                data.Schema
	val, idx         int
	dims             []int
	pct, bin, perWin *cexpr
}

func (c *compiler) rollingPercentile(sc *scope, in data.Schema, op *ast.EvaluateOp) stage {
	a := c.pluginArgs(op.Call)
	c.checkPluginArgs(a, -1)
	st := &rollingPercentileStage{val: -1, idx: -1}
	if len(a.pos) < 5 {
		c.errorf(op.Call, "rolling_percentile needs a value column, a percentile, an index column, a bin size and a window size")
		return st
	}
	st.val = c.columnArg(in, a.pos[0], "the value column")
	st.pct = c.scalar(sc, nil, a.pos[1])
	st.idx = c.columnArg(in, a.pos[2], "the index column")
	st.bin, st.perWin = c.scalar(sc, nil, a.pos[3]), c.scalar(sc, nil, a.pos[4])
	if st.val < 0 || st.idx < 0 {
		return st
	}
	if t := in[st.idx].Type; t != data.DateTime && t != data.TimeSpan && !t.IsInteger() {
		c.errorf(a.pos[2], "rolling_percentile needs a datetime, timespan or integer index, '%s' is %s", in[st.idx].Name, t)
	}
	if !in[st.val].Type.IsNumeric() {
		c.errorf(a.pos[0], "rolling_percentile needs numeric values, '%s' is %s", in[st.val].Name, in[st.val].Type)
	}
	st.s = data.Schema{in[st.idx]}
	for _, e := range a.pos[5:] {
		if i := c.columnArg(in, e, "a dimension"); i >= 0 {
			st.dims = append(st.dims, i)
			st.s = append(st.s, in[i])
		}
	}
	pct := exprText(a.pos[1])
	if st.pct.konst != nil {
		pct = st.pct.konst.String()
	}
	win := "n"
	if st.perWin.konst != nil {
		win = st.perWin.konst.String()
	}
	st.s = append(st.s, data.ColumnDef{Name: "rolling_" + win + "_percentile_" + in[st.val].Name + "_" + pct,
		Type: in[st.val].Type})
	return st
}

func (st *rollingPercentileStage) outSchema() data.Schema { return st.s }

func (st *rollingPercentileStage) run(x *execCtx, in *rel) (*rel, error) {
	pv, err := evalScalar(x, st.pct)
	if err != nil {
		return nil, err
	}
	bin, err := ticks(x, st.bin, "bin size")
	if err != nil || bin <= 0 {
		return nil, orRunErr(err, "rolling_percentile: the bin size must be positive")
	}
	win, err := ticks(x, st.perWin, "window size")
	if err != nil || win <= 0 {
		return nil, orRunErr(err, "rolling_percentile: the window size must be positive")
	}
	p := pv.Float64()
	if pv.Type().IsInteger() {
		p = float64(pv.Int64())
	}
	in = in.compact()
	n := in.n
	idx := data.Int64s(orNull(in.cols[st.idx], in.schema[st.idx].Type, n))
	vals := orNull(in.cols[st.val], in.schema[st.val].Type, n)
	types := make([]data.Type, len(st.dims))
	keys := make([]data.Column, len(st.dims))
	for i, d := range st.dims {
		types[i], keys[i] = in.schema[d].Type, orNull(in.cols[d], in.schema[d].Type, n)
	}
	g := newGrouper(types)
	groups := make([]uint32, n)
	g.groups(keys, n, groups)
	byGroup := make([]map[int64][]data.Value, g.ngroups)
	for r := 0; r < n; r++ {
		v := vals.Value(r)
		if idx.Nulls.Get(r) || v.IsNull() {
			continue
		}
		b := floorDiv(idx.Vals[r], bin)
		if byGroup[groups[r]] == nil {
			byGroup[groups[r]] = map[int64][]data.Value{}
		}
		byGroup[groups[r]][b] = append(byGroup[groups[r]][b], v)
	}
	out := make([][]data.Value, len(st.s))
	for gr, bins := range byGroup {
		if bins == nil {
			continue
		}
		lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
		for b := range bins {
			lo, hi = min(lo, b), max(hi, b)
		}
		dims := g.keyValues(gr)
		for b := lo; b <= hi; b++ {
			var window []data.Value
			for k := b - win + 1; k <= b; k++ {
				window = append(window, bins[k]...)
			}
			out[0] = append(out[0], data.Box(st.s[0].Type, b*bin))
			for i, d := range dims {
				out[1+i] = append(out[1+i], d)
			}
			last := len(st.s) - 1
			out[last] = append(out[last], nearestRank(window, p, st.s[last].Type))
		}
	}
	cols := make([]data.Column, len(st.s))
	for i, def := range st.s {
		cols[i] = data.NewColumn(def.Type, out[i])
	}
	return &rel{schema: st.s, cols: cols, n: len(out[0])}, nil
}

// nearestRank returns the p-th percentile of vals by nearest rank.
func nearestRank(vals []data.Value, p float64, t data.Type) data.Value {
	if len(vals) == 0 {
		return data.Null(t)
	}
	sort.Slice(vals, func(i, j int) bool {
		if t.IsInteger() || t == data.DateTime || t == data.TimeSpan {
			return vals[i].Int64() < vals[j].Int64()
		}
		return vals[i].Float64() < vals[j].Float64()
	})
	k := int(math.Ceil(p/100*float64(len(vals)))) - 1
	return vals[max(0, min(k, len(vals)-1))]
}
