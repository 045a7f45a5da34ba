package tableio

import (
	"bytes"
	"errors"
	"io"

	"github.com/kqlkit/kqlkit/data"
)

// ReadJSON reads a JSON document: an array of objects (one row each), JSON
// objects one after another (read as JSON Lines), or a query response of
// Log Analytics or Azure Data Explorer (see ReadLogAnalytics), of which the
// first table is returned, renamed to opts.Name when that is set.
func ReadJSON(r io.Reader, opts ReadOptions) (_ *data.Table, err error) {
	defer guard(opts.Path, &err)
	b, err := readAll(r)
	if err != nil {
		return nil, pathErr(opts.Path, err)
	}
	tables, err := readResponse(b, opts)
	switch {
	case err == nil:
		if len(tables) == 0 {
			return nil, &SyntaxError{Path: opts.Path, Msg: "the query response holds no table"}
		}
		t := tables[0]
		if opts.Name != "" {
			t.Name = opts.Name
		}
		return t, nil
	case !errors.Is(err, errNotResponse):
		return nil, err
	}
	sc := scanner{b: b}
	sc.skipWS()
	if sc.peek() == '[' {
		return readObjectArray(b, opts)
	}
	return readJSONLines(bytes.NewReader(b), opts, int64(len(b)))
}

// readObjectArray reads a JSON array of objects.
func readObjectArray(b []byte, opts ReadOptions) (*data.Table, error) {
	rs := newReadState(opts)
	d := newDocParser(rs, b, 0)
	if err := d.objectArray(); err != nil {
		return nil, rs.scanErrAt(b, 1, err)
	}
	return merge(rs, d.finish())
}

// docChunkRows is how many rows of a whole-document read (a JSON array, a
// query response) go into one chunk: column buffers stay well within their
// 32-bit offsets whatever the document's size.
const docChunkRows = 1 << 16

// docParser reads a document held in memory on one goroutine, in chunks of
// docChunkRows rows.
type docParser struct {
	rs    *readState
	p     *chunkParser
	parts []*chunkResult
	hints map[string]colHint
}

// newDocParser starts reading b at offset off.
func newDocParser(rs *readState, b []byte, off int) *docParser {
	d := &docParser{rs: rs, hints: map[string]colHint{}}
	d.p = newChunkParser(rs, 16, d.hints)
	d.p.sc.reset(b)
	d.p.sc.i = off
	return d
}

// rowDone starts a new chunk when the current one is full.
func (d *docParser) rowDone() {
	if d.p.rows < docChunkRows {
		return
	}
	d.parts = append(d.parts, d.p.finish(d.hints))
	p := newChunkParser(d.rs, docChunkRows, d.hints)
	p.sc = d.p.sc
	d.p = p
}

// finish returns the chunks read.
func (d *docParser) finish() []*chunkResult {
	return append(d.parts, d.p.finish(nil))
}

// objectArray reads [ {…}, {…}, … ] and checks that nothing follows.
func (d *docParser) objectArray() error {
	sc := &d.p.sc
	sc.skipWS()
	sc.i++ // [
	sc.skipWS()
	if sc.peek() == ']' {
		sc.i++
	} else {
		for {
			if err := d.p.parseObject(); err != nil {
				return err
			}
			d.rowDone()
			sc = &d.p.sc
			sc.skipWS()
			if sc.peek() == ']' {
				sc.i++
				break
			}
			if sc.peek() != ',' {
				return sc.unexpected("',' or ']'")
			}
			sc.i++
		}
	}
	sc.skipWS()
	if sc.i != len(sc.b) {
		return sc.errorf("unexpected text after the JSON array")
	}
	return nil
}

func pathErr(path string, err error) error {
	if path == "" {
		return err
	}
	return &pathError{path: path, err: err}
}

type pathError struct {
	path string
	err  error
}

func (e *pathError) Error() string { return e.path + ": " + e.err.Error() }
func (e *pathError) Unwrap() error { return e.err }
