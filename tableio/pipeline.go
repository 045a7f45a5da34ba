package tableio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
)

// The parallel read pipeline. One goroutine reads the input in large
// blocks and cuts each at a record boundary (a newline that is not inside
// a quoted CSV field); workers parse the chunks into column builders; the
// chunk results are merged in input order at the end. Chunk buffers are
// recycled, so memory holds the parsed columns plus a few raw chunks, never
// the whole input.

// Chunk sizes: small inputs are cut finer so that every worker gets work,
// and a stream of unknown size starts small and doubles up to maxChunk.
const (
	maxChunk = 8 << 20
	minChunk = 64 << 10
)

// maxRecord bounds the size of one record (a line of JSON Lines, a CSV
// record), which keeps every column buffer of a chunk within 32-bit
// offsets.
const maxRecord = 1 << 30

// chunkOverride, when positive, fixes the chunk size (tests use it to
// exercise the merge of many chunks on small inputs).
var chunkOverride int

// chunk is a run of complete records.
type chunk struct {
	seq  int
	buf  []byte
	line int // line number of the first line of buf
}

// cutFunc returns the length of the longest prefix of buf made of complete
// records, or -1 when there is none (the block must grow).
type cutFunc func(buf []byte) int

// parseFunc parses one chunk. w holds the worker's state across chunks.
type parseFunc func(c chunk, w *worker) (*chunkResult, error)

// worker is the state one parsing goroutine keeps between chunks.
type worker struct {
	hints       map[string]colHint
	bytesPerRow float64
}

// estimateRows guesses how many rows a chunk of n bytes holds.
func (w *worker) estimateRows(n int) int {
	if w.bytesPerRow <= 0 {
		return n/512 + 16
	}
	return int(float64(n)/w.bytesPerRow*1.05) + 16
}

// learn records the size of a parsed chunk.
func (w *worker) learn(n, rows int) {
	if rows > 0 {
		w.bytesPerRow = float64(n) / float64(rows)
	}
}

// pipeline runs a parallel read.
type pipeline struct {
	rs      *readState
	cut     cutFunc
	parse   parseFunc
	workers int
	size    atomic.Int64 // chunk size; grows while the input size is unknown
	grow    bool

	free    chan []byte
	mu      sync.Mutex
	results []*chunkResult
	errs    map[int]error
	failed  atomic.Int64 // lowest failed chunk + 1, 0 for none
}

// newPipeline prepares a read; total is the input size when known (-1 if
// not).
func newPipeline(rs *readState, total int64, cut cutFunc, parse parseFunc) *pipeline {
	workers := rs.workers()
	size := minChunk
	if total >= 0 {
		size = int(min(int64(maxChunk), max(int64(minChunk), total/int64(4*workers)+1)))
	}
	if chunkOverride > 0 {
		size = chunkOverride
	}
	p := &pipeline{
		rs: rs, cut: cut, parse: parse, workers: workers, grow: total < 0 && chunkOverride <= 0,
		free: make(chan []byte, workers+2), errs: map[int]error{},
	}
	p.size.Store(int64(size))
	return p
}

// run reads r, which starts at line number line and is preceded by the
// bytes of prefix (already read, not yet parsed).
func (p *pipeline) run(r io.Reader, prefix []byte, line int) ([]*chunkResult, error) {
	chunks := make(chan chunk, p.workers)
	var wg sync.WaitGroup
	for range p.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.work(chunks)
		}()
	}
	readErr := p.produce(r, prefix, line, chunks)
	close(chunks)
	wg.Wait()
	if f := p.failed.Load(); f > 0 {
		return nil, p.errs[int(f-1)]
	}
	if readErr != nil {
		return nil, readErr
	}
	return p.results, nil
}

// work parses chunks until the channel closes.
func (p *pipeline) work(chunks <-chan chunk) {
	w := &worker{hints: map[string]colHint{}}
	for c := range chunks {
		if f := p.failed.Load(); f > 0 && int64(c.seq) >= f-1 {
			p.recycle(c.buf)
			continue
		}
		res, err := p.safeParse(c, w)
		n := len(c.buf)
		p.recycle(c.buf)
		p.mu.Lock()
		if err != nil {
			p.errs[c.seq] = err
			for {
				f := p.failed.Load()
				if f > 0 && f-1 <= int64(c.seq) || p.failed.CompareAndSwap(f, int64(c.seq)+1) {
					break
				}
			}
		} else {
			for len(p.results) <= c.seq {
				p.results = append(p.results, nil)
			}
			p.results[c.seq] = res
			w.learn(n, res.rows)
		}
		p.mu.Unlock()
	}
}

// safeParse parses a chunk, turning a panic (a bug) into an error so that
// a bad input never crashes the caller.
func (p *pipeline) safeParse(c chunk, w *worker) (res *chunkResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%s: %w reading line %d and on: %v",
				p.rs.opts.Path, ErrInternal, c.line, r)
		}
	}()
	return p.parse(c, w)
}

func (p *pipeline) recycle(buf []byte) {
	if int64(cap(buf)) != p.size.Load() {
		return
	}
	select {
	case p.free <- buf[:0]:
	default:
	}
}

func (p *pipeline) buffer() []byte {
	size := int(p.size.Load())
	select {
	case b := <-p.free:
		if cap(b) == size {
			return b
		}
	default:
	}
	return make([]byte, 0, size)
}

// produce reads blocks, cuts them at record boundaries and sends them.
func (p *pipeline) produce(r io.Reader, prefix []byte, line int, out chan<- chunk) error {
	buf := append(p.buffer(), prefix...)
	seq := 0
	for {
		if p.failed.Load() > 0 {
			return nil
		}
		n, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		atEOF := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !atEOF {
			return fmt.Errorf("%s: %w", p.rs.opts.Path, err)
		}
		k := len(buf)
		if !atEOF {
			if k = p.cut(buf); k < 0 {
				if len(buf) >= maxRecord {
					return &SyntaxError{Path: p.rs.opts.Path, Line: line,
						Msg: "a record (line) is longer than 1 GiB"}
				}
				buf = append(buf, make([]byte, cap(buf))...)[:len(buf)] // grow
				continue
			}
		}
		next := append(p.buffer(), buf[k:]...)
		if k > 0 {
			out <- chunk{seq: seq, buf: buf[:k], line: line}
			line += bytes.Count(buf[:k], []byte{'\n'})
			seq++
			if p.grow && p.size.Load() < maxChunk {
				p.size.Store(2 * p.size.Load())
			}
		}
		buf = next
		if atEOF {
			return nil
		}
	}
}
