package eval

import (
	"fmt"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// Activity plugins count IDs per time window, by dimension columns:
//
//	T | evaluate activity_counts_metrics(IdColumn, TimelineColumn, Start, End, Step [, Dim, …])
//	T | evaluate sliding_window_counts(IdColumn, TimelineColumn, Start, End, Lookback, Bin [, Dim, …])
//
// Windows start at Start, every Step (Bin), up to End inclusive; a row
// belongs to the window of bin_at(Timeline, Step, Start). The output has
// the timeline column (the window start), the dimensions, then:
// activity_counts_metrics: count, dcount, new_dcount (IDs not seen in an
// earlier window of the same dimensions) and aggregated_dcount (IDs seen
// so far); sliding_window_counts: Count and Dcount over the Lookback
// period ending with the window (Lookback rounded down to whole bins).
// Counts are exact; windows without rows are left out. String steps
// ('week', 'month', 'year') are not supported.

type activityStage struct {
	sliding     bool
	s           data.Schema
	id, time    int
	dims        []int
	start, end  *cexpr
	step, lookb *cexpr
}

func (c *compiler) activity(sc *scope, in data.Schema, op *ast.EvaluateOp, sliding bool) stage {
	name := op.Call.Func.Name
	a := c.pluginArgs(op.Call)
	c.checkPluginArgs(a, -1)
	fixed := 5
	if sliding {
		fixed = 6
	}
	st := &activityStage{sliding: sliding, id: -1, time: -1}
	if len(a.pos) < fixed {
		c.errorf(op.Call, "%s needs %d arguments before the dimensions", name, fixed)
		return st
	}
	st.id = c.columnArg(in, a.pos[0], "the id column")
	st.time = c.columnArg(in, a.pos[1], "the timeline column")
	st.start, st.end = c.scalar(sc, nil, a.pos[2]), c.scalar(sc, nil, a.pos[3])
	st.step = c.scalar(sc, nil, a.pos[4])
	if sliding {
		st.lookb, st.step = st.step, c.scalar(sc, nil, a.pos[5])
	}
	if st.time >= 0 {
		switch t := in[st.time].Type; t {
		case data.DateTime, data.TimeSpan, data.Long, data.Int:
		default:
			c.errorf(a.pos[1], "%s needs a datetime, timespan or integer timeline, '%s' is %s", name, in[st.time].Name, t)
		}
	}
	if st.step.typ == data.String {
		c.errorf(a.pos[fixed-1], "%s with a 'week', 'month' or 'year' step is not supported", name)
	}
	if st.id >= 0 && st.time >= 0 {
		st.s = data.Schema{in[st.time]}
	}
	for _, e := range a.pos[fixed:] {
		if i := c.columnArg(in, e, "a dimension"); i >= 0 {
			st.dims = append(st.dims, i)
			st.s = append(st.s, in[i])
		}
	}
	if sliding {
		st.s = append(st.s, data.ColumnDef{Name: "Count", Type: data.Long}, data.ColumnDef{Name: "Dcount", Type: data.Long})
	} else {
		for _, n := range []string{"count", "dcount", "new_dcount", "aggregated_dcount"} {
			st.s = append(st.s, data.ColumnDef{Name: n, Type: data.Long})
		}
	}
	return st
}

func (st *activityStage) outSchema() data.Schema { return st.s }

// ticks evaluates a bound as an integer on the timeline's scale.
func ticks(x *execCtx, e *cexpr, what string) (int64, error) {
	v, err := evalScalar(x, e)
	if err != nil {
		return 0, err
	}
	if v.IsNull() {
		return 0, &RunError{Msg: fmt.Sprintf("the %s is null", what)}
	}
	if v.Type() == data.Real {
		return int64(v.Float64()), nil
	}
	return v.Int64(), nil
}

// window is the rows of one dimension combination in one window.
type window struct {
	count int64
	ids   map[string]bool
}

func (st *activityStage) run(x *execCtx, in *rel) (*rel, error) {
	start, err := ticks(x, st.start, "start")
	if err != nil {
		return nil, err
	}
	end, err := ticks(x, st.end, "end")
	if err != nil {
		return nil, err
	}
	step, err := ticks(x, st.step, "step")
	if err != nil || step <= 0 {
		return nil, orRunErr(err, "the step must be positive")
	}
	span := int64(1)
	if st.sliding {
		lb, err := ticks(x, st.lookb, "lookback window")
		if err != nil {
			return nil, err
		}
		span = max(1, lb/step)
	}
	in = in.compact()
	n := in.n
	times := data.Int64s(orNull(in.cols[st.time], in.schema[st.time].Type, n))
	ids := orNull(in.cols[st.id], in.schema[st.id].Type, n)
	types := make([]data.Type, len(st.dims))
	keys := make([]data.Column, len(st.dims))
	for i, d := range st.dims {
		types[i], keys[i] = in.schema[d].Type, orNull(in.cols[d], in.schema[d].Type, n)
	}
	g := newGrouper(types)
	groups := make([]uint32, n)
	g.groups(keys, n, groups)
	last := (end - start) / step
	wins := make([]map[int64]*window, g.ngroups)
	for r := 0; r < n; r++ {
		if times.Nulls.Get(r) || times.Vals[r] < start {
			continue
		}
		b := (times.Vals[r] - start) / step
		if b > last {
			continue
		}
		id := valueKey(ids.Value(r))
		for k := b; k < b+span && k <= last; k++ {
			m := wins[groups[r]]
			if m == nil {
				m = map[int64]*window{}
				wins[groups[r]] = m
			}
			w := m[k]
			if w == nil {
				w = &window{ids: map[string]bool{}}
				m[k] = w
			}
			w.count++
			if id != "" {
				w.ids[id] = true
			}
		}
	}
	return st.output(g, wins, start, step, last), nil
}

func orRunErr(err error, msg string) error {
	if err != nil {
		return err
	}
	return &RunError{Msg: msg}
}

// valueKey is a value as a map key ("" for null).
func valueKey(v data.Value) string {
	if v.IsNull() {
		return ""
	}
	return v.Type().String() + ":" + v.String()
}

// output writes one row per dimension combination and window with rows.
func (st *activityStage) output(g *grouper, wins []map[int64]*window, start, step, last int64) *rel {
	vals := make([][]data.Value, len(st.s))
	nd := len(st.dims)
	for gr, m := range wins {
		if m == nil {
			continue
		}
		dims := g.keyValues(gr)
		seen := map[string]bool{}
		for k := int64(0); k <= last; k++ {
			w := m[k]
			if w == nil {
				continue
			}
			vals[0] = append(vals[0], data.Box(st.s[0].Type, start+k*step))
			for i, d := range dims {
				vals[1+i] = append(vals[1+i], d)
			}
			row := []int64{w.count, int64(len(w.ids))}
			if !st.sliding {
				fresh := 0
				for id := range w.ids {
					if !seen[id] {
						seen[id] = true
						fresh++
					}
				}
				row = append(row, int64(fresh), int64(len(seen)))
			}
			for i, v := range row {
				vals[1+nd+i] = append(vals[1+nd+i], data.LongValue(v))
			}
		}
	}
	cols := make([]data.Column, len(st.s))
	for i, def := range st.s {
		cols[i] = data.NewColumn(def.Type, vals[i])
	}
	return &rel{schema: st.s, cols: cols, n: len(vals[0])}
}

// rowsNearStage is rows_near(Condition, Before [, After]): the rows within
// Before rows before or After rows after a row where Condition holds.
type rowsNearStage struct {
	s             data.Schema
	cond          *cexpr
	before, after *cexpr
}

func (c *compiler) rowsNear(sc *scope, in data.Schema, op *ast.EvaluateOp) stage {
	a := c.pluginArgs(op.Call)
	c.checkPluginArgs(a, 3)
	st := &rowsNearStage{s: in}
	if len(a.pos) < 2 {
		c.errorf(op.Call, "rows_near needs a condition and a number of rows")
		return st
	}
	st.cond = c.scalar(sc, &rowCtx{schema: in}, a.pos[0])
	if st.cond.typ != data.Bool && st.cond.typ != data.Unknown {
		c.errorf(a.pos[0], "rows_near needs a bool condition, found %s", st.cond.typ)
	}
	st.before, st.after = c.scalar(sc, nil, a.pos[1]), c.scalar(sc, nil, a.pos[1])
	if len(a.pos) > 2 {
		st.after = c.scalar(sc, nil, a.pos[2])
	}
	return st
}

func (st *rowsNearStage) outSchema() data.Schema { return st.s }

func (st *rowsNearStage) run(x *execCtx, in *rel) (*rel, error) {
	before, err := ticks(x, st.before, "number of rows")
	if err != nil {
		return nil, err
	}
	after, err := ticks(x, st.after, "number of rows after")
	if err != nil {
		return nil, err
	}
	col, err := st.cond.eval(newFrame(x, in))
	if err != nil {
		return nil, err
	}
	n := in.rows()
	hit := data.Bools(col)
	keep := make([]bool, n)
	for i := 0; i < n; i++ {
		if !hit.Vals[i] || hit.Nulls.Get(i) {
			continue
		}
		for k := max(0, int64(i)-before); k <= min(int64(n-1), int64(i)+after); k++ {
			keep[k] = true
		}
	}
	var idx []int32
	for i, k := range keep {
		if k {
			idx = append(idx, int32(i))
		}
	}
	if idx == nil {
		idx = []int32{}
	}
	return gatherRel(in, idx), nil
}
