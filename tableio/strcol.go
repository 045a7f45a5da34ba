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

// strBuilder collects the string values of one column of one chunk.
type strBuilder struct {
	buf   []byte
	rows  int
	plain bool

	// dictionary mode
	codes  []uint32
	ents   []span
	hashes []uint32
	slots  []uint32 // code+1, 0 for an empty slot
	last   int      // code of the previous row, -1 for none

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
	b.rows++
	if b.plain {
		b.spans = append(b.spans, b.store(v))
		return
	}
	if b.last >= 0 {
		e := b.ents[b.last]
		if int(e.n) == len(v) && bytes.Equal(b.buf[e.off:e.off+e.n], v) {
			b.codes = append(b.codes, uint32(b.last))
			return
		}
	}
	code := b.lookup(v)
	b.codes = append(b.codes, uint32(code))
	b.last = code
	if b.rows == sampleRows && float64(len(b.ents)) > plainRatio*sampleRows {
		b.toPlain()
	}
}

// store copies v to the buffer.
func (b *strBuilder) store(v []byte) span {
	s := span{off: uint32(len(b.buf)), n: uint32(len(v))}
	b.buf = append(b.buf, v...)
	return s
}

// lookup returns the code of v, adding it when new.
func (b *strBuilder) lookup(v []byte) int {
	h := maphash.Bytes(strSeed, v)
	h32 := uint32(h)
	mask := uint64(len(b.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := b.slots[i]
		if s == 0 {
			code := len(b.ents)
			b.ents = append(b.ents, b.store(v))
			b.hashes = append(b.hashes, h32)
			b.slots[i] = uint32(code + 1)
			if 2*len(b.ents) > len(b.slots) {
				b.grow()
			}
			return code
		}
		code := int(s - 1)
		if b.hashes[code] == h32 {
			e := b.ents[code]
			if bytes.Equal(b.buf[e.off:e.off+e.n], v) {
				return code
			}
		}
	}
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
	b.codes, b.ents, b.hashes, b.slots = nil, nil, nil, nil
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

// strPart is the finished string storage of one chunk.
type strPart struct {
	rows  int
	codes []uint32 // dictionary mode: one code per row into vals
	vals  []string // dictionary mode: distinct values
	plain []string // plain mode: one value per row
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
		return strPart{rows: b.rows, plain: spanStrings(buf, b.spans)}
	}
	return strPart{rows: b.rows, codes: b.codes, vals: spanStrings(buf, b.ents)}
}

// spanStrings returns the strings at spans of buf, sharing its memory.
// buf must never change afterwards.
func spanStrings(buf []byte, spans []span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		if s.n != 0 {
			out[i] = unsafe.String(&buf[s.off], int(s.n))
		}
	}
	return out
}

// value returns row i of a finished part.
func (p *strPart) value(i int) string {
	if p.plain != nil {
		return p.plain[i]
	}
	return p.vals[p.codes[i]]
}
