package functions

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "split", Sig: "split(source: scalar, delimiter: string [, requestedIndex: long]): dynamic",
			Naming: NameFirstArg,
			Doc: "Splits a value (converted to string) at each delimiter into a dynamic array of strings; with " +
				"requestedIndex, an array holding only that part (empty when out of range).",
			Examples: []Example{{"print split(\"aa_bb\", \"_\")", "[\"aa\",\"bb\"]"},
				{"print split(\"aaa_bbb_ccc\", \"_\", 1)", "[\"bbb\"]"}},
			Bind: bindSplit},
		&Scalar{Name: "indexof", Sig: "indexof(string: scalar, match: scalar [, start: long [, length: long [, occurrence: long]]]): long",
			Doc: "Returns the zero-based position of the occurrence-th match of a string (case-sensitive) " +
				"starting within length characters from start, or -1. A negative start counts from the end; " +
				"a length below -1 or a negative occurrence gives null.",
			Examples: []Example{{"print indexof(\"abcdefg\", \"cde\")", "2"},
				{"print indexof(\"abcdefgabcdefg\", \"cde\", 1, 10, 2)", "9"}},
			Bind: optional("indexof", 2, argText, argText, argInteger, argInteger, argInteger).bind(data.Long,
				padArgs(indexofKernel, data.StringValue(""), data.StringValue(""), data.LongValue(0),
					data.LongValue(-1), data.LongValue(1)))},
		&Scalar{Name: "countof", Sig: "countof(source: string, search: string [, kind: string]): long",
			Doc: "Counts the occurrences of a string (kind \"normal\", the default; matches may overlap) or of " +
				"a regular expression (kind \"regex\"; matches do not overlap).",
			Examples: []Example{{"print countof(\"aaaa\", \"aa\")", "3"},
				{"print countof(\"abcabc\", \"a.c\", \"regex\")", "2"}},
			Bind: bindCountof},
		&Scalar{Name: "translate", Sig: "translate(searchList: string, replacementList: string, source: string): string",
			Doc: "Replaces each character of source found in searchList by the character at the same position in " +
				"replacementList (its last character when shorter); an empty replacementList deletes them.",
			Examples: []Example{{"print translate(\"abc\", \"x\", \"abc\")", "\"xxx\""},
				{"print translate(\"krasp\", \"otsku\", \"spark\")", "\"kusto\""}},
			Bind: sig("translate", argString, argString, argString).bind(data.String, translateKernel)},
		&Scalar{Name: "has_any_index", Sig: "has_any_index(source: string, values: dynamic): long",
			Doc: "Returns the index of the first element of the array that the string has as a whole term " +
				"(case-insensitive, as the has operator), or -1.",
			Examples: []Example{{"print has_any_index(\"this is an example\", dynamic(['not', 'example']))", "1"}},
			Bind: sig("has_any_index", argStrDyn, argDynamic).bind(data.Long,
				Map2(data.Long, func(s string, vals data.Dyn) (int64, bool) { return hasAnyIndex(s, vals), true }))},
	)
}

func bindSplit(args []ArgInfo) (data.Type, Kernel, error) {
	p := optional("split", 2, argText, argString, argInteger)
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	if len(args) == 2 {
		return data.Dynamic, p.wrap(args, Map2(data.Dynamic, func(s, d string) (data.Dyn, bool) {
			return splitDyn(s, d), true
		})), nil
	}
	return data.Dynamic, p.wrap(args, Map3(data.Dynamic, func(s, d string, i int64) (data.Dyn, bool) {
		parts := splitString(s, d)
		if i < 0 || i >= int64(len(parts)) {
			return data.DynArrayOf(nil), true
		}
		return data.DynArrayOf([]data.Dyn{data.DynStringOf(parts[i])}), true
	})), nil
}

func splitString(s, delim string) []string {
	if delim == "" {
		return []string{s}
	}
	return strings.Split(s, delim)
}

func splitDyn(s, delim string) data.Dyn {
	if delim == "" {
		return data.DynArrayOf([]data.Dyn{data.DynStringOf(s)})
	}
	items := make([]data.Dyn, 0, strings.Count(s, delim)+1)
	for {
		k := strings.Index(s, delim)
		if k < 0 {
			break
		}
		items = append(items, data.DynStringOf(s[:k]))
		s = s[k+len(delim):]
	}
	return data.DynArrayOf(append(items, data.DynStringOf(s)))
}

func indexofKernel(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
	m := nRows(n, cols)
	s, sub := data.NewReader[string](cols[0]), data.NewReader[string](cols[1])
	start, length, occ := data.NewReader[int64](cols[2]), data.NewReader[int64](cols[3]), data.NewReader[int64](cols[4])
	w := data.NewWriter[int64](data.Long, m)
	for i := 0; i < m; i++ {
		st, ok1 := start.Get(i)
		ln, ok2 := length.Get(i)
		oc, ok3 := occ.Get(i)
		if !ok1 || !ok2 || !ok3 {
			w.SetNull(i)
			continue
		}
		r, ok := indexOf(s.At(i), sub.At(i), st, ln, oc)
		if !ok {
			w.SetNull(i)
			continue
		}
		w.Vals[i] = r
	}
	return finishRows(w.Column(), m, n), nil
}

// indexOf finds the occ-th occurrence of sub in s that starts at a
// character position in [start, start+length) (length -1: no limit). It
// works in code points and reports false for a null result.
func indexOf(s, sub string, start, length, occ int64) (int64, bool) {
	if length < -1 || occ < 0 {
		return 0, false
	}
	n := int64(runeCount(s))
	if start < 0 {
		start = max(n+start, 0)
	}
	if start > n || occ == 0 {
		return -1, true
	}
	limit := n
	if length >= 0 && length < n-start {
		limit = start + length
	}
	ascii := n == int64(len(s))
	pos := start // in code points
	off := int(start)
	if !ascii {
		off = byteOffset(s, int(start))
	}
	for {
		k := strings.Index(s[off:], sub)
		if k < 0 {
			return -1, true
		}
		p := pos + int64(k)
		if !ascii {
			p = pos + int64(utf8.RuneCountInString(s[off:off+k]))
		}
		if p >= limit && !(sub == "" && p == start) {
			return -1, true
		}
		occ--
		if occ == 0 {
			return p, true
		}
		if off+k >= len(s) {
			return -1, true
		}
		_, size := utf8.DecodeRuneInString(s[off+k:])
		off += k + size
		pos = p + 1
	}
}

// byteOffset returns the byte offset of code point i of s.
func byteOffset(s string, i int) int {
	for off := range s {
		if i == 0 {
			return off
		}
		i--
	}
	return len(s)
}

func bindCountof(args []ArgInfo) (data.Type, Kernel, error) {
	p := optional("countof", 2, argString, argString, argString)
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	if len(args) == 3 {
		kind, ok := constString(args, 2)
		if !ok {
			return data.Long, countofAnyKind, nil
		}
		switch kind {
		case "normal":
		case "regex":
			re, err := constRegex("countof", args, 1)
			if err != nil {
				return data.Unknown, nil, err
			}
			return data.Long, regexCountKernel(re), nil
		default:
			return data.Unknown, nil, fmt.Errorf("function 'countof' expects kind 'normal' or 'regex', got %q", kind)
		}
	}
	return data.Long, Map2(data.Long, func(s, sub string) (int64, bool) { return countOverlapping(s, sub), true }), nil
}

// countOverlapping counts the occurrences of sub in s, overlaps included.
func countOverlapping(s, sub string) int64 {
	if sub == "" {
		return 0
	}
	var c int64
	for {
		k := strings.Index(s, sub)
		if k < 0 {
			return c
		}
		c++
		_, size := utf8.DecodeRuneInString(s[k:])
		s = s[k+size:]
	}
}

func regexCountKernel(re *regexp.Regexp) Kernel {
	if re == nil {
		return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			return countofAnyKind(ctx, n, cols)
		}
	}
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		return Map1(data.Long, func(s string) (int64, bool) {
			return int64(len(re.FindAllStringIndex(s, -1))), true
		})(ctx, n, cols[:1])
	}
}

// countofAnyKind is countof with a kind that varies by row.
func countofAnyKind(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
	m := nRows(n, cols)
	s, sub, kind := data.NewReader[string](cols[0]), data.NewReader[string](cols[1]), data.NewReader[string](cols[2])
	res := newRegexes("countof", nil, cols[1])
	w := data.NewWriter[int64](data.Long, m)
	for i := 0; i < m; i++ {
		switch kind.At(i) {
		case "normal":
			w.Vals[i] = countOverlapping(s.At(i), sub.At(i))
		case "regex":
			re, err := res.at(i)
			if err != nil {
				return nil, err
			}
			w.Vals[i] = int64(len(re.FindAllStringIndex(s.At(i), -1)))
		default:
			return nil, fmt.Errorf("function 'countof' expects kind 'normal' or 'regex', got %q", kind.At(i))
		}
	}
	return finishRows(w.Column(), m, n), nil
}

func translateKernel(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
	if isConstCol(cols[0]) && isConstCol(cols[1]) {
		tr := newTranslator(cols[0].Value(0).Str(), cols[1].Value(0).Str())
		return Map1(data.String, func(s string) (string, bool) { return tr.apply(s), true })(ctx, n, cols[2:])
	}
	return Map3(data.String, func(from, to, s string) (string, bool) {
		return newTranslator(from, to).apply(s), true
	})(ctx, n, cols)
}

// translator maps characters for translate().
type translator struct {
	m map[rune]rune // -1: delete
}

func newTranslator(from, to string) translator {
	tr := translator{m: map[rune]rune{}}
	rep := []rune(to)
	i := 0
	for _, r := range from {
		if _, dup := tr.m[r]; !dup {
			switch {
			case len(rep) == 0:
				tr.m[r] = -1
			case i < len(rep):
				tr.m[r] = rep[i]
			default:
				tr.m[r] = rep[len(rep)-1]
			}
		}
		i++
	}
	return tr
}

func (tr translator) apply(s string) string {
	if len(tr.m) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		to, ok := tr.m[r]
		switch {
		case !ok:
			b.WriteRune(r)
		case to >= 0:
			b.WriteRune(to)
		}
	}
	return b.String()
}

// hasAnyIndex is has_any_index(): the index of the first array element
// that s has as a term, or -1.
func hasAnyIndex(s string, vals data.Dyn) int64 {
	if vals.Kind() != data.DynArray {
		return -1
	}
	for i, v := range vals.Items() {
		if hasTerm(s, DynToString(v)) {
			return int64(i)
		}
	}
	return -1
}

// hasTerm reports whether h contains needle as whole terms, ignoring
// case, as the has operator does: where the needle begins (ends) with a
// letter or digit, the text before (after) the match must not be one.
func hasTerm(h, needle string) bool {
	if needle == "" {
		return false
	}
	h, needle = strings.ToLower(h), strings.ToLower(needle)
	first, _ := utf8.DecodeRuneInString(needle)
	last, _ := utf8.DecodeLastRuneInString(needle)
	needStart, needEnd := isTermRune(first), isTermRune(last)
	for from := 0; from <= len(h); {
		k := strings.Index(h[from:], needle)
		if k < 0 {
			return false
		}
		i := from + k
		end := i + len(needle)
		before, _ := utf8.DecodeLastRuneInString(h[:i])
		after, _ := utf8.DecodeRuneInString(h[end:])
		if (!needStart || i == 0 || !isTermRune(before)) && (!needEnd || end == len(h) || !isTermRune(after)) {
			return true
		}
		_, size := utf8.DecodeRuneInString(h[i:])
		from = i + size
	}
	return false
}

// isTermRune reports whether r belongs to a term: a letter or a digit.
func isTermRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
