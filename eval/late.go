package eval

import (
	"errors"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// Late queries. The columns some operators produce depend on the data they
// read: bag_unpack makes a column per property found in the bags, pivot a
// column per value of the pivot column. Kusto runs such a query's input to
// learn its schema before planning the rest; kqlkit does the same:
//
//   - Compile compiles the query as if those operators added no column and
//     marks the query late. When the rest of the query needs a column they
//     would add (an "unknown column" error after such an operator),
//     compilation stops there without an error: the check is left to the
//     run, when the columns are known.
//   - Each run compiles a late query again with the run's data: at a
//     data-dependent operator, the compiler runs the pipeline before it,
//     applies the operator to the rows, and compiles the rest against the
//     columns that come out. Errors are then reported with their positions
//     like compile errors.
//
// Operators with a declared output schema (`evaluate bag_unpack(d) :
// (a:long, …)`) are not late.

// errLate aborts a compilation that needs the data to go on.
var errLate = errors.New("late")

// lateAbort stops compiling a late query at an error that may be due to a
// column only the data can provide.
func (c *compiler) lateAbort(msg string) {
	if c.late && c.run == nil && strings.HasPrefix(msg, "unknown column") {
		panic(errLate)
	}
}

// Late reports whether the query's columns depend on the data it reads,
// so that its schemas are only known once it runs.
func (q *Query) Late() bool { return q.late }

// compileForRun compiles a late query for one run.
func (q *Query) compileForRun(x *execCtx) (*Query, error) {
	out, errs, err := compile(q.tree, q.env, x)
	if err != nil {
		return nil, err
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// dataOp is an operator whose output columns depend on its input rows.
type dataOp interface {
	// speculative returns the output schema assumed at compile time.
	speculative() data.Schema
	// apply computes the output from all the input rows.
	apply(x *execCtx, in *rel) (*rel, error)
}

// dataStage compiles a data-dependent operator applied to the pipeline so
// far: at compile time it stands for the operator with its speculative
// schema; in a run it runs the pipeline and the operator and yields their
// rows.
func (c *compiler) dataStage(p *pipeNode, op dataOp, at ast.Node, name string) node {
	if c.run == nil {
		c.late = true
		return &lateNode{s: op.speculative()}
	}
	if c.applyDepth > 0 {
		c.errorf(at, "%s is not supported in a subquery run per row or per partition (its columns depend on the data)", name)
		return &emptyNode{s: op.speculative()}
	}
	in, err := finishPipe(p).exec(c.run)
	var out *rel
	if err == nil {
		out, err = op.apply(c.run, in)
	}
	if err != nil {
		c.runErr = err
		panic(errStop)
	}
	return &rowsNode{r: out.compact()}
}

// lateNode stands at compile time for the output of a data-dependent
// operator. A late query is compiled again before it runs, so a lateNode
// never runs.
type lateNode struct{ s data.Schema }

func (n *lateNode) schema() data.Schema { return n.s }
func (n *lateNode) exec(x *execCtx) (*rel, error) {
	return nil, &InternalError{Value: "a late plan ran without being compiled for the run"}
}

// rowsNode holds rows computed while compiling for a run.
type rowsNode struct{ r *rel }

func (n *rowsNode) schema() data.Schema           { return n.r.schema }
func (n *rowsNode) exec(x *execCtx) (*rel, error) { return n.r, nil }
