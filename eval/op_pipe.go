package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// pipelineOp compiles the operators that take the pipeline so far as a
// whole (as, invoke, union) rather than its rows: it returns the node the
// rest of the pipeline reads from, or nil for an ordinary operator.
func (c *compiler) pipelineOp(sc *scope, p *pipeNode, op ast.Operator) node {
	c.checkAfterFork(p, op)
	switch op := op.(type) {
	case *ast.AsOp:
		return c.asOp(sc, finishPipe(p), op)
	case *ast.InvokeOp:
		return c.invoke(sc, finishPipe(p), op)
	case *ast.UnionOp:
		u := c.union(sc, finishPipe(p), op)
		u.owned = true
		return u
	case *ast.EvaluateOp:
		return c.evaluatePipe(sc, p, op)
	case *ast.SearchOp:
		return c.searchPipe(sc, p, op)
	case *ast.ForkOp:
		return c.fork(sc, p, op)
	case *ast.FacetOp:
		return c.facet(sc, p, op)
	}
	return nil
}

// pipeResult returns the node computing a compiled pipeline.
func pipeResult(p *pipeNode) node {
	if len(p.stages) == 0 {
		return p.src
	}
	return p
}

// finishPipe returns the node computing the pipeline so far.
func finishPipe(p *pipeNode) node {
	if len(p.stages) == 0 {
		return p.src
	}
	prune(p)
	return p
}

// aliasNode is the input of `as Name`: it names the branch of a union
// (withsource) and, outside mv-apply subqueries, its rows are computed
// once per run.
type aliasNode struct {
	inner  node
	name   string
	cached *cacheNode
}

func (n *aliasNode) schema() data.Schema { return n.inner.schema() }

func (n *aliasNode) exec(x *execCtx) (*rel, error) {
	if n.cached != nil {
		return n.cached.exec(x)
	}
	return n.inner.exec(x)
}

// asOp compiles `as [hint.materialized=true] Name`: the pipeline so far is
// bound to Name for the rest of the query.
func (c *compiler) asOp(sc *scope, in node, op *ast.AsOp) node {
	for _, p := range op.Params {
		if !strings.EqualFold(p.Name, "hint.materialized") {
			c.errorf(p, "as parameter '%s' is not supported", p.Name)
		}
	}
	n := &aliasNode{inner: in, name: op.Alias.Name}
	if c.applyDepth == 0 {
		n.cached = &cacheNode{inner: in}
	}
	sc.bind(op.Alias.Name, &binding{kind: bindTable, plan: n})
	return n
}

// invoke compiles `invoke f(args)`: a tabular function called with the
// pipeline as its first argument.
func (c *compiler) invoke(sc *scope, in node, op *ast.InvokeOp) node {
	name := op.Call.Func.Name
	b := sc.lookup(name)
	if b == nil || b.kind != bindFunc {
		c.errorf(op.Call.Func, "invoke needs a tabular function, and '%s' is not a function", name)
		return &emptyNode{s: openSchema(nil)}
	}
	if len(b.fn.Params) == 0 {
		c.errorf(op.Call, "function '%s' takes no table argument to invoke it with", name)
		return &emptyNode{}
	}
	if t := b.fn.Params[0].Type; t == nil || !t.Tabular {
		c.errorf(op.Call, "the first parameter of '%s' is not tabular, so it cannot be invoked", name)
		return &emptyNode{}
	}
	const inputName = "\x00invoke_input"
	tmp := newScope(sc)
	tmp.bind(inputName, &binding{kind: bindTable, plan: in})
	args := append([]ast.Expr{&ast.Ident{Span: op.Call.Func.Span, Name: inputName}}, op.Call.Args...)
	call := &ast.CallExpr{Span: op.Call.Span, Func: op.Call.Func, Args: args}
	return c.tabularCall(tmp, call)
}

// placeStage appends st to a pipeline's stages. A filter that reads only
// left-side columns right after a join moves before it, as Kusto's
// optimizer does: for innerunique this decides which duplicate left row
// is kept, and it spares the join the filtered rows.
func placeStage(stages []stage, st stage) []stage {
	if w, ok := st.(*whereStage); ok && len(stages) > 0 {
		if j, ok := stages[len(stages)-1].(*joinStage); ok && j.canPushLeft(w) {
			pushed := &whereStage{s: j.left, pred: w.pred}
			return append(stages[:len(stages)-1], pushed, j)
		}
	}
	return append(stages, st)
}

// canPushLeft reports whether a filter after the join can run on its left
// input instead.
func (j *joinStage) canPushLeft(w *whereStage) bool {
	switch j.kind {
	case joinInnerUnique, joinInner, joinLeftOuter, joinLeftSemi, joinLeftAnti:
	default:
		return false
	}
	for _, r := range w.pred.refs {
		if r >= j.nleft {
			return false
		}
	}
	return true
}

// liveCols remembers which output columns of a stage are read downstream,
// as computed by prune; before pruning every column is live.
type liveCols struct {
	live   []bool
	pruned bool
}

func (l *liveCols) set(live []bool) { l.live, l.pruned = live, true }

// at reports whether output column i is read downstream.
func (l *liveCols) at(i int) bool {
	return !l.pruned || (i < len(l.live) && l.live[i])
}
