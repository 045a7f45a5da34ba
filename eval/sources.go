package eval

import (
	"fmt"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// sourceOp compiles an operator used at the start of a pipeline.
func (c *compiler) sourceOp(sc *scope, op ast.Operator) node {
	switch op := op.(type) {
	case *ast.PrintOp:
		return c.print(sc, op)
	case *ast.RangeOp:
		return c.rangeSource(sc, op)
	case *ast.UnionOp:
		return c.unionSource(sc, op)
	case *ast.SearchOp:
		return c.searchSource(sc, op)
	case *ast.FindOp:
		return c.find(sc, op)
	}
	c.errorf(op, "operator '%s' is not supported as the start of a query", op.Name())
	return &emptyNode{s: openSchema(nil)}
}

// constNode is a table known at compile time (datatable, print of
// constants).
type constNode struct {
	s    data.Schema
	cols []data.Column
	n    int
}

func (n *constNode) schema() data.Schema { return n.s }
func (n *constNode) exec(x *execCtx) (*rel, error) {
	return &rel{schema: n.s, cols: n.cols, n: n.n}, nil
}

func (c *compiler) datatable(sc *scope, e *ast.DataTableExpr) node {
	var s data.Schema
	names := newNameSet()
	for _, col := range e.Columns {
		t, ok := data.ParseType(col.Type.Name)
		if !ok {
			c.errorf(col.Type, "unknown type '%s'", col.Type.Name)
			return &emptyNode{}
		}
		s = append(s, data.ColumnDef{Name: names.unique(col.Name.Name), Type: t})
	}
	if len(s) == 0 {
		c.errorf(e, "datatable needs at least one column")
		return &emptyNode{}
	}
	if len(e.Values)%len(s) != 0 {
		c.errorf(e, "datatable has %d values, not a multiple of its %d columns", len(e.Values), len(s))
		return &emptyNode{}
	}
	rows := len(e.Values) / len(s)
	vals := make([][]data.Value, len(s))
	for i, v := range e.Values {
		ci := i % len(s)
		ce := c.scalar(sc, nil, v)
		if ce.typ == data.Unknown {
			continue
		}
		if ce.konst == nil {
			c.errorf(v, "datatable values must be constants")
			continue
		}
		val, ok := literalAs(*ce.konst, s[ci].Type)
		if !ok {
			c.errorf(v, "value of type %s does not fit column '%s' of type %s", ce.typ, s[ci].Name, s[ci].Type)
			continue
		}
		vals[ci] = append(vals[ci], val)
	}
	cols := make([]data.Column, len(s))
	for i := range s {
		cols[i] = data.NewColumn(s[i].Type, vals[i])
	}
	return &constNode{s: s, cols: cols, n: rows}
}

// literalAs converts a datatable literal to its column type, as Kusto
// does: numbers widen, a dynamic column takes any value, null fits all.
func literalAs(v data.Value, t data.Type) (data.Value, bool) {
	if v.Type() == t {
		return v, true
	}
	if v.IsNull() && v.Type() != data.String {
		return data.Null(t), true
	}
	switch {
	case t == data.Dynamic:
		return data.DynamicValue(v.ToDyn()), true
	case t.IsNumeric() && v.Type().IsNumeric():
		return functions.ConvertValue(v, t), true
	case t == data.String:
		return data.Value{}, false
	}
	return data.Value{}, false
}

// printNode evaluates expressions into a one-row table.
type printNode struct {
	s     data.Schema
	exprs []*cexpr
}

func (n *printNode) schema() data.Schema { return n.s }

func (n *printNode) exec(x *execCtx) (*rel, error) {
	in := &rel{n: 1}
	f := newFrame(x, in)
	cols := make([]data.Column, len(n.exprs))
	for i, e := range n.exprs {
		col, err := e.eval(f)
		if err != nil {
			return nil, err
		}
		cols[i] = data.Materialize(col)
	}
	return &rel{schema: n.s, cols: cols, n: 1}, nil
}

func (c *compiler) print(sc *scope, op *ast.PrintOp) node {
	n := &printNode{}
	names := newNameSet()
	for i, e := range op.Exprs {
		name, x := c.namedExpr(sc, nil, e)
		if name == "" {
			name = fmt.Sprintf("print_%d", i)
		}
		n.s = append(n.s, data.ColumnDef{Name: names.unique(name), Type: x.typ})
		n.exprs = append(n.exprs, x)
	}
	return n
}

// namedExpr compiles `Name = Expr` or `Expr` and returns the explicit or
// derived name ("" for a positional one).
func (c *compiler) namedExpr(sc *scope, row *rowCtx, e ast.Expr) (string, *cexpr) {
	if a, ok := e.(*ast.AssignExpr); ok {
		if len(a.Names) != 1 {
			c.errorf(a, "this operator assigns one name per expression")
		}
		return a.Names[0].Name, c.scalar(sc, row, a.Value)
	}
	return c.derivedName(sc, e), c.scalar(sc, row, e)
}

// rangeNode generates a column of evenly spaced values.
type rangeNode struct {
	s              data.Schema
	from, to, step *cexpr
	pos            ast.Node
}

// maxRangeRows bounds the rows range may generate.
const maxRangeRows = 100_000_000

func (n *rangeNode) schema() data.Schema { return n.s }

func (n *rangeNode) exec(x *execCtx) (*rel, error) {
	f := newFrame(x, &rel{n: 1})
	vals := make([]data.Value, 3)
	for i, e := range []*cexpr{n.from, n.to, n.step} {
		col, err := e.eval(f)
		if err != nil {
			return nil, err
		}
		vals[i] = col.Value(0)
	}
	t := n.s[0].Type
	if vals[0].IsNull() || vals[1].IsNull() || vals[2].IsNull() {
		return relOf(data.EmptyTable("", n.s)), nil
	}
	var col data.Column
	var err error
	switch t {
	case data.Real:
		col, err = rangeReal(vals[0].Float64(), vals[1].Float64(), vals[2].Float64())
	default:
		col, err = rangeInt(t, vals[0].Int64(), vals[1].Int64(), vals[2].Int64())
	}
	if err != nil {
		return nil, err
	}
	return &rel{schema: n.s, cols: []data.Column{col}, n: col.Len()}, nil
}

func rangeInt(t data.Type, from, to, step int64) (data.Column, error) {
	if step == 0 {
		return nil, &RunError{Msg: "range: step must not be zero"}
	}
	var out []int64
	for v := from; (step > 0 && v <= to) || (step < 0 && v >= to); v += step {
		if len(out) >= maxRangeRows {
			return nil, &RunError{Msg: fmt.Sprintf("range: more than %d rows", maxRangeRows)}
		}
		out = append(out, v)
		if (step > 0 && v > to-step) || (step < 0 && v < to-step) {
			break
		}
	}
	return data.NewVec(t, out, nil), nil
}

func rangeReal(from, to, step float64) (data.Column, error) {
	if step == 0 {
		return nil, &RunError{Msg: "range: step must not be zero"}
	}
	var out []float64
	for i := 0; ; i++ {
		v := from + float64(i)*step
		if (step > 0 && v > to) || (step < 0 && v < to) {
			break
		}
		if len(out) >= maxRangeRows {
			return nil, &RunError{Msg: fmt.Sprintf("range: more than %d rows", maxRangeRows)}
		}
		out = append(out, v)
	}
	return data.NewVec(data.Real, out, nil), nil
}

func (c *compiler) rangeSource(sc *scope, op *ast.RangeOp) node {
	from := c.scalar(sc, nil, op.From)
	to := c.scalar(sc, nil, op.To)
	step := c.scalar(sc, nil, op.Step)
	t := from.typ
	switch {
	case t.IsInteger() && to.typ.IsInteger() && step.typ.IsInteger():
		t = data.Long
		from, to, step = c.convert(from, t), c.convert(to, t), c.convert(step, t)
	case t.IsNumeric():
		t = data.Real
		from, to, step = c.convert(from, t), c.convert(to, t), c.convert(step, t)
	case t == data.DateTime:
		if to.typ != data.DateTime || step.typ != data.TimeSpan {
			c.errorf(op, "range over datetime needs a datetime end and a timespan step")
		}
	case t == data.TimeSpan:
		if to.typ != data.TimeSpan || step.typ != data.TimeSpan {
			c.errorf(op, "range over timespan needs a timespan end and step")
		}
	default:
		c.errorf(op.From, "range cannot produce values of type %s", t)
		return &emptyNode{}
	}
	return &rangeNode{s: data.Schema{{Name: op.Column.Name, Type: t}}, from: from, to: to, step: step, pos: op}
}
