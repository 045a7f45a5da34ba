package eval

import (
	"fmt"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// Functions that return several columns (series_fit_line, series_stats,
// series_decompose_anomalies, …) declare them in functions.Scalar.Columns
// and compute one dynamic bag per row holding a property per column. In
// extend and project the bag is computed once into a hidden working column
// and spread into the output columns:
//
//	extend series_stats(x)              → series_stats_x_min, series_stats_x_min_idx, …
//	extend (lo, lo_idx) = series_stats(x) → lo, lo_idx (extend keeps only the named ones)
//	project (lo, lo_idx) = series_stats(x) → lo, lo_idx, series_stats_x_max, … (project keeps the rest)
//	extend lo = series_stats(x)         → lo (the first column)
//
// Anywhere else such a call stands for its first column.

// spread is a multi-column call found in extend or project.
type spread struct {
	bag   *cexpr            // the call, computing the bag
	names []string          // output column names
	cols  []data.ColumnDef  // the properties spread, in order
	fn    *functions.Scalar // the function
	node  ast.Expr          // the whole expression
}

// multiCall recognises e as a multi-column call that spreads into several
// columns: an unnamed call, or a call assigned to a list of names (more
// than one, or several in parentheses). keepRest names the columns not
// named explicitly (project does, extend drops them).
func (c *compiler) multiCall(sc *scope, row *rowCtx, e ast.Expr, keepRest bool) *spread {
	var names []*ast.Ident
	call, ok := e.(*ast.CallExpr)
	if a, isAssign := e.(*ast.AssignExpr); isAssign {
		if len(a.Names) < 2 {
			return nil
		}
		names = a.Names
		call, ok = a.Value.(*ast.CallExpr)
	}
	if !ok || sc.lookup(call.Func.Name) != nil {
		return nil
	}
	f, ok := c.env.funcs().Scalar(call.Func.Name)
	if !ok || len(f.Columns) == 0 {
		return nil
	}
	if len(names) > len(f.Columns) {
		c.errorf(e, "function '%s' returns %d columns, but %d names are given", f.Name, len(f.Columns), len(names))
		return nil
	}
	bag := c.callBag(sc, row, call, f)
	s := &spread{bag: bag, fn: f, node: e}
	// f_<first argument's name>_<property>; the name may be empty
	// (series_stats(series_add(x, 0)) gives series_stats__min)
	prefix := f.Name + "__"
	if len(call.Args) > 0 {
		prefix = f.Name + "_" + c.derivedName(sc, call.Args[0]) + "_"
	}
	for i, col := range f.Columns {
		switch {
		case i < len(names):
			s.names = append(s.names, names[i].Name)
		case len(names) == 0 || keepRest:
			s.names = append(s.names, prefix+col.Name)
		default:
			continue
		}
		s.cols = append(s.cols, col)
	}
	return s
}

// callBag compiles a call of a multi-column function into the expression
// computing its bag.
func (c *compiler) callBag(sc *scope, row *rowCtx, e *ast.CallExpr, f *functions.Scalar) *cexpr {
	args, infos := c.args(sc, row, e.Args)
	if args == nil {
		return badExpr(e)
	}
	_, k, err := f.BindCall(infos)
	if err != nil {
		c.errorf(e, "%v", err)
		return badExpr(e)
	}
	return c.kernelExpr(e, data.Dynamic, k, args, !f.Volatile && !f.Now)
}

// bagColumn extracts property col of the bags computed by src, converted
// to the column's type.
func (c *compiler) bagColumn(src *cexpr, col data.ColumnDef, node ast.Expr) *cexpr {
	key := col.Name
	k := functions.Map1(data.Dynamic, func(d data.Dyn) (data.Dyn, bool) {
		v, _ := d.Get(key)
		return v, !v.IsNull()
	})
	x := c.kernelExpr(node, data.Dynamic, k, []*cexpr{src}, true)
	if col.Type != data.Dynamic {
		x = c.convert(x, col.Type)
	}
	x.node = node
	return x
}

// firstColumn is a multi-column call used where one value is expected.
func (c *compiler) firstColumn(bag *cexpr, f *functions.Scalar, node ast.Expr) *cexpr {
	return c.bagColumn(bag, f.Columns[0], node)
}

// hiddenName names the working column holding the bag of the k-th spread
// call; it cannot clash with a column name.
func hiddenName(k int) string { return fmt.Sprintf("\x00spread%d", k) }

// spreadSteps appends the hidden bag column of s to a working schema and
// its steps, and returns the steps extracting each spread column.
func (c *compiler) spreadSteps(s *spread, work *data.Schema, steps *[]*cexpr) []*cexpr {
	hidden := len(*work)
	*work = append(*work, data.ColumnDef{Name: hiddenName(hidden), Type: data.Dynamic})
	*steps = append(*steps, s.bag)
	src := colRef(hidden, (*work)[hidden], nil)
	out := make([]*cexpr, len(s.cols))
	for i, col := range s.cols {
		out[i] = c.bagColumn(src, col, s.node)
	}
	return out
}

// spreadStage is an extend or project with spread calls: the bags are
// computed first, as hidden columns after the input's, then the output
// columns from the input and the bags.
type spreadStage struct {
	s     data.Schema
	bags  []*cexpr // over the input
	exprs []*cexpr // over the input and the bags
}

func (s *spreadStage) outSchema() data.Schema { return s.s }

func (s *spreadStage) apply(x *execCtx, in *rel) (*rel, error) {
	r := in.compact()
	work := &rel{cols: append([]data.Column(nil), r.cols...), n: r.n}
	f := newFrame(x, r)
	for _, b := range s.bags {
		col, err := b.eval(f)
		if err != nil {
			return nil, err
		}
		work.cols = append(work.cols, col)
	}
	wf := newFrame(x, work)
	cols := make([]data.Column, len(s.exprs))
	for i, e := range s.exprs {
		col, err := e.eval(wf)
		if err != nil {
			return nil, err
		}
		cols[i] = col
	}
	return &rel{schema: s.s, cols: cols, n: r.n}, nil
}
