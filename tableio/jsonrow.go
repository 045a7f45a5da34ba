package tableio

import (
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

// chunkParser turns JSON objects (rows) into column builders for one chunk
// of input. It is used by one goroutine at a time.
type chunkParser struct {
	rs   *readState
	cols []*colBuilder // declared columns first, then new ones in order of appearance
	rows int

	keys map[string]int // property name → column index, -1 to skip
	pred []predKey      // the previous row's properties, to guess the next
	sc   scanner
}

// predKey is a property of the previous row and its column. lit is the
// property name as it appears in JSON, with its quotes, when it needs no
// escapes (else ""): the next row's name can be matched against it without
// scanning the string.
type predKey struct {
	name string
	lit  string
	col  int
}

func newPredKey(name string, col int) predKey {
	pk := predKey{name: name, col: col}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c == '"' || c == '\\' || c < 0x20 {
			return pk
		}
	}
	pk.lit = `"` + name + `"`
	return pk
}

// newChunkParser returns a parser for about rows rows; hints come from the
// chunk the worker read before.
func newChunkParser(rs *readState, rows int, hints map[string]colHint) *chunkParser {
	p := &chunkParser{rs: rs, keys: make(map[string]int, len(rs.declared)+8)}
	for _, c := range rs.declared {
		p.keys[c.Name] = len(p.cols)
		p.cols = append(p.cols, newColBuilder(c.Name, c.Type, rows, hints[c.Name]))
	}
	return p
}

// column returns the column of the k-th property of the current row.
func (p *chunkParser) column(k int, key []byte) int {
	if k < len(p.pred) && p.pred[k].name == string(key) {
		return p.pred[k].col
	}
	ci, ok := p.keys[string(key)]
	if !ok {
		ci = p.newKey(string(key))
	}
	var pk predKey
	if ci >= 0 {
		pk = newPredKey(p.cols[ci].name, ci)
	} else {
		pk = newPredKey(string(key), -1)
	}
	if k < len(p.pred) {
		p.pred[k] = pk
	} else if k == len(p.pred) {
		p.pred = append(p.pred, pk)
	}
	return ci
}

// newKey registers a property name seen for the first time in this chunk.
func (p *chunkParser) newKey(name string) int {
	if !p.rs.wants(name) {
		p.keys[name] = -1
		return -1
	}
	c := newColBuilder(name, data.Unknown, p.rows+16, colHint{})
	c.pad(p.rows)
	p.keys[name] = len(p.cols)
	p.cols = append(p.cols, c)
	return len(p.cols) - 1
}

// parseObject reads one JSON object at the scanner's position as a row.
func (p *chunkParser) parseObject() error {
	sc := &p.sc
	sc.skipWS()
	if sc.peek() != '{' {
		return sc.unexpected("a JSON object")
	}
	sc.i++
	sc.skipWS()
	if sc.peek() == '}' {
		sc.i++
		p.endRow()
		return nil
	}
	for k := 0; ; k++ {
		ci, err := p.key(k)
		if err != nil {
			return err
		}
		sc.skipWS()
		if sc.peek() != ':' {
			return sc.unexpected("':'")
		}
		sc.i++
		sc.skipWS()
		if ci < 0 {
			err = sc.skipValue(0)
		} else {
			err = p.value(p.cols[ci])
		}
		if err != nil {
			return err
		}
		sc.skipWS()
		switch sc.peek() {
		case ',':
			sc.i++
			sc.skipWS()
		case '}':
			sc.i++
			p.endRow()
			return nil
		default:
			return sc.unexpected("',' or '}'")
		}
	}
}

// key reads the k-th property name of the row and returns its column.
func (p *chunkParser) key(k int) (int, error) {
	sc := &p.sc
	if k < len(p.pred) {
		if lit := p.pred[k].lit; lit != "" && len(sc.b)-sc.i >= len(lit) &&
			string(sc.b[sc.i:sc.i+len(lit)]) == lit {
			sc.i += len(lit)
			return p.pred[k].col, nil
		}
	}
	if sc.peek() != '"' {
		return 0, sc.unexpected("a quoted property name")
	}
	key, err := sc.readString()
	if err != nil {
		return 0, err
	}
	return p.column(k, key), nil
}

// endRow completes the current row: columns it did not mention get null.
func (p *chunkParser) endRow() {
	p.rows++
	for _, c := range p.cols {
		if c.n < p.rows {
			c.addNull()
		}
	}
}

// value reads one JSON value into column c.
func (p *chunkParser) value(c *colBuilder) error {
	if c.n > p.rows {
		c.truncate(p.rows) // a repeated property: the last one wins
	}
	sc := &p.sc
	switch ch := sc.peek(); ch {
	case '"':
		if c.typ == data.String && c.str.plain {
			if err := c.str.appendJSON(sc); err != nil {
				return err
			}
			c.n++
			return nil
		}
		if c.typ == data.String {
			if n, ok := c.str.matchLast(sc.b, sc.i+1); ok {
				sc.i += n + 2
				c.n++
				return nil
			}
			start, end, flags, err := sc.scanRaw()
			if err != nil {
				return err
			}
			return c.addRawString(sc, start, end, flags)
		}
		v, err := sc.readString()
		if err != nil {
			return err
		}
		c.addString(v)
	case '{', '[':
		start := sc.i
		if err := sc.skipValue(0); err != nil {
			return err
		}
		raw := sc.b[start:sc.i]
		if !utf8.Valid(raw) {
			raw = sc.validUTF8(raw)
		}
		c.addJSON(raw)
	case 't', 'f':
		word := "true"
		if ch == 'f' {
			word = "false"
		}
		if err := sc.literal(word); err != nil {
			return err
		}
		c.addBool(ch == 't')
	case 'n':
		if err := sc.literal("null"); err != nil {
			return err
		}
		c.addNull()
	default:
		v, isInt, err := sc.readNumber()
		if err != nil {
			return err
		}
		c.addNumber(v, isInt)
	}
	return nil
}

// chunkResult is the finished output of one chunk.
type chunkResult struct {
	rows int
	cols []*colBuilder
}

// finish freezes the parser's columns; hints receives what the next chunk
// should know.
func (p *chunkParser) finish(hints map[string]colHint) *chunkResult {
	for _, c := range p.cols {
		if hints != nil {
			hints[c.name] = c.hint()
		}
		c.finish()
	}
	return &chunkResult{rows: p.rows, cols: p.cols}
}
