package eval

import (
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/functions"
)

// unionNode concatenates the rows of several tables, aligning columns by
// name.
type unionNode struct {
	s      data.Schema
	inputs []node
	names  []string // source names for withsource
	source int      // index of the withsource column, or -1
	maps   [][]int  // for each input: output column → input column (-1: null)
	live   liveCols
	owned  bool // read by one pipeline only, which may prune its columns
}

func (n *unionNode) needOut(live []bool) {
	if n.owned {
		n.live.set(live)
	}
}

// own marks a source node as read by the pipeline compiling it only (a
// shared node, bound by let, must keep every column).
func own(n node) {
	if u, ok := n.(*unionNode); ok {
		u.owned = true
	}
}

func (n *unionNode) schema() data.Schema { return n.s }

func (n *unionNode) exec(x *execCtx) (*rel, error) {
	parts := make([]*rel, 0, len(n.inputs))
	for i, in := range n.inputs {
		if err := x.check(); err != nil {
			return nil, err
		}
		r, err := in.exec(x)
		if err != nil {
			return nil, err
		}
		parts = append(parts, n.align(i, r))
	}
	if len(parts) == 0 {
		return relOf(data.EmptyTable("", n.s)), nil
	}
	return concatRels(n.s, parts), nil
}

func (n *unionNode) align(i int, r *rel) *rel {
	rows := r.rows()
	cols := make([]data.Column, len(n.s))
	for j, src := range n.maps[i] {
		switch {
		case !n.live.at(j):
			// nobody reads the column
		case j == n.source:
			cols[j] = data.NewConst(data.StringValue(n.names[i]), rows)
		case src < 0:
			cols[j] = data.NullColumn(n.s[j].Type, rows)
		default:
			c := r.col(src)
			if c == nil {
				c = data.NullColumn(n.s[j].Type, rows)
			} else if c.Type() != n.s[j].Type {
				c = functions.Convert(c, n.s[j].Type)
			}
			cols[j] = c
		}
	}
	return &rel{schema: n.s, cols: cols, n: rows}
}

func (c *compiler) unionSource(sc *scope, op *ast.UnionOp) node {
	return c.union(sc, nil, op)
}

// unionParams are the parameters of union.
type unionParams struct {
	kind       string
	withSource string
	fuzzy      bool
}

func (c *compiler) unionParams(op *ast.UnionOp) unionParams {
	up := unionParams{kind: "outer"}
	for _, p := range op.Params {
		val := paramText(p)
		switch name := strings.ToLower(p.Name); {
		case name == "kind":
			up.kind = strings.ToLower(val)
			if up.kind != "inner" && up.kind != "outer" {
				c.errorf(p, "union kind '%s' is not supported (use inner or outer)", val)
			}
		case name == "withsource" || name == "source":
			up.withSource = val
		case name == "isfuzzy":
			up.fuzzy = strings.EqualFold(val, "true")
		case strings.HasPrefix(name, "hint."):
		default:
			c.errorf(p, "union parameter '%s' is not supported", p.Name)
		}
	}
	return up
}

// union compiles the table list of a union; first is the piped input, if
// any.
func (c *compiler) union(sc *scope, first node, op *ast.UnionOp) *unionNode {
	up := c.unionParams(op)
	u := &unionNode{source: -1}
	var firstErr diag.List
	if first != nil {
		u.inputs = append(u.inputs, first)
		u.names = append(u.names, nodeLabel(first, 0))
	}
	for _, t := range op.Tables {
		if pat, ok := t.(*ast.PatternExpr); ok {
			c.unionPattern(sc, u, pat, up.fuzzy)
			continue
		}
		var n node
		if up.fuzzy {
			var failed diag.List
			if n, failed = c.tryTabular(sc, t); n == nil {
				if firstErr == nil {
					firstErr = failed
				}
				continue
			}
		} else {
			n = c.tabular(sc, t)
		}
		u.inputs = append(u.inputs, n)
		u.names = append(u.names, c.branchLabel(sc, t, n, len(u.names)))
	}
	if len(u.inputs) == 0 {
		if firstErr != nil {
			// no branch of a fuzzy union resolves: report why the first did not
			for _, d := range firstErr {
				c.errs.Add(d)
			}
			if !c.env.AllErrors {
				panic(errStop)
			}
			return u
		}
		if !up.fuzzy {
			c.errorf(op, "union has no tables")
			return u
		}
	}
	c.unionSchema(u, up.kind, up.withSource)
	return u
}

// unionPattern adds every known table whose name matches a wildcard.
func (c *compiler) unionPattern(sc *scope, u *unionNode, pat *ast.PatternExpr, fuzzy bool) {
	var names []string
	if c.env.Tables != nil {
		for _, name := range c.env.Tables() {
			if matchPattern(pat.Pattern, name) {
				names = append(names, name)
			}
		}
	}
	if len(names) == 0 && !fuzzy {
		c.errorf(pat, "no table matches '%s'", pat.Pattern)
		return
	}
	for _, name := range names {
		id := &ast.Ident{Span: pat.Span, Name: name}
		u.inputs = append(u.inputs, c.tableRef(sc, id))
		u.names = append(u.names, name)
	}
}

// tryTabular compiles a branch of a fuzzy union: a branch that does not
// resolve (an unknown table or column, …) is left out. It returns nil and
// the branch's errors in that case.
func (c *compiler) tryTabular(sc *scope, e ast.Expr) (n node, failed diag.List) {
	if c.env.AllErrors {
		return c.tabular(sc, e), nil // a linter wants the branch's problems (Check)
	}
	mark := len(c.errs)
	defer func() {
		if r := recover(); r != nil && r != errStop {
			panic(r)
		}
		if len(c.errs) > mark {
			failed = append(diag.List(nil), c.errs[mark:]...)
			c.errs = c.errs[:mark]
			n = nil
		}
	}()
	return c.tabular(sc, e), nil
}

// branchLabel is the withsource value of a union branch: the table or view
// name for a plain reference, the `as` name, else union_argN.
func (c *compiler) branchLabel(sc *scope, e ast.Expr, n node, pos int) string {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	if id, ok := e.(*ast.Ident); ok {
		if b := sc.lookup(id.Name); b != nil && b.kind == bindFunc {
			return id.Name
		}
	}
	return nodeLabel(n, pos)
}

// nodeLabel names a union branch by the plan it compiled to.
func nodeLabel(n node, pos int) string {
	switch n := n.(type) {
	case *scanNode:
		return n.name
	case *aliasNode:
		return n.name
	}
	return fmt.Sprintf("union_arg%d", pos)
}

// paramText returns an operator parameter's value as text.
func paramText(p *ast.OpParam) string {
	switch v := p.Value.(type) {
	case *ast.Ident:
		return v.Name
	case *ast.Literal:
		return v.Value.String()
	}
	return ""
}

// unionCol is one output column of a union: a name taken by the inputs'
// columns of one type.
type unionCol struct {
	name string
	src  string
	t    data.Type
	gen  bool // named name_type because the name has several types
}

// unionSchema computes the output columns: by name, in order of first
// appearance; a name used with different types gets one column per type
// (x_long, x_int), numbered when that clashes with a real column's name;
// kind=inner keeps only columns every input has.
func (c *compiler) unionSchema(u *unionNode, kind, withSource string) {
	cols := unionColumns(u.inputs, kind)
	reserved := newNameSet()
	for _, o := range cols {
		if !o.gen {
			reserved.used[o.name] = true
		}
	}
	if withSource != "" {
		u.source = 0
		u.s = append(u.s, data.ColumnDef{Name: withSource, Type: data.String})
	}
	for _, o := range cols {
		name := o.name
		if o.gen {
			name = reserved.unique(name)
		}
		u.s = append(u.s, data.ColumnDef{Name: name, Type: o.t})
	}
	for _, in := range u.inputs {
		s := in.schema()
		m := make([]int, len(u.s))
		for j := range m {
			m[j] = -1
		}
		off := len(u.s) - len(cols)
		for j, o := range cols {
			if i := s.Index(o.src); i >= 0 && s[i].Type == o.t {
				m[off+j] = i
			}
		}
		u.maps = append(u.maps, m)
	}
}

// unionColumns lists the (name, type) columns of the inputs in order of
// first appearance.
func unionColumns(inputs []node, kind string) []unionCol {
	type info struct {
		types []data.Type
		count int
	}
	var order []string
	seen := map[string]*info{}
	for _, in := range inputs {
		for _, def := range in.schema() {
			ci := seen[def.Name]
			if ci == nil {
				ci = &info{}
				seen[def.Name] = ci
				order = append(order, def.Name)
			}
			ci.count++
			if !containsType(ci.types, def.Type) {
				ci.types = append(ci.types, def.Type)
			}
		}
	}
	var out []unionCol
	for _, name := range order {
		ci := seen[name]
		if kind == "inner" && ci.count < len(inputs) {
			continue
		}
		if len(ci.types) == 1 {
			out = append(out, unionCol{name: name, src: name, t: ci.types[0]})
			continue
		}
		for _, t := range ci.types {
			out = append(out, unionCol{name: name + "_" + t.String(), src: name, t: t, gen: true})
		}
	}
	return out
}

func containsType(ts []data.Type, t data.Type) bool {
	for _, x := range ts {
		if x == t || x == data.Unknown || t == data.Unknown { // unknown after an error: no new column
			return true
		}
	}
	return false
}
