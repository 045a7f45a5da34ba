package data

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// SyntaxError describes invalid JSON text: the byte offset and what was wrong.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at offset %d: %s", e.Offset, e.Msg)
}

// maxJSONDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxJSONDepth = 1000

// ParseJSON parses JSON text into a dynamic value. Integers that fit in 64
// bits become long, other numbers real. Like Kusto's parser it is lenient:
// strings may also use single quotes. Trailing garbage is an error.
func ParseJSON(s string) (Dyn, error) {
	p := jsonParser{s: s}
	p.skipSpace()
	v, err := p.value(0)
	if err != nil {
		return Dyn{}, err
	}
	p.skipSpace()
	if p.i != len(p.s) {
		return Dyn{}, p.errorf("unexpected %q after the value", p.s[p.i])
	}
	return v, nil
}

type jsonParser struct {
	s   string
	i   int
	buf []byte
}

func (p *jsonParser) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: p.i, Msg: fmt.Sprintf(format, args...)}
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (Dyn, error) {
	if depth > maxJSONDepth {
		return Dyn{}, p.errorf("nesting deeper than %d", maxJSONDepth)
	}
	if p.i >= len(p.s) {
		return Dyn{}, p.errorf("unexpected end of input")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"' || c == '\'':
		s, err := p.str()
		if err != nil {
			return Dyn{}, err
		}
		return DynStringOf(s), nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		return p.word()
	}
}

func (p *jsonParser) word() (Dyn, error) {
	rest := p.s[p.i:]
	for _, w := range [...]struct {
		text string
		v    Dyn
	}{
		{"true", DynBoolOf(true)}, {"false", DynBoolOf(false)}, {"null", Dyn{}},
		{"NaN", DynRealOf(math.NaN())}, {"Infinity", DynRealOf(math.Inf(1))},
	} {
		if len(rest) >= len(w.text) && rest[:len(w.text)] == w.text {
			p.i += len(w.text)
			return w.v, nil
		}
	}
	return Dyn{}, p.errorf("unexpected character %q", p.s[p.i])
}

func (p *jsonParser) object(depth int) (Dyn, error) {
	p.i++ // {
	var keys []string
	var vals []Dyn
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return DynBagOf(keys, vals), nil
	}
	for {
		p.skipSpace()
		if p.i >= len(p.s) || (p.s[p.i] != '"' && p.s[p.i] != '\'') {
			return Dyn{}, p.errorf("expected a quoted property name")
		}
		k, err := p.str()
		if err != nil {
			return Dyn{}, err
		}
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return Dyn{}, p.errorf("expected ':' after a property name")
		}
		p.i++
		p.skipSpace()
		v, err := p.value(depth + 1)
		if err != nil {
			return Dyn{}, err
		}
		keys = append(keys, k)
		vals = append(vals, v)
		p.skipSpace()
		if p.i >= len(p.s) {
			return Dyn{}, p.errorf("unexpected end of input in an object")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return DynBagOf(keys, vals), nil
		default:
			return Dyn{}, p.errorf("expected ',' or '}' in an object")
		}
	}
}

func (p *jsonParser) array(depth int) (Dyn, error) {
	p.i++ // [
	items := []Dyn{}
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return DynArrayOf(items), nil
	}
	for {
		p.skipSpace()
		v, err := p.value(depth + 1)
		if err != nil {
			return Dyn{}, err
		}
		items = append(items, v)
		p.skipSpace()
		if p.i >= len(p.s) {
			return Dyn{}, p.errorf("unexpected end of input in an array")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return DynArrayOf(items), nil
		default:
			return Dyn{}, p.errorf("expected ',' or ']' in an array")
		}
	}
}

// str reads a quoted string; the quote character is the one at p.i.
func (p *jsonParser) str() (string, error) {
	q := p.s[p.i]
	p.i++
	start := p.i
	// fast path: no escapes
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == q {
			s := p.s[start:p.i]
			p.i++
			return s, nil
		}
		if c == '\\' {
			break
		}
		p.i++
	}
	p.buf = append(p.buf[:0], p.s[start:p.i]...)
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == q:
			p.i++
			return string(p.buf), nil
		case c == '\\':
			if err := p.escape(); err != nil {
				return "", err
			}
		default:
			p.buf = append(p.buf, c)
			p.i++
		}
	}
	return "", p.errorf("unterminated string")
}

func (p *jsonParser) escape() error {
	p.i++
	if p.i >= len(p.s) {
		return p.errorf("unterminated escape")
	}
	c := p.s[p.i]
	p.i++
	switch c {
	case '"', '\\', '/', '\'':
		p.buf = append(p.buf, c)
	case 'b':
		p.buf = append(p.buf, '\b')
	case 'f':
		p.buf = append(p.buf, '\f')
	case 'n':
		p.buf = append(p.buf, '\n')
	case 'r':
		p.buf = append(p.buf, '\r')
	case 't':
		p.buf = append(p.buf, '\t')
	case 'u':
		r, ok := p.hex4()
		if !ok {
			return p.errorf("invalid \\u escape")
		}
		if utf16.IsSurrogate(r) {
			if p.i+1 < len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
				p.i += 2
				r2, ok := p.hex4()
				if !ok {
					return p.errorf("invalid \\u escape")
				}
				r = utf16.DecodeRune(r, r2)
			} else {
				r = utf8.RuneError
			}
		}
		p.buf = utf8.AppendRune(p.buf, r)
	default:
		return p.errorf("invalid escape '\\%c'", c)
	}
	return nil
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.i+4 > len(p.s) {
		return 0, false
	}
	v, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 32)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(v), true
}

func (p *jsonParser) number() (Dyn, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
		if p.i < len(p.s) && p.s[p.i] == 'I' {
			if len(p.s)-p.i >= 8 && p.s[p.i:p.i+8] == "Infinity" {
				p.i += 8
				return DynRealOf(math.Inf(-1)), nil
			}
		}
	}
	isInt := true
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c >= '0' && c <= '9' {
			p.i++
			continue
		}
		if c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' {
			isInt = false
			p.i++
			continue
		}
		break
	}
	text := p.s[start:p.i]
	if isInt {
		if v, err := strconv.ParseInt(text, 10, 64); err == nil {
			return DynLongOf(v), nil
		}
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return DynRealOf(f), nil
		}
		p.i = start
		return Dyn{}, p.errorf("invalid number %q", text)
	}
	return DynRealOf(f), nil
}

// String returns the compact JSON text of d, as Kusto's tostring() of a
// dynamic value gives it (a dynamic string is returned without quotes by
// tostring; this method always gives JSON).
func (d Dyn) String() string { return string(d.AppendJSON(nil)) }

// AppendJSON appends the compact JSON form of d to dst. Datetimes, timespans,
// guids and decimals are written as strings, reals always with a fraction or
// exponent ("10.0"), NaN and infinities as the strings "NaN", "Infinity",
// "-Infinity".
func (d Dyn) AppendJSON(dst []byte) []byte {
	switch d.k {
	case DynNull:
		return append(dst, "null"...)
	case DynBool:
		if d.n != 0 {
			return append(dst, "true"...)
		}
		return append(dst, "false"...)
	case DynInt, DynLong:
		return strconv.AppendInt(dst, int64(d.n), 10)
	case DynReal:
		return AppendJSONReal(dst, d.Real())
	case DynString, DynGUID:
		return AppendJSONString(dst, d.s)
	case DynDecimal:
		return AppendJSONString(dst, d.s)
	case DynDateTime:
		dst = append(dst, '"')
		dst = AppendDateTime(dst, int64(d.n), false)
		return append(dst, '"')
	case DynTimeSpan:
		dst = append(dst, '"')
		dst = AppendTimeSpan(dst, int64(d.n))
		return append(dst, '"')
	case DynArray:
		dst = append(dst, '[')
		for i, it := range d.c.items {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = it.AppendJSON(dst)
		}
		return append(dst, ']')
	case DynBag:
		dst = append(dst, '{')
		for i, k := range d.c.keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = AppendJSONString(dst, k)
			dst = append(dst, ':')
			dst = d.c.items[i].AppendJSON(dst)
		}
		return append(dst, '}')
	}
	return dst
}

// AppendJSONReal writes a real as JSON the way Kusto does inside dynamic
// values: shortest round-trip digits, always with a fraction or exponent.
func AppendJSONReal(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(dst, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(dst, `"-Infinity"`...)
	}
	start := len(dst)
	dst = AppendReal(dst, f)
	for _, c := range dst[start:] {
		if c == '.' || c == 'E' {
			return dst
		}
	}
	return append(dst, ".0"...)
}

// FormatReal formats a real the way Kusto's tostring() does: the shortest
// digits that round-trip, in exponent form ("1E+20", "1E-05") only for
// very large or very small magnitudes.
func FormatReal(f float64) string { return string(AppendReal(nil, f)) }

// AppendReal appends FormatReal(f) to dst.
func AppendReal(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(f, -1):
		return append(dst, "-Infinity"...)
	case f == 0:
		return append(dst, '0')
	}
	exp := int(math.Floor(math.Log10(math.Abs(f))))
	if exp >= 15 || exp < -5 {
		b := strconv.AppendFloat(nil, f, 'E', -1, 64)
		// Go writes E+20 / E-05 style already with at least two exponent digits.
		return append(dst, b...)
	}
	return strconv.AppendFloat(dst, f, 'f', -1, 64)
}

const hexDigits = "0123456789abcdef"

// AppendJSONString appends s as a quoted JSON string.
func AppendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"':
			dst = append(dst, '\\', '"')
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
