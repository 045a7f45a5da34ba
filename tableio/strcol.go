package tableio

import (
	"bytes"
	"hash/maphash"
	"unsafe"
)

// String storage.
//
// A string column is built per chunk of input in a strBuilder: the bytes of
// the values are appended to one buffer and rows refer to them by offset.
// While a chunk's values repeat, the builder keeps a dictionary (an
// open-addressing hash table over the distinct values) and rows hold codes;
// when the first rows of a chunk turn out to be nearly all distinct it
// stops hashing and records one span per row.
//
// When the chunk is done, finish turns the spans into Go strings that point
// into the buffer with unsafe.String. Invariant: once finish has run, the
// buffer is never written again and never reused, so those strings are
// immutable like any other; the buffer stays alive as long as any of them
// does. This saves one heap allocation per value.

// strSeed seeds the hash of string values.
var strSeed = maphash.MakeSeed()

// Sampling of a chunk's distinct values: after sampleRows rows, a column
// with more than plainRatio of them distinct switches to plain storage.
const (
	sampleRows = 1024
	plainRatio = 0.75
)

// span locates a value in a strBuilder's buffer.
type span struct {
	off, n uint32
}

// inKeys marks a key span that lies in kbuf rather than buf.
const inKeys = 1 << 31

// strBuilder collects the string values of one column of one chunk.
//
// In dictionary mode each distinct value has a key: the text it was found
// under. For most values the key is the value; a JSON string with escapes
// is keyed by its raw (escaped) text, so that a repeated value is found
// without decoding it again. Two keys may then stand for one value; the
// merge removes such duplicates.
type strBuilder struct {
	buf   []byte
	rows  int
	plain bool

	// dictionary mode
	codes  []uint32
	ents   []span // values, in buf
	keys   []span // keys, in buf or (with inKeys) in kbuf
	kbuf   []byte
	hashes []uint32
	slots  []uint32 // code+1, 0 for an empty slot
	last   int      // code of the previous row, -1 for none
	opaque bits     // codes whose key is not a JSON string body (see matchLast)

	// plain mode
	spans []span
}

// newStrBuilder returns a builder sized for about rows rows of size bytes;
// plain starts it in plain mode.
func newStrBuilder(rows, size int, plain bool) *strBuilder {
	b := &strBuilder{buf: make([]byte, 0, size), plain: plain, last: -1}
	if plain {
		b.spans = make([]span, 0, rows)
	} else {
		b.codes = make([]uint32, 0, rows)
		b.slots = make([]uint32, 256)
	}
	return b
}

// add appends one value. v is copied.
func (b *strBuilder) add(v []byte) {
	if b.plain {
		b.rows++
		b.spans = append(b.spans, b.store(v))
		return
	}
	if !b.addKnown(v) {
		b.addNew(v, v)
	}
}

// addKnown appends the value whose key is key, if the dictionary has it.
func (b *strBuilder) addKnown(key []byte) bool {
	if b.last >= 0 && bytes.Equal(b.key(b.last), key) {
		b.addCode(b.last)
		return true
	}
	h := maphash.Bytes(strSeed, key)
	mask := uint64(len(b.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := b.slots[i]
		if s == 0 {
			return false
		}
		code := int(s - 1)
		if b.hashes[code] == uint32(h) && bytes.Equal(b.key(code), key) {
			b.addCode(code)
			return true
		}
	}
}

// addNew appends a value not in the dictionary, under key (which is v
// itself for most values). Both are copied.
func (b *strBuilder) addNew(key, v []byte) {
	code := len(b.ents)
	b.ents = append(b.ents, b.store(v))
	if bytes.Equal(key, v) {
		b.keys = append(b.keys, b.ents[code])
	} else {
		b.keys = append(b.keys, span{off: uint32(len(b.kbuf)) | inKeys, n: uint32(len(key))})
		b.kbuf = append(b.kbuf, key...)
	}
	h := maphash.Bytes(strSeed, key)
	b.hashes = append(b.hashes, uint32(h))
	mask := uint64(len(b.slots) - 1)
	i := h & mask
	for b.slots[i] != 0 {
		i = (i + 1) & mask
	}
	b.slots[i] = uint32(code + 1)
	if 2*len(b.ents) > len(b.slots) {
		b.grow()
	}
	b.addCode(code)
}

// appendJSON appends, in plain mode, the JSON string at the scanner,
// decoding it straight into the buffer.
func (b *strBuilder) appendJSON(sc *scanner) error {
	start := len(b.buf)
	buf, err := sc.appendString(b.buf)
	if err != nil {
		return err
	}
	b.buf = buf
	b.rows++
	b.spans = append(b.spans, span{off: uint32(start), n: uint32(len(buf) - start)})
	return nil
}

// addText appends a value that is not a JSON string body (the text of an
// object in a string column): matchLast must never take its key for one.
func (b *strBuilder) addText(v []byte) {
	b.add(v)
	if !b.plain && bytes.ContainsAny(v, `"\\`) {
		b.opaque.set(b.last)
	}
}

// matchLast appends the previous row's value again if the raw string body
// starting at b[i] is its key followed by a closing quote, and returns the
// key's length. A key is a whole string body, so its run of trailing
// backslashes is even and the quote after it does close the string.
func (b *strBuilder) matchLast(in []byte, i int) (int, bool) {
	if b.plain || b.last < 0 || b.opaque.get(b.last) {
		return 0, false
	}
	k := b.key(b.last)
	if len(in)-i <= len(k) || in[i+len(k)] != '"' || !bytes.Equal(in[i:i+len(k)], k) {
		return 0, false
	}
	b.addCode(b.last)
	return len(k), true
}

// addCode appends a row holding value code.
func (b *strBuilder) addCode(code int) {
	b.rows++
	b.codes = append(b.codes, uint32(code))
	b.last = code
	if b.rows == sampleRows && float64(len(b.ents)) > plainRatio*sampleRows {
		b.toPlain()
	}
}

// key returns the key bytes of code.
func (b *strBuilder) key(code int) []byte {
	k := b.keys[code]
	if k.off&inKeys != 0 {
		off := k.off &^ inKeys
		return b.kbuf[off : off+k.n]
	}
	return b.buf[k.off : k.off+k.n]
}

// store copies v to the buffer.
func (b *strBuilder) store(v []byte) span {
	s := span{off: uint32(len(b.buf)), n: uint32(len(v))}
	b.buf = append(b.buf, v...)
	return s
}

// grow doubles the hash table.
func (b *strBuilder) grow() {
	slots := make([]uint32, 2*len(b.slots))
	mask := uint32(len(slots) - 1)
	for code, h := range b.hashes {
		i := h & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = uint32(code + 1)
	}
	b.slots = slots
}

// toPlain switches to one span per row.
func (b *strBuilder) toPlain() {
	b.spans = make([]span, len(b.codes), cap(b.codes))
	for i, c := range b.codes {
		b.spans[i] = b.ents[c]
	}
	b.plain = true
	b.codes, b.ents, b.keys, b.kbuf, b.hashes, b.slots = nil, nil, nil, nil, nil, nil
}

// truncate drops rows from n on (used when a key repeats in a JSON object).
func (b *strBuilder) truncate(n int) {
	if n >= b.rows {
		return
	}
	b.rows = n
	if b.plain {
		b.spans = b.spans[:n]
	} else {
		b.codes = b.codes[:n]
		b.last = -1
	}
}

// strPart is the finished string storage of one chunk. Plain parts keep
// their spans: the merge makes the strings straight into the output.
type strPart struct {
	rows    int
	codes   []uint32 // dictionary mode: one code per row into vals
	vals    []string // dictionary mode: distinct values
	isPlain bool
	buf     []byte // plain mode: the bytes, frozen
	spans   []span // plain mode: one span per row
}

// finish freezes the builder into a strPart. The builder must not be used
// afterwards.
func (b *strBuilder) finish() strPart {
	buf := b.buf
	if cap(buf) > len(buf)+len(buf)/8+64 {
		buf = append([]byte(nil), buf...)
	}
	b.buf = nil
	if b.plain {
		return strPart{rows: b.rows, isPlain: true, buf: buf, spans: b.spans}
	}
	return strPart{rows: b.rows, codes: b.codes, vals: spanStrings(buf, b.ents)}
}

// spanStrings returns the strings at spans of buf, sharing its memory.
// buf must never change afterwards.
func spanStrings(buf []byte, spans []span) []string {
	out := make([]string, len(spans))
	putStrings(out, buf, spans)
	return out
}

// putStrings stores in out the strings at spans of buf, sharing its memory.
// buf must never change afterwards.
func putStrings(out []string, buf []byte, spans []span) {
	out = out[:len(spans)]
	for i, s := range spans {
		if s.n != 0 {
			out[i] = unsafe.String(&buf[s.off], int(s.n))
		}
	}
}

// value returns row i of a finished part.
func (p *strPart) value(i int) string {
	if p.isPlain {
		s := p.spans[i]
		if s.n == 0 {
			return ""
		}
		return unsafe.String(&p.buf[s.off], int(s.n))
	}
	return p.vals[p.codes[i]]
}
