package eval

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/kqlkit/kqlkit/data"
)

// node is a compiled tabular expression.
type node interface {
	schema() data.Schema
	exec(x *execCtx) (*rel, error)
}

// stage is one operator of a pipeline.
type stage interface {
	outSchema() data.Schema
}

// rowStage is an operator that works row by row (where, extend, project,
// …): it can run on any chunk of its input independently.
type rowStage interface {
	stage
	apply(x *execCtx, in *rel) (*rel, error)
}

// blockStage is an operator that needs its whole input.
type blockStage interface {
	stage
	run(x *execCtx, in *rel) (*rel, error)
}

// splitStage is a block operator that can also consume its input in
// chunks on several goroutines and merge the partial results (summarize).
type splitStage interface {
	blockStage
	newPartial(x *execCtx) partial
}

// partial accumulates chunks of a split stage on one goroutine.
type partial interface {
	add(x *execCtx, in *rel) error
	merge(x *execCtx, other partial) error
	result(x *execCtx) (*rel, error)
}

// pipeNode is a source followed by operators.
type pipeNode struct {
	src    node
	stages []stage
}

func (p *pipeNode) schema() data.Schema {
	if len(p.stages) == 0 {
		return p.src.schema()
	}
	return p.stages[len(p.stages)-1].outSchema()
}

// chunkRows is the number of rows a row stage processes at a time.
const chunkRows = 1 << 16

// parallelMin is the input size from which a pipeline uses several
// goroutines.
const parallelMin = 4 * chunkRows

func (p *pipeNode) exec(x *execCtx) (*rel, error) {
	r, err := p.src.exec(x)
	if err != nil {
		return nil, err
	}
	for i := 0; i < len(p.stages); {
		if err := x.check(); err != nil {
			return nil, err
		}
		j := i
		for j < len(p.stages) {
			if _, ok := p.stages[j].(rowStage); !ok {
				break
			}
			j++
		}
		rows := p.stages[i:j]
		var sink stage
		if j < len(p.stages) {
			sink = p.stages[j]
		}
		if split, ok := sink.(splitStage); ok {
			r, err = runSplit(x, r, rows, split)
			i = j + 1
		} else {
			r, err = runRows(x, r, rows)
			if err == nil && sink != nil {
				r, err = sink.(blockStage).run(x, r)
			}
			i = j + 1
		}
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// applyRows runs row stages over one chunk.
func applyRows(x *execCtx, r *rel, rows []stage) (*rel, error) {
	var err error
	for _, s := range rows {
		r, err = s.(rowStage).apply(x, r)
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// workers returns how many goroutines a run may use.
func (x *execCtx) workers() int {
	if n := x.run.in.Workers; n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// chunks cuts the active rows of r into pieces of about chunkRows.
func chunks(r *rel) []*rel {
	n := r.rows()
	if n <= chunkRows {
		return []*rel{r}
	}
	var out []*rel
	for lo := 0; lo < n; lo += chunkRows {
		out = append(out, r.slice(lo, min(n, lo+chunkRows)))
	}
	return out
}

// forChunks runs f on every chunk, on up to x.workers() goroutines; each
// goroutine gets its own context (worker index w).
func forChunks(x *execCtx, parts []*rel, f func(x *execCtx, w, i int, part *rel) error) error {
	nw := min(x.workers(), len(parts))
	if nw <= 1 || parts[0].rows()*len(parts) < parallelMin {
		for i, part := range parts {
			if err := x.check(); err != nil {
				return err
			}
			if err := f(x, 0, i, part); err != nil {
				return err
			}
		}
		return nil
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, nw)
	ctxs := make([]*execCtx, nw)
	for w := 0; w < nw; w++ {
		ctxs[w] = x.fork()
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					errs[w] = &InternalError{Value: r}
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(parts) {
					return
				}
				if err := ctxs[w].check(); err != nil {
					errs[w] = err
					return
				}
				if err := f(ctxs[w], w, i, parts[i]); err != nil {
					errs[w] = err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	for _, c := range ctxs {
		for _, msg := range c.fctx.Warnings() {
			x.fctx.Warn("%s", msg)
		}
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// runRows applies row stages to r chunk by chunk and concatenates the
// results in order.
func runRows(x *execCtx, r *rel, rows []stage) (*rel, error) {
	if len(rows) == 0 {
		return r, nil
	}
	parts := chunks(r)
	if len(parts) == 1 {
		return applyRows(x, r, rows)
	}
	outs := make([]*rel, len(parts))
	err := forChunks(x, parts, func(x *execCtx, w, i int, part *rel) error {
		out, err := applyRows(x, part, rows)
		outs[i] = out
		return err
	})
	if err != nil {
		return nil, err
	}
	return concatRels(rows[len(rows)-1].outSchema(), outs), nil
}

// runSplit feeds chunks through the row stages into per-goroutine partial
// states of a split stage and merges them.
func runSplit(x *execCtx, r *rel, rows []stage, s splitStage) (*rel, error) {
	parts := chunks(r)
	if len(parts) == 1 {
		r, err := applyRows(x, r, rows)
		if err != nil {
			return nil, err
		}
		return s.run(x, r)
	}
	nw := min(x.workers(), len(parts))
	partials := make([]partial, nw)
	err := forChunks(x, parts, func(x *execCtx, w, i int, part *rel) error {
		out, err := applyRows(x, part, rows)
		if err != nil {
			return err
		}
		if partials[w] == nil {
			partials[w] = s.newPartial(x)
		}
		return partials[w].add(x, out)
	})
	if err != nil {
		return nil, err
	}
	var acc partial
	for _, p := range partials {
		if p == nil {
			continue
		}
		if acc == nil {
			acc = p
			continue
		}
		if err := acc.merge(x, p); err != nil {
			return nil, err
		}
	}
	if acc == nil {
		acc = s.newPartial(x)
	}
	return acc.result(x)
}
