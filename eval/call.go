package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// tabularFuncs are functions that return tables.
var tabularFuncs = map[string]bool{
	"materialize": true, "table": true, "view": true, "database": true, "cluster": true,
	"external_table": true, "_GetWatchlist": true,
}

func (c *compiler) call(sc *scope, row *rowCtx, e *ast.CallExpr) *cexpr {
	name := e.Func.Name
	if b := sc.lookup(name); b != nil && b.kind == bindFunc {
		return c.callUser(sc, row, e, b)
	}
	if windowFuncs[name] {
		return c.window(sc, row, e)
	}
	switch name {
	case "toscalar":
		return c.toscalar(sc, e)
	case "geo_info_from_ip_address":
		return c.geoInfo(sc, row, e)
	case "column_ifexists", "columnifexists":
		return c.columnIfExists(sc, row, e)
	case "pack_all", "bag_pack_columns":
		return c.packColumns(sc, row, e)
	}
	if (name == "pack_array" || name == "estimate_data_size") && row != nil {
		e = expandStarArgs(e, row.schema)
	}
	reg := c.env.funcs()
	if agg, ok := reg.Aggregate(name); ok {
		if _, isScalar := reg.Scalar(name); !isScalar || (row != nil && row.aggs != nil) {
			if row == nil || row.aggs == nil {
				c.errorf(e, "'%s' is an aggregation function; use it in summarize", name)
				return badExpr(e)
			}
			return row.aggs.add(c, sc, row, e, agg)
		}
	}
	f, ok := reg.Scalar(name)
	if !ok {
		if tabularFuncs[name] {
			c.errorf(e, "'%s' returns a table and cannot be used as a scalar value", name)
			return badExpr(e)
		}
		if s := suggest(name, append(reg.ScalarNames(), reg.AggregateNames()...)); s != "" {
			c.errorf(e.Func, "unknown function '%s' (did you mean '%s'?)", name, s)
		} else {
			c.errorf(e.Func, "unknown function '%s'", name)
		}
		return badExpr(e)
	}
	args, infos := c.args(sc, row, e.Args)
	if args == nil {
		return badExpr(e)
	}
	typ, k, err := f.BindCall(infos)
	if err != nil {
		c.errorf(e, "%v", err)
		return badExpr(e)
	}
	out := c.kernelExpr(e, typ, k, args, !f.Volatile && !f.Now)
	out.volatile = out.volatile || f.Volatile
	if len(f.Columns) > 0 {
		return c.firstColumn(out, f, e)
	}
	if (name == "parse_json" || name == "todynamic") && len(args) == 1 && args[0].typ == data.String && out.konst == nil {
		out.jsonSrc = args[0]
	}
	return out
}

// args compiles call arguments; nil when one failed.
func (c *compiler) args(sc *scope, row *rowCtx, list []ast.Expr) ([]*cexpr, []functions.ArgInfo) {
	args := make([]*cexpr, len(list))
	infos := make([]functions.ArgInfo, len(list))
	for i, a := range list {
		if _, ok := a.(*ast.StarExpr); ok {
			infos[i] = functions.ArgInfo{Star: true}
			args[i] = badExpr(a)
			continue
		}
		args[i] = c.scalar(sc, row, a)
		if args[i].typ == data.Unknown {
			return nil, nil
		}
		infos[i] = functions.ArgInfo{Type: args[i].typ, Const: args[i].konst}
	}
	return args, infos
}

func (c *compiler) columnIfExists(sc *scope, row *rowCtx, e *ast.CallExpr) *cexpr {
	if len(e.Args) != 2 {
		c.errorf(e, "column_ifexists expects 2 arguments (column name, default value)")
		return badExpr(e)
	}
	name := c.scalar(sc, nil, e.Args[0])
	if name.konst == nil || name.typ != data.String {
		c.errorf(e.Args[0], "column_ifexists expects a constant string column name")
		return badExpr(e)
	}
	if row != nil {
		if i := row.schema.Index(name.konst.Str()); i >= 0 {
			return colRef(i, row.schema[i], e)
		}
	}
	return c.scalar(sc, row, e.Args[1])
}

// toscalar evaluates a tabular expression once per run and takes the
// first column of its first row (null when it has no rows).
func (c *compiler) toscalar(sc *scope, e *ast.CallExpr) *cexpr {
	if len(e.Args) != 1 {
		c.errorf(e, "toscalar expects one argument")
		return badExpr(e)
	}
	if !c.isTabular(sc, e.Args[0]) {
		out := *c.scalar(sc, nil, e.Args[0])
		out.node = e
		return &out
	}
	plan := c.tabular(sc, e.Args[0])
	s := plan.schema()
	if len(s) == 0 {
		c.errorf(e, "toscalar: the tabular expression has no columns")
		return badExpr(e)
	}
	t := s[0].Type
	return &cexpr{typ: t, node: e, col: -1, eval: func(f *frame) (data.Column, error) {
		v, err := f.x.run.scalarOf(f.x, plan)
		if err != nil {
			return nil, err
		}
		return data.NewConst(v, f.n), nil
	}}
}

// member compiles X.Name on a dynamic value.
func (c *compiler) member(sc *scope, row *rowCtx, e *ast.MemberExpr) *cexpr {
	x := c.scalar(sc, row, e.X)
	if x.typ == data.Unknown {
		return badExpr(e)
	}
	if x.typ != data.Dynamic {
		c.errorf(e, "'.%s' needs a dynamic value, but %s is %s (use parse_json() or todynamic() first)",
			e.Name.Name, exprText(e.X), x.typ)
		return badExpr(e)
	}
	key := e.Name.Name
	if x.jsonSrc != nil {
		return c.jsonPathExpr(e, x, data.PathStep{Key: key}, memberName(x.name, key))
	}
	k := functions.Map1(data.Dynamic, func(d data.Dyn) (data.Dyn, bool) {
		v, _ := d.Get(key)
		return v, true
	})
	out := c.kernelExpr(e, data.Dynamic, k, []*cexpr{x}, true)
	out.name = memberName(x.name, key)
	return out
}

func memberName(base, key string) string {
	if base == "" {
		return key
	}
	return base + "_" + key
}

// exprText is a short description of an expression for messages.
func exprText(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return "'" + e.Name + "'"
	case *ast.MemberExpr:
		return strings.TrimSuffix(exprText(e.X), "'") + "." + e.Name.Name + "'"
	}
	return "the expression"
}

// index compiles X[I]: an array element or a bag key.
func (c *compiler) index(sc *scope, row *rowCtx, e *ast.IndexExpr) *cexpr {
	x := c.scalar(sc, row, e.X)
	i := c.scalar(sc, row, e.Index)
	if x.typ == data.Unknown || i.typ == data.Unknown {
		return badExpr(e)
	}
	if x.typ != data.Dynamic {
		c.errorf(e, "indexing needs a dynamic value, but %s is %s", exprText(e.X), x.typ)
		return badExpr(e)
	}
	if x.jsonSrc != nil && i.konst != nil && !i.konst.IsNull() && (i.typ == data.String || i.typ.IsInteger()) {
		step := data.PathStep{Key: i.konst.Str()}
		name := memberName(x.name, i.konst.Str())
		if i.typ.IsInteger() {
			step, name = data.PathStep{IsIndex: true, Index: int(i.konst.Int64())}, ""
		}
		return c.jsonPathExpr(e, x, step, name)
	}
	var k functions.Kernel
	switch {
	case i.typ == data.String:
		k = functions.Map2(data.Dynamic, func(d data.Dyn, key string) (data.Dyn, bool) {
			v, _ := d.Get(key)
			return v, true
		})
	case i.typ.IsInteger():
		i = c.coerce(i, data.Long)
		k = functions.Map2(data.Dynamic, func(d data.Dyn, n int64) (data.Dyn, bool) {
			return d.Index(int(n)), true
		})
	case i.typ == data.Dynamic:
		k = functions.Map2(data.Dynamic, func(d, key data.Dyn) (data.Dyn, bool) {
			switch key.Kind() {
			case data.DynString:
				v, _ := d.Get(key.Str())
				return v, true
			case data.DynLong, data.DynInt:
				return d.Index(int(key.Long())), true
			}
			return data.Dyn{}, true
		})
	default:
		c.errorf(e.Index, "an index must be a string or an integer, found %s", i.typ)
		return badExpr(e)
	}
	out := c.kernelExpr(e, data.Dynamic, k, []*cexpr{x, i}, true)
	if i.konst != nil && i.typ == data.String {
		out.name = memberName(x.name, i.konst.Str())
	}
	return out
}

// jsonPathExpr compiles parse_json(s).a.b[0]… as one scan of s that parses
// only the selected value.
func (c *compiler) jsonPathExpr(e ast.Expr, x *cexpr, step data.PathStep, name string) *cexpr {
	path := append(append([]data.PathStep(nil), x.jsonPath...), step)
	k := functions.Map1(data.Dynamic, func(s string) (data.Dyn, bool) {
		d, _ := data.JSONPath(s, path)
		return d, true
	})
	out := c.kernelExpr(e, data.Dynamic, k, []*cexpr{x.jsonSrc}, true)
	out.jsonSrc, out.jsonPath, out.name = x.jsonSrc, path, name
	return out
}

// expandStarArgs replaces `*` arguments by every column of the row.
func expandStarArgs(e *ast.CallExpr, s data.Schema) *ast.CallExpr {
	var args []ast.Expr
	star := false
	for _, a := range e.Args {
		if st, ok := a.(*ast.StarExpr); ok {
			star = true
			for _, def := range s {
				args = append(args, &ast.Ident{Span: st.Span, Name: def.Name})
			}
			continue
		}
		args = append(args, a)
	}
	if !star {
		return e
	}
	out := *e
	out.Args = args
	return &out
}

// packColumns compiles pack_all([ignore_null_empty]) and
// bag_pack_columns(c1, c2, …) as bag_pack("c1", c1, …).
func (c *compiler) packColumns(sc *scope, row *rowCtx, e *ast.CallExpr) *cexpr {
	if row == nil {
		c.errorf(e, "%s() needs the columns of a row", e.Func.Name)
		return badExpr(e)
	}
	var cols []*ast.Ident
	ignoreEmpty := false
	if e.Func.Name == "pack_all" {
		if len(e.Args) > 1 {
			c.errorf(e, "pack_all expects at most one argument (ignore_null_empty)")
			return badExpr(e)
		}
		if len(e.Args) == 1 {
			v := c.scalar(sc, nil, e.Args[0])
			if v.konst == nil || v.typ != data.Bool {
				c.errorf(e.Args[0], "pack_all expects a constant bool")
				return badExpr(e)
			}
			ignoreEmpty = v.konst.Bool()
		}
		for _, def := range row.schema {
			cols = append(cols, &ast.Ident{Span: e.Span, Name: def.Name})
		}
	} else {
		for _, a := range e.Args {
			id, ok := a.(*ast.Ident)
			if !ok {
				c.errorf(a, "bag_pack_columns expects column names")
				return badExpr(e)
			}
			cols = append(cols, id)
		}
	}
	var args []ast.Expr
	for _, id := range cols {
		args = append(args, &ast.Literal{Span: id.Span, Value: data.StringValue(id.Name)}, id)
	}
	if len(args) == 0 {
		return constExpr(data.DynamicValue(data.DynBagOf(nil, nil)), e)
	}
	packed := c.call(sc, row, &ast.CallExpr{Span: e.Span, Func: &ast.Ident{Span: e.Func.Span, Name: "bag_pack"}, Args: args})
	if !ignoreEmpty {
		return packed
	}
	k := functions.Map1(data.Dynamic, func(d data.Dyn) (data.Dyn, bool) {
		var keys []string
		var vals []data.Dyn
		for i, key := range d.Keys() {
			v := d.Items()[i]
			if v.IsNull() || (v.Kind() == data.DynString && v.Str() == "") {
				continue
			}
			keys, vals = append(keys, key), append(vals, v)
		}
		return data.DynBagOf(keys, vals), true
	})
	return c.kernelExpr(e, data.Dynamic, k, []*cexpr{packed}, true)
}
