package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
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
}

func (n *unionNode) schema() data.Schema { return n.s }

func (n *unionNode) exec(x *execCtx) (*rel, error) {
	parts := make([]*rel, 0, len(n.inputs))
	for i, in := range n.inputs {
		r, err := in.exec(x)
		if err != nil {
			return nil, err
		}
		parts = append(parts, n.align(i, r))
	}
	return concatRels(n.s, parts), nil
}

func (n *unionNode) align(i int, r *rel) *rel {
	rows := r.rows()
	cols := make([]data.Column, len(n.s))
	for j, src := range n.maps[i] {
		switch {
		case j == n.source:
			cols[j] = data.NewConst(data.StringValue(n.names[i]), rows)
		case src < 0:
			cols[j] = data.NullColumn(n.s[j].Type, rows)
		default:
			c := r.col(src)
			if c.Type() != n.s[j].Type {
				c = functions.Convert(c, n.s[j].Type)
			}
			cols[j] = c
		}
	}
	return &rel{schema: n.s, cols: cols, n: rows}
}

// unionStage is `T | union …`: the input is the first table.
type unionStage struct {
	u *unionNode
}

func (s *unionStage) outSchema() data.Schema { return s.u.s }

func (s *unionStage) run(x *execCtx, in *rel) (*rel, error) {
	parts := []*rel{s.u.align(0, in)}
	for i, n := range s.u.inputs[1:] {
		r, err := n.exec(x)
		if err != nil {
			return nil, err
		}
		parts = append(parts, s.u.align(i+1, r))
	}
	return concatRels(s.u.s, parts), nil
}

func (c *compiler) unionSource(sc *scope, op *ast.UnionOp) node {
	return c.union(sc, nil, op)
}

func (c *compiler) unionStage(sc *scope, in data.Schema, op *ast.UnionOp) stage {
	return &unionStage{u: c.union(sc, &emptyNode{s: in}, op)}
}

// union compiles the table list of a union; first is the piped input, if
// any.
func (c *compiler) union(sc *scope, first node, op *ast.UnionOp) *unionNode {
	kind, withSource, fuzzy := "outer", "", false
	for _, p := range op.Params {
		val := paramText(p)
		switch strings.ToLower(p.Name) {
		case "kind":
			kind = strings.ToLower(val)
		case "withsource":
			withSource = val
		case "isfuzzy":
			fuzzy = strings.EqualFold(val, "true")
		}
	}
	u := &unionNode{source: -1}
	if first != nil {
		u.inputs = append(u.inputs, first)
		u.names = append(u.names, "")
	}
	for _, t := range op.Tables {
		if id, ok := t.(*ast.Ident); ok && fuzzy && sc.lookup(id.Name) == nil && !c.tableExists(id.Name) {
			continue
		}
		if pat, ok := t.(*ast.PatternExpr); ok {
			c.errorf(pat, "union with a table wildcard '%s' is not supported yet", pat.Pattern)
			continue
		}
		u.inputs = append(u.inputs, c.tabular(sc, t))
		u.names = append(u.names, tableLabel(t))
	}
	if len(u.inputs) == 0 {
		c.errorf(op, "union has no tables")
		return u
	}
	c.unionSchema(u, kind, withSource)
	return u
}

// tableLabel is the withsource value of a union input.
func tableLabel(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.ParenExpr:
		return tableLabel(e.X)
	case *ast.PipeExpr:
		if e.Source != nil {
			return tableLabel(e.Source)
		}
	}
	return "union_arg"
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

// unionSchema computes the output columns: by name, in order of first
// appearance; a name used with different types gets one column per type
// (Name_long, Name_string); kind=inner keeps only columns every input has.
func (c *compiler) unionSchema(u *unionNode, kind, withSource string) {
	type colInfo struct {
		name  string
		types []data.Type
		count int
	}
	var order []string
	info := map[string]*colInfo{}
	for _, in := range u.inputs {
		for _, def := range in.schema() {
			ci := info[def.Name]
			if ci == nil {
				ci = &colInfo{name: def.Name}
				info[def.Name] = ci
				order = append(order, def.Name)
			}
			ci.count++
			if !containsType(ci.types, def.Type) {
				ci.types = append(ci.types, def.Type)
			}
		}
	}
	type outCol struct {
		name string
		src  string
		t    data.Type
	}
	var outs []outCol
	if withSource != "" {
		u.source = 0
		outs = append(outs, outCol{name: withSource, t: data.String})
	}
	for _, name := range order {
		ci := info[name]
		if kind == "inner" && ci.count < len(u.inputs) {
			continue
		}
		if len(ci.types) == 1 {
			outs = append(outs, outCol{name: name, src: name, t: ci.types[0]})
			continue
		}
		for _, t := range ci.types {
			outs = append(outs, outCol{name: name + "_" + t.String(), src: name, t: t})
		}
	}
	for _, o := range outs {
		u.s = append(u.s, data.ColumnDef{Name: o.name, Type: o.t})
	}
	for _, in := range u.inputs {
		s := in.schema()
		m := make([]int, len(outs))
		for j, o := range outs {
			m[j] = -1
			if i := s.Index(o.src); i >= 0 && s[i].Type == o.t {
				m[j] = i
			}
		}
		u.maps = append(u.maps, m)
	}
}

func containsType(ts []data.Type, t data.Type) bool {
	for _, x := range ts {
		if x == t || x == data.Unknown || t == data.Unknown { // unknown after an error: no new column
			return true
		}
	}
	return false
}
