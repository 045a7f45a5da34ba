package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// evaluate runs a plugin: `T | evaluate [hints] plugin(args) [: (schema)]`.
// Plugins whose output columns depend on the data (bag_unpack and pivot
// without a declared schema) are compiled by evaluatePipe as late
// operators (see late.go); the others are ordinary stages.

// pluginArgs are a plugin call's arguments: positional ones, then named
// ones (`name = value`, names compared without case).
type pluginArgs struct {
	call  *ast.CallExpr
	pos   []ast.Expr
	named map[string]*ast.AssignExpr
}

func (c *compiler) pluginArgs(call *ast.CallExpr) *pluginArgs {
	a := &pluginArgs{call: call, named: map[string]*ast.AssignExpr{}}
	for _, arg := range call.Args {
		if as, ok := arg.(*ast.AssignExpr); ok && len(as.Names) == 1 {
			a.named[strings.ToLower(as.Names[0].Name)] = as
			continue
		}
		if len(a.named) > 0 {
			c.errorf(arg, "a positional argument of '%s' cannot follow named ones", call.Func.Name)
		}
		a.pos = append(a.pos, arg)
	}
	return a
}

// arg returns the argument at position i or named name (nil when absent).
func (a *pluginArgs) arg(i int, name string) ast.Expr {
	if n, ok := a.named[strings.ToLower(name)]; ok {
		return n.Value
	}
	if i >= 0 && i < len(a.pos) {
		return a.pos[i]
	}
	return nil
}

// check reports named arguments the plugin does not know and too many
// positional ones.
func (c *compiler) checkPluginArgs(a *pluginArgs, maxPos int, names ...string) {
	known := map[string]bool{}
	for _, n := range names {
		known[strings.ToLower(n)] = true
	}
	for name, as := range a.named {
		if !known[name] {
			c.errorf(as, "%s has no parameter '%s'", a.call.Func.Name, as.Names[0].Name)
		}
	}
	if maxPos >= 0 && len(a.pos) > maxPos {
		c.errorf(a.pos[maxPos], "%s takes at most %d arguments", a.call.Func.Name, maxPos)
	}
}

// constArg compiles a constant plugin argument of type t (nil when absent).
func (c *compiler) constArg(sc *scope, e ast.Expr, t data.Type, what string) *data.Value {
	if e == nil {
		return nil
	}
	x := c.scalar(sc, nil, e)
	if x.typ == data.Unknown {
		return nil
	}
	if x.konst == nil {
		c.errorf(e, "%s must be a constant", what)
		return nil
	}
	v := *x.konst
	if t != data.Unknown && v.Type() != t && !v.IsNull() {
		if t.IsNumeric() && v.Type().IsNumeric() {
			v, _ = literalAs(v, t)
		} else {
			c.errorf(e, "%s must be a %s, found %s", what, t, v.Type())
			return nil
		}
	}
	return &v
}

// columnArg resolves a plugin argument naming a column of in.
func (c *compiler) columnArg(in data.Schema, e ast.Expr, what string) int {
	id, ok := e.(*ast.Ident)
	if !ok {
		c.errorf(e, "%s must be a column name", what)
		return -1
	}
	i := in.Index(id.Name)
	if i < 0 {
		c.unknownColumn(in, id)
	}
	return i
}

func (c *compiler) evaluateParams(op *ast.EvaluateOp) {
	for _, p := range op.Params {
		if !strings.HasPrefix(strings.ToLower(p.Name), "hint.") {
			c.errorf(p, "evaluate parameter '%s' is not supported", p.Name)
		}
	}
}

// evaluatePipe compiles the plugins that need the pipeline as a whole
// (data-dependent columns); it returns nil for the others.
func (c *compiler) evaluatePipe(sc *scope, p *pipeNode, op *ast.EvaluateOp) node {
	if op.Schema != nil {
		return nil
	}
	in := p.schema()
	switch strings.ToLower(op.Call.Func.Name) {
	case "bag_unpack":
		c.evaluateParams(op)
		u := c.bagUnpack(sc, in, op)
		return c.dataStage(p, u, op.Call.Func, "bag_unpack")
	case "pivot":
		c.evaluateParams(op)
		pv := c.pivot(sc, in, op)
		return c.dataStage(p, pv, op.Call.Func, "pivot")
	}
	return nil
}

// evaluate compiles a plugin with a fixed output schema.
func (c *compiler) evaluate(sc *scope, in data.Schema, op *ast.EvaluateOp) stage {
	c.evaluateParams(op)
	name := op.Call.Func.Name
	var st stage
	switch strings.ToLower(name) {
	case "bag_unpack":
		st = &declaredStage{op: c.bagUnpack(sc, in, op)}
	case "pivot":
		st = &declaredStage{op: c.pivot(sc, in, op)}
	case "narrow":
		st = c.narrow(op)
	case "ipv4_lookup":
		st = c.ipLookup(sc, in, op, false)
	case "ipv6_lookup":
		st = c.ipLookup(sc, in, op, true)
	case "activity_counts_metrics":
		st = c.activity(sc, in, op, false)
	case "sliding_window_counts":
		st = c.activity(sc, in, op, true)
	case "rows_near":
		st = c.rowsNear(sc, in, op)
	case "dcount_intersect":
		st = c.dcountIntersect(sc, in, op)
	case "rolling_percentile":
		st = c.rollingPercentile(sc, in, op)
	case "schema_merge":
		st = c.schemaMerge(sc, in, op)
	default:
		c.errorf(op.Call.Func, "plugin '%s' is not supported", name)
		return &openStage{s: openSchema(unknownTypes(in))}
	}
	if op.Schema != nil {
		if _, declared := st.(*declaredStage); !declared {
			c.errorf(op.Schema, "plugin '%s' does not take an output schema", name)
		}
	}
	return st
}

// declaredStage runs a data-dependent plugin whose output schema is
// declared.
type declaredStage struct{ op dataOp }

func (d *declaredStage) outSchema() data.Schema { return d.op.speculative() }

func (d *declaredStage) run(x *execCtx, in *rel) (*rel, error) { return d.op.apply(x, in) }

// declaredSchema resolves an output schema `(A:type, …[, *])`: the
// declared columns, and whether `*` asks for the input columns too.
func (c *compiler) declaredSchema(t *ast.TypeExpr) (data.Schema, bool) {
	if t == nil {
		return nil, false
	}
	var s data.Schema
	for _, col := range t.Columns {
		typ, ok := data.ParseType(col.Type.Name)
		if !ok {
			c.errorf(col.Type, "unknown type '%s'", col.Type.Name)
			continue
		}
		s = append(s, data.ColumnDef{Name: col.Name.Name, Type: typ})
	}
	return s, t.Star
}

// convertColumn converts a column to type t.
func convertColumn(c data.Column, t data.Type) data.Column {
	if c.Type() == t {
		return c
	}
	return functions.Convert(c, t)
}
