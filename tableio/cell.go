package tableio

import (
	"strconv"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

// cellFunc appends the text of row i of a column to dst.
type cellFunc func(dst []byte, i int) []byte

// jsonCell returns a function writing the cells of c as JSON values in the
// result format of DESIGN.md: datetimes trimmed, timespans as
// [-][d.]hh:mm:ss[.fffffff], decimals and guids as strings, NaN and
// infinities as strings, dynamic values as themselves.
func jsonCell(c data.Column) cellFunc {
	return cellOf(c, true)
}

// textCell returns a function writing the cells of c as plain text, the
// way tostring() shows them (datetimes trimmed, null as empty).
func textCell(c data.Column) cellFunc {
	return cellOf(c, false)
}

func cellOf(c data.Column, js bool) cellFunc {
	switch c := c.(type) {
	case *data.DictCol:
		return dictCell(c, cellOf(c.Values, js))
	case *data.ConstCol:
		one := cellOf(data.NewColumn(c.V.Type(), []data.Value{c.V}), js)(nil, 0)
		return func(dst []byte, _ int) []byte { return append(dst, one...) }
	case *data.Vec[string]:
		if js {
			return func(dst []byte, i int) []byte { return appendJSONString(dst, c.Vals[i]) }
		}
		return func(dst []byte, i int) []byte { return appendValidUTF8(dst, c.Vals[i]) }
	case *data.Vec[int64]:
		return int64Cell(c, js)
	case *data.Vec[float64]:
		return withNulls(c.Nulls, js, func(dst []byte, i int) []byte {
			if js {
				return data.AppendJSONReal(dst, c.Vals[i])
			}
			return data.AppendReal(dst, c.Vals[i])
		})
	case *data.Vec[bool]:
		return withNulls(c.Nulls, js, func(dst []byte, i int) []byte {
			return strconv.AppendBool(dst, c.Vals[i])
		})
	case *data.Vec[data.GUIDValue]:
		return withNulls(c.Nulls, js, func(dst []byte, i int) []byte {
			return quoted(dst, js, c.Vals[i].String())
		})
	case *data.Vec[data.DecimalValue]:
		return withNulls(c.Nulls, js, func(dst []byte, i int) []byte {
			return quoted(dst, js, c.Vals[i].String())
		})
	case *data.Vec[data.Dyn]:
		return func(dst []byte, i int) []byte { return dynCell(dst, c.Vals[i], js) }
	}
	return func(dst []byte, i int) []byte { return valueCell(dst, c.Value(i), js) }
}

// dictCell writes the cells of a dictionary column, formatting each
// distinct value once when values repeat.
func dictCell(c *data.DictCol, inner cellFunc) cellFunc {
	codes := c.Codes
	if c.Values.Len() > len(codes)/2 {
		return func(dst []byte, i int) []byte { return inner(dst, int(codes[i])) }
	}
	done := make([][]byte, c.Values.Len())
	return func(dst []byte, i int) []byte {
		code := codes[i]
		text := done[code]
		if text == nil {
			text = inner(make([]byte, 0, 16), int(code))
			done[code] = text
		}
		return append(dst, text...)
	}
}

// int64Cell writes int, long, datetime and timespan cells.
func int64Cell(c *data.Vec[int64], js bool) cellFunc {
	switch c.T {
	case data.DateTime:
		return withNulls(c.Nulls, js, func(dst []byte, i int) []byte {
			if js {
				dst = append(dst, '"')
			}
			dst = data.AppendDateTime(dst, c.Vals[i], true)
			if js {
				dst = append(dst, '"')
			}
			return dst
		})
	case data.TimeSpan:
		return withNulls(c.Nulls, js, func(dst []byte, i int) []byte {
			if js {
				dst = append(dst, '"')
			}
			dst = data.AppendTimeSpan(dst, c.Vals[i])
			if js {
				dst = append(dst, '"')
			}
			return dst
		})
	}
	return withNulls(c.Nulls, js, func(dst []byte, i int) []byte {
		return strconv.AppendInt(dst, c.Vals[i], 10)
	})
}

// withNulls wraps f to write null ("null" in JSON, nothing in text) for
// the rows set in nulls.
func withNulls(nulls data.Bitmap, js bool, f cellFunc) cellFunc {
	if nulls == nil {
		return f
	}
	return func(dst []byte, i int) []byte {
		if nulls.Get(i) {
			if js {
				return append(dst, "null"...)
			}
			return dst
		}
		return f(dst, i)
	}
}

func quoted(dst []byte, js bool, s string) []byte {
	if js {
		return appendJSONString(dst, s)
	}
	return append(dst, s...)
}

// dynCell writes a dynamic value: as JSON, or as tostring() shows it (a
// string without quotes, null as nothing).
func dynCell(dst []byte, d data.Dyn, js bool) []byte {
	if js {
		return appendValidJSON(dst, d)
	}
	switch d.Kind() {
	case data.DynNull:
		return dst
	case data.DynString:
		return appendValidUTF8(dst, d.Str())
	}
	return appendValidJSON(dst, d)
}

// appendValidJSON appends the JSON of d, with any invalid UTF-8 in its
// strings replaced.
func appendValidJSON(dst []byte, d data.Dyn) []byte {
	start := len(dst)
	dst = d.AppendJSON(dst)
	if !utf8.Valid(dst[start:]) {
		fixed := []byte(string([]rune(string(dst[start:]))))
		dst = append(dst[:start], fixed...)
	}
	return dst
}

// valueCell writes a boxed value (the slow path for other column kinds).
func valueCell(dst []byte, v data.Value, js bool) []byte {
	if v.IsNull() {
		if js {
			return append(dst, "null"...)
		}
		return dst
	}
	col := data.NewColumn(v.Type(), []data.Value{v})
	return cellOf(col, js)(dst, 0)
}

// appendJSONString appends s as a JSON string; invalid UTF-8 becomes
// U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	if !utf8.ValidString(s) {
		s = string([]rune(s))
	}
	return data.AppendJSONString(dst, s)
}

// appendValidUTF8 appends s with invalid UTF-8 replaced by U+FFFD.
func appendValidUTF8(dst []byte, s string) []byte {
	if utf8.ValidString(s) {
		return append(dst, s...)
	}
	return append(dst, string([]rune(s))...)
}
