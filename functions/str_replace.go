package functions

import (
	"regexp"
	"sort"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "replace_string", Sig: "replace_string(text: string, lookup: string, rewrite: string): string",
			Doc: "Replaces every occurrence of lookup in text (left to right, without overlaps) with rewrite; " +
				"an empty lookup leaves the text unchanged.",
			Examples: []Example{{"print replace_string(\"a cat\", \"cat\", \"dog\")", "\"a dog\""}},
			Bind: sig("replace_string", argString, argString, argString).bind(data.String,
				Map3(data.String, func(s, old, rep string) (string, bool) {
					if old == "" {
						return s, true
					}
					return strings.ReplaceAll(s, old, rep), true
				}))},
		&Scalar{Name: "replace_strings", Sig: "replace_strings(text: string, lookups: dynamic, rewrites: dynamic): string",
			Doc: "Replaces matches of several strings at once: earlier lookups take precedence over later ones " +
				"and matches never overlap. A rewrite that is not a string keeps the matched text.",
			Examples: []Example{{"print replace_strings(\"a cat and a dog\", dynamic(['cat', 'dog']), dynamic(['dog', 'bird']))",
				"\"a dog and a bird\""}},
			Bind: sig("replace_strings", argString, argDynamic, argDynamic).bind(data.String,
				Map3(data.String, func(s string, lookups, rewrites data.Dyn) (string, bool) {
					return replaceStrings(s, lookups, rewrites), true
				}))},
		&Scalar{Name: "replace_regex", Sig: "replace_regex(source: string, lookup_regex: string, rewrite_pattern: string): string",
			Doc: "Replaces every match of a regular expression with the rewrite pattern, where \\0 is the whole " +
				"match and \\1 to \\9 the capture groups. Matches do not overlap.",
			Examples: []Example{{"print replace_regex(\"Number is 1\", @\"is (\\d+)\", @\"was: \\1\")", "\"Number was: 1\""}},
			Bind:     regexReplaceBinder("replace_regex", 0, 1, 2)},
		&Scalar{Name: "replace", Sig: "replace(regex: string, rewrite: string, source: string): string",
			Doc: "Deprecated form of replace_regex() with the arguments in the " +
				"order regex, rewrite, source.",
			Examples: []Example{{"print replace(@\"is (\\d+)\", @\"was: \\1\", \"Number is 1\")", "\"Number was: 1\""}},
			Bind:     regexReplaceBinder("replace", 2, 0, 1)},
	)
}

// regexReplaceBinder binds replace_regex and its deprecated form; the
// indexes give the positions of the source, regex and rewrite arguments.
func regexReplaceBinder(name string, src, pat, rw int) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		p := sig(name, argString, argString, argString)
		if err := p.check(args); err != nil {
			return data.Unknown, nil, err
		}
		re, err := constRegex(name, args, pat)
		if err != nil {
			return data.Unknown, nil, err
		}
		if r, ok := constString(args, rw); ok && re != nil {
			tmpl := parseRewrite(r)
			return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
				return Map1(data.String, func(s string) (string, bool) {
					return replaceRegex(re, s, tmpl), true
				})(ctx, n, cols[src:src+1])
			}, nil
		}
		return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			m := nRows(n, cols)
			res := newRegexes(name, re, cols[pat])
			s, r := data.NewReader[string](cols[src]), data.NewReader[string](cols[rw])
			out := make([]string, m)
			for i := range out {
				re, err := res.at(i)
				if err != nil {
					return nil, err
				}
				out[i] = replaceRegex(re, s.At(i), parseRewrite(r.At(i)))
			}
			return finishRows(data.NewVec(data.String, out, nil), m, n), nil
		}, nil
	}
}

// rewritePart is a piece of a rewrite pattern: literal text, or a capture
// group reference when group >= 0.
type rewritePart struct {
	text  string
	group int
}

// parseRewrite splits a rewrite pattern into literal text and \N group
// references; \\ is a backslash.
func parseRewrite(r string) []rewritePart {
	var parts []rewritePart
	var lit strings.Builder
	for i := 0; i < len(r); i++ {
		c := r[i]
		if c != '\\' || i+1 == len(r) {
			lit.WriteByte(c)
			continue
		}
		next := r[i+1]
		switch {
		case next >= '0' && next <= '9':
			if lit.Len() > 0 {
				parts = append(parts, rewritePart{text: lit.String(), group: -1})
				lit.Reset()
			}
			parts = append(parts, rewritePart{group: int(next - '0')})
			i++
		case next == '\\':
			lit.WriteByte('\\')
			i++
		default:
			lit.WriteByte(c)
		}
	}
	if lit.Len() > 0 {
		parts = append(parts, rewritePart{text: lit.String(), group: -1})
	}
	return parts
}

// replaceRegex replaces every match of re in s by the rewrite.
func replaceRegex(re *regexp.Regexp, s string, tmpl []rewritePart) string {
	locs := re.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, loc := range locs {
		b.WriteString(s[last:loc[0]])
		for _, p := range tmpl {
			if p.group < 0 {
				b.WriteString(p.text)
				continue
			}
			if 2*p.group+1 < len(loc) && loc[2*p.group] >= 0 {
				b.WriteString(s[loc[2*p.group]:loc[2*p.group+1]])
			}
		}
		last = loc[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// span is a match of one lookup of replace_strings.
type span struct {
	lo, hi int
	with   int // index of the lookup
}

// replaceStrings implements replace_strings: lookups are matched in
// order, each taking the non-overlapping occurrences not already taken.
func replaceStrings(s string, lookups, rewrites data.Dyn) string {
	if lookups.Kind() != data.DynArray || rewrites.Kind() != data.DynArray {
		return s
	}
	var taken []span
	for j, l := range lookups.Items() {
		if l.Kind() != data.DynString || l.Str() == "" {
			continue
		}
		taken = takeMatches(s, l.Str(), j, taken)
	}
	if len(taken) == 0 {
		return s
	}
	sort.Slice(taken, func(a, b int) bool { return taken[a].lo < taken[b].lo })
	var b strings.Builder
	last := 0
	for _, m := range taken {
		b.WriteString(s[last:m.lo])
		if r := rewrites.Index(m.with); r.Kind() == data.DynString {
			b.WriteString(r.Str())
		} else {
			b.WriteString(s[m.lo:m.hi])
		}
		last = m.hi
	}
	b.WriteString(s[last:])
	return b.String()
}

func takeMatches(s, sub string, with int, taken []span) []span {
	for from := 0; from <= len(s); {
		k := strings.Index(s[from:], sub)
		if k < 0 {
			break
		}
		lo, hi := from+k, from+k+len(sub)
		if overlaps(taken, lo, hi) {
			from = lo + 1
			continue
		}
		taken = append(taken, span{lo, hi, with})
		from = hi
	}
	return taken
}

func overlaps(taken []span, lo, hi int) bool {
	for _, t := range taken {
		if lo < t.hi && t.lo < hi {
			return true
		}
	}
	return false
}
