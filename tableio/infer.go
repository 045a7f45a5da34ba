package tableio

import (
	"github.com/kqlkit/kqlkit/data"
)

// mergeInferred joins the pieces of a column without a declared type and
// chooses its type from every value seen (see the package doc).
func mergeInferred(pieces []*colBuilder, parts []*chunkResult, rows int, csv bool) data.Column {
	var kinds uint8
	for _, c := range pieces {
		if c == nil {
			kinds |= kindNull
		} else {
			kinds |= c.kinds
		}
	}
	switch kinds &^ kindNull {
	case 0:
		if csv {
			return data.NullColumn(data.String, rows)
		}
		return data.NullColumn(data.Dynamic, rows)
	case kindString:
		sps := make([]*strPart, len(pieces))
		for k, c := range pieces {
			if c != nil {
				sps[k] = &c.sp
			}
		}
		return refineStrings(mergeStrings(sps, parts, rows), csv)
	case kindBool:
		return fromDyns(data.Bool, pieces, parts, rows)
	case kindLong:
		return fromDyns(data.Long, pieces, parts, rows)
	case kindReal, kindLong | kindReal:
		return fromDyns(data.Real, pieces, parts, rows)
	}
	return fromDyns(data.Dynamic, pieces, parts, rows)
}

// fromDyns builds a column of type typ from the values of an inferred
// column: strings, JSON nulls and the dynamic values of other cells.
func fromDyns(typ data.Type, pieces []*colBuilder, parts []*chunkResult, rows int) data.Column {
	vals := make([]data.Dyn, rows)
	var nulls data.Bitmap
	off := 0
	for k, p := range parts {
		c := pieces[k]
		for i := 0; i < p.rows; i++ {
			switch {
			case c == nil || c.nulls.get(i):
				if typ != data.Dynamic {
					if nulls == nil {
						nulls = data.NewBitmap(rows)
					}
					nulls.Set(off + i)
				}
			case c.dyns == nil || c.strRows.get(i):
				vals[off+i] = data.DynStringOf(c.sp.value(i))
			default:
				vals[off+i] = c.dyns[i]
			}
		}
		pieces[k] = nil
		off += p.rows
	}
	switch typ {
	case data.Bool:
		out := make([]bool, rows)
		for i, d := range vals {
			out[i] = d.Bool()
		}
		return data.NewVec(typ, out, nulls)
	case data.Long:
		out := make([]int64, rows)
		for i, d := range vals {
			out[i] = d.Long()
		}
		return data.NewVec(typ, out, nulls)
	case data.Real:
		out := make([]float64, rows)
		for i, d := range vals {
			if d.Kind() == data.DynReal {
				out[i] = d.Real()
			} else {
				out[i] = float64(d.Long())
			}
		}
		return data.NewVec(typ, out, nulls)
	}
	return data.NewVec(data.Dynamic, vals, nil)
}

// A text test used by inference: does this (non-empty) value look like the
// type?
type textTest struct {
	typ  data.Type
	test func(string) bool
}

var (
	csvTests = []textTest{
		{data.Long, isIntText},
		{data.Real, isRealText},
		{data.Bool, isBoolText},
		{data.DateTime, isDateTimeText},
	}
	jsonTests = []textTest{{data.DateTime, isDateTimeText}}
)

// refineStrings gives a string column a narrower type when every
// non-empty value has its form: for CSV long, real, bool or datetime; for
// JSON datetime only. Empty values become null then.
func refineStrings(col data.Column, csv bool) data.Column {
	distinct, codes := stringsOf(col)
	tests := jsonTests
	if csv {
		tests = csvTests
	}
	for _, t := range tests {
		if allMatch(distinct, t.test) {
			return convertStrings(t.typ, distinct, codes)
		}
	}
	return col
}

// stringsOf returns the values to test (the distinct values of a
// dictionary column, every row of a plain one) and the row codes (nil for
// a plain column).
func stringsOf(col data.Column) ([]string, []uint32) {
	switch c := col.(type) {
	case *data.DictCol:
		return data.Strings(c.Values).Vals, c.Codes
	case *data.Vec[string]:
		return c.Vals, nil
	}
	return nil, nil
}

// allMatch reports whether every non-empty value passes test and at least
// one value is not empty.
func allMatch(vals []string, test func(string) bool) bool {
	some := false
	for _, v := range vals {
		if v == "" {
			continue
		}
		if !test(v) {
			return false
		}
		some = true
	}
	return some
}

// convertStrings converts string values to typ, "" to null.
func convertStrings(typ data.Type, distinct []string, codes []uint32) data.Column {
	c := newColBuilder("", typ, len(distinct), colHint{})
	for _, v := range distinct {
		if v == "" {
			c.addNull()
		} else {
			c.addString([]byte(v))
		}
	}
	c.finish()
	conv := mergeTyped(typ, []*colBuilder{c}, []*chunkResult{{rows: len(distinct)}}, len(distinct))
	if codes == nil {
		return conv
	}
	idx := make([]int32, len(codes))
	for i, k := range codes {
		idx[i] = int32(k)
	}
	return conv.Gather(idx)
}

func isIntText(s string) bool {
	_, ok := parseInt(trimSpace(s))
	return ok
}

// isRealText accepts decimal numbers: [sign] digits [. digits] [exponent],
// with digits on at least one side of the point, and NaN, Infinity and
// -Infinity.
func isRealText(s string) bool {
	s = trimSpace(s)
	switch s {
	case "NaN", "Infinity", "-Infinity": // as Kusto writes them
		return true
	}
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	j := digitsStr(s, i)
	n := j - i
	if j < len(s) && s[j] == '.' {
		k := digitsStr(s, j+1)
		n += k - j - 1
		j = k
	}
	if n == 0 {
		return false
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		j++
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := digitsStr(s, j)
		if k == j {
			return false
		}
		j = k
	}
	return j == len(s)
}

func digitsStr(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func isBoolText(s string) bool {
	s = trimSpace(s)
	return len(s) <= 5 && (equalFoldASCII(s, "true") || equalFoldASCII(s, "false"))
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i]|0x20 != b[i]|0x20 {
			return false
		}
	}
	return true
}

// isDateTimeText accepts ISO 8601 dates and times ("2025-06-01",
// "2025-06-01T12:00:00Z", "2025-06-01 12:00:00.123+02:00").
func isDateTimeText(s string) bool {
	s = trimSpace(s)
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if len(s) > 10 && s[10] != 'T' && s[10] != ' ' {
		return false
	}
	_, err := data.ParseDateTime(s)
	return err == nil
}
