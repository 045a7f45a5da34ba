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
	f := newFrame(x, in)
	col, err := w.pred.eval(f)
	if err != nil {
		return nil, err
	}
	sel := selectTrue(col, in.sel, in.rows())
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

// selectBools collects the positions of true values, mapped through old.
func selectBools(vals []bool, old []int32) []int32 {
	count := 0
	for _, b := range vals {
		if b {
			count++
		}
	}
	out := make([]int32, count)
	k := 0
	if old == nil {
		for i, b := range vals {
			if b {
				out[k] = int32(i)
				k++
			}
		}
		return out
	}
	for i, b := range vals {
		if b {
			out[k] = old[i]
			k++
		}
	}
	return out
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
