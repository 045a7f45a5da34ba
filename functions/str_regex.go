package functions

import (
	"fmt"
	"regexp"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "extract", Sig: "extract(regex: string, captureGroup: long, source: string [, typeLiteral: typeof(T)]): string or T",
			Doc: "Returns the text a capture group (0: the whole match) of the first match of a regular " +
				"expression; no match gives the empty string. With typeof(T) the text is converted to T " +
				"(null when there is no match or it does not convert).",
			Examples: []Example{{"print extract(\"x=([0-9]+)\", 1, \"x=42;\")", "\"42\""},
				{"print extract(\"x=([0-9]+)\", 1, \"x=42;\", typeof(long))", "42"}},
			Bind: bindExtract},
		&Scalar{Name: "indexof_regex", Sig: "indexof_regex(string: scalar, match: scalar [, start: long [, length: long [, occurrence: long]]]): long",
			Doc: "Returns the zero-based position of the occurrence-th match of a regular expression in the " +
				"part of the string from start, length characters long (-1: to the end), or -1. Matches " +
				"do not overlap; a negative start or occurrence, or a length below -1, gives null.",
			Examples: []Example{{"print indexof_regex(\"abcabc\", @\"a.c\")", "0"},
				{"print indexof_regex(\"abcabcdefg\", @\"a.c\", 0, 9, 2)", "3"}},
			Bind: bindIndexofRegex},
	)
}

func bindExtract(args []ArgInfo) (data.Type, Kernel, error) {
	if len(args) == 4 {
		t, ok := typeLiteral(args[3])
		if !ok {
			return data.Unknown, nil, fmt.Errorf("function 'extract' expects a type literal such as typeof(long) as argument 4")
		}
		_, k, err := bindExtract(args[:3])
		if err != nil {
			return data.Unknown, nil, err
		}
		if t == data.String {
			return t, k, nil
		}
		return t, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			c, err := k(ctx, n, cols[:3])
			if err != nil {
				return nil, err
			}
			return extractConvert(c, t), nil
		}, nil
	}
	p := sig("extract", argString, argInteger, argString)
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	re, err := constRegex("extract", args, 0)
	if err != nil {
		return data.Unknown, nil, err
	}
	if g, ok := constLong(args, 1); ok && re != nil {
		return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			return Map1(data.String, func(s string) (string, bool) {
				return extractGroup(re, int(g), s), true
			})(ctx, n, cols[2:])
		}, nil
	}
	return data.String, p.wrap(args, extractKernel(re)), nil
}

// extractConvert converts extracted text to the type asked for; the
// empty string (no match) becomes null.
func extractConvert(c data.Column, t data.Type) data.Column {
	return MapValuesCol(c, t, func(v data.Value) data.Value {
		if v.Str() == "" {
			return data.Null(t)
		}
		return ConvertValue(v, t)
	})
}

func extractKernel(fixed *regexp.Regexp) Kernel {
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		m := nRows(n, cols)
		res := newRegexes("extract", fixed, cols[0])
		group, src := data.NewReader[int64](cols[1]), data.NewReader[string](cols[2])
		out := make([]string, m)
		for i := range out {
			g, ok := group.Get(i)
			if !ok {
				continue
			}
			re, err := res.at(i)
			if err != nil {
				return nil, err
			}
			out[i] = extractGroup(re, int(g), src.At(i))
		}
		return finishRows(data.NewVec(data.String, out, nil), m, n), nil
	}
}

// extractGroup returns capture group g of the first match of re in s, or
// "" when there is no match or no such group.
func extractGroup(re *regexp.Regexp, g int, s string) string {
	if g < 0 || g > re.NumSubexp() {
		return ""
	}
	if g == 0 {
		loc := re.FindStringIndex(s)
		if loc == nil {
			return ""
		}
		return s[loc[0]:loc[1]]
	}
	loc := re.FindStringSubmatchIndex(s)
	if loc == nil || loc[2*g] < 0 {
		return ""
	}
	return s[loc[2*g]:loc[2*g+1]]
}

func bindIndexofRegex(args []ArgInfo) (data.Type, Kernel, error) {
	p := optional("indexof_regex", 2, argText, argText, argInteger, argInteger, argInteger)
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	var fixed *regexp.Regexp
	if args[1].Type == data.String {
		re, err := constRegex("indexof_regex", args, 1)
		if err != nil {
			return data.Unknown, nil, err
		}
		fixed = re
	}
	k := func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		m := nRows(n, cols)
		res := newRegexes("indexof_regex", fixed, cols[1])
		s := data.NewReader[string](cols[0])
		start, length, occ := data.NewReader[int64](cols[2]), data.NewReader[int64](cols[3]), data.NewReader[int64](cols[4])
		w := data.NewWriter[int64](data.Long, m)
		for i := 0; i < m; i++ {
			st, ok1 := start.Get(i)
			ln, ok2 := length.Get(i)
			oc, ok3 := occ.Get(i)
			if !ok1 || !ok2 || !ok3 || st < 0 || ln < -1 || oc < 0 {
				w.SetNull(i)
				continue
			}
			re, err := res.at(i)
			if err != nil {
				return nil, err
			}
			w.Vals[i] = indexRegex(re, s.At(i), st, ln, oc)
		}
		return finishRows(w.Column(), m, n), nil
	}
	return data.Long, p.wrap(args, padArgs(k, data.StringValue(""), data.StringValue(""),
		data.LongValue(0), data.LongValue(-1), data.LongValue(1))), nil
}

// indexRegex finds the occ-th match of re in the characters of s from
// start, length long (-1: to the end), as a character position, or -1.
func indexRegex(re *regexp.Regexp, s string, start, length, occ int64) int64 {
	n := int64(runeCount(s))
	if start > n || occ == 0 {
		return -1
	}
	end := n
	if length >= 0 && length < n-start {
		end = start + length
	}
	part := runeSlice(s, int(start), int(end), int(n))
	locs := re.FindAllStringIndex(part, int(min(occ, 1<<20)))
	if int64(len(locs)) < occ {
		return -1
	}
	at := locs[occ-1][0]
	if n == int64(len(s)) {
		return start + int64(at)
	}
	return start + int64(runeCount(part[:at]))
}
