package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// funcIsTabular reports whether a user function returns a table, from the
// shape of its body's result expression.
func (c *compiler) funcIsTabular(b *binding) bool {
	fn := b.fn
	if fn.View {
		return true
	}
	if fn.Body == nil || len(fn.Body.Stmts) == 0 {
		return false
	}
	last, ok := fn.Body.Stmts[len(fn.Body.Stmts)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	return c.looksTabular(b, fn, last.X, 0)
}

func (c *compiler) looksTabular(b *binding, fn *ast.FuncExpr, e ast.Expr, depth int) bool {
	if depth > 16 {
		return false
	}
	switch e := e.(type) {
	case *ast.PipeExpr, *ast.OpExpr, *ast.DataTableExpr, *ast.ExternalDataExpr:
		return true
	case *ast.ParenExpr:
		return c.looksTabular(b, fn, e.X, depth+1)
	case *ast.Ident:
		for _, p := range fn.Params {
			if p.Name.Name == e.Name {
				return p.Type != nil && p.Type.Tabular
			}
		}
		for _, st := range fn.Body.Stmts {
			if l, ok := st.(*ast.LetStmt); ok && l.Name.Name == e.Name {
				return c.looksTabular(b, fn, l.Value, depth+1)
			}
		}
		if b.fnScope != nil {
			if ob := b.fnScope.lookup(e.Name); ob != nil {
				return ob.kind == bindTable
			}
		}
		return c.tableExists(e.Name)
	case *ast.CallExpr:
		if b.fnScope != nil {
			if ob := b.fnScope.lookup(e.Func.Name); ob != nil && ob.kind == bindFunc && ob != b {
				return c.funcIsTabular(ob)
			}
		}
		return tabularFuncs[e.Func.Name]
	}
	return false
}

// expand binds a user function's parameters for one call and returns the
// scope its body runs in.
func (c *compiler) expand(sc *scope, row *rowCtx, call *ast.CallExpr, b *binding) *scope {
	fn := b.fn
	if len(call.Args) > len(fn.Params) {
		c.errorf(call, "function '%s' takes %d arguments, got %d", call.Func.Name, len(fn.Params), len(call.Args))
		return nil
	}
	args := c.bindArgs(call, fn)
	if args == nil {
		return nil
	}
	parent := b.fnScope
	if parent == nil {
		parent = newScope(nil)
	}
	body := newScope(parent)
	for i, p := range fn.Params {
		var arg ast.Expr
		argScope := sc
		if args[i] != nil {
			arg = args[i]
		} else if p.Default != nil {
			arg, argScope = p.Default, parent
		} else {
			c.errorf(call, "function '%s': missing argument '%s'", call.Func.Name, p.Name.Name)
			return nil
		}
		if p.Type != nil && p.Type.Tabular {
			body.bind(p.Name.Name, &binding{kind: bindTable, plan: c.tabular(argScope, arg)})
			continue
		}
		ce := c.scalar(argScope, row, arg)
		if p.Type != nil && p.Type.Name != "" {
			if t, ok := data.ParseType(p.Type.Name); ok && ce.typ != t && ce.typ != data.Unknown {
				ce = c.convert(ce, t)
			}
		}
		body.bind(p.Name.Name, &binding{kind: bindScalar, expr: ce})
	}
	return body
}

func (c *compiler) enter(call *ast.CallExpr) bool {
	if c.depth >= maxExpansion {
		c.errorf(call, "function '%s' expands too deeply (recursive call?)", call.Func.Name)
		return false
	}
	c.depth++
	return true
}

// callUser compiles a call of a scalar user function.
func (c *compiler) callUser(sc *scope, row *rowCtx, call *ast.CallExpr, b *binding) *cexpr {
	if !c.enter(call) {
		return badExpr(call)
	}
	defer func() { c.depth-- }()
	if c.funcIsTabular(b) {
		c.errorf(call, "function '%s' returns a table and cannot be used as a scalar value", call.Func.Name)
		return badExpr(call)
	}
	body := c.expand(sc, row, call, b)
	if body == nil {
		return badExpr(call)
	}
	var result *cexpr
	for _, st := range b.fn.Body.Stmts {
		switch st := st.(type) {
		case *ast.LetStmt:
			c.let(body, st)
		case *ast.ExprStmt:
			result = c.scalar(body, row, st.X)
		}
	}
	if result == nil {
		c.errorf(call, "function '%s' has no result expression", call.Func.Name)
		return badExpr(call)
	}
	out := *result
	out.node = call
	out.name = ""
	return &out
}

// tabularCall compiles a call that returns a table: a user function or a
// built-in such as materialize() or table().
func (c *compiler) tabularCall(sc *scope, call *ast.CallExpr) node {
	name := call.Func.Name
	if b := sc.lookup(name); b != nil && b.kind == bindFunc {
		if !c.enter(call) {
			return &emptyNode{}
		}
		defer func() { c.depth-- }()
		body := c.expand(sc, nil, call, b)
		if body == nil {
			return &emptyNode{}
		}
		var result node
		for _, st := range b.fn.Body.Stmts {
			switch st := st.(type) {
			case *ast.LetStmt:
				c.let(body, st)
			case *ast.ExprStmt:
				result = c.tabular(body, st.X)
			}
		}
		if result == nil {
			c.errorf(call, "function '%s' has no result expression", name)
			return &emptyNode{}
		}
		return result
	}
	switch name {
	case "materialize":
		if len(call.Args) != 1 {
			c.errorf(call, "materialize expects one tabular argument")
			return &emptyNode{}
		}
		return &cacheNode{inner: c.tabular(sc, call.Args[0])}
	case "table":
		if len(call.Args) < 1 {
			c.errorf(call, "table expects a table name")
			return &emptyNode{}
		}
		v := c.scalar(sc, nil, call.Args[0])
		if v.konst == nil || v.typ != data.String {
			c.errorf(call.Args[0], "table expects a constant table name")
			return &emptyNode{}
		}
		return c.tableRef(sc, &ast.Ident{Span: ast.Span{Start: call.Args[0].Pos(), Stop: call.Args[0].End()}, Name: v.konst.Str()})
	}
	if name == "_GetWatchlist" {
		return c.watchlist(sc, call)
	}
	c.unknownTabularFunc(call)
	return &emptyNode{s: openSchema(nil)}
}

// cacheNode evaluates its input once per run (materialize).
type cacheNode struct{ inner node }

func (n *cacheNode) schema() data.Schema { return n.inner.schema() }

func (n *cacheNode) exec(x *execCtx) (*rel, error) {
	rs := x.run
	rs.mu.Lock()
	r, ok := rs.cached[n]
	rs.mu.Unlock()
	if ok {
		return r, nil
	}
	r, err := n.inner.exec(x)
	if err != nil {
		return nil, err
	}
	r = r.compact()
	rs.mu.Lock()
	rs.cached[n] = r
	rs.mu.Unlock()
	return r, nil
}

// bindArgs matches call arguments to parameters: `name = value` arguments
// by name, the others in order. It returns one entry per parameter (nil
// when not given), or nil after reporting an error.
func (c *compiler) bindArgs(call *ast.CallExpr, fn *ast.FuncExpr) []ast.Expr {
	out := make([]ast.Expr, len(fn.Params))
	next := 0
	for _, a := range call.Args {
		if as, ok := a.(*ast.AssignExpr); ok && len(as.Names) == 1 {
			i := paramIndex(fn, as.Names[0].Name)
			if i < 0 {
				c.errorf(as, "function '%s' has no parameter '%s'", call.Func.Name, as.Names[0].Name)
				return nil
			}
			if out[i] != nil {
				c.errorf(as, "function '%s': parameter '%s' is given twice", call.Func.Name, as.Names[0].Name)
				return nil
			}
			out[i] = as.Value
			continue
		}
		for next < len(out) && out[next] != nil {
			next++
		}
		if next >= len(out) {
			c.errorf(a, "function '%s' takes %d arguments", call.Func.Name, len(fn.Params))
			return nil
		}
		out[next] = a
		next++
	}
	return out
}

func paramIndex(fn *ast.FuncExpr, name string) int {
	for i, p := range fn.Params {
		if p.Name.Name == name {
			return i
		}
	}
	return -1
}
