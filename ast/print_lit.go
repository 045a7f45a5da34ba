package ast

import (
	"math"
	"strconv"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// FormatValue returns the canonical KQL literal for v, the form the printer
// writes for a *Literal:
//
//	string     "text" with backslash escapes; @"C:\path" (verbatim) when
//	           the text has a backslash and no control character; 'say "hi"'
//	           when it has a double quote but no single quote. (The printer
//	           also keeps the h prefix of an obfuscated literal, h"secret".)
//	long       42, -7
//	int        int(42)
//	real       1.5, 2.0, 1e21, real(nan), real(+inf)
//	decimal    decimal(1.25)
//	bool       true, false
//	datetime   datetime(2025-06-01) at midnight, else
//	           datetime(2025-06-01T12:30:00.5Z) with trailing zeros trimmed
//	timespan   the largest unit that divides it exactly: 1d, 36h, 90m, 1500ms,
//	           10microsecond, 3tick; zero is 0s
//	guid       guid(8-4-4-4-12 lower case)
//	dynamic    dynamic(JSON) with ", " and ": " separators; datetimes,
//	           timespans, guids and decimals inside as their KQL literals
//
// A null of any type but string is written as its type applied to null:
// long(null), dynamic(null), ….
func FormatValue(v data.Value) string {
	return string(appendValue(nil, v))
}

func appendValue(dst []byte, v data.Value) []byte {
	if v.IsNull() && v.Type() != data.String {
		return append(append(dst, v.Type().String()...), "(null)"...)
	}
	switch v.Type() {
	case data.String:
		return appendQuoted(dst, v.Str())
	case data.Bool:
		return strconv.AppendBool(dst, v.Bool())
	case data.Int:
		dst = append(dst, "int("...)
		return append(strconv.AppendInt(dst, v.Int64(), 10), ')')
	case data.Long:
		return strconv.AppendInt(dst, v.Int64(), 10)
	case data.Real:
		return appendReal(dst, v.Float64())
	case data.Decimal:
		return append(append(append(dst, "decimal("...), v.Decimal().String()...), ')')
	case data.DateTime:
		return appendDateTime(dst, v.Int64())
	case data.TimeSpan:
		return appendTimeSpan(dst, v.Int64())
	case data.GUID:
		return append(append(append(dst, "guid("...), v.GUID().String()...), ')')
	case data.Dynamic:
		dst = append(dst, "dynamic("...)
		return append(appendDyn(dst, v.Dyn()), ')')
	}
	return append(dst, "dynamic(null)"...)
}

// appendReal writes a real so that it reads back as a real: always with a
// fraction or an exponent.
func appendReal(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "real(nan)"...)
	case math.IsInf(f, 1):
		return append(dst, "real(+inf)"...)
	case math.IsInf(f, -1):
		return append(dst, "real(-inf)"...)
	}
	if a := math.Abs(f); a != 0 && (a < 1e-5 || a >= 1e15) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		return append(dst, strings.Replace(s, "e+", "e", 1)...)
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'f', -1, 64)
	if !strings.ContainsRune(string(dst[start:]), '.') {
		dst = append(dst, ".0"...)
	}
	return dst
}

func appendDateTime(dst []byte, ticks int64) []byte {
	dst = append(dst, "datetime("...)
	s := data.FormatDateTimeShort(ticks)
	if ticks%data.Day == 0 && strings.HasSuffix(s, "T00:00:00Z") {
		s = strings.TrimSuffix(s, "T00:00:00Z")
	}
	return append(append(dst, s...), ')')
}

// timeSpanUnits are the units the printer uses, largest first.
var timeSpanUnits = []struct {
	ticks int64
	name  string
}{
	{data.Day, "d"}, {data.Hour, "h"}, {data.Minute, "m"}, {data.Second, "s"},
	{data.Millisecond, "ms"}, {data.Microsecond, "microsecond"}, {data.Tick, "tick"},
}

func appendTimeSpan(dst []byte, ticks int64) []byte {
	if ticks == 0 {
		return append(dst, "0s"...)
	}
	u := uint64(ticks)
	if ticks < 0 {
		dst = append(dst, '-')
		u = -u
	}
	for _, unit := range timeSpanUnits {
		if u%uint64(unit.ticks) == 0 {
			dst = strconv.AppendUint(dst, u/uint64(unit.ticks), 10)
			return append(dst, unit.name...)
		}
	}
	return dst // unreachable: every value is a whole number of ticks
}

// appendDyn writes a dynamic value in the syntax of a dynamic literal.
func appendDyn(dst []byte, d data.Dyn) []byte {
	switch d.Kind() {
	case data.DynNull:
		return append(dst, "null"...)
	case data.DynBool:
		return strconv.AppendBool(dst, d.Bool())
	case data.DynInt:
		dst = append(dst, "int("...)
		return append(strconv.AppendInt(dst, d.Long(), 10), ')')
	case data.DynLong:
		return strconv.AppendInt(dst, d.Long(), 10)
	case data.DynReal:
		return appendReal(dst, d.Real())
	case data.DynString:
		return data.AppendJSONString(dst, d.Str())
	case data.DynDecimal:
		return append(append(append(dst, "decimal("...), d.Str()...), ')')
	case data.DynDateTime:
		return appendDateTime(dst, d.Long())
	case data.DynTimeSpan:
		return appendTimeSpan(dst, d.Long())
	case data.DynGUID:
		return append(append(append(dst, "guid("...), d.Str()...), ')')
	case data.DynArray:
		dst = append(dst, '[')
		for i, it := range d.Items() {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = appendDyn(dst, it)
		}
		return append(dst, ']')
	case data.DynBag:
		dst = append(dst, '{')
		items := d.Items()
		for i, k := range d.Keys() {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = data.AppendJSONString(dst, k)
			dst = append(dst, ": "...)
			dst = appendDyn(dst, items[i])
		}
		return append(dst, '}')
	}
	return append(dst, "null"...)
}

// QuoteString returns s as a KQL string literal in the printer's canonical
// form (see FormatValue).
func QuoteString(s string) string { return string(appendQuoted(nil, s)) }

func appendQuoted(dst []byte, s string) []byte {
	hasDouble := strings.IndexByte(s, '"') >= 0
	quote := byte('"')
	if hasDouble && strings.IndexByte(s, '\'') < 0 {
		quote = '\''
	}
	if strings.IndexByte(s, '\\') >= 0 && !hasControl(s) {
		return appendVerbatim(dst, s, quote)
	}
	return appendEscaped(dst, s, quote)
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}

// appendVerbatim writes @"s": backslashes stand for themselves and the
// quote is doubled.
func appendVerbatim(dst []byte, s string, quote byte) []byte {
	dst = append(dst, '@', quote)
	for i := 0; i < len(s); i++ {
		if s[i] == quote {
			dst = append(dst, quote)
		}
		dst = append(dst, s[i])
	}
	return append(dst, quote)
}

const hexDigits = "0123456789abcdef"

func appendEscaped(dst []byte, s string, quote byte) []byte {
	dst = append(dst, quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c < 0x20 || c == 0x7f:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, quote)
}

// isPlainIdent reports whether name can be written without quoting: `$`
// or a letter, digit or `_`, then letters, digits and `_`, and not
// something that reads as a number or a timespan (1d, 1e5, 0x1F).
func isPlainIdent(name string) bool {
	if name == "" {
		return false
	}
	digitsOnly := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_':
			digitsOnly = false
		case c >= '0' && c <= '9':
		case c == '$' && i == 0:
			digitsOnly = false
		default:
			return false
		}
	}
	if name[0] < '0' || name[0] > '9' {
		return true
	}
	if digitsOnly || strings.HasPrefix(strings.ToLower(name), "0x") {
		return false
	}
	if _, err := strconv.ParseFloat(name, 64); err == nil {
		return false
	}
	_, isSpan := data.ParseTimeSpanLiteral(name)
	return !isSpan
}

// appendIdent writes a name, bracketed and quoted (['a b']) when it was
// written so or cannot be written bare.
func appendIdent(dst []byte, id *Ident) []byte {
	if !id.Quoted && isPlainIdent(id.Name) {
		return append(dst, id.Name...)
	}
	return appendBracketed(dst, id.Name)
}

func appendBracketed(dst []byte, name string) []byte {
	quote := byte('\'')
	if strings.IndexByte(name, '\'') >= 0 && strings.IndexByte(name, '"') < 0 {
		quote = '"'
	}
	dst = append(dst, '[')
	dst = appendEscaped(dst, name, quote)
	return append(dst, ']')
}
