package tableio

import (
	"math"
	"unsafe"

	"github.com/kqlkit/kqlkit/data"
)

// Kinds of values seen in a column whose type is inferred, as bits.
const (
	kindNull uint8 = 1 << iota
	kindBool
	kindLong
	kindReal
	kindString
	kindJSON // object or array
)

// colBuilder collects the values of one column of one chunk. Its type is
// either declared (typ != data.Unknown) and every cell is converted to it
// on the way in, or inferred: then string cells go to str, other cells to
// dyns, and the type is chosen when all chunks are merged.
type colBuilder struct {
	name string
	typ  data.Type // declared type, or data.Unknown to infer
	n    int       // rows so far

	nulls bits
	i64   []int64
	f64   []float64
	bools []bool
	guids []data.GUIDValue
	decs  []data.DecimalValue
	dyns  []data.Dyn
	str   *strBuilder

	// inference
	kinds   uint8
	strRows bits // rows holding a string (kept once dyns exists)

	dyn dynCache
	sp  strPart // the strings once finished
}

// colHint carries what the previous chunk learned about a column, to size
// the next chunk's builder.
type colHint struct {
	bytesPerRow float64
	plain       bool
}

// newColBuilder returns a builder for a column of type typ (data.Unknown to
// infer), sized for about rows rows.
func newColBuilder(name string, typ data.Type, rows int, h colHint) *colBuilder {
	c := &colBuilder{name: name, typ: typ}
	switch typ {
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		c.i64 = make([]int64, 0, rows)
	case data.Real:
		c.f64 = make([]float64, 0, rows)
	case data.Bool:
		c.bools = make([]bool, 0, rows)
	case data.GUID:
		c.guids = make([]data.GUIDValue, 0, rows)
	case data.Decimal:
		c.decs = make([]data.DecimalValue, 0, rows)
	case data.Dynamic:
		c.dyns = make([]data.Dyn, 0, rows)
	case data.String, data.Unknown:
		size := int(h.bytesPerRow*float64(rows)*1.05) + 64
		c.str = newStrBuilder(rows, size, h.plain)
	}
	return c
}

// hint returns what the next chunk should know about this column.
func (c *colBuilder) hint() colHint {
	if c.str == nil || c.n == 0 {
		return colHint{}
	}
	return colHint{bytesPerRow: float64(len(c.str.buf)) / float64(c.n), plain: c.str.plain}
}

// pad appends nulls until the column has n rows.
func (c *colBuilder) pad(n int) {
	for c.n < n {
		c.addNull()
	}
}

// addNull appends a null.
func (c *colBuilder) addNull() {
	switch c.typ {
	case data.String:
		c.str.add(nil)
	case data.Unknown:
		c.kinds |= kindNull
		c.nulls.set(c.n)
		c.str.add(nil)
		if c.dyns != nil {
			c.dyns = append(c.dyns, data.Dyn{})
		}
	default:
		c.nulls.set(c.n)
		c.appendZero()
	}
	c.n++
}

// appendZero appends the zero value of a typed (non-string) column.
func (c *colBuilder) appendZero() {
	switch c.typ {
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		c.i64 = append(c.i64, 0)
	case data.Real:
		c.f64 = append(c.f64, 0)
	case data.Bool:
		c.bools = append(c.bools, false)
	case data.GUID:
		c.guids = append(c.guids, data.GUIDValue{})
	case data.Decimal:
		c.decs = append(c.decs, data.DecimalValue{})
	case data.Dynamic:
		c.dyns = append(c.dyns, data.Dyn{})
	}
}

// addString appends a string cell (a JSON string, a CSV field): v is the
// decoded text, valid UTF-8. It is converted to the declared type with
// Kusto's rules; text that does not convert gives null.
func (c *colBuilder) addString(v []byte) {
	switch c.typ {
	case data.String:
		c.str.add(v)
	case data.Unknown:
		c.kinds |= kindString
		c.str.add(v)
		if c.dyns != nil {
			c.dyns = append(c.dyns, data.Dyn{})
			c.strRows.set(c.n)
		}
	case data.Dynamic:
		c.dyns = append(c.dyns, c.dyn.parseText(v))
	default:
		if !c.convertText(v) {
			c.nulls.set(c.n)
			c.appendZero()
		}
	}
	c.n++
}

// addRawString appends the JSON string whose body is sc.b[start:end]
// (scanned with flags) to a string column: a value seen before is found by
// its raw text, without decoding it again.
func (c *colBuilder) addRawString(sc *scanner, start, end int, flags uint8) error {
	raw := sc.b[start:end]
	if flags == 0 {
		c.str.add(raw)
	} else if c.str.plain || !c.str.addKnown(raw) {
		v, err := sc.decode(start, end, flags)
		if err != nil {
			return err
		}
		if c.str.plain {
			c.str.add(v)
		} else {
			c.str.addNew(raw, v)
		}
	}
	c.n++
	return nil
}

// convertText appends text v converted to a scalar type; false when it
// does not convert (nothing is appended then).
func (c *colBuilder) convertText(v []byte) bool {
	s := unsafe.String(unsafe.SliceData(v), len(v)) // not retained
	switch c.typ {
	case data.Long:
		n, ok := textToLong(s)
		return push(&c.i64, n, ok)
	case data.Int:
		n, ok := textToLong(s)
		return push(&c.i64, n, ok && n >= math.MinInt32 && n <= math.MaxInt32)
	case data.Real:
		f, ok := textToReal(s)
		return push(&c.f64, f, ok)
	case data.Bool:
		b, ok := textToBool(s)
		return push(&c.bools, b, ok)
	case data.DateTime:
		t, err := data.ParseDateTime(s)
		return push(&c.i64, t, err == nil)
	case data.TimeSpan:
		t, err := data.ParseTimeSpan(s)
		return push(&c.i64, t, err == nil)
	case data.GUID:
		g, err := data.ParseGUID(trimSpace(s))
		return push(&c.guids, g, err == nil)
	case data.Decimal:
		d, err := data.ParseDecimal(s)
		return push(&c.decs, d, err == nil)
	}
	return false
}

// push appends v to *dst when ok, and returns ok.
func push[T any](dst *[]T, v T, ok bool) bool {
	if ok {
		*dst = append(*dst, v)
	}
	return ok
}

// addNumber appends a JSON number given by its text; isInt tells that the
// text has no fraction or exponent.
func (c *colBuilder) addNumber(v []byte, isInt bool) {
	s := unsafe.String(unsafe.SliceData(v), len(v)) // not retained
	switch c.typ {
	case data.String:
		c.str.add(v)
	case data.Unknown:
		d := numberDyn(s, isInt)
		if d.Kind() == data.DynLong {
			c.kinds |= kindLong
		} else {
			c.kinds |= kindReal
		}
		c.inferOther(d)
	case data.Dynamic:
		c.dyns = append(c.dyns, numberDyn(s, isInt))
	case data.Long, data.Int, data.Real, data.Decimal:
		if !c.convertText(v) {
			c.nulls.set(c.n)
			c.appendZero()
		}
	case data.Bool:
		f, ok := textToReal(s)
		if ok && !math.IsNaN(f) {
			c.bools = append(c.bools, f != 0)
		} else {
			c.nulls.set(c.n)
			c.appendZero()
		}
	default: // datetime, timespan, guid: a number does not convert
		c.nulls.set(c.n)
		c.appendZero()
	}
	c.n++
}

// addBool appends a JSON true or false.
func (c *colBuilder) addBool(b bool) {
	switch c.typ {
	case data.String:
		if b {
			c.str.add([]byte("true"))
		} else {
			c.str.add([]byte("false"))
		}
	case data.Unknown:
		c.kinds |= kindBool
		c.inferOther(data.DynBoolOf(b))
	case data.Dynamic:
		c.dyns = append(c.dyns, data.DynBoolOf(b))
	case data.Bool:
		c.bools = append(c.bools, b)
	case data.Long, data.Int:
		c.i64 = append(c.i64, b2i(b))
	case data.Real:
		c.f64 = append(c.f64, float64(b2i(b)))
	case data.Decimal:
		c.decs = append(c.decs, data.DecimalFromInt(b2i(b)))
	default:
		c.nulls.set(c.n)
		c.appendZero()
	}
	c.n++
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// addJSON appends a JSON object or array given by its raw text. The text
// has been checked to be valid JSON by the caller.
func (c *colBuilder) addJSON(raw []byte) {
	switch c.typ {
	case data.String:
		c.str.addText(raw)
	case data.Unknown:
		c.kinds |= kindJSON
		c.inferOther(c.dyn.parseJSON(raw))
	case data.Dynamic:
		c.dyns = append(c.dyns, c.dyn.parseJSON(raw))
	default:
		c.nulls.set(c.n)
		c.appendZero()
	}
	c.n++
}

// inferOther appends a non-string value to an inferred column.
func (c *colBuilder) inferOther(d data.Dyn) {
	if c.dyns == nil {
		c.dyns = make([]data.Dyn, c.n, max(c.n+1, cap(c.str.codes), cap(c.str.spans)))
		for i := 0; i < c.n; i++ {
			if !c.nulls.get(i) {
				c.strRows.set(i) // every earlier row was a string or null
			}
		}
	}
	c.dyns = append(c.dyns, d)
	c.str.add(nil)
}

// truncate drops the rows from n on, so that a repeated key in a JSON
// object keeps its last value.
func (c *colBuilder) truncate(n int) {
	if n >= c.n {
		return
	}
	for i := n; i < c.n; i++ {
		c.nulls.clear(i)
		c.strRows.clear(i)
	}
	c.n = n
	if c.str != nil {
		c.str.truncate(n)
	}
	c.i64 = trunc(c.i64, n)
	c.f64 = trunc(c.f64, n)
	c.bools = trunc(c.bools, n)
	c.guids = trunc(c.guids, n)
	c.decs = trunc(c.decs, n)
	c.dyns = trunc(c.dyns, n)
}

func trunc[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// finish freezes the column: its strings become a strPart and the parsing
// state is dropped.
func (c *colBuilder) finish() {
	if c.str != nil {
		c.sp = c.str.finish()
		c.str = nil
	}
	c.dyn = dynCache{}
}
