package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// make-series groups rows by the by-expressions and by the bin of the axis
// column, aggregates each group, and arranges the aggregates of each
// by-group into arrays along the axis:
//
//	T | make-series [kind=nonempty] [Name =] Agg [default = V], …
//	    on Axis [from Start] [to End] step Step [by Keys]
//	T | make-series … on Axis in range(Start, Stop, Step) [by Keys]
//
// The output has the by-columns, one dynamic array per aggregate (missing
// bins hold the default, 0 unless given) and the axis array, named after
// the axis column. Rows are binned with bin_at(Axis, Step, Start) and kept
// when Start <= Axis < End; without `from` the series start at the bin of
// the smallest axis value, without `to` they end with the bin of the
// largest (over all rows, so every series has the same length). With
// `in range(…)` bins are aligned with bin() and Stop is inclusive.

// maxSeriesLen is the longest series make-series builds (Kusto's limit).
const maxSeriesLen = 1 << 20

// binColumn is the hidden input column holding each row's bin index.
const binColumn = "\x00make_series_bin"

// makeSeriesStage is a compiled make-series.
type makeSeriesStage struct {
	s        data.Schema
	axis     *cexpr
	from, to *cexpr // nil when absent
	step     *cexpr
	inRange  bool
	nonEmpty bool
	inner    *summarizeStage // grouped by the keys and the bin index
	nkeys    int
	defaults []data.Dyn // per aggregate
}

func (c *compiler) makeSeries(sc *scope, in data.Schema, op *ast.MakeSeriesOp) stage {
	m := &makeSeriesStage{inRange: op.InRange, nkeys: len(op.By)}
	c.makeSeriesParams(m, op.Params)
	m.axis = c.scalar(sc, &rowCtx{schema: in}, op.On)
	m.step = c.scalar(sc, nil, op.Step)
	if op.From != nil {
		m.from = c.scalar(sc, nil, op.From)
	}
	if op.To != nil {
		m.to = c.scalar(sc, nil, op.To)
	}
	c.checkSeriesAxis(m, op)

	// aggregate by the keys and the bin index, as summarize does
	inner := &ast.SummarizeOp{Span: op.Span}
	inner.By = append(append(inner.By, op.By...), &ast.Ident{Span: op.Span, Name: binColumn})
	for _, a := range op.Aggs {
		inner.Aggs = append(inner.Aggs, c.seriesAgg(a.X))
	}
	work := append(append(data.Schema(nil), in...), data.ColumnDef{Name: binColumn, Type: data.Long})
	m.inner = c.summarize(sc, work, inner).(*summarizeStage)

	// output: the keys, one array per aggregate, the axis
	inter := m.inner.outSchema()
	m.s = append(m.s, inter[:m.nkeys]...)
	for i, a := range op.Aggs {
		def := inter[m.nkeys+1+i]
		m.s = append(m.s, data.ColumnDef{Name: def.Name, Type: data.Dynamic})
		m.defaults = append(m.defaults, c.seriesDefault(sc, a, def.Type))
	}
	if len(inter) != m.nkeys+1+len(op.Aggs) {
		c.errorf(op, "make-series supports aggregates with one result column only")
	}
	m.s = append(m.s, data.ColumnDef{Name: c.axisName(sc, op.On), Type: data.Dynamic})
	return m
}

func (c *compiler) makeSeriesParams(m *makeSeriesStage, params []*ast.OpParam) {
	for _, p := range params {
		switch name := strings.ToLower(p.Name); {
		case name == "kind":
			if !strings.EqualFold(paramText(p), "nonempty") {
				c.errorf(p, "make-series kind=%s is not supported (only kind=nonempty)", paramText(p))
			}
			m.nonEmpty = true
		case strings.HasPrefix(name, "hint."):
			// distribution hints do not change results
		default:
			c.errorf(p, "make-series parameter '%s' is not supported", p.Name)
		}
	}
}

// checkSeriesAxis checks the types of the axis, its bounds and its step.
func (c *compiler) checkSeriesAxis(m *makeSeriesStage, op *ast.MakeSeriesOp) {
	at := m.axis.typ
	switch {
	case at == data.Unknown:
		return
	case at == data.DateTime || at == data.TimeSpan:
		if m.step.typ != data.TimeSpan {
			c.errorf(op.Step, "make-series over a %s axis needs a timespan step, found %s", at, m.step.typ)
		}
	case at.IsNumeric():
		if !m.step.typ.IsNumeric() {
			c.errorf(op.Step, "make-series over a numeric axis needs a numeric step, found %s", m.step.typ)
		}
	default:
		c.errorf(op.On, "make-series needs a datetime, timespan or numeric axis, found %s", at)
	}
	for _, b := range []struct {
		x    *cexpr
		node ast.Expr
	}{{m.from, op.From}, {m.to, op.To}} {
		if b.x == nil || b.x.typ == at || b.x.typ == data.Unknown || (at.IsNumeric() && b.x.typ.IsNumeric()) {
			continue
		}
		c.errorf(b.node, "make-series bound is %s, but the axis is %s", b.x.typ, at)
	}
}

// seriesAgg returns an aggregate expression of make-series: an expression
// with no aggregate call (`other = -1`) is taken from any row of the bin.
func (c *compiler) seriesAgg(e ast.Expr) ast.Expr {
	x := e
	a, named := e.(*ast.AssignExpr)
	if named {
		x = a.Value
	}
	if c.hasAggregate(x) {
		return e
	}
	call := &ast.CallExpr{Span: spanOf(x), Func: &ast.Ident{Span: spanOf(x), Name: "take_any"}, Args: []ast.Expr{x}}
	if named {
		return &ast.AssignExpr{Span: a.Span, Names: a.Names, Value: call}
	}
	return call
}

// hasAggregate reports whether an expression calls an aggregate function.
func (c *compiler) hasAggregate(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if _, isAgg := c.env.funcs().Aggregate(call.Func.Name); isAgg {
				found = true
			}
		}
		return !found
	})
	return found
}

func spanOf(e ast.Expr) ast.Span { return ast.Span{Start: e.Pos(), Stop: e.End()} }

// seriesDefault returns the value of missing bins for an aggregate of type
// t: its default expression, or 0.
func (c *compiler) seriesDefault(sc *scope, a *ast.MakeSeriesAgg, t data.Type) data.Dyn {
	if a.Default == nil {
		if t.IsNumeric() {
			return literalDyn(zeroOf(t), t)
		}
		return data.Dyn{}
	}
	d := c.scalar(sc, nil, a.Default)
	if d.typ == data.Unknown {
		return data.Dyn{}
	}
	if d.konst == nil {
		c.errorf(a.Default, "a make-series default must be a constant")
		return data.Dyn{}
	}
	return literalDyn(*d.konst, t)
}

// literalDyn converts a default value to the aggregate's type (numbers
// only) and to its dynamic form.
func literalDyn(v data.Value, t data.Type) data.Dyn {
	if v.IsNull() {
		return data.Dyn{}
	}
	if t.IsNumeric() && v.Type().IsNumeric() {
		if w, ok := literalAs(v, t); ok {
			v = w
		}
	}
	return v.ToDyn()
}

// axisName is the name of the axis output column.
func (c *compiler) axisName(sc *scope, on ast.Expr) string {
	if name := c.derivedName(sc, on); name != "" {
		return name
	}
	return "Column1"
}

func (m *makeSeriesStage) outSchema() data.Schema { return m.s }
