package functions

import (
	"regexp"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "trim", Sig: "trim(regex: string, source: string): string",
			Doc:      "Removes every leading and trailing match of a regular expression from a string.",
			Examples: []Example{{"print trim(\"--\", \"--bing.com--\")", "\"bing.com\""}, {"print trim(@\"[^\\w]+\", \"-  Te st1// $\")", "\"Te st1\""}},
			Bind:     trimBinder("trim", true, true)},
		&Scalar{Name: "trim_start", Sig: "trim_start(regex: string, source: string): string",
			Doc:      "Removes every leading match of a regular expression from a string.",
			Examples: []Example{{"print trim_start(\"https://\", \"https://bing.com\")", "\"bing.com\""}},
			Bind:     trimBinder("trim_start", true, false)},
		&Scalar{Name: "trim_end", Sig: "trim_end(regex: string, source: string): string",
			Doc:      "Removes every trailing match of a regular expression from a string.",
			Examples: []Example{{"print trim_end(\".com\", \"bing.com\")", "\"bing\""}},
			Bind:     trimBinder("trim_end", false, true)},
	)
}

// trimmer removes repeated matches of a pattern at the ends of strings.
type trimmer struct {
	literal    string // the pattern when it has no metacharacters
	isLiteral  bool
	start, end *regexp.Regexp
}

func newTrimmer(fn, pattern string, atStart, atEnd bool) (*trimmer, error) {
	re, err := compileRegex(fn, pattern)
	if err != nil {
		return nil, err
	}
	if lit, complete := re.LiteralPrefix(); complete {
		return &trimmer{literal: lit, isLiteral: true}, nil
	}
	t := &trimmer{}
	if atStart {
		if t.start, err = compileRegex(fn, `^(?:`+pattern+`)+`); err != nil {
			return nil, err
		}
	}
	if atEnd {
		if t.end, err = compileRegex(fn, `(?:`+pattern+`)+$`); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func (t *trimmer) trim(s string, atStart, atEnd bool) string {
	if t.isLiteral {
		if t.literal == "" {
			return s
		}
		for atStart && strings.HasPrefix(s, t.literal) {
			s = s[len(t.literal):]
		}
		for atEnd && strings.HasSuffix(s, t.literal) {
			s = s[:len(s)-len(t.literal)]
		}
		return s
	}
	if atStart {
		if loc := t.start.FindStringIndex(s); loc != nil {
			s = s[loc[1]:]
		}
	}
	if atEnd {
		if loc := t.end.FindStringIndex(s); loc != nil {
			s = s[:loc[0]]
		}
	}
	return s
}

func trimBinder(name string, atStart, atEnd bool) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		p := sig(name, argString, argString)
		if err := p.check(args); err != nil {
			return data.Unknown, nil, err
		}
		if pat, ok := constString(args, 0); ok {
			t, err := newTrimmer(name, pat, atStart, atEnd)
			if err != nil {
				return data.Unknown, nil, err
			}
			return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
				return Map1(data.String, func(s string) (string, bool) {
					return t.trim(s, atStart, atEnd), true
				})(ctx, n, cols[1:])
			}, nil
		}
		return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			m := nRows(n, cols)
			pats, src := data.NewReader[string](cols[0]), data.NewReader[string](cols[1])
			cache := map[string]*trimmer{}
			out := make([]string, m)
			for i := range out {
				t, ok := cache[pats.At(i)]
				if !ok {
					var err error
					if t, err = newTrimmer(name, pats.At(i), atStart, atEnd); err != nil {
						return nil, err
					}
					if len(cache) >= regexCacheMax {
						clear(cache)
					}
					cache[pats.At(i)] = t
				}
				out[i] = t.trim(src.At(i), atStart, atEnd)
			}
			return finishRows(data.NewVec(data.String, out, nil), m, n), nil
		}, nil
	}
}
