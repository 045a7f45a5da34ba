package functions

import (
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// maxStrrepBytes bounds the result of strrep (64 MiB).
const maxStrrepBytes = 64 << 20

func init() {
	register(
		&Scalar{Name: "strcat", Sig: "strcat(argument1: scalar, ...): string",
			Doc:      "Concatenates 1 to 64 values, each converted to string (null gives the empty string).",
			Examples: []Example{{"print strcat(\"hello\", \" \", \"world\")", "\"hello world\""}, {"print strcat(\"a\", 1, 2.5)", "\"a12.5\""}},
			Bind:     variadic("strcat", 1, 64, argText).bind(data.String, strcatKernel)},
		&Scalar{Name: "strcat_delim", Sig: "strcat_delim(delimiter: scalar, argument1: scalar, argument2: scalar, ...): string",
			Doc: "Concatenates 2 to 64 values, each converted to string, with " +
				"the delimiter between them.",
			Examples: []Example{{"print strcat_delim(\"-\", 1, \"2\", \"A\", 1s)", "\"1-2-A-00:00:01\""}},
			Bind:     variadic("strcat_delim", 3, 65, argText).bind(data.String, strcatDelimKernel)},
		&Scalar{Name: "strcat_array", Sig: "strcat_array(array: dynamic, delimiter: scalar): string",
			Doc: "Joins the elements of a dynamic array (each converted with tostring()) with a delimiter; " +
				"a value that is not an array gives the empty string.",
			Examples: []Example{{"print strcat_array(dynamic([1, 2, 3]), \"->\")", "\"1->2->3\""}},
			Bind: sig("strcat_array", argDynamic, argText).bind(data.String,
				Map2(data.String, func(d data.Dyn, delim string) (string, bool) {
					return joinDyn(d, delim), true
				}))},
		&Scalar{Name: "strrep", Sig: "strrep(value: scalar, multiplier: long [, delimiter: scalar]): string",
			Doc: "Repeats a value (converted to string) multiplier times, separated by an optional delimiter; " +
				"a multiplier below 1 gives the empty string.",
			Examples: []Example{{"print strrep(\"ABC\", 2)", "\"ABCABC\""}, {"print strrep(123, 3, \".\")", "\"123.123.123\""}},
			Bind: optional("strrep", 2, argText, argInteger, argText).bind(data.String,
				padArgs(strrepKernel, data.StringValue(""), data.LongValue(1), data.StringValue("")))},
	)
}

func strcatKernel(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
	return joinRows(n, cols, nil), nil
}

func strcatDelimKernel(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
	return joinRows(n, cols[1:], cols[0]), nil
}

// joinRows concatenates string columns row by row, with an optional
// delimiter column between the values.
func joinRows(n int, cols []data.Column, delim data.Column) data.Column {
	all := cols
	if delim != nil {
		all = append([]data.Column{delim}, cols...)
	}
	m := nRows(n, all)
	rs := make([]data.Reader[string], len(cols))
	for j, c := range cols {
		rs[j] = data.NewReader[string](c)
	}
	var dr data.Reader[string]
	if delim != nil {
		dr = data.NewReader[string](delim)
	}
	out := make([]string, m)
	var b strings.Builder
	for i := range out {
		d := ""
		if delim != nil {
			d = dr.At(i)
		}
		size := len(d) * (len(rs) - 1)
		for j := range rs {
			size += len(rs[j].At(i))
		}
		b.Grow(size)
		for j := range rs {
			if j > 0 {
				b.WriteString(d)
			}
			b.WriteString(rs[j].At(i))
		}
		out[i] = b.String()
		b.Reset()
	}
	return finishRows(data.NewVec(data.String, out, nil), m, n)
}

// joinDyn joins the elements of a dynamic array as strcat_array does.
func joinDyn(d data.Dyn, delim string) string {
	if d.Kind() != data.DynArray {
		return ""
	}
	var b strings.Builder
	for i, x := range d.Items() {
		if i > 0 {
			b.WriteString(delim)
		}
		b.WriteString(DynToString(x))
	}
	return b.String()
}

func strrepKernel(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
	return Map3(data.String, func(s string, times int64, delim string) (string, bool) {
		if times <= 0 {
			return "", true
		}
		unit := int64(len(s) + len(delim))
		if unit > 0 && times > maxStrrepBytes/unit {
			times = max(maxStrrepBytes/unit, 1)
			ctx.Warn("strrep: result truncated to %d repetitions", times)
		}
		if delim == "" {
			return strings.Repeat(s, int(times)), true
		}
		var b strings.Builder
		b.Grow(int(unit * times))
		for i := int64(0); i < times; i++ {
			if i > 0 {
				b.WriteString(delim)
			}
			b.WriteString(s)
		}
		return b.String(), true
	})(ctx, n, cols)
}
