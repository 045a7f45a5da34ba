package tableio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	mbits "math/bits"
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

// ReadCSV reads CSV (RFC 4180): a header row of column names, then one
// record per row, fields separated by commas, optionally quoted with
// double quotes ("" inside a quoted field is one quote). A header cell may
// carry a type as "Name:type" (a Kusto type name). Blank lines are
// skipped; a record with the wrong number of fields, an unterminated quote
// or a quote inside an unquoted field is an error.
func ReadCSV(r io.Reader, opts ReadOptions) (*data.Table, error) {
	return readCSV(r, opts, -1)
}

func readCSV(r io.Reader, opts ReadOptions, size int64) (_ *data.Table, err error) {
	defer guard(opts.Path, &err)
	head, line, err := readHeader(r, opts.Path)
	if err != nil {
		return nil, err
	}
	names, schema, err := headerSchema(head.fields, opts)
	if err != nil {
		return nil, err
	}
	opts.Schema = schema
	rs := newReadState(opts)
	rs.csv = true
	pos := make([]int, len(names))
	p := newPipeline(rs, size, cutCSV, func(c chunk, w *worker) (*chunkResult, error) {
		return parseCSVChunk(rs, c, w, pos)
	})
	for j, n := range names {
		pos[j] = rs.declared.Index(n)
	}
	parts, err := p.run(r, head.rest, line)
	if err != nil {
		return nil, err
	}
	return merge(rs, parts)
}

// header is the first record and what was read after it.
type header struct {
	fields []string
	rest   []byte
}

// readHeader reads until the first record is complete and parses it; line
// is the line number after it.
func readHeader(r io.Reader, path string) (header, int, error) {
	buf, err := skipBOM(r)
	if err != nil {
		return header{}, 0, pathErr(path, err)
	}
	block := make([]byte, 64<<10)
	for !hasRecord(buf) {
		n, err := r.Read(block)
		buf = append(buf, block[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			return header{}, 0, pathErr(path, err)
		}
	}
	cr := csvReader{b: buf, line: 1, path: path}
	for cr.i < len(cr.b) && cr.blankLine() {
	}
	if cr.i >= len(cr.b) {
		return header{}, cr.lineAt(cr.i), nil // an empty file: no columns, no rows
	}
	var fields []string
	err = cr.record(func(_ int, f csvField) { fields = append(fields, string(cr.decode(f))) })
	if err != nil {
		return header{}, 0, err
	}
	return header{fields: fields, rest: buf[cr.i:]}, cr.lineAt(cr.i), nil
}

// hasRecord reports whether buf holds a complete record after its blank
// lines.
func hasRecord(buf []byte) bool {
	cr := csvReader{b: buf}
	for cr.i < len(buf) && cr.blankLine() {
	}
	return cutCSV(buf[cr.i:]) >= 0
}

// headerSchema reads "Name" and "Name:type" header cells. Types from the
// header win over opts.Schema; the result declares every header column
// with a known type plus the schema's other columns.
func headerSchema(cells []string, opts ReadOptions) ([]string, data.Schema, error) {
	names := make([]string, len(cells))
	var schema data.Schema
	seen := map[string]bool{}
	for j, cell := range cells {
		name, typ := strings.TrimSpace(cell), data.Unknown
		if k := strings.LastIndexByte(name, ':'); k > 0 {
			if t, ok := data.ParseType(strings.TrimSpace(name[k+1:])); ok {
				name, typ = strings.TrimSpace(name[:k]), t
			}
		}
		if name == "" {
			name = fmt.Sprintf("Column%d", j+1)
		}
		if seen[name] {
			return nil, nil, &SyntaxError{Path: opts.Path, Line: 1,
				Msg: fmt.Sprintf("column '%s' appears twice in the header", name)}
		}
		seen[name] = true
		if typ == data.Unknown {
			if i := opts.Schema.Index(name); i >= 0 {
				typ = opts.Schema[i].Type
			}
		}
		names[j] = name
		schema = append(schema, data.ColumnDef{Name: name, Type: typ})
	}
	for _, c := range opts.Schema {
		if !seen[c.Name] {
			schema = append(schema, c)
		}
	}
	return names, reorder(schema, opts.Schema), nil
}

// reorder puts the columns of schema that base declares first, in base's
// order, then the others in their order.
func reorder(schema, base data.Schema) data.Schema {
	out := make(data.Schema, 0, len(schema))
	in := map[string]bool{}
	for _, c := range base {
		if i := schema.Index(c.Name); i >= 0 && !in[c.Name] {
			out = append(out, schema[i])
			in[c.Name] = true
		}
	}
	for _, c := range schema {
		if !in[c.Name] {
			out = append(out, c)
		}
	}
	return out
}

// cutCSV cuts after the last newline that is outside quotes. Every chunk
// starts at a record boundary, so a newline is outside quotes exactly when
// an even number of quotes precede it.
func cutCSV(buf []byte) int {
	total := bytes.Count(buf, []byte{'"'})
	end := len(buf)
	after := 0
	for {
		i := bytes.LastIndexByte(buf[:end], '\n')
		if i < 0 {
			return -1
		}
		after += bytes.Count(buf[i:end], []byte{'"'})
		if (total-after)%2 == 0 {
			return i + 1
		}
		end = i
	}
}

// parseCSVChunk parses the records of one chunk. pos maps field positions
// to columns (-1 to skip).
func parseCSVChunk(rs *readState, c chunk, w *worker, pos []int) (*chunkResult, error) {
	p := newChunkParser(rs, w.estimateRows(len(c.buf)), w.hints)
	cr := csvReader{b: c.buf, line: c.line, path: rs.opts.Path}
	for cr.i < len(cr.b) {
		if cr.blankLine() {
			continue
		}
		start := cr.i
		n, err := cr.recordInto(p.cols, pos)
		if err != nil {
			return nil, err
		}
		if n != len(pos) {
			return nil, &SyntaxError{Path: rs.opts.Path, Line: cr.lineAt(start),
				Msg: fmt.Sprintf("record has %d fields, the header has %d", n, len(pos))}
		}
		p.endRow()
	}
	return p.finish(w.hints), nil
}

// csvField is a field as found: its raw text (for a quoted field the text
// between the quotes, with quotes still doubled).
type csvField struct {
	raw []byte
	esc bool // holds doubled quotes
}

// add appends a field to a column. A string column in dictionary mode
// looks the raw text up first, so that a repeated value is neither decoded
// nor checked again.
func (cr *csvReader) add(c *colBuilder, f csvField) {
	if c.typ == data.String && !c.str.plain {
		if c.str.addKnown(f.raw) {
			c.n++
			return
		}
		c.str.addNew(f.raw, cr.decode(f))
		c.n++
		return
	}
	c.addString(cr.decode(f))
}

// decode returns the value of a field: doubled quotes undone, invalid UTF-8
// replaced. The slice is valid until the next call.
func (cr *csvReader) decode(f csvField) []byte {
	v := f.raw
	if f.esc {
		out := cr.scratch[:0]
		for {
			k := bytes.IndexByte(v, '"')
			if k < 0 {
				break
			}
			out = append(out, v[:k+1]...)
			v = v[k+2:]
		}
		out = append(out, v...)
		cr.scratch = out
		v = out
	}
	if !utf8.Valid(v) {
		v = bytes.ToValidUTF8(v, []byte("\uFFFD"))
	}
	return v
}

// csvReader reads records from b.
type csvReader struct {
	b       []byte
	i       int
	line    int // line number of b[0]
	path    string
	scratch []byte
}

// blankLine skips a line holding nothing (or a lone CR) and reports
// whether it did.
func (cr *csvReader) blankLine() bool {
	rest := cr.b[cr.i:]
	switch {
	case len(rest) > 0 && rest[0] == '\n':
		cr.i++
	case len(rest) > 1 && rest[0] == '\r' && rest[1] == '\n':
		cr.i += 2
	case len(rest) == 1 && rest[0] == '\r':
		cr.i++
	default:
		return false
	}
	return true
}

// lineAt returns the line number of byte offset off.
func (cr *csvReader) lineAt(off int) int {
	return cr.line + bytes.Count(cr.b[:off], []byte{'\n'})
}

// errAt reports an error at byte offset off.
func (cr *csvReader) errAt(off int, format string, args ...any) error {
	start := bytes.LastIndexByte(cr.b[:off], '\n') + 1
	return &SyntaxError{Path: cr.path, Line: cr.lineAt(off), Column: utf8.RuneCount(cr.b[start:off]) + 1,
		Msg: fmt.Sprintf(format, args...)}
}

// record reads one record, calling f for each field with its index.
func (cr *csvReader) record(f func(j int, fld csvField)) error {
	for j := 0; ; j++ {
		fld, err := cr.field()
		if err != nil {
			return err
		}
		f(j, fld)
		if cr.endField() {
			return nil
		}
	}
}

// recordInto reads one record into the columns (pos maps field positions
// to columns, -1 to skip) and returns the number of fields.
func (cr *csvReader) recordInto(cols []*colBuilder, pos []int) (int, error) {
	for j := 0; ; j++ {
		var c *colBuilder
		if j < len(pos) && pos[j] >= 0 {
			c = cols[pos[j]]
		}
		if c == nil || !cr.matchLast(c) {
			fld, err := cr.field()
			if err != nil {
				return 0, err
			}
			if c != nil {
				cr.add(c, fld)
			}
		}
		if cr.endField() {
			return j + 1, nil
		}
	}
}

// field reads the field at cr.i, quoted or not.
func (cr *csvReader) field() (csvField, error) {
	if cr.i < len(cr.b) && cr.b[cr.i] == '"' {
		return cr.quoted()
	}
	return cr.unquoted()
}

// endField moves past the comma or newline after a field and reports
// whether the record ended.
func (cr *csvReader) endField() bool {
	if cr.i >= len(cr.b) {
		return true
	}
	c := cr.b[cr.i]
	cr.i++
	return c == '\n'
}

// afterQuote returns where a field ends whose closing quote is just before
// i (past a CR of a CRLF), and whether a comma, a newline or the end
// follows there as it must.
func (cr *csvReader) afterQuote(i int) (int, bool) {
	b := cr.b
	if i < len(b) && b[i] == '\r' && (i+1 == len(b) || b[i+1] == '\n') {
		i++
	}
	return i, i == len(b) || b[i] == ',' || b[i] == '\n'
}

// matchLast takes a quoted field that repeats the previous row's value of
// a dictionary column without scanning it: the raw key, a closing quote and
// a delimiter. A key is a whole quoted body (its quotes come in pairs), so
// a quote after it followed by a delimiter is the closing quote.
func (cr *csvReader) matchLast(c *colBuilder) bool {
	b, i := cr.b, cr.i
	if c.typ != data.String || i >= len(b) || b[i] != '"' {
		return false
	}
	str := c.str
	if str.plain || str.last < 0 {
		return false
	}
	k := str.key(str.last)
	end := i + 1 + len(k) // the closing quote
	if end >= len(b) || b[end] != '"' || !bytes.Equal(b[i+1:end], k) {
		return false
	}
	next, ok := cr.afterQuote(end + 1)
	if !ok {
		return false
	}
	str.addCode(str.last)
	c.n++
	cr.i = next
	return true
}

// unquoted reads a field up to a comma or the end of the line.
func (cr *csvReader) unquoted() (csvField, error) {
	b := cr.b
	start := cr.i
	i := start
	for i+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[i:])
		m := hasByte(w, ',') | hasByte(w, '\n') | hasByte(w, '"')
		if m != 0 {
			i += mbits.TrailingZeros64(m) >> 3
			goto found
		}
		i += 8
	}
	for i < len(b) && b[i] != ',' && b[i] != '\n' && b[i] != '"' {
		i++
	}
found:
	if i < len(b) && b[i] == '"' {
		return csvField{}, cr.errAt(i, "quote inside an unquoted field")
	}
	cr.i = i
	v := b[start:i]
	if (i == len(b) || b[i] == '\n') && len(v) > 0 && v[len(v)-1] == '\r' {
		v = v[:len(v)-1]
	}
	return csvField{raw: v}, nil
}

// quoted reads a quoted field; cr.i is at the opening quote.
func (cr *csvReader) quoted() (csvField, error) {
	b := cr.b
	start := cr.i
	i := start + 1
	esc := false
	for {
		k := bytes.IndexByte(b[i:], '"')
		if k < 0 {
			return csvField{}, cr.errAt(start, "unterminated quoted field")
		}
		i += k
		if i+1 < len(b) && b[i+1] == '"' { // "" is a quote
			esc = true
			i += 2
			continue
		}
		break
	}
	f := csvField{raw: b[start+1 : i], esc: esc}
	i, ok := cr.afterQuote(i + 1)
	if !ok {
		return csvField{}, cr.errAt(i, "unexpected %s after a closing quote", quoteByte(b[i]))
	}
	cr.i = i
	return f, nil
}
