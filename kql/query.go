package kql

import (
	"context"
	"fmt"
	"time"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/eval"
)

// Query is a compiled query. It is immutable and safe for concurrent use.
type Query struct {
	q    *eval.Query
	tree *ast.Query
	env  *Env
}

// Tree returns the query's syntax tree (not to be modified).
func (q *Query) Tree() *ast.Query { return q.tree }

// Tables returns the names of the tables the query reads.
func (q *Query) Tables() []string { return q.q.Tables() }

// Schemas returns the schemas of the query's result tables. For a late
// query (see Late) they are the columns known before the data is read, nil
// when the rest of the query needs columns only the data can provide.
func (q *Query) Schemas() []data.Schema { return q.q.Schemas() }

// ColumnsRead returns, for each table the query reads, the columns it
// reads: a loader may skip the others (tableio.ReadOptions.Columns). A
// table mapped to nil may have any column read.
func (q *Query) ColumnsRead() map[string][]string { return q.q.ColumnsRead() }

// Late reports whether some of the query's columns depend on the data it
// reads (bag_unpack or pivot without a declared output schema, search or
// find over all tables): such a query is checked and planned again by
// each run, once the data is known, and errors about those columns are
// reported by Run.
func (q *Query) Late() bool { return q.q.Late() }

// Result is the outcome of a run: one table per tabular statement
// (usually one, named PrimaryResult) and any warnings.
type Result struct {
	Tables   []*data.Table
	Warnings []string
	// Render is the query's render operator (chart type and properties),
	// nil when it has none; kqlkit records it and draws nothing.
	Render *Render
}

// Render is what a render operator asks for: the chart type and the
// `with (…)` properties as text.
type Render = eval.Render

// Primary returns the first result table.
func (r *Result) Primary() *data.Table {
	if len(r.Tables) == 0 {
		return nil
	}
	return r.Tables[0]
}

// RunOption configures one run.
type RunOption func(*runConfig) error

type runConfig struct {
	tables  map[string]*data.Table
	now     time.Time
	workers int
	window  *eval.TimeWindow
}

// WithTimeWindow makes every bound table that has the datetime column
// show only the rows with from < column <= to, as a Sentinel rule's query
// period does. The tables are not copied.
func WithTimeWindow(column string, from, to time.Time) RunOption {
	return func(c *runConfig) error {
		if !from.Before(to) {
			return fmt.Errorf("kql: empty time window %s .. %s", from, to)
		}
		c.window = &eval.TimeWindow{Column: column, From: data.TicksFromTime(from.UTC()),
			To: data.TicksFromTime(to.UTC())}
		return nil
	}
}

// WithData binds tables (by their names) for this run. A table the query
// reads that is not bound is empty.
func WithData(tables ...*data.Table) RunOption {
	return func(c *runConfig) error {
		for _, t := range tables {
			if t == nil || t.Name == "" {
				return fmt.Errorf("kql: a bound table needs a name")
			}
			c.tables[t.Name] = t
		}
		return nil
	}
}

// WithNow fixes now() (and ago()) for the run; the default is the current
// time.
func WithNow(t time.Time) RunOption {
	return func(c *runConfig) error {
		c.now = t
		return nil
	}
}

// WithWorkers bounds the goroutines the run may use (default GOMAXPROCS).
func WithWorkers(n int) RunOption {
	return func(c *runConfig) error {
		if n < 0 {
			return fmt.Errorf("kql: negative worker count")
		}
		c.workers = n
		return nil
	}
}

// Run evaluates the query. It honours ctx's cancellation. Bound tables
// must have the schemas the query was compiled against (extra columns are
// ignored, missing ones read as null).
func (q *Query) Run(ctx context.Context, opts ...RunOption) (*Result, error) {
	cfg := &runConfig{tables: map[string]*data.Table{}}
	for _, o := range opts {
		if err := o(cfg); err != nil {
			return nil, err
		}
	}
	if cfg.now.IsZero() {
		cfg.now = time.Now()
	}
	for _, name := range q.q.Tables() {
		t, ok := cfg.tables[name]
		if !ok {
			continue
		}
		s, _ := q.env.Schema(name)
		if err := compatible(t, s); err != nil {
			return nil, err
		}
	}
	res, err := q.q.Run(ctx, &eval.Input{Tables: cfg.tables, Now: data.TicksFromTime(cfg.now.UTC()),
		Workers: cfg.workers, Window: cfg.window})
	if err != nil {
		return nil, err
	}
	return &Result{Tables: res.Tables, Warnings: res.Warnings, Render: res.Render}, nil
}

// compatible checks that a bound table's columns have the declared types.
func compatible(t *data.Table, s data.Schema) error {
	for _, def := range s {
		i := t.Schema.Index(def.Name)
		if i >= 0 && t.Schema[i].Type != def.Type {
			return fmt.Errorf("table '%s': column '%s' is %s, but the query was compiled for %s",
				t.Name, def.Name, t.Schema[i].Type, def.Type)
		}
	}
	return nil
}
