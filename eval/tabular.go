package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// isTabular reports whether e denotes a table.
func (c *compiler) isTabular(sc *scope, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.PipeExpr, *ast.OpExpr, *ast.DataTableExpr, *ast.ExternalDataExpr:
		return true
	case *ast.ParenExpr:
		return c.isTabular(sc, e.X)
	case *ast.Ident:
		if b := sc.lookup(e.Name); b != nil {
			if b.kind == bindFunc {
				return len(b.fn.Params) == 0 && c.funcIsTabular(b)
			}
			return b.kind == bindTable
		}
		return c.tableExists(e.Name)
	case *ast.CallExpr:
		if b := sc.lookup(e.Func.Name); b != nil && b.kind == bindFunc {
			return c.funcIsTabular(b)
		}
		return tabularFuncs[e.Func.Name]
	}
	return false
}

func (c *compiler) tableExists(name string) bool {
	if c.env.Table == nil {
		return false
	}
	_, ok := c.env.Table(name)
	return ok
}

// tabular compiles a tabular expression into a plan.
func (c *compiler) tabular(sc *scope, e ast.Expr) node {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return c.tabular(sc, e.X)
	case *ast.PipeExpr:
		return c.pipe(sc, e)
	case *ast.Ident:
		return c.tableRef(sc, e)
	case *ast.DataTableExpr:
		return c.datatable(sc, e)
	case *ast.OpExpr:
		return c.sourceOp(sc, e.Op)
	case *ast.CallExpr:
		return c.tabularCall(sc, e)
	case *ast.ExternalDataExpr:
		return c.externalData(sc, e)
	default:
		c.errorf(e, "expected a tabular expression")
	}
	return &emptyNode{s: openSchema(nil)}
}

// emptyNode stands in for a plan that failed to compile.
type emptyNode struct{ s data.Schema }

func (n *emptyNode) schema() data.Schema { return n.s }
func (n *emptyNode) exec(x *execCtx) (*rel, error) {
	return relOf(data.EmptyTable("", n.s)), nil
}

func (c *compiler) pipe(sc *scope, e *ast.PipeExpr) node {
	if e.Source == nil {
		c.errorf(e, "a pipeline needs an input here")
		return &emptyNode{}
	}
	src := c.tabular(sc, e.Source)
	if _, inline := e.Source.(*ast.OpExpr); inline {
		own(src)
	}
	return c.stages(sc, src, e.Ops)
}

// stages compiles operators applied to src.
func (c *compiler) stages(sc *scope, src node, ops []ast.Operator) node {
	p := &pipeNode{src: src}
	schema := src.schema()
	leave := c.enterPipe(src)
	defer leave(func() node { return pipeResult(p) })
	for _, op := range ops {
		if n := c.pipelineOp(sc, p, op); n != nil {
			c.serial = serialAfter(op, c.serial)
			c.markSerial(n)
			p = &pipeNode{src: n}
			schema = n.schema()
			continue
		}
		st := c.compileStage(sc, schema, op)
		if st == nil {
			continue
		}
		p.stages = placeStage(p.stages, st)
		schema = st.outSchema()
	}
	if len(p.stages) == 0 {
		return p.src
	}
	prune(p)
	return p
}

// tableRef resolves a name used as a table.
func (c *compiler) tableRef(sc *scope, id *ast.Ident) node {
	if b := sc.lookup(id.Name); b != nil {
		switch b.kind {
		case bindTable:
			if s, ok := b.plan.(*scanNode); ok {
				s.template = true
				return c.scan(s.name, s.s, id) // each use prunes its own columns
			}
			return b.plan
		case bindFunc:
			return c.tabularCall(sc, &ast.CallExpr{Span: id.Span, Func: id})
		}
		c.errorf(id, "'%s' is a scalar value, not a table", id.Name)
		return &emptyNode{}
	}
	if c.env.Table != nil {
		if s, ok := c.env.Table(id.Name); ok {
			return c.scan(id.Name, s, id)
		}
	}
	c.errorf(id, "unknown table '%s'%s", id.Name, unknownTableHint(id.Name))
	return &emptyNode{s: openSchema(nil)}
}

// scan returns a node reading a bound table, and remembers it so that
// Query.ColumnsRead can tell which columns the query reads.
func (c *compiler) scan(name string, s data.Schema, pos ast.Node) *scanNode {
	c.tables[name] = true
	n := &scanNode{name: name, s: s, pos: pos}
	c.scans = append(c.scans, n)
	return n
}

// scanNode reads a bound table.
type scanNode struct {
	name string
	s    data.Schema
	pos  ast.Node
	// reads marks the columns the pipeline consuming the scan reads; nil
	// until such a pipeline says (then every column may be read).
	reads []bool
	// template is set on the scan a let binds: every use reads a copy.
	template bool
}

// needOut implements sourcePruner.
func (n *scanNode) needOut(live []bool) {
	if n.reads == nil {
		n.reads = make([]bool, len(n.s))
	}
	for i, l := range live {
		if l && i < len(n.reads) {
			n.reads[i] = true
		}
	}
}

func (n *scanNode) schema() data.Schema { return n.s }

func (n *scanNode) exec(x *execCtx) (*rel, error) {
	t := x.run.in.Tables[n.name]
	if t == nil {
		return relOf(data.EmptyTable(n.name, n.s)), nil
	}
	r, err := bindRunTable(t, n.s)
	if err != nil {
		return nil, err
	}
	if n.reads != nil && !n.template {
		// Columns no operator reads are dead from the start: a loader may
		// have skipped them (ColumnsRead), and a mistake in the liveness
		// analysis shows as an internal error rather than as nulls.
		cols := make([]data.Column, len(r.cols))
		for i, read := range n.reads {
			if read {
				cols[i] = r.cols[i]
			}
		}
		r = &rel{schema: r.schema, cols: cols, n: r.n, sel: r.sel}
	}
	if x.run.in.Window == nil {
		return r, nil
	}
	r.sel = x.run.windowRows(t, x.run.in.Window)
	if r.sel != nil && len(r.sel) == r.n {
		r.sel = nil
	}
	return r, nil
}

// windowRows returns the rows of t inside the run's time window (nil when
// t has no such datetime column), computed once per table and run.
func (rs *runState) windowRows(t *data.Table, w *TimeWindow) []int32 {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if sel, ok := rs.windows[t]; ok {
		return sel
	}
	var sel []int32
	if i := t.Schema.Index(w.Column); i >= 0 && t.Schema[i].Type == data.DateTime {
		r := data.NewReader[int64](t.Cols[i])
		sel = make([]int32, 0, t.Rows()/4)
		for k := 0; k < t.Rows(); k++ {
			if v, ok := r.Get(k); ok && v > w.From && v <= w.To {
				sel = append(sel, int32(k))
			}
		}
	}
	if rs.windows == nil {
		rs.windows = map[*data.Table][]int32{}
	}
	rs.windows[t] = sel
	return sel
}

// bindRunTable checks that a table provides the schema the query was
// compiled against, reordering its columns as needed.
func bindRunTable(t *data.Table, s data.Schema) (*rel, error) {
	if sameSchema(t.Schema, s) {
		return relOf(t), nil
	}
	cols := make([]data.Column, len(s))
	for i, def := range s {
		j := t.Schema.Index(def.Name)
		if j < 0 {
			cols[i] = data.NullColumn(def.Type, t.Rows())
			continue
		}
		if t.Schema[j].Type != def.Type {
			return nil, &RunError{Msg: "table '" + t.Name + "': column '" + def.Name + "' is " +
				t.Schema[j].Type.String() + ", the query was compiled for " + def.Type.String()}
		}
		cols[i] = t.Cols[j]
	}
	return &rel{schema: s, cols: cols, n: t.Rows()}, nil
}

func sameSchema(a, b data.Schema) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// RunError is an error found while running a query.
type RunError struct {
	Msg string
}

func (e *RunError) Error() string { return e.Msg }
