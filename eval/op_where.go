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
	return &rel{schema: in.schema, cols: in.cols, n: in.n, sel: sel}, nil
}

// selectTrue returns the physical rows (through the old selection, if any)
// where a bool column over the active rows is true.
func selectTrue(c data.Column, old []int32, n int) []int32 {
	out := make([]int32, 0, n/4+16)
	phys := func(i int) int32 {
		if old != nil {
			return old[i]
		}
		return int32(i)
	}
	switch c := c.(type) {
	case *data.ConstCol:
		if !c.V.IsNull() && c.V.Bool() {
			for i := 0; i < n; i++ {
				out = append(out, phys(i))
			}
		}
		return out
	case *data.DictCol:
		vals := data.Bools(c.Values)
		keep := make([]bool, len(vals.Vals))
		for i, v := range vals.Vals {
			keep[i] = v && !vals.Nulls.Get(i)
		}
		for i, code := range c.Codes {
			if keep[code] {
				out = append(out, phys(i))
			}
		}
		return out
	}
	v := data.Bools(c)
	for i, b := range v.Vals {
		if b && (v.Nulls == nil || !v.Nulls.Get(i)) {
			out = append(out, phys(i))
		}
	}
	return out
}
