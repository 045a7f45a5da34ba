package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// pivot turns the values of a column into columns:
//
//	T | evaluate pivot(PivotColumn [, Aggregation] [, Column, …]) [: (schema)]
//
// Rows are grouped by the listed columns (by default every column but the
// pivot column and those the aggregation reads); the output has the group
// columns, then one column per value of PivotColumn, in order of first
// appearance, holding the aggregation (count() by default) over the rows of
// the group with that value. Cells with no rows hold 0 for count, dcount
// and sum, null otherwise. With a declared schema the output has exactly
// its columns (by name; values converted).

type pivotOp struct {
	inner    *summarizeStage // aggregation by the group columns and the pivot column
	groups   data.Schema
	aggType  data.Type
	zero     bool // empty cells hold 0
	declared data.Schema
}

func (c *compiler) pivot(sc *scope, in data.Schema, op *ast.EvaluateOp) *pivotOp {
	a := c.pluginArgs(op.Call)
	c.checkPluginArgs(a, -1)
	p := &pivotOp{}
	if len(a.pos) == 0 {
		c.errorf(op.Call, "pivot needs the column to pivot")
		return p
	}
	pc := c.columnArg(in, a.pos[0], "the pivot column")
	rest := a.pos[1:]
	agg := ast.Expr(&ast.CallExpr{Span: op.Call.Span, Func: &ast.Ident{Span: op.Call.Span, Name: "count"}})
	if len(rest) > 0 && c.hasAggregate(rest[0]) {
		agg, rest = rest[0], rest[1:]
	}
	skip := map[string]bool{}
	if pc >= 0 {
		skip[in[pc].Name] = true
	}
	ast.Inspect(agg, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			skip[id.Name] = true
		}
		return true
	})
	var by []ast.Expr
	if len(rest) > 0 {
		for _, e := range rest {
			c.columnArg(in, e, "a pivot group column")
			by = append(by, e)
		}
	} else {
		for _, def := range in {
			if !skip[def.Name] {
				by = append(by, &ast.Ident{Span: op.Call.Span, Name: def.Name})
			}
		}
	}
	if pc >= 0 {
		by = append(by, &ast.Ident{Span: op.Call.Span, Name: in[pc].Name})
	}
	sum := &ast.SummarizeOp{Span: op.Span, Aggs: []ast.Expr{agg}, By: by}
	p.inner = c.summarize(sc, in, sum).(*summarizeStage)
	inter := p.inner.outSchema()
	p.groups = inter[:len(by)-1]
	p.aggType = inter[len(inter)-1].Type
	if call, ok := agg.(*ast.CallExpr); ok {
		switch strings.ToLower(call.Func.Name) {
		case "count", "countif", "dcount", "dcountif", "sum", "sumif":
			p.zero = true
		}
	}
	p.declared, _ = c.declaredSchema(op.Schema)
	return p
}

func (p *pivotOp) speculative() data.Schema {
	if p.declared != nil {
		return p.declared
	}
	return p.groups
}

func (p *pivotOp) apply(x *execCtx, in *rel) (*rel, error) {
	res, err := p.inner.run(x, in)
	if err != nil {
		return nil, err
	}
	res = res.compact()
	ng := len(p.groups)
	types := make([]data.Type, ng)
	keys := make([]data.Column, ng)
	for i := range types {
		types[i], keys[i] = p.groups[i].Type, res.cols[i]
	}
	rows := make([]uint32, res.n)
	g := newGrouper(types)
	g.groups(keys, res.n, rows)
	// the pivot values become columns, in order of first appearance
	names := newNameSet()
	for _, def := range p.groups {
		names.used[def.Name] = true
	}
	colOf := map[string]int{}
	var valueNames []string
	pivotCol, aggCol := res.cols[ng], res.cols[ng+1]
	cells := map[[2]int]data.Value{}
	for r := 0; r < res.n; r++ {
		key := pivotName(pivotCol.Value(r))
		j, ok := colOf[key]
		if !ok {
			j = len(valueNames)
			colOf[key] = j
			name := key
			if name == "" {
				name = names.column()
			} else {
				name = names.unique(name)
			}
			valueNames = append(valueNames, name)
		}
		cells[[2]int{int(rows[r]), j}] = aggCol.Value(r)
	}
	out := append(data.Schema(nil), p.groups...)
	cols := g.keyColumns()
	if res.n == 0 {
		cols = make([]data.Column, ng)
		for i, def := range p.groups {
			cols[i] = data.NullColumn(def.Type, 0)
		}
	}
	for j, name := range valueNames {
		vals := make([]data.Value, g.ngroups)
		for gr := range vals {
			v, ok := cells[[2]int{gr, j}]
			if !ok {
				v = p.empty()
			}
			vals[gr] = v
		}
		out = append(out, data.ColumnDef{Name: name, Type: p.aggType})
		cols = append(cols, data.NewColumn(p.aggType, vals))
	}
	r := &rel{schema: out, cols: cols, n: g.ngroups}
	if res.n == 0 {
		r.n = 0
	}
	if p.declared != nil {
		return p.fit(r), nil
	}
	return r, nil
}

// empty is the value of a cell without rows.
func (p *pivotOp) empty() data.Value {
	if p.zero {
		return zeroOf(p.aggType)
	}
	return data.Null(p.aggType)
}

// fit arranges a pivot result into the declared schema.
func (p *pivotOp) fit(r *rel) *rel {
	cols := make([]data.Column, len(p.declared))
	for i, def := range p.declared {
		j := r.schema.Index(def.Name)
		switch {
		case j < 0 && def.Type == p.aggType:
			cols[i] = data.NewConst(p.empty(), r.n)
		case j < 0:
			cols[i] = data.NullColumn(def.Type, r.n)
		default:
			cols[i] = convertColumn(r.cols[j], def.Type)
		}
	}
	return &rel{schema: p.declared, cols: cols, n: r.n}
}

// pivotName is the column name of a pivot value.
func pivotName(v data.Value) string {
	if v.IsNull() && v.Type() != data.String {
		return ""
	}
	if v.Type() == data.String {
		return v.Str()
	}
	return v.String()
}
