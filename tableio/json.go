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
	p := newChunkParser(rs, 16, nil)
	p.sc.reset(b)
	if err := p.objectArray(); err != nil {
		return nil, rs.scanErrAt(b, 1, err)
	}
	return merge(rs, []*chunkResult{p.finish(nil)})
}

// objectArray reads [ {…}, {…}, … ] and checks that nothing follows.
func (p *chunkParser) objectArray() error {
	sc := &p.sc
	sc.skipWS()
	sc.i++ // [
	sc.skipWS()
	if sc.peek() == ']' {
		sc.i++
	} else {
		for {
			if err := p.parseObject(); err != nil {
				return err
			}
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
