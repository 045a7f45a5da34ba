package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// listSource produces the values of an `in` / `has_any` list at run time:
// constants are gathered at compile time, subqueries once per run.
type listSource struct {
	consts []data.Value
	plans  []node
}

func (l *listSource) values(x *execCtx) ([]data.Value, error) {
	if len(l.plans) == 0 {
		return l.consts, nil
	}
	out := append([]data.Value(nil), l.consts...)
	for _, p := range l.plans {
		vals, err := x.run.columnOf(x, p)
		if err != nil {
			return nil, err
		}
		out = append(out, vals...)
	}
	return out, nil
}

// list compiles the right side of in / has_any: scalars, dynamic arrays
// (flattened) and tabular expressions (their first column).
func (c *compiler) list(sc *scope, row *rowCtx, items []ast.Expr) *listSource {
	ls := &listSource{}
	for _, it := range items {
		if c.isTabular(sc, it) {
			p := c.tabular(sc, it)
			if len(p.schema()) == 0 {
				c.errorf(it, "the subquery has no columns")
				continue
			}
			ls.plans = append(ls.plans, p)
			continue
		}
		v := c.scalar(sc, row, it)
		if v.typ == data.Unknown {
			continue
		}
		if v.konst == nil {
			c.errorf(it, "the values of an 'in' list must be constants or a subquery")
			continue
		}
		if v.typ == data.Dynamic && v.konst.Dyn().Kind() == data.DynArray {
			for _, d := range v.konst.Dyn().Items() {
				ls.consts = append(ls.consts, data.DynamicValue(d))
			}
			continue
		}
		ls.consts = append(ls.consts, *v.konst)
	}
	return ls
}

func (c *compiler) inExpr(sc *scope, row *rowCtx, e *ast.InExpr) *cexpr {
	x := c.scalar(sc, row, e.X)
	if x.typ == data.Unknown {
		return badExpr(e)
	}
	op := strings.ToLower(e.Op)
	ls := c.list(sc, row, e.List)
	switch op {
	case "has_any", "has_all", "has_any_cs", "has_all_cs":
		if x.typ != data.String {
			x = c.convert(x, data.String)
		}
		return c.hasList(op, x, ls, e)
	case "in", "!in", "in~", "!in~":
	default:
		c.errorAt(e.OpPos, e.End(), "operator '"+e.Op+"' not supported")
		return badExpr(e)
	}
	neg := strings.HasPrefix(op, "!")
	fold := strings.HasSuffix(op, "~")
	dom := x.typ
	if fold && dom != data.String {
		x = c.convert(x, data.String)
		dom = data.String
	}
	if dom == data.Int {
		x, dom = c.convert(x, data.Long), data.Long
	}
	out := &cexpr{typ: data.Bool, node: e, col: -1, refs: x.refs}
	out.eval = func(f *frame) (data.Column, error) {
		vals, err := ls.values(f.x)
		if err != nil {
			return nil, err
		}
		col, err := x.eval(f)
		if err != nil {
			return nil, err
		}
		set := newValueSet(dom, vals, fold)
		k := func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
			return set.test(args[0], n, neg), nil
		}
		return applyKernel(f, k, []data.Column{col})
	}
	return out
}

// valueSet is the set of an `in` list, in the domain of the left operand.
type valueSet struct {
	dom     data.Type
	fold    bool
	strs    map[string]bool
	ints    map[int64]bool
	reals   map[float64]bool
	others  []data.Value
	hasNull bool
}

func newValueSet(dom data.Type, vals []data.Value, fold bool) *valueSet {
	s := &valueSet{dom: dom, fold: fold}
	switch dom {
	case data.String:
		s.strs = make(map[string]bool, len(vals))
	case data.Long, data.DateTime, data.TimeSpan, data.Bool:
		s.ints = make(map[int64]bool, len(vals))
	case data.Real:
		s.reals = make(map[float64]bool, len(vals))
	}
	for _, v := range vals {
		v = functions.ConvertValue(v, dom)
		if v.IsNull() && dom != data.String {
			s.hasNull = true
			continue
		}
		switch {
		case s.strs != nil:
			str := v.Str()
			if fold {
				str = strings.ToLower(str)
			}
			s.strs[str] = true
		case s.ints != nil:
			s.ints[v.Int64()] = true
		case s.reals != nil:
			s.reals[v.Float64()] = true
		default:
			s.others = append(s.others, v)
		}
	}
	return s
}

func (s *valueSet) test(c data.Column, n int, neg bool) data.Column {
	w := data.NewWriter[bool](data.Bool, n)
	switch {
	case s.strs != nil:
		r := data.NewReader[string](c)
		for i := 0; i < n; i++ {
			x := r.At(i)
			if s.fold {
				x = toLower(x)
			}
			w.Vals[i] = s.strs[x] != neg
		}
	case s.ints != nil:
		r := data.NewReader[int64](c)
		for i := 0; i < n; i++ {
			x, ok := r.Get(i)
			if !ok {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = s.ints[x] != neg
		}
	case s.reals != nil:
		r := data.NewReader[float64](c)
		for i := 0; i < n; i++ {
			x, ok := r.Get(i)
			if !ok {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = s.reals[x] != neg
		}
	default:
		for i := 0; i < n; i++ {
			v := c.Value(i)
			if v.IsNull() {
				w.SetNull(i)
				continue
			}
			found := false
			for _, o := range s.others {
				if valuesEqual(v, o) {
					found = true
					break
				}
			}
			w.Vals[i] = found != neg
		}
	}
	return w.Column()
}

func valuesEqual(a, b data.Value) bool {
	if a.Type() == data.Dynamic && b.Type() == data.Dynamic {
		return a.Dyn().Equal(b.Dyn())
	}
	return a.Equal(b)
}

// hasList compiles has_any / has_all.
func (c *compiler) hasList(op string, x *cexpr, ls *listSource, e *ast.InExpr) *cexpr {
	all := strings.HasPrefix(op, "has_all")
	cs := strings.HasSuffix(op, "_cs")
	out := &cexpr{typ: data.Bool, node: e, col: -1, refs: x.refs}
	out.eval = func(f *frame) (data.Column, error) {
		vals, err := ls.values(f.x)
		if err != nil {
			return nil, err
		}
		var matchers []func(string) bool
		for _, v := range vals {
			s := functions.ConvertValue(v, data.String).Str()
			matchers = append(matchers, termMatcher("has", s, cs))
		}
		col, err := x.eval(f)
		if err != nil {
			return nil, err
		}
		k := func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
			r := data.NewReader[string](args[0])
			out := make([]bool, n)
			for i := 0; i < n; i++ {
				h := r.At(i)
				res := all
				for _, m := range matchers {
					if m(h) != all {
						res = !all
						break
					}
				}
				if len(matchers) == 0 {
					res = false
				}
				out[i] = res
			}
			return data.NewVec(data.Bool, out, nil), nil
		}
		return applyKernel(f, k, []data.Column{col})
	}
	return out
}

func (c *compiler) between(sc *scope, row *rowCtx, e *ast.BetweenExpr) *cexpr {
	x := c.scalar(sc, row, e.X)
	lo := c.scalar(sc, row, e.Lo)
	hi := c.scalar(sc, row, e.Hi)
	if x.typ == data.Unknown || lo.typ == data.Unknown || hi.typ == data.Unknown {
		return badExpr(e)
	}
	if hi.typ == data.TimeSpan && lo.typ == data.DateTime {
		hi = c.arith("+", lo, hi, e.Hi)
	}
	ge := c.compare(">=", x, lo, &ast.BinaryExpr{Span: e.Span, X: e.X, Op: ">=", Y: e.Lo})
	le := c.compare("<=", x, hi, &ast.BinaryExpr{Span: e.Span, X: e.X, Op: "<=", Y: e.Hi})
	k := func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		res := logic3(true, args[0], args[1], n)
		if e.Not {
			return notCol(res, n), nil
		}
		return res, nil
	}
	return c.kernelExpr(e, data.Bool, k, []*cexpr{ge, le}, true)
}

func notCol(c data.Column, n int) data.Column {
	r := data.NewReader[bool](c)
	w := data.NewWriter[bool](data.Bool, n)
	for i := 0; i < n; i++ {
		v, ok := r.Get(i)
		if !ok {
			w.SetNull(i)
			continue
		}
		w.Vals[i] = !v
	}
	return w.Column()
}
