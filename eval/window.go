package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// windowFuncs are the functions that read neighbouring rows of a
// serialized row set.
var windowFuncs = map[string]bool{
	"row_number": true, "prev": true, "next": true, "row_cumsum": true,
	"row_window_session": true, "row_rank_dense": true, "row_rank_min": true,
}

// windowFn computes a window function over all the rows of a frame from
// its evaluated arguments.
type windowFn func(n int, args []data.Column) data.Column

// window compiles a call of a window function. The operator it appears in
// then runs over its whole input at once (see wholeStage).
func (c *compiler) window(sc *scope, row *rowCtx, e *ast.CallExpr) *cexpr {
	name := e.Func.Name
	if !c.serial {
		c.errorf(e, "function '%s' needs serialized rows: use it after sort, top, range or serialize", name)
		return badExpr(e)
	}
	if row == nil || row.aggs != nil {
		c.errorf(e, "function '%s' can only be used in a row context (extend, project, where, serialize)", name)
		return badExpr(e)
	}
	args := make([]*cexpr, len(e.Args))
	for i, a := range e.Args {
		args[i] = c.scalar(sc, row, a)
		if args[i].typ == data.Unknown {
			return badExpr(e)
		}
	}
	typ, fn := c.windowBind(e, args)
	if fn == nil {
		return badExpr(e)
	}
	c.windowed = true
	out := &cexpr{typ: typ, node: e, col: -1, refs: unionRefs(args...)}
	out.eval = func(f *frame) (data.Column, error) {
		cols := make([]data.Column, len(args))
		for i, a := range args {
			col, err := a.eval(f)
			if err != nil {
				return nil, err
			}
			cols[i] = col
		}
		return fn(f.n, cols), nil
	}
	return out
}

// windowBind checks a window function's arguments and returns its result
// type and implementation.
func (c *compiler) windowBind(e *ast.CallExpr, args []*cexpr) (data.Type, windowFn) {
	name := e.Func.Name
	nargs := func(lo, hi int) bool {
		if len(args) < lo || len(args) > hi {
			c.errorf(e, "function '%s' takes %d to %d arguments, got %d", name, lo, hi, len(args))
			return false
		}
		return true
	}
	switch name {
	case "row_number":
		if !nargs(0, 2) || !c.windowArgType(args, 0, "start", data.Long) || !c.restartArg(args, 1) {
			return data.Unknown, nil
		}
		return data.Long, rowNumber
	case "prev", "next":
		if !nargs(1, 3) || !c.windowArgType(args, 1, "offset", data.Long) {
			return data.Unknown, nil
		}
		if len(args) > 1 && args[1].konst == nil {
			c.errorf(e.Args[1], "the offset of '%s' must be a constant", name)
			return data.Unknown, nil
		}
		if len(args) == 3 && args[2].typ != args[0].typ {
			args[2] = c.convert(args[2], args[0].typ)
		}
		return args[0].typ, shiftFn(name == "next", args[0].typ)
	case "row_cumsum":
		if !nargs(1, 2) || !c.restartArg(args, 1) {
			return data.Unknown, nil
		}
		return c.cumsumBind(e, args[0].typ)
	case "row_rank_dense", "row_rank_min":
		if !nargs(1, 2) || !c.restartArg(args, 1) {
			return data.Unknown, nil
		}
		return data.Long, rankFn(name == "row_rank_dense")
	case "row_window_session":
		if !nargs(3, 4) || !c.restartArg(args, 3) {
			return data.Unknown, nil
		}
		if args[0].typ != data.DateTime || args[1].typ != data.TimeSpan || args[2].typ != data.TimeSpan {
			c.errorf(e, "row_window_session expects (datetime, timespan, timespan [, bool])")
			return data.Unknown, nil
		}
		return data.DateTime, windowSession
	}
	return data.Unknown, nil
}

// windowArgType converts optional argument i to type t (an integer for
// long).
func (c *compiler) windowArgType(args []*cexpr, i int, what string, t data.Type) bool {
	if i >= len(args) {
		return true
	}
	if t == data.Long && !args[i].typ.IsInteger() {
		c.errorf(args[i].node, "the %s must be an integer, found %s", what, args[i].typ)
		return false
	}
	args[i] = c.convert(args[i], t)
	return true
}

// restartArg checks the optional restart condition at position i.
func (c *compiler) restartArg(args []*cexpr, i int) bool {
	if i >= len(args) {
		return true
	}
	switch args[i].typ {
	case data.Bool:
		return true
	case data.Dynamic:
		args[i] = c.convert(args[i], data.Bool)
		return true
	}
	c.errorf(args[i].node, "the restart condition must be a bool, found %s", args[i].typ)
	return false
}

func (c *compiler) cumsumBind(e *ast.CallExpr, t data.Type) (data.Type, windowFn) {
	switch t {
	case data.Int, data.Long:
		return data.Long, cumsumInt
	case data.Real:
		return data.Real, cumsumReal
	case data.Decimal:
		return data.Decimal, cumsumDecimal
	}
	c.errorf(e, "row_cumsum expects an int, long, real or decimal value, found %s", t)
	return data.Unknown, nil
}

// restarts reads an optional restart column (null is false).
func restarts(args []data.Column, i int) data.Reader[bool] {
	if i >= len(args) {
		return data.Reader[bool]{Vals: []bool{false}}
	}
	return data.NewReader[bool](args[i])
}

func restartAt(r data.Reader[bool], i int) bool {
	v, ok := r.Get(i)
	return ok && v
}

// wholeStage runs a row operator over its whole input at once, for the
// window functions in it that read neighbouring rows.
type wholeStage struct{ inner stage }

func (w *wholeStage) outSchema() data.Schema { return w.inner.outSchema() }

func (w *wholeStage) run(x *execCtx, in *rel) (*rel, error) {
	switch s := w.inner.(type) {
	case rowStage:
		return s.apply(x, in)
	case blockStage:
		return s.run(x, in)
	}
	return in, nil
}

func (w *wholeStage) need(live []bool) []bool {
	if p, ok := w.inner.(pruner); ok {
		return p.need(live)
	}
	return nil
}

// serialAfter says whether an operator's output is serialized, given
// whether its input is (Kusto's rules for window functions).
func serialAfter(op ast.Operator, in bool) bool {
	switch op.(type) {
	case *ast.SortOp, *ast.TopOp, *ast.SerializeOp, *ast.GetSchemaOp, *ast.TopHittersOp:
		return true
	case *ast.CountOp, *ast.DistinctOp, *ast.EvaluateOp, *ast.FacetOp, *ast.JoinOp, *ast.LookupOp,
		*ast.MakeSeriesOp, *ast.MvExpandOp, *ast.MvApplyOp, *ast.ReduceOp, *ast.SampleOp,
		*ast.SampleDistinctOp, *ast.SummarizeOp, *ast.TopNestedOp, *ast.UnionOp, *ast.InvokeOp:
		return false
	}
	return in
}

// isSerial reports whether a plan's output is serialized.
func (c *compiler) isSerial(n node) bool {
	switch n := n.(type) {
	case *rangeNode, *printNode, *applyInput:
		return true
	case *aliasNode:
		return c.isSerial(n.inner)
	}
	return c.serialNodes[n]
}

// compileStage compiles one operator of a pipeline, keeping track of
// whether the rows are serialized; an operator using window functions
// becomes a wholeStage.
func (c *compiler) compileStage(sc *scope, in data.Schema, op ast.Operator) stage {
	if _, ok := op.(*ast.SerializeOp); ok {
		c.serial = true
	}
	saved := c.windowed
	c.windowed = false
	st := c.stage(sc, in, op)
	if c.windowed && st != nil {
		st = &wholeStage{inner: st}
	}
	c.windowed = saved
	c.serial = serialAfter(op, c.serial)
	return st
}

// enterPipe starts compiling a pipeline over src; the function it returns
// records whether the pipeline's result is serialized and restores the
// state of any enclosing pipeline.
func (c *compiler) enterPipe(src node) func(result func() node) {
	saved := c.serial
	c.serial = c.isSerial(src)
	return func(result func() node) {
		c.markSerial(result())
		c.serial = saved
	}
}

// markSerial records that n's output is serialized when the rows being
// compiled are.
func (c *compiler) markSerial(n node) {
	if !c.serial {
		return
	}
	if c.serialNodes == nil {
		c.serialNodes = map[node]bool{}
	}
	c.serialNodes[n] = true
}
