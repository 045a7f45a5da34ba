package eval

import (
	"context"
	"fmt"
	"sync"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// Input is what one run of a query reads.
type Input struct {
	// Tables binds table names to data.
	Tables map[string]*data.Table
	// Now is now() for the whole run, in datetime ticks.
	Now int64
	// Workers bounds the goroutines a run may use (0 = GOMAXPROCS).
	Workers int
	// Window, when set, restricts every bound table that has its datetime
	// column to the rows with From < column <= To (as a Sentinel rule's
	// query period does), without copying the table.
	Window *TimeWindow
}

// TimeWindow is a half-open time range over a datetime column.
type TimeWindow struct {
	Column   string
	From, To int64 // ticks
}

// Result is what a run produces.
type Result struct {
	Tables   []*data.Table
	Warnings []string
}

// runState is shared by everything evaluated in one run.
type runState struct {
	in      *Input
	mu      sync.Mutex
	scalars map[node]data.Value
	columns map[node][]data.Value
	cached  map[node]*rel
	windows map[*data.Table][]int32
	warns   []string
}

// execCtx is the per-goroutine context of a run.
type execCtx struct {
	ctx   context.Context
	run   *runState
	fctx  *functions.Ctx
	memos map[memoKey]*dictMemo
	// applyRows holds the subtable each mv-apply subquery is running on.
	applyRows map[node]*rel
}

func (x *execCtx) check() error {
	if x.ctx == nil {
		return nil
	}
	if err := x.ctx.Err(); err != nil {
		return fmt.Errorf("query canceled: %w", context.Cause(x.ctx))
	}
	return nil
}

// fork returns a context for another goroutine of the same run.
func (x *execCtx) fork() *execCtx {
	return &execCtx{ctx: x.ctx, run: x.run, fctx: &functions.Ctx{Now: x.fctx.Now}, applyRows: x.applyRows}
}

// Run evaluates the query. It is safe to call concurrently.
func (q *Query) Run(ctx context.Context, in *Input) (res *Result, err error) {
	rs := &runState{in: in, scalars: map[node]data.Value{}, columns: map[node][]data.Value{},
		cached: map[node]*rel{}}
	x := &execCtx{ctx: ctx, run: rs, fctx: &functions.Ctx{Now: in.Now}}
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, &InternalError{Value: r}
		}
	}()
	out := &Result{}
	for _, p := range q.results {
		r, err := p.exec(x)
		if err != nil {
			return nil, err
		}
		out.Tables = append(out.Tables, r.table(resultName(len(out.Tables))))
	}
	out.Warnings = append(rs.warns, x.fctx.Warnings()...)
	return out, nil
}

func resultName(i int) string {
	if i == 0 {
		return "PrimaryResult"
	}
	return fmt.Sprintf("Table_%d", i)
}

// InternalError is a bug inside the engine, caught instead of crashing.
type InternalError struct {
	Value any
}

func (e *InternalError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// Internal marks the error as a bug in kqlkit rather than a problem with
// the query or data.
func (e *InternalError) Internal() bool { return true }

// scalarOf evaluates a plan once per run and returns its first value.
func (rs *runState) scalarOf(x *execCtx, p node) (data.Value, error) {
	rs.mu.Lock()
	v, ok := rs.scalars[p]
	rs.mu.Unlock()
	if ok {
		return v, nil
	}
	r, err := p.exec(x)
	if err != nil {
		return data.Value{}, err
	}
	t := p.schema()[0].Type
	v = data.Null(t)
	if r.rows() > 0 {
		v = r.col(0).Value(0)
	}
	rs.mu.Lock()
	rs.scalars[p] = v
	rs.mu.Unlock()
	return v, nil
}

// columnOf evaluates a plan once per run and returns its first column.
func (rs *runState) columnOf(x *execCtx, p node) ([]data.Value, error) {
	rs.mu.Lock()
	v, ok := rs.columns[p]
	rs.mu.Unlock()
	if ok {
		return v, nil
	}
	r, err := p.exec(x)
	if err != nil {
		return nil, err
	}
	col := r.col(0)
	vals := make([]data.Value, r.rows())
	for i := range vals {
		vals[i] = col.Value(i)
	}
	rs.mu.Lock()
	rs.columns[p] = vals
	rs.mu.Unlock()
	return vals, nil
}

// warn records a run-level warning.
func (rs *runState) warn(format string, args ...any) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if len(rs.warns) < 100 {
		rs.warns = append(rs.warns, fmt.Sprintf(format, args...))
	}
}
