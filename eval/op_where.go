package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// whereStage keeps the rows whose predicate is true.
type whereStage struct {
	s    data.Schema
	pred *cexpr
}

func (c *compiler) where(sc *scope, in data.Schema, op *ast.WhereOp) stage {
	pred := c.scalar(sc, &rowCtx{schema: in}, op.Pred)
	if pred.typ != data.Bool && pred.typ != data.Unknown {
		if pred.typ == data.Dynamic {
			pred = c.convert(pred, data.Bool)
		} else {
			c.errorf(op.Pred, "the 'where' predicate must be a bool, found %s", pred.typ)
		}
	}
	return &whereStage{s: in, pred: pred}
}

func (w *whereStage) outSchema() data.Schema { return w.s }

func (w *whereStage) apply(x *execCtx, in *rel) (*rel, error) {
	if in.rows() == 0 {
		return in, nil
	}
	sel, fused, err := w.fusedSelect(x, in)
	if err != nil {
		return nil, err
	}
	if !fused {
		col, err := w.pred.eval(newFrame(x, in))
		if err != nil {
			return nil, err
		}
		sel = selectTrue(col, in.sel, in.rows())
	}
	if in.sel == nil && len(sel) == in.n {
		sel = nil // every row passed
	}
	return &rel{schema: in.schema, cols: in.cols, n: in.n, sel: sel}, nil
}

// selectTrue returns the physical rows (through the old selection, if any)
// where a bool column over the active rows is true.
func selectTrue(c data.Column, old []int32, n int) []int32 {
	switch c := c.(type) {
	case *data.ConstCol:
		if c.V.IsNull() || !c.V.Bool() {
			return []int32{}
		}
		return allRows(old, n)
	case *data.DictCol:
		vals := data.Bools(c.Values)
		keep := make([]bool, len(vals.Vals))
		for i, v := range vals.Vals {
			keep[i] = v && !vals.Nulls.Get(i)
		}
		out := make([]int32, 0, n/4+16)
		if old == nil {
			for i, code := range c.Codes {
				if keep[code] {
					out = append(out, int32(i))
				}
			}
			return out
		}
		for i, code := range c.Codes {
			if keep[code] {
				out = append(out, old[i])
			}
		}
		return out
	}
	v := data.Bools(c)
	vals := v.Vals
	if v.Nulls != nil {
		vals = make([]bool, len(v.Vals))
		for i, b := range v.Vals {
			vals[i] = b && !v.Nulls.Get(i)
		}
	}
	return selectBools(vals, old)
}

// selectBools collects the positions of true values, mapped through old
// (branch-free, see compareSelect).
func selectBools(vals []bool, old []int32) []int32 {
	out := make([]int32, len(vals)+1)
	k := 0
	if old == nil {
		for i, b := range vals {
			out[k] = int32(i)
			if b {
				k++
			}
		}
		return out[:k]
	}
	for i, b := range vals {
		out[k] = old[i]
		if b {
			k++
		}
	}
	return out[:k]
}

// allRows returns the selection of every active row.
func allRows(old []int32, n int) []int32 {
	if old != nil {
		return old
	}
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(i)
	}
	return out
}

// fusedSelect tries the filters that avoid a bool column per row: a
// predicate over one dictionary-encoded column is evaluated once per
// distinct value, and `column <op> value` on an integer-backed column
// (long, datetime, timespan) is one comparison loop. ok is false when
// neither applies.
func (w *whereStage) fusedSelect(x *execCtx, in *rel) (sel []int32, ok bool, err error) {
	p := w.pred
	if p.volatile || len(p.refs) != 1 {
		return nil, false, nil
	}
	col := in.cols[p.refs[0]]
	if d, isDict := col.(*data.DictCol); isDict && d.Values.Len() <= in.rows() {
		return w.dictSelect(x, in, d)
	}
	if p.cmpL != nil && p.cmpL.col >= 0 && len(p.cmpR.refs) == 0 && !p.cmpR.volatile {
		if v, isVec := col.(*data.Vec[int64]); isVec {
			bound, err := evalScalar(x, p.cmpR)
			if err != nil {
				return nil, true, err
			}
			if bound.IsNull() {
				return []int32{}, true, nil
			}
			return compareSelect(p.cmpOp, v, bound.Int64(), in.sel), true, nil
		}
	}
	return nil, false, nil
}

// dictSelect evaluates the predicate on the dictionary's values and keeps
// the rows whose code passed.
func (w *whereStage) dictSelect(x *execCtx, in *rel, d *data.DictCol) ([]int32, bool, error) {
	i := w.pred.refs[0]
	vr := &rel{schema: in.schema, cols: make([]data.Column, len(in.cols)), n: d.Values.Len()}
	vr.cols[i] = d.Values
	res, err := w.pred.eval(newFrame(x, vr))
	if err != nil {
		return nil, true, err
	}
	keep := make([]bool, d.Values.Len())
	r := data.NewReader[bool](data.Materialize(res))
	for k := range keep {
		v, ok := r.Get(k)
		keep[k] = ok && v
	}
	out := make([]int32, in.rows()+1)
	n := 0
	if in.sel == nil {
		for k, code := range d.Codes {
			out[n] = int32(k)
			if keep[code] {
				n++
			}
		}
		return out[:n], true, nil
	}
	for _, k := range in.sel {
		out[n] = k
		if keep[d.Codes[k]] {
			n++
		}
	}
	return out[:n], true, nil
}

// compareSelect keeps the rows (through sel) whose value compares with
// bound as op asks; nulls never pass. The loops are branch-free: every
// row index is written and the output length advances only for passing
// rows, which keeps unpredictable predicates fast. (One loop per operator:
// a comparison passed as a function value would not be inlined.)
func compareSelect(op string, v *data.Vec[int64], bound int64, sel []int32) []int32 {
	n := len(v.Vals)
	if sel != nil {
		n = len(sel)
	}
	out := make([]int32, n+1)
	vals := v.Vals
	k := 0
	switch op {
	case ">":
		if sel == nil {
			for i, x := range vals {
				out[k] = int32(i)
				if x > bound {
					k++
				}
			}
		} else {
			for _, i := range sel {
				out[k] = i
				if vals[i] > bound {
					k++
				}
			}
		}
	case ">=":
		if sel == nil {
			for i, x := range vals {
				out[k] = int32(i)
				if x >= bound {
					k++
				}
			}
		} else {
			for _, i := range sel {
				out[k] = i
				if vals[i] >= bound {
					k++
				}
			}
		}
	case "<":
		if sel == nil {
			for i, x := range vals {
				out[k] = int32(i)
				if x < bound {
					k++
				}
			}
		} else {
			for _, i := range sel {
				out[k] = i
				if vals[i] < bound {
					k++
				}
			}
		}
	case "<=":
		if sel == nil {
			for i, x := range vals {
				out[k] = int32(i)
				if x <= bound {
					k++
				}
			}
		} else {
			for _, i := range sel {
				out[k] = i
				if vals[i] <= bound {
					k++
				}
			}
		}
	case "==":
		if sel == nil {
			for i, x := range vals {
				out[k] = int32(i)
				if x == bound {
					k++
				}
			}
		} else {
			for _, i := range sel {
				out[k] = i
				if vals[i] == bound {
					k++
				}
			}
		}
	case "!=":
		if sel == nil {
			for i, x := range vals {
				out[k] = int32(i)
				if x != bound {
					k++
				}
			}
		} else {
			for _, i := range sel {
				out[k] = i
				if vals[i] != bound {
					k++
				}
			}
		}
	}
	out = out[:k]
	if v.Nulls != nil {
		out = dropNulls(out, v.Nulls)
	}
	return out
}

// dropNulls removes the rows that are null in nulls.
func dropNulls(rows []int32, nulls data.Bitmap) []int32 {
	k := 0
	for _, i := range rows {
		if !nulls.Get(int(i)) {
			rows[k] = i
			k++
		}
	}
	return rows[:k]
}
