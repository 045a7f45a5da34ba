package eval

import (
	"fmt"
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// seriesGrid is the axis of a make-series run: n bins of width step from
// start, over integer ticks (datetime, timespan, integers) or reals.
type seriesGrid struct {
	t            data.Type
	reals        bool
	start, step  int64
	fstart, fstp float64
	n            int
	// hasEnd is set when `to` bounds the axis (exclusively): end or fend.
	hasEnd bool
	end    int64
	fend   float64
}

// index returns the bin of row i of the axis values, or -1.
func (g *seriesGrid) index(ints *data.Vec[int64], reals *data.Vec[float64], i int) int64 {
	if g.reals {
		v := reals.Vals[i]
		if reals.Nulls.Get(i) || math.IsNaN(v) || v < g.fstart || g.hasEnd && v >= g.fend {
			return -1
		}
		k := int64(math.Floor((v - g.fstart) / g.fstp))
		if k >= int64(g.n) {
			return -1
		}
		return k
	}
	v := ints.Vals[i]
	if ints.Nulls.Get(i) || v < g.start || g.hasEnd && v >= g.end {
		return -1
	}
	k := (v - g.start) / g.step
	if k >= int64(g.n) {
		return -1
	}
	return k
}

// axis returns the axis array of the grid.
func (g *seriesGrid) axis() data.Dyn {
	out := make([]data.Dyn, g.n)
	for i := range out {
		if g.reals {
			out[i] = data.DynRealOf(g.fstart + float64(i)*g.fstp)
			continue
		}
		v := g.start + int64(i)*g.step
		switch g.t {
		case data.DateTime:
			out[i] = data.DynDateTimeOf(v)
		case data.TimeSpan:
			out[i] = data.DynTimeSpanOf(v)
		default:
			out[i] = data.DynLongOf(v)
		}
	}
	return data.DynArrayOf(out)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// grid computes the axis grid from the bounds and the axis values; ok is
// false when there is no axis (no bounds and no values).
func (m *makeSeriesStage) grid(x *execCtx, ints *data.Vec[int64], reals *data.Vec[float64]) (*seriesGrid, bool, error) {
	g := &seriesGrid{t: m.axis.typ, reals: reals != nil}
	step, err := evalScalar(x, m.step)
	if err != nil {
		return nil, false, err
	}
	from, to, err := m.bounds(x)
	if err != nil {
		return nil, false, err
	}
	if g.reals {
		return g, m.realGrid(g, step, from, to, reals), nil
	}
	ok, err := m.intGrid(g, step, from, to, ints)
	return g, ok, err
}

func (m *makeSeriesStage) bounds(x *execCtx) (from, to data.Value, err error) {
	from, to = data.Null(data.Long), data.Null(data.Long)
	if m.from != nil {
		if from, err = evalScalar(x, m.from); err != nil {
			return
		}
	}
	if m.to != nil {
		to, err = evalScalar(x, m.to)
	}
	return
}

func (m *makeSeriesStage) intGrid(g *seriesGrid, step, from, to data.Value, ints *data.Vec[int64]) (bool, error) {
	if step.IsNull() || step.Int64() <= 0 {
		return false, &RunError{Msg: "make-series: the step must be positive"}
	}
	g.step = step.Int64()
	lo, hi, any := int64(math.MaxInt64), int64(math.MinInt64), false
	for i, v := range ints.Vals {
		if !ints.Nulls.Get(i) {
			lo, hi, any = min(lo, v), max(hi, v), true
		}
	}
	switch {
	case !from.IsNull():
		g.start = from.Int64()
	case any:
		g.start = lo
	default:
		return false, nil
	}
	if m.inRange || from.IsNull() {
		g.start = floorDiv(g.start, g.step) * g.step
	}
	var n int64
	switch {
	case !to.IsNull() && m.inRange:
		n = floorDiv(floorDiv(to.Int64(), g.step)*g.step-g.start, g.step) + 1
	case !to.IsNull():
		n = floorDiv(to.Int64()-g.start+g.step-1, g.step)
		g.hasEnd, g.end = true, to.Int64()
	case any:
		n = floorDiv(hi-g.start, g.step) + 1
	}
	return m.setLen(g, n)
}

func (m *makeSeriesStage) realGrid(g *seriesGrid, step, from, to data.Value, reals *data.Vec[float64]) bool {
	g.fstp = step.Float64()
	if step.IsNull() || !(g.fstp > 0) {
		return false
	}
	lo, hi, any := math.Inf(1), math.Inf(-1), false
	for i, v := range reals.Vals {
		if !reals.Nulls.Get(i) && !math.IsNaN(v) {
			lo, hi, any = math.Min(lo, v), math.Max(hi, v), true
		}
	}
	switch {
	case !from.IsNull():
		g.fstart = from.Float64()
	case any:
		g.fstart = lo
	default:
		return false
	}
	if m.inRange || from.IsNull() {
		g.fstart = math.Floor(g.fstart/g.fstp) * g.fstp
	}
	var n float64
	switch {
	case !to.IsNull() && m.inRange:
		n = math.Floor((math.Floor(to.Float64()/g.fstp)*g.fstp-g.fstart)/g.fstp) + 1
	case !to.IsNull():
		n = math.Ceil((to.Float64() - g.fstart) / g.fstp)
		g.hasEnd, g.fend = true, to.Float64()
	case any:
		n = math.Floor((hi-g.fstart)/g.fstp) + 1
	}
	ok, _ := m.setLen(g, int64(math.Max(0, math.Min(n, maxSeriesLen+1))))
	return ok
}

func (m *makeSeriesStage) setLen(g *seriesGrid, n int64) (bool, error) {
	if n > maxSeriesLen {
		return false, &RunError{Msg: fmt.Sprintf("make-series: a series would have %d points, more than %d", n, maxSeriesLen)}
	}
	g.n = int(max(0, n))
	return true, nil
}

func (m *makeSeriesStage) run(x *execCtx, in *rel) (*rel, error) {
	in = in.compact()
	col, err := m.axis.eval(newFrame(x, in))
	if err != nil {
		return nil, err
	}
	var ints *data.Vec[int64]
	var reals *data.Vec[float64]
	switch col.Type() {
	case data.Real, data.Decimal:
		reals = data.Float64s(asReal(col))
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		ints = data.Int64s(col)
	default:
		return nil, &RunError{Msg: "make-series: the axis is " + col.Type().String()}
	}
	g, ok, err := m.grid(x, ints, reals)
	if err != nil {
		return nil, err
	}
	if !ok {
		return m.result(nil, g)
	}
	bins := make([]int64, in.n)
	var sel []int32
	for i := range bins {
		if bins[i] = g.index(ints, reals, i); bins[i] >= 0 {
			sel = append(sel, int32(i))
		}
	}
	work := &rel{schema: nil, cols: append(append([]data.Column(nil), in.cols...), data.NewVec(data.Long, bins, nil)),
		n: in.n, sel: sel}
	if sel == nil {
		work.sel = []int32{}
	}
	grouped, err := m.inner.run(x, work)
	if err != nil {
		return nil, err
	}
	return m.result(grouped, g)
}

// result arranges the grouped aggregates into one row of arrays per
// by-group.
func (m *makeSeriesStage) result(grouped *rel, g *seriesGrid) (*rel, error) {
	nagg := len(m.defaults)
	types := make([]data.Type, m.nkeys)
	for i := range types {
		types[i] = m.s[i].Type
	}
	gr := newGrouper(types)
	var arrays [][][]data.Dyn // group → aggregate → bin
	n := 0
	if grouped != nil {
		n = grouped.rows()
	}
	if n > 0 {
		keys := make([]data.Column, m.nkeys)
		for i := range keys {
			keys[i] = grouped.col(i)
		}
		groups := make([]uint32, n)
		gr.groups(keys, n, groups)
		bins := data.Int64s(grouped.col(m.nkeys))
		aggs := make([]data.Column, nagg)
		for j := range aggs {
			aggs[j] = grouped.col(m.nkeys + 1 + j)
		}
		arrays = make([][][]data.Dyn, gr.ngroups)
		for r := 0; r < n; r++ {
			s := int(groups[r])
			if arrays[s] == nil {
				arrays[s] = m.emptySeries(g.n)
			}
			for j, a := range aggs {
				v := a.Value(r)
				if v.IsNull() {
					arrays[s][j][bins.Vals[r]] = data.Dyn{}
					continue
				}
				arrays[s][j][bins.Vals[r]] = v.ToDyn()
			}
		}
	}
	if len(arrays) == 0 {
		if !m.nonEmpty {
			return relOf(data.EmptyTable("", m.s)), nil
		}
		return m.defaultRow(g), nil
	}
	cols := gr.keyColumns()
	for j := 0; j < nagg; j++ {
		vals := make([]data.Dyn, len(arrays))
		for s := range arrays {
			vals[s] = data.DynArrayOf(arrays[s][j])
		}
		cols = append(cols, data.NewVec(data.Dynamic, vals, nil))
	}
	cols = append(cols, data.NewConst(data.DynamicValue(g.axis()), len(arrays)))
	return &rel{schema: m.s, cols: cols, n: len(arrays)}, nil
}

// emptySeries returns one array of defaults per aggregate.
func (m *makeSeriesStage) emptySeries(n int) [][]data.Dyn {
	out := make([][]data.Dyn, len(m.defaults))
	for j, d := range m.defaults {
		out[j] = make([]data.Dyn, n)
		for i := range out[j] {
			out[j][i] = d
		}
	}
	return out
}

// defaultRow is the result of kind=nonempty over no rows: defaults only.
func (m *makeSeriesStage) defaultRow(g *seriesGrid) *rel {
	cols := make([]data.Column, 0, len(m.s))
	for i := 0; i < m.nkeys; i++ {
		cols = append(cols, data.NullColumn(m.s[i].Type, 1))
	}
	n := 0
	if g != nil {
		n = g.n
	}
	for _, arr := range m.emptySeries(n) {
		cols = append(cols, data.NewConst(data.DynamicValue(data.DynArrayOf(arr)), 1))
	}
	axis := data.DynArrayOf(nil)
	if g != nil {
		axis = g.axis()
	}
	cols = append(cols, data.NewConst(data.DynamicValue(axis), 1))
	return &rel{schema: m.s, cols: cols, n: 1}
}

// asReal converts a decimal axis column to reals.
func asReal(c data.Column) data.Column {
	if c.Type() == data.Real {
		return c
	}
	vals := make([]float64, c.Len())
	nulls := data.NewBitmap(len(vals))
	for i := range vals {
		v := c.Value(i)
		if v.IsNull() {
			nulls.Set(i)
			continue
		}
		vals[i] = v.Decimal().Float64()
	}
	return data.NewVec(data.Real, vals, nulls)
}
