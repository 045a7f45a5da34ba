package eval

import (
	"errors"
	"fmt"
	"sort"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
)

// Query is a compiled query: immutable, safe for concurrent use.
type Query struct {
	results []node
	tables  []string
	uses    map[string]bool
	scans   []*scanNode
	// A late query has operators whose output columns depend on the data
	// (bag_unpack, pivot): each run compiles it again with the data at
	// hand (see late.go). results is nil when the columns they add were
	// needed to compile the rest.
	late bool
	tree *ast.Query
	env  *Env
	// render is the query's render operator, if any.
	render *Render
	// names are the result tables' names ("" for the default), set by
	// fork and facet.
	names []string
}

// Schemas returns the schema of each result table, in order.
func (q *Query) Schemas() []data.Schema {
	out := make([]data.Schema, len(q.results))
	for i, r := range q.results {
		out[i] = r.schema()
	}
	return out
}

// Tables returns the names of the tables the query reads, sorted.
func (q *Query) Tables() []string { return q.tables }

// compiler holds the state of one Compile call.
type compiler struct {
	env    *Env
	errs   diag.List
	tables map[string]bool
	scans  []*scanNode
	depth  int // function expansion depth
	// applyDepth counts the mv-apply subqueries being compiled (their plans
	// run once per input row, so nothing in them may be cached per run).
	applyDepth int
	// serial says whether the rows of the operator being compiled are
	// serialized (window functions need it); windowed is set when a window
	// function is compiled; serialNodes records the serialized plans.
	serial      bool
	windowed    bool
	serialNodes map[node]bool
	// run is set when a late query is compiled by a run (see late.go);
	// late records that an operator's columns depend on the data; runErr
	// is a run error met while compiling with run set.
	run    *execCtx
	late   bool
	runErr error
	// render is the last render operator compiled.
	render *Render
}

// errStop aborts compilation at the first error (unless AllErrors is set).
var errStop = errors.New("stop")

// maxExpansion bounds nested user-function expansion (recursion guard).
const maxExpansion = 64

// Compile checks and compiles a parsed query.
func Compile(q *ast.Query, env *Env) (*Query, diag.List) {
	out, errs, _ := compile(q, env, nil)
	if errs.Err() != nil {
		return nil, errs
	}
	return out, errs
}

// Check checks a query as Compile does, collecting every error
// (Env.AllErrors is implied), and returns the schema of each result table
// even when there are errors, for linters. A schema fed by an unknown table
// or by an operator that could not be compiled is open (IsOpen): columns it
// does not list may exist, and were not reported.
func Check(q *ast.Query, env *Env) ([]data.Schema, diag.List) {
	all := Env{}
	if env != nil {
		all = *env
	}
	all.AllErrors = true
	out, errs, _ := compile(q, &all, nil)
	if out == nil {
		return nil, errs
	}
	return out.Schemas(), errs
}

// compile does the work of Compile: the query is nil when compilation
// stopped at the first error; with AllErrors it is returned with the errors.
//
// With run set, a late query is compiled for that run (runErr is then a run
// error met on the way).
func compile(q *ast.Query, env *Env, run *execCtx) (query *Query, errs diag.List, runErr error) {
	if env == nil {
		env = &Env{}
	}
	c := &compiler{env: env, tables: map[string]bool{}, run: run}
	defer func() {
		if r := recover(); r != nil {
			switch r {
			case errStop:
				query, errs, runErr = nil, c.errs, c.runErr
			case errLate:
				query, errs = &Query{late: true, tree: q, env: env, tables: sortedKeys(c.tables)}, nil
			default:
				panic(r)
			}
		}
	}()
	out := &Query{}
	sc := newScope(nil)
	for name, fn := range env.Functions {
		sc.bind(name, &binding{kind: bindFunc, fn: fn, fnScope: nil})
	}
	for _, st := range q.Stmts {
		if n := c.stmt(sc, st); n != nil {
			out.addResult(n)
		}
	}
	if len(out.results) == 0 && c.errs.Err() == nil {
		c.errorf(q, "the query has no tabular expression to run")
		return nil, c.errs, nil
	}
	out.tables = sortedKeys(c.tables)
	out.scans = c.scans
	out.render = c.render
	if c.late {
		out.late, out.tree, out.env = true, q, env
	}
	return out, c.errs, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// errorf records an error at node n and, unless all errors are wanted,
// stops compilation.
func (c *compiler) errorf(n ast.Node, format string, args ...any) {
	c.errorAt(n.Pos(), n.End(), fmt.Sprintf(format, args...))
}

// warnAt records a warning (for linters; Compile's callers see errors
// only) without stopping compilation.
func (c *compiler) warnAt(pos, end ast.Pos, msg string) {
	if c.env.AllErrors {
		c.errs.Add(c.env.Source.At(pos, end, diag.Warning, msg))
	}
}

func (c *compiler) errorAt(pos, end ast.Pos, msg string) {
	c.lateAbort(msg)
	c.errs.Add(c.env.Source.At(pos, end, diag.Error, msg))
	if !c.env.AllErrors {
		panic(errStop)
	}
}

// stmt compiles one statement; it returns the plan of a tabular expression
// statement, nil otherwise.
func (c *compiler) stmt(sc *scope, st ast.Stmt) node {
	switch st := st.(type) {
	case *ast.LetStmt:
		c.let(sc, st)
	case *ast.ExprStmt:
		if !c.isTabular(sc, st.X) {
			if c.unknownSource(sc, st.X) {
				return c.tabular(sc, st.X)
			}
			c.errorf(st.X, "expected a tabular expression, found a scalar one")
			return nil
		}
		return c.tabular(sc, st.X)
	case *ast.SetStmt, *ast.DeclareStmt, *ast.AliasStmt:
		// request properties and declarations do not change results here
	default:
		c.errorf(st, "statement not supported")
	}
	return nil
}

func (c *compiler) let(sc *scope, st *ast.LetStmt) {
	name := st.Name.Name
	switch v := st.Value.(type) {
	case *ast.FuncExpr:
		sc.bind(name, &binding{kind: bindFunc, fn: v, fnScope: sc})
		return
	}
	if c.isTabular(sc, st.Value) {
		sc.bind(name, &binding{kind: bindTable, plan: c.tabular(sc, st.Value)})
		return
	}
	e := c.scalar(sc, nil, st.Value)
	sc.bind(name, &binding{kind: bindScalar, expr: e})
}

// ColumnsRead returns, for each table the query reads, the names of the
// columns it reads; a table mapped to nil may have any column read (its
// rows are passed on whole, or a consumer cannot tell). Loaders use it to
// skip the other columns.
func (q *Query) ColumnsRead() map[string][]string {
	out := map[string][]string{}
	all := map[string]bool{}
	seen := map[string]map[string]bool{}
	for _, s := range q.scans {
		if s.template {
			continue
		}
		if q.late || s.reads == nil || all[s.name] {
			all[s.name] = true
			continue
		}
		if seen[s.name] == nil {
			seen[s.name] = map[string]bool{}
		}
		for i, r := range s.reads {
			if r && !seen[s.name][s.s[i].Name] {
				seen[s.name][s.s[i].Name] = true
				out[s.name] = append(out[s.name], s.s[i].Name)
			}
		}
	}
	for _, t := range q.tables {
		if all[t] {
			out[t] = nil
		} else if _, ok := out[t]; !ok {
			out[t] = []string{}
		}
	}
	return out
}
