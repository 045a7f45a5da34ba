package tableio

import (
	"bytes"
	"io"

	"github.com/kqlkit/kqlkit/data"
)

// ReadJSONLines reads JSON Lines: one JSON object per line, each a row.
// Blank lines are skipped. A line that is not one valid JSON object is an
// error naming its line and column.
func ReadJSONLines(r io.Reader, opts ReadOptions) (*data.Table, error) {
	return readJSONLines(r, opts, -1)
}

func readJSONLines(r io.Reader, opts ReadOptions, size int64) (_ *data.Table, err error) {
	defer guard(opts.Path, &err)
	rs := newReadState(opts)
	prefix, err := skipBOM(r)
	if err != nil {
		return nil, err
	}
	p := newPipeline(rs, size, cutLines, func(c chunk, w *worker) (*chunkResult, error) {
		return parseJSONLChunk(rs, c, w)
	})
	parts, err := p.run(r, prefix, 1)
	if err != nil {
		return nil, err
	}
	return merge(rs, parts)
}

// skipBOM reads the first bytes of r and returns them without a byte order
// mark.
func skipBOM(r io.Reader) ([]byte, error) {
	var head [3]byte
	n, err := io.ReadFull(r, head[:])
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return bytes.TrimPrefix(head[:n], utf8BOM), nil
}

// cutLines cuts after the last newline.
func cutLines(buf []byte) int {
	i := bytes.LastIndexByte(buf, '\n')
	if i < 0 {
		return -1
	}
	return i + 1
}

// parseJSONLChunk parses the lines of one chunk.
func parseJSONLChunk(rs *readState, c chunk, w *worker) (*chunkResult, error) {
	p := newChunkParser(rs, w.estimateRows(len(c.buf)), w.hints)
	p.sc.line = true
	buf := c.buf
	line := c.line
	for len(buf) > 0 {
		var ln []byte
		if nl := bytes.IndexByte(buf, '\n'); nl >= 0 {
			ln, buf = buf[:nl], buf[nl+1:]
		} else {
			ln, buf = buf, nil
		}
		if err := p.parseLine(ln); err != nil {
			return nil, rs.scanErrAt(ln, line, err)
		}
		line++
	}
	return p.finish(w.hints), nil
}

// parseLine parses one line holding one object (or nothing but spaces).
func (p *chunkParser) parseLine(ln []byte) error {
	p.sc.reset(ln)
	if len(ln) == 0 || ln[0] != '{' {
		p.sc.skipWS()
		if p.sc.i == len(ln) {
			return nil
		}
	}
	if err := p.parseObject(); err != nil {
		return err
	}
	p.sc.skipWS()
	if p.sc.i != len(ln) {
		return p.sc.errorf("unexpected text after the JSON object")
	}
	return nil
}
