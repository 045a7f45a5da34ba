package tableio

import (
	"bytes"
	"encoding/binary"
	mbits "math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

// JSON strings: finding their end, checking and decoding their escapes.

// SWAR constants: find a byte in 8 bytes at once.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// hasByte returns a word with the high bit set in each byte of w equal to
// c (exact for the lowest such byte, which is all callers use).
func hasByte(w uint64, c byte) uint64 {
	x := w ^ (lsb * uint64(c))
	return (x - lsb) &^ x & msb
}

// Flags of a scanned string.
const (
	strEsc  uint8 = 1 << iota // holds a backslash escape
	strHigh                   // holds bytes outside ASCII
)

// readString reads the string starting at the opening quote at s.i and
// returns its decoded value, valid UTF-8 (invalid bytes are replaced by
// U+FFFD). The slice is valid until the next call.
func (s *scanner) readString() ([]byte, error) {
	start, end, flags, err := s.scanRaw()
	if err != nil {
		return nil, err
	}
	return s.decode(start, end, flags)
}

// scanRaw moves past the string whose opening quote is at s.i without
// decoding it, and returns the offsets of its body and its flags. Escapes
// are checked here (decode can then only fail on nothing).
//
// It reads 8 bytes at a time and finds quotes and backslashes with
// word-wide byte comparisons; a quote is the end unless an odd run of
// backslashes precedes it, which a small loop over the backslashes of the
// word works out (with a carry when a backslash ends the word).
func (s *scanner) scanRaw() (start, end int, flags uint8, err error) {
	b := s.b
	start = s.i + 1
	var high uint64
	carry := false // the first byte of the word is escaped
	for i := start; i < len(b); i += 8 {
		w := load8(b, i)
		bs := eqMask(w, '\\')
		q := eqMask(w, '"')
		if bs|q == 0 && !carry {
			high |= w & msb
			continue
		}
		q0 := q
		var esc uint64 // high bits of escaped bytes
		if bs != 0 || carry {
			esc, carry = escapes(bs, carry)
			q &^= esc
		}
		before := ^uint64(0) // the bytes before the closing quote
		if q != 0 {
			before = uint64(1)<<(mbits.TrailingZeros64(q)&^7) - 1
		}
		if (bs|esc)&before != 0 {
			flags |= strEsc
		}
		if esc&^q0&before != 0 { // escaped bytes other than quotes
			if err := s.checkEscapes(b, i, esc&^q0&before); err != nil {
				return 0, 0, 0, err
			}
		}
		if q != 0 {
			k := mbits.TrailingZeros64(q) >> 3
			if high != 0 || w&msb&before != 0 {
				flags |= strHigh
			}
			s.i = i + k + 1
			return start, i + k, flags, nil
		}
		high |= w & msb
	}
	s.i = len(b)
	return 0, 0, 0, s.errorf("unterminated string")
}

// escapes returns the high bits of the bytes of a word that a backslash
// escapes (bs: high bits of its backslashes; carry: the first byte is
// escaped), and whether the word's last backslash escapes the next word's
// first byte.
func escapes(bs uint64, carry bool) (uint64, bool) {
	var esc uint64
	if carry {
		esc = 0x80
		bs &^= 0x80
	}
	if bs&(bs<<8) == 0 { // no two backslashes in a row: each escapes the next byte
		return esc | bs<<8, bs>>63 != 0
	}
	for bs != 0 {
		p := mbits.TrailingZeros64(bs) // 8k+7
		if p == 63 {
			return esc, true
		}
		esc |= 1 << (p + 8)
		bs &^= 1<<p | 1<<(p+8)
	}
	return esc, false
}

// checkEscapes checks the escaped bytes (high bits in esc) of the word at
// b[i:].
func (s *scanner) checkEscapes(b []byte, i int, esc uint64) error {
	for ; esc != 0; esc &= esc - 1 {
		j := i + mbits.TrailingZeros64(esc)>>3
		if j >= len(b) {
			return nil
		}
		if c := b[j]; !validEscape[c] || c == 'u' && !isHex4(b[j+1:]) {
			s.i = j - 1
			return s.errorf("invalid escape '\\%c' in a string", c)
		}
	}
	return nil
}

// load8 reads 8 bytes at b[i:] as a little-endian word, padding with
// zeros past the end.
func load8(b []byte, i int) uint64 {
	if i+8 <= len(b) {
		return binary.LittleEndian.Uint64(b[i:])
	}
	var w uint64
	for k := len(b) - 1; k >= i; k-- {
		w = w<<8 | uint64(b[k])
	}
	return w
}

// eqMask returns the high bit of each byte of w that equals c, exactly.
func eqMask(w uint64, c byte) uint64 {
	x := w ^ (lsb * uint64(c))
	t := ((x &^ msb) + (msb - lsb)) | x // high bit set where the byte is not zero
	return ^t & msb
}

// decode returns the value of the string body s.b[start:end] scanned with
// the given flags: escapes decoded, invalid UTF-8 replaced. The slice is
// valid until the next call.
func (s *scanner) decode(start, end int, flags uint8) ([]byte, error) {
	v := s.b[start:end]
	if flags&strEsc != 0 {
		save := s.i
		var err error
		v, err = s.unescape(start, end)
		if err != nil {
			return nil, err
		}
		s.i = save
	}
	if flags&strHigh != 0 {
		v = s.validUTF8(v)
	}
	return v, nil
}

// appendString reads the string whose opening quote is at s.i and appends
// its decoded value (valid UTF-8) to dst, in one pass.
func (s *scanner) appendString(dst []byte) ([]byte, error) {
	b := s.b
	start := len(dst)
	i := s.i + 1
	var high uint64
	for i < len(b) {
		if cap(dst)-len(dst) < 8 {
			dst = append(dst, make([]byte, 8+len(dst)/2)...)[:len(dst)]
		}
		w := load8(b, i)
		m := eqMask(w, '\\') | eqMask(w, '"')
		n := len(dst)
		binary.LittleEndian.PutUint64(dst[n:n+8], w)
		if m == 0 {
			if i+8 > len(b) {
				break // the padding of the last word: no closing quote
			}
			high |= w & msb
			dst = dst[:n+8]
			i += 8
			continue
		}
		k := mbits.TrailingZeros64(m) >> 3
		high |= w & msb & (uint64(1)<<(8*uint(k)) - 1)
		dst = dst[:n+k]
		i += k
		if b[i] == '"' {
			s.i = i + 1
			if high != 0 && !utf8.Valid(dst[start:]) {
				fixed := bytes.ToValidUTF8(dst[start:], []byte("\uFFFD"))
				dst = append(dst[:start], fixed...)
			}
			return dst, nil
		}
		if i+1 < len(b) && b[i+1] != 'u' {
			if d := unescapeTable[b[i+1]]; d != 0 {
				dst = append(dst, d)
				i += 2
				continue
			}
		}
		s.i = i
		var err error
		if dst, err = s.escape(dst); err != nil {
			return nil, err
		}
		i = s.i
	}
	s.i = len(b)
	return nil, s.errorf("unterminated string")
}

// unescape decodes the escapes of the string body s.b[start:end].
func (s *scanner) unescape(start, end int) ([]byte, error) {
	b := s.b[:end]
	need := end - start // the decoded text is never longer
	if cap(s.scratch) < need {
		s.scratch = make([]byte, 0, need+need/2+16)
	}
	out := s.scratch[:need]
	n, i := 0, start
	for i < end {
		for i+8 <= end {
			w := binary.LittleEndian.Uint64(b[i:])
			binary.LittleEndian.PutUint64(out[n:], w)
			if m := hasByte(w, '\\'); m != 0 {
				k := mbits.TrailingZeros64(m) >> 3
				n, i = n+k, i+k
				goto esc
			}
			n, i = n+8, i+8
		}
		for i < end && b[i] != '\\' {
			out[n] = b[i]
			n, i = n+1, i+1
		}
		if i >= end {
			break
		}
	esc:
		if i+1 < end && b[i+1] != 'u' {
			if d := unescapeTable[b[i+1]]; d != 0 {
				out[n] = d
				n, i = n+1, i+2
				continue
			}
		}
		s.i = i
		tail, err := s.escape(out[:n])
		if err != nil {
			return nil, err
		}
		n, i = len(tail), s.i
		out = tail[:cap(tail)]
	}
	s.scratch = out[:0]
	return out[:n], nil
}

// isHex4 reports whether b starts with four hexadecimal digits.
func isHex4(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	for _, c := range b[:4] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// validEscape tells the characters that may follow a backslash.
var validEscape = [256]bool{
	'"': true, '\\': true, '/': true, 'b': true, 'f': true, 'n': true, 'r': true, 't': true, 'u': true,
}

// unescapeTable maps the character after a backslash to what it stands for
// (0 for \\u and invalid escapes).
var unescapeTable = [256]byte{
	'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

// escape decodes the escape at s.i (a backslash) onto out.
func (s *scanner) escape(out []byte) ([]byte, error) {
	if s.i+1 >= len(s.b) {
		s.i = len(s.b)
		return out, s.errorf("unterminated string")
	}
	c := s.b[s.i+1]
	s.i += 2
	switch c {
	case '"', '\\', '/':
		return append(out, c), nil
	case 'b':
		return append(out, '\b'), nil
	case 'f':
		return append(out, '\f'), nil
	case 'n':
		return append(out, '\n'), nil
	case 'r':
		return append(out, '\r'), nil
	case 't':
		return append(out, '\t'), nil
	case 'u':
		r, ok := s.hex4()
		if !ok {
			return out, s.errorf("invalid \\u escape in a string")
		}
		if utf16.IsSurrogate(r) {
			r2 := rune(-1)
			if s.i+1 < len(s.b) && s.b[s.i] == '\\' && s.b[s.i+1] == 'u' {
				save := s.i
				s.i += 2
				if r2, ok = s.hex4(); !ok {
					return out, s.errorf("invalid \\u escape in a string")
				}
				if utf16.DecodeRune(r, r2) == utf8.RuneError {
					s.i = save // not a pair: decode the second escape on its own
					r2 = -1
				}
			}
			r = utf16.DecodeRune(r, r2)
		}
		return utf8.AppendRune(out, r), nil
	}
	s.i -= 2
	return out, s.errorf("invalid escape '\\%c' in a string", c)
}

func (s *scanner) hex4() (rune, bool) {
	if s.i+4 > len(s.b) {
		return 0, false
	}
	var r rune
	for _, c := range s.b[s.i : s.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	s.i += 4
	return r, true
}

// validUTF8 returns v, or a copy with invalid bytes replaced by U+FFFD.
func (s *scanner) validUTF8(v []byte) []byte {
	if utf8.Valid(v) {
		return v
	}
	s.fixed = append(s.fixed[:0], bytes.ToValidUTF8(v, []byte("\uFFFD"))...)
	return s.fixed
}
