package tableio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	mbits "math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds the nesting of JSON values in input files. It is below
// data.ParseJSON's own limit, so that every value the scanner accepts
// parses there too.
const maxDepth = 500

// scanError is a syntax error at a byte offset of the scanner's input.
type scanError struct {
	off int
	msg string
}

func (e *scanError) Error() string { return e.msg }

// scanner reads JSON text from b. It is a hand-written, allocation-free
// reader for the hot path of JSON Lines: strings come back as slices of b
// (or of a scratch buffer when they hold escapes or invalid UTF-8), numbers
// as their text.
type scanner struct {
	b       []byte
	i       int
	scratch []byte
	fixed   []byte // for strings repaired to valid UTF-8
	line    bool   // the input is one line (say "end of line", not "end of input")
}

func (s *scanner) reset(b []byte) {
	s.b, s.i = b, 0
}

func (s *scanner) errorf(format string, args ...any) error {
	return &scanError{off: s.i, msg: fmt.Sprintf(format, args...)}
}

// unexpected reports the byte at the current position.
func (s *scanner) unexpected(what string) error {
	if s.i >= len(s.b) {
		if s.line {
			return s.errorf("unexpected end of line, expected %s", what)
		}
		return s.errorf("unexpected end of input, expected %s", what)
	}
	return s.errorf("unexpected %s, expected %s", quoteByte(s.b[s.i]), what)
}

func quoteByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("'%c'", c)
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

func (s *scanner) skipWS() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek returns the current byte, or 0 at the end.
func (s *scanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

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
// are only checked by decode.
func (s *scanner) scanRaw() (start, end int, flags uint8, err error) {
	b := s.b
	start = s.i + 1
	i := start
	var high uint64
	for {
		for i+8 <= len(b) {
			w := binary.LittleEndian.Uint64(b[i:])
			m := hasByte(w, '"') | hasByte(w, '\\')
			if m != 0 {
				k := mbits.TrailingZeros64(m) >> 3
				high |= w & msb & (uint64(1)<<(8*uint(k)) - 1)
				i += k
				goto special
			}
			high |= w & msb
			i += 8
		}
		for i < len(b) && b[i] != '"' && b[i] != '\\' {
			high |= uint64(b[i] & 0x80)
			i++
		}
	special:
		if i >= len(b) {
			s.i = len(b)
			return 0, 0, 0, s.errorf("unterminated string")
		}
		if b[i] == '"' {
			break
		}
		// Escapes come in clusters (JSON text inside a string): go on
		// byte by byte.
		flags |= strEsc
		for i < len(b) {
			c := b[i]
			if c == '\\' {
				if i+1 < len(b) && (!validEscape[b[i+1]] || b[i+1] == 'u' && !isHex4(b[i+2:])) {
					s.i = i
					return 0, 0, 0, s.errorf("invalid escape '\\%c' in a string", b[i+1])
				}
				i += 2
				continue
			}
			if c == '"' {
				break
			}
			high |= uint64(c & 0x80)
			i++
		}
		if i >= len(b) {
			s.i = len(b)
			return 0, 0, 0, s.errorf("unterminated string")
		}
		break
	}
	if high != 0 {
		flags |= strHigh
	}
	s.i = i + 1
	return start, i, flags, nil
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

// readNumber reads a JSON number (and the non-standard NaN, Infinity and
// -Infinity) and returns its text and whether it is an integer.
func (s *scanner) readNumber() ([]byte, bool, error) {
	start := s.i
	b := s.b
	i := s.i
	if i < len(b) && b[i] == '-' {
		i++
	}
	if lit := matchWord(b[i:], "Infinity"); lit || matchWord(b[start:], "NaN") {
		if lit {
			i += len("Infinity")
		} else {
			i = start + len("NaN")
		}
		s.i = i
		return b[start:i], false, nil
	}
	d := digits(b, i)
	if d == i {
		s.i = i
		return nil, false, s.unexpected("a value")
	}
	if b[i] == '0' && d > i+1 {
		s.i = i + 1
		return nil, false, s.errorf("invalid number: leading zero")
	}
	i = d
	isInt := true
	if i < len(b) && b[i] == '.' {
		isInt = false
		if d = digits(b, i+1); d == i+1 {
			s.i = d
			return nil, false, s.errorf("invalid number: no digits after '.'")
		}
		i = d
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		isInt = false
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if d = digits(b, i); d == i {
			s.i = d
			return nil, false, s.errorf("invalid number: no digits in the exponent")
		}
		i = d
	}
	s.i = i
	return b[start:i], isInt, nil
}

func digits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}

func matchWord(b []byte, w string) bool {
	return len(b) >= len(w) && string(b[:len(w)]) == w
}

// literal reads true, false or null.
func (s *scanner) literal(w string) error {
	if !matchWord(s.b[s.i:], w) {
		return s.unexpected("a value")
	}
	s.i += len(w)
	return nil
}

// skipValue checks the JSON value at s.i and moves past it.
func (s *scanner) skipValue(depth int) error {
	switch c := s.peek(); {
	case c == '"':
		return s.skipString()
	case c == '{' || c == '[':
		if depth >= maxDepth {
			return s.errorf("JSON nested deeper than %d levels", maxDepth)
		}
		return s.skipContainer(depth)
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	default:
		_, _, err := s.readNumber()
		return err
	}
}

// skipString moves past a string without decoding it.
func (s *scanner) skipString() error {
	_, _, _, err := s.scanRaw()
	return err
}

// skipContainer checks an object or array at s.i and moves past it.
func (s *scanner) skipContainer(depth int) error {
	open := s.b[s.i]
	s.i++
	s.skipWS()
	closer := byte(']')
	if open == '{' {
		closer = '}'
	}
	if s.peek() == closer {
		s.i++
		return nil
	}
	for {
		if open == '{' {
			if s.peek() != '"' {
				return s.unexpected("a quoted property name")
			}
			if err := s.skipString(); err != nil {
				return err
			}
			s.skipWS()
			if s.peek() != ':' {
				return s.unexpected("':'")
			}
			s.i++
			s.skipWS()
		}
		if err := s.skipValue(depth + 1); err != nil {
			return err
		}
		s.skipWS()
		switch s.peek() {
		case ',':
			s.i++
			s.skipWS()
		case closer:
			s.i++
			return nil
		default:
			return s.unexpected(fmt.Sprintf("',' or '%c'", closer))
		}
	}
}
