package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// fork and facet end a query statement with several result tables.
//
//	T | fork [name =] (subquery) [name =] (subquery) …
//	T | facet by Col, … [with (subquery)]
//
// Each fork branch runs on T (computed once per run); a branch's table is
// named by `name =` or a final `as Name`. facet returns the `with`
// subquery's table, then for each column a table of its values and their
// counts (Col, count_Col).

// multiNode is a plan that ends a statement with several result tables.
type multiNode interface {
	node
	parts() (nodes []node, names []string)
}

// addResult adds a statement's plan to the query's results.
func (q *Query) addResult(n node) {
	if m, ok := n.(multiNode); ok {
		nodes, names := m.parts()
		q.results = append(q.results, nodes...)
		for len(q.names) < len(q.results)-len(nodes) {
			q.names = append(q.names, "")
		}
		q.names = append(q.names, names...)
		return
	}
	q.results = append(q.results, n)
}

// forkNode holds the result tables of fork or facet. Used as the input of
// another operator it is an error: they end a statement.
type forkNode struct {
	op     string
	tables []node
	names  []string
}

func (f *forkNode) parts() ([]node, []string) { return f.tables, f.names }

func (f *forkNode) schema() data.Schema {
	if len(f.tables) == 0 {
		return nil
	}
	return f.tables[0].schema()
}

func (f *forkNode) exec(x *execCtx) (*rel, error) {
	return nil, &RunError{Msg: f.op + " must be the last operator of a query statement"}
}

// sharedInput evaluates a pipeline once per run for several consumers.
func (c *compiler) sharedInput(in node) node {
	if c.applyDepth > 0 {
		return in
	}
	return &cacheNode{inner: in}
}

func (c *compiler) fork(sc *scope, p *pipeNode, op *ast.ForkOp) node {
	in := c.sharedInput(finishPipe(p))
	f := &forkNode{op: "fork"}
	for _, b := range op.Branches {
		name := ""
		if a, ok := b.(*ast.AssignExpr); ok && len(a.Names) == 1 {
			name, b = a.Names[0].Name, a.Value
		}
		for {
			par, ok := b.(*ast.ParenExpr)
			if !ok {
				break
			}
			b = par.X
		}
		sub, ok := b.(*ast.PipeExpr)
		if !ok || sub.Source != nil {
			c.errorf(b, "a fork branch must be a pipeline over the forked rows: (operator | …)")
			continue
		}
		n := c.stages(sc, in, sub.Ops)
		if alias, ok := n.(*aliasNode); ok && name == "" {
			name = alias.name
		}
		f.tables = append(f.tables, n)
		f.names = append(f.names, name)
	}
	return f
}

func (c *compiler) facet(sc *scope, p *pipeNode, op *ast.FacetOp) node {
	in := c.sharedInput(finishPipe(p))
	f := &forkNode{op: "facet"}
	if op.With != nil {
		if op.With.Source != nil {
			c.errorf(op.With, "the facet with-subquery works on the facet input: with (operator | …)")
		} else {
			f.tables = append(f.tables, c.stages(sc, in, op.With.Ops))
			f.names = append(f.names, "")
		}
	}
	for _, e := range op.By {
		id, ok := e.(*ast.Ident)
		if !ok {
			c.errorf(e, "facet by expects column names")
			continue
		}
		sp := id.Span
		count := &ast.AssignExpr{Span: sp, Names: []*ast.Ident{{Span: sp, Name: "count_" + id.Name}},
			Value: &ast.CallExpr{Span: sp, Func: &ast.Ident{Span: sp, Name: "count"}}}
		sum := &ast.SummarizeOp{Span: sp, Aggs: []ast.Expr{count}, By: []ast.Expr{id}}
		f.tables = append(f.tables, c.stages(sc, in, []ast.Operator{sum}))
		f.names = append(f.names, "")
	}
	return f
}

// checkAfterFork rejects operators after fork or facet (render aside).
func (c *compiler) checkAfterFork(p *pipeNode, op ast.Operator) {
	f, ok := p.src.(*forkNode)
	if !ok || len(p.stages) > 0 {
		return
	}
	if _, render := op.(*ast.RenderOp); !render {
		c.errorf(op, "%s must be the last operator of a query statement ('%s' follows it)", f.op, op.Name())
	}
}
