package tableio

import (
	"fmt"
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
