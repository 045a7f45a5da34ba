package tableio

import (
	"math"
	"strconv"
	"strings"
	"unsafe"

	"github.com/kqlkit/kqlkit/data"
)

// trimSpace trims ASCII white space.
func trimSpace(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// parseInt parses an optionally signed decimal integer without allocating;
// false when s is not one or overflows int64.
func parseInt(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	if s == "" || len(s) > 19 {
		if len(s) > 19 {
			return parseIntSlow(neg, s)
		}
		return 0, false
	}
	var u uint64
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		u = u*10 + uint64(c)
	}
	if neg {
		if u > 1<<63 {
			return 0, false
		}
		return -int64(u), true
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

// parseIntSlow handles integers with leading zeros longer than 19 digits.
func parseIntSlow(neg bool, s string) (int64, bool) {
	t := strings.TrimLeft(s, "0")
	if len(t) > 19 {
		return 0, false
	}
	if t == "" {
		return 0, isDigits(s)
	}
	if neg {
		return parseInt("-" + t)
	}
	return parseInt(t)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// textToLong converts text to a long: an integer in range, or a number
// with an integral value (1.0, 1e3). Anything else does not convert.
func textToLong(s string) (int64, bool) {
	s = trimSpace(s)
	if n, ok := parseInt(s); ok {
		return n, true
	}
	f, ok := textToReal(s)
	if !ok || f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 {
		return 0, false
	}
	return int64(f), true
}

// textToReal converts text to a real. NaN and infinities are accepted in
// the spellings Kusto writes ("NaN", "Infinity", "-Infinity") and Go's.
func textToReal(s string) (float64, bool) {
	s = trimSpace(s)
	if s == "" || !looksNumeric(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}

// looksNumeric rejects forms Go's ParseFloat takes but Kusto does not:
// hexadecimal floats and underscores.
func looksNumeric(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '.', c == '-', c == '+', c == 'e', c == 'E':
		case c == 'x' || c == 'X' || c == '_' || c == 'p' || c == 'P':
			return false
		}
	}
	return true
}

// textToBool converts "true"/"false" (any case) and "1"/"0".
func textToBool(s string) (bool, bool) {
	s = trimSpace(s)
	switch {
	case strings.EqualFold(s, "true") || s == "1":
		return true, true
	case strings.EqualFold(s, "false") || s == "0":
		return false, true
	}
	return false, false
}

// numberDyn returns the dynamic value of a JSON number: long when it is an
// integer that fits, real otherwise (infinite when out of range).
func numberDyn(s string, isInt bool) data.Dyn {
	if isInt {
		if n, ok := parseInt(s); ok {
			return data.DynLongOf(n)
		}
	}
	f, _ := textToReal(s)
	return data.DynRealOf(f)
}

// arena hands out immutable strings carved from large byte slabs, so that
// many small strings cost one allocation. A slab is never written again
// once a string was taken from it.
type arena struct {
	slab []byte
}

const arenaSlab = 64 << 10

// str returns a copy of b that lives in the arena.
func (a *arena) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > arenaSlab/4 {
		return string(b)
	}
	if cap(a.slab)-len(a.slab) < len(b) {
		a.slab = make([]byte, 0, arenaSlab)
	}
	off := len(a.slab)
	a.slab = append(a.slab, b...)
	return unsafe.String(&a.slab[off], len(b))
}

// dynCache parses the JSON texts of a dynamic column, each distinct text
// once per chunk (while that pays off).
type dynCache struct {
	m       map[string]data.Dyn
	arena   arena
	lookups int
	hits    int
	off     bool
}

// Cache policy: give up when fewer than 1 in 8 of the first cacheProbe
// lookups hit, and stop growing past cacheMax entries.
const (
	cacheProbe = 4096
	cacheMax   = 1 << 16
)

// parseText converts a string cell of a dynamic column: its text is parsed
// as JSON (as parse_json does); text that is not JSON becomes a dynamic
// string, and empty text null.
func (d *dynCache) parseText(v []byte) data.Dyn {
	if len(trimSpace(unsafe.String(unsafe.SliceData(v), len(v)))) == 0 {
		return data.Dyn{}
	}
	return d.get(v)
}

// parseJSON converts the raw text of a JSON object or array.
func (d *dynCache) parseJSON(raw []byte) data.Dyn { return d.get(raw) }

func (d *dynCache) get(v []byte) data.Dyn {
	if !d.off {
		d.lookups++
		if x, ok := d.m[string(v)]; ok {
			d.hits++
			return x
		}
		if d.lookups == cacheProbe && d.hits < cacheProbe/8 {
			d.off, d.m = true, nil
		}
	}
	s := d.arena.str(v)
	x, err := data.ParseJSON(s)
	if err != nil {
		x = data.DynStringOf(s)
	}
	if !d.off && len(d.m) < cacheMax {
		if d.m == nil {
			d.m = make(map[string]data.Dyn)
		}
		d.m[s] = x
	}
	return x
}
