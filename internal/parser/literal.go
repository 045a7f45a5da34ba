package parser

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// stringLiteral joins adjacent string literals ("a" 'b' is "ab", as in
// Kusto) into one literal.
func (c *converter) stringLiteral(sp ast.Span, toks []lexer.Token) *ast.Literal {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(c.stringValue(t.Value, t.Pos))
	}
	text := c.src.Text[sp.Start.Offset:sp.Stop.Offset]
	return &ast.Literal{Span: sp, Value: data.StringValue(b.String()), Text: text}
}

// stringValue decodes one string literal token in any of its forms: "…" and
// '…' with escapes, @"…" verbatim, ```…``` multi-line, and h"…" obfuscated.
func (c *converter) stringValue(raw string, p lexer.Position) string {
	if raw[0] == 'h' || raw[0] == 'H' {
		raw = raw[1:]
	}
	switch raw[0] {
	case '@':
		q := raw[1:2]
		return strings.ReplaceAll(raw[2:len(raw)-1], q+q, q)
	case '`', '~':
		return raw[3 : len(raw)-3]
	}
	body := raw[1 : len(raw)-1]
	if strings.IndexByte(body, '\\') < 0 {
		return body
	}
	s, bad := unescape(body)
	if bad != "" {
		c.errorf(p, "invalid escape sequence '"+bad+"' in string literal")
	}
	return s
}

// unescape decodes backslash escapes. On an invalid one it returns what it
// decoded and the offending sequence.
func unescape(s string) (string, string) {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		r, n, ok := escapeAt(s[i:])
		if !ok {
			_, size := utf8.DecodeRuneInString(s[i:])
			return b.String(), s[i-1 : i+size]
		}
		b.WriteRune(r)
		i += n - 1
	}
	return b.String(), ""
}

var simpleEscapes = map[byte]rune{
	'\\': '\\', '"': '"', '\'': '\'', 'n': '\n', 't': '\t', 'r': '\r',
	'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v',
}

// escapeAt decodes the escape whose letter starts s, returning the rune and
// how many bytes of s it used.
func escapeAt(s string) (rune, int, bool) {
	if r, ok := simpleEscapes[s[0]]; ok {
		return r, 1, true
	}
	switch s[0] {
	case 'u':
		return hexEscape(s, 4, 4)
	case 'U':
		return hexEscape(s, 8, 8)
	case 'x':
		return hexEscape(s, 1, 4)
	}
	// Octal: \0, \101.
	n := 0
	v := 0
	for n < 3 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
		v = v*8 + int(s[n]-'0')
		n++
	}
	return rune(v), n, n > 0
}

// hexEscape reads min..max hex digits after the escape letter.
func hexEscape(s string, min, max int) (rune, int, bool) {
	n := 0
	v := 0
	for n < max && 1+n < len(s) && isHexDigit(s[1+n]) {
		d, _ := strconv.ParseUint(s[1+n:2+n], 16, 8)
		v = v*16 + int(d)
		n++
	}
	if n < min || v > utf8.MaxRune {
		return 0, 0, false
	}
	return rune(v), 1 + n, true
}

// number converts an integer, real or hexadecimal token. Integers are
// long; one too big for a long becomes a real.
func (c *converter) number(t lexer.Token) data.Value {
	s := t.Value
	if len(s) > 1 && (s[1] == 'x' || s[1] == 'X') {
		u, err := strconv.ParseUint(s[2:], 16, 64)
		if err != nil {
			c.errorf(t.Pos, "number '"+s+"' is out of range")
		}
		return data.LongValue(int64(u))
	}
	if strings.ContainsAny(s, ".eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil && !math.IsInf(f, 0) {
			c.errorf(t.Pos, "invalid number '"+s+"'")
		}
		return data.RealValue(f)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f, _ := strconv.ParseFloat(s, 64)
		return data.RealValue(f)
	}
	return data.LongValue(n)
}

func (c *converter) timeSpan(t lexer.Token) data.Value {
	ticks, ok := data.ParseTimeSpanLiteral(t.Value)
	if !ok {
		c.errorf(t.Pos, "invalid timespan literal '"+t.Value+"'")
	}
	return data.TimeSpanValue(ticks)
}

// typedLiteral converts a literal such as datetime(2020-01-01),
// long(null), real(+inf), guid(…) or timespan(00:10:00).
func (c *converter) typedLiteral(t lexer.Token) data.Value {
	i := strings.IndexByte(t.Value, '(')
	name := t.Value[:i]
	content := strings.TrimSpace(t.Value[i+1 : len(t.Value)-1])
	typ, _ := data.ParseType(name)
	if content == "null" {
		return data.Null(typ)
	}
	v, ok := c.typedValue(typ, content)
	if !ok {
		c.errorf(t.Pos, "invalid "+typ.String()+" literal '"+t.Value+"'")
	}
	return v
}

func (c *converter) typedValue(typ data.Type, s string) (data.Value, bool) {
	switch typ {
	case data.DateTime:
		ticks, ok := parseDateTimeLiteral(unquoteSimple(s))
		return data.DateTimeValue(ticks), ok
	case data.TimeSpan:
		return parseSignedTimeSpan(unquoteSimple(s))
	case data.GUID:
		g, err := data.ParseGUID(unquoteSimple(s))
		return data.GUIDValueOf(g), err == nil
	case data.Long:
		n, ok := parseInteger(s, 64)
		return data.LongValue(n), ok
	case data.Int:
		n, ok := parseInteger(s, 32)
		return data.IntValue(int32(n)), ok
	case data.Real:
		f, ok := parseReal(s)
		return data.RealValue(f), ok
	case data.Decimal:
		d, err := data.ParseDecimal(s)
		return data.DecimalValueOf(d), err == nil && s != ""
	case data.Bool:
		switch strings.ToLower(s) {
		case "true", "1":
			return data.BoolValue(true), true
		case "false", "0":
			return data.BoolValue(false), true
		}
	}
	return data.Null(typ), false
}

// parseDateTimeLiteral reads the text of a datetime literal: what
// data.ParseDateTime reads, and the forms Kusto also accepts in a literal:
// parts separated by commas (2025, 6, 14[, h, m, s]), spaces around the
// separators (2017 - 08 - 01) and month-day-year with dashes (01-01-2022).
func parseDateTimeLiteral(s string) (int64, bool) {
	if t, err := data.ParseDateTime(s); err == nil {
		return t, true
	}
	if strings.Contains(s, ",") {
		return dateTimeFromParts(strings.Split(s, ","))
	}
	s = squeezeSeparators(s)
	if t, err := data.ParseDateTime(s); err == nil {
		return t, true
	}
	// M-d-yyyy reads as M/d/yyyy.
	if i := strings.IndexByte(s, '-'); i > 0 && i <= 2 {
		t, err := data.ParseDateTime(strings.ReplaceAll(s, "-", "/"))
		return t, err == nil
	}
	return 0, false
}

// dateTimeFromParts builds a datetime from year, month, day and optionally
// hour, minute and second.
func dateTimeFromParts(parts []string) (int64, bool) {
	if len(parts) < 3 || len(parts) > 6 {
		return 0, false
	}
	var v [6]int
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 {
			return 0, false
		}
		v[i] = n
	}
	iso := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d", v[0], v[1], v[2], v[3], v[4], v[5])
	t, err := data.ParseDateTime(iso)
	return t, err == nil
}

// squeezeSeparators removes the spaces around '-', '/', ':' and '.'.
func squeezeSeparators(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && (nextNonSpaceIsSep(s, i) || prevIsSep(&b)) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func nextNonSpaceIsSep(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i < len(s) && strings.IndexByte("-/:.", s[i]) >= 0
}

func prevIsSep(b *strings.Builder) bool {
	s := b.String()
	return len(s) > 0 && strings.IndexByte("-/:.", s[len(s)-1]) >= 0
}

// unquoteSimple strips the quotes of datetime("…") and the like.
func unquoteSimple(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

func parseSignedTimeSpan(s string) (data.Value, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg || strings.HasPrefix(s, "+") {
		s = strings.TrimSpace(s[1:])
	}
	ticks, err := data.ParseTimeSpan(s)
	if neg {
		ticks = -ticks
	}
	return data.TimeSpanValue(ticks), err == nil && s != ""
}

func parseInteger(s string, bits int) (int64, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg || strings.HasPrefix(s, "+") {
		s = strings.TrimSpace(s[1:])
	}
	var n int64
	var err error
	if len(s) > 2 && (s[:2] == "0x" || s[:2] == "0X") {
		var u uint64
		u, err = strconv.ParseUint(s[2:], 16, bits)
		n = int64(u)
	} else {
		n, err = strconv.ParseInt(s, 10, bits)
	}
	if neg {
		n = -n
	}
	return n, err == nil
}

func parseReal(s string) (float64, bool) {
	switch strings.ToLower(s) {
	case "nan":
		return math.NaN(), true
	case "inf", "+inf":
		return math.Inf(1), true
	case "-inf":
		return math.Inf(-1), true
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil && !strings.ContainsAny(s, "xXnN_")
}

// dyn converts the value of a dynamic literal.
func (c *converter) dyn(g *gDyn) data.Dyn {
	switch {
	case g.Array:
		items := make([]data.Dyn, 0, len(g.Items))
		for _, it := range g.Items {
			items = append(items, c.dyn(it))
		}
		return data.DynArrayOf(items)
	case g.Nested != nil:
		return c.dyn(g.Nested)
	case g.Bag:
		keys := make([]string, 0, len(g.Props))
		vals := make([]data.Dyn, 0, len(g.Props))
		for _, p := range g.Props {
			keys = append(keys, c.stringValue(p.Key.Value, p.Key.Pos))
			vals = append(vals, c.dyn(p.Value))
		}
		return data.DynBagOf(keys, vals)
	}
	return c.dynScalar(g)
}

func (c *converter) dynScalar(g *gDyn) data.Dyn {
	t := g.Scalar[0]
	var v data.Value
	switch t.Type {
	case tokString:
		if g.Sign != "" {
			c.errorf(g.Pos(), "a sign cannot come before a string")
		}
		var b strings.Builder
		for _, t := range g.Scalar {
			b.WriteString(c.stringValue(t.Value, t.Pos))
		}
		return data.DynStringOf(b.String())
	case tokNumber:
		v = c.number(t)
	case tokTimeSpan:
		v = c.timeSpan(t)
	case tokTypedLit:
		v = c.typedLiteral(t)
	case tokBool:
		v = data.BoolValue(len(t.Value) == 4)
	default: // null
		if g.Sign != "" {
			c.errorf(g.Pos(), "a sign cannot come before null")
		}
		return data.Dyn{}
	}
	if g.Sign == "-" {
		neg, ok := negate(v)
		if !ok {
			c.errorf(g.Pos(), "'-' cannot come before '"+t.Value+"'")
		}
		v = neg
	}
	return v.ToDyn()
}
