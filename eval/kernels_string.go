package eval

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// stringKernel returns the kernel of a string operator (has, contains,
// startswith, =~, … and their negations and _cs forms).
func stringKernel(op string) functions.Kernel {
	neg := strings.HasPrefix(op, "!")
	base := strings.TrimPrefix(op, "!")
	if op == "!~" {
		neg, base = true, "=~"
	}
	match := StringMatcher(base)
	return func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		a, b := data.NewReader[string](args[0]), data.NewReader[string](args[1])
		if a.IsConst() && b.IsConst() {
			n = 1
		}
		out := make([]bool, n)
		if b.IsConst() {
			m := match(b.Vals[0])
			for i, x := range a.Vals[:max(n*a.Stride, min(n, 1))] {
				out[i] = m(x) != neg
			}
			if a.IsConst() {
				for i := range out {
					out[i] = out[0]
				}
			}
		} else {
			for i := 0; i < n; i++ {
				out[i] = match(b.At(i))(a.At(i)) != neg
			}
		}
		return finish(data.NewVec(data.Bool, out, nil), a.IsConst() && b.IsConst(), args), nil
	}
}

// StringMatcher returns, for a string operator without negation, a function
// that prepares a needle and returns the test for haystacks.
func StringMatcher(op string) func(needle string) func(string) bool {
	switch op {
	case "=~":
		return func(nd string) func(string) bool {
			return func(h string) bool { return equalFold(h, nd) }
		}
	case "contains":
		return func(nd string) func(string) bool {
			lower := toLower(nd)
			return func(h string) bool { return indexFold(h, lower, 0) >= 0 }
		}
	case "contains_cs":
		return func(nd string) func(string) bool {
			return func(h string) bool { return strings.Contains(h, nd) }
		}
	case "startswith":
		return func(nd string) func(string) bool {
			return func(h string) bool { return len(h) >= len(nd) && equalFold(h[:len(nd)], nd) || hasPrefixFold(h, nd) }
		}
	case "startswith_cs":
		return func(nd string) func(string) bool {
			return func(h string) bool { return strings.HasPrefix(h, nd) }
		}
	case "endswith":
		return func(nd string) func(string) bool {
			return func(h string) bool {
				return len(h) >= len(nd) && equalFold(h[len(h)-len(nd):], nd) || hasSuffixFold(h, nd)
			}
		}
	case "endswith_cs":
		return func(nd string) func(string) bool {
			return func(h string) bool { return strings.HasSuffix(h, nd) }
		}
	case "has", "hasprefix", "hassuffix", "has_cs", "hasprefix_cs", "hassuffix_cs":
		cs := strings.HasSuffix(op, "_cs")
		kind := strings.TrimSuffix(op, "_cs")
		return func(nd string) func(string) bool {
			return termMatcher(kind, nd, cs)
		}
	}
	panic("eval: unknown string operator " + op)
}

// termMatcher implements has / hasprefix / hassuffix: the needle must
// match a whole term (a maximal run of letters and digits), the start of
// one, or the end of one.
func termMatcher(kind, needle string, cs bool) func(string) bool {
	if !cs {
		needle = toLower(needle)
	}
	if needle == "" {
		return func(string) bool { return kind != "has" }
	}
	firstAlnum := isAlnumAt(needle, 0)
	lastAlnum := isAlnumBefore(needle, len(needle))
	needStart := kind != "hassuffix" && firstAlnum
	needEnd := kind != "hasprefix" && lastAlnum
	return func(h string) bool {
		from := 0
		for {
			var i int
			if cs {
				i = strings.Index(h[from:], needle)
				if i >= 0 {
					i += from
				}
			} else {
				i = indexFold(h, needle, from)
			}
			if i < 0 {
				return false
			}
			end := i + len(needle)
			if (!needStart || i == 0 || !isAlnumBefore(h, i)) && (!needEnd || end >= len(h) || !isAlnumAt(h, end)) {
				return true
			}
			_, size := utf8.DecodeRuneInString(h[i:])
			from = i + size
		}
	}
}

func isAlnumRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isAlnumAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isAlnumRune(r)
}

func isAlnumBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isAlnumRune(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func toLower(s string) string {
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			if 'A' <= s[i] && s[i] <= 'Z' {
				return strings.ToLower(s)
			}
		}
		return s
	}
	return strings.ToLower(s)
}

// equalFold is Kusto's case-insensitive equality.
func equalFold(a, b string) bool {
	if len(a) == len(b) {
		i := 0
		for ; i < len(a); i++ {
			x, y := a[i], b[i]
			if x == y {
				continue
			}
			if x|0x20 == y|0x20 && 'a' <= x|0x20 && x|0x20 <= 'z' {
				continue
			}
			break
		}
		if i == len(a) {
			return true
		}
	}
	return strings.EqualFold(a, b)
}

func hasPrefixFold(h, p string) bool {
	if isASCII(p) {
		return false // handled by the byte comparison
	}
	return strings.HasPrefix(strings.ToLower(h), strings.ToLower(p))
}

func hasSuffixFold(h, p string) bool {
	if isASCII(p) {
		return false
	}
	return strings.HasSuffix(strings.ToLower(h), strings.ToLower(p))
}

// indexFold finds lowerNeedle (already lower case) in h from byte offset
// from, ignoring case; -1 when absent.
func indexFold(h, lowerNeedle string, from int) int {
	if lowerNeedle == "" {
		return from
	}
	if !isASCII(lowerNeedle) || !isASCII(h) {
		i := strings.Index(strings.ToLower(h[from:]), lowerNeedle)
		if i < 0 {
			return -1
		}
		// lower-casing may change byte lengths; map back approximately by
		// searching the original for a case-insensitive match at runes.
		return mapFoldIndex(h, lowerNeedle, from)
	}
	c0 := lowerNeedle[0]
	up := c0
	if 'a' <= c0 && c0 <= 'z' {
		up = c0 - 32
	}
	n := len(lowerNeedle)
	for i := from; i+n <= len(h); i++ {
		c := h[i]
		if c != c0 && c != up {
			continue
		}
		j := 1
		for ; j < n; j++ {
			x := h[i+j]
			if 'A' <= x && x <= 'Z' {
				x += 32
			}
			if x != lowerNeedle[j] {
				break
			}
		}
		if j == n {
			return i
		}
	}
	return -1
}

func mapFoldIndex(h, lowerNeedle string, from int) int {
	for i := from; i < len(h); {
		if strings.HasPrefix(strings.ToLower(h[i:min(len(h), i+len(lowerNeedle)*2+8)]), lowerNeedle) {
			return i
		}
		_, size := utf8.DecodeRuneInString(h[i:])
		i += size
	}
	return -1
}

// matchesRegex compiles `matches regex`; a constant pattern is compiled
// once.
func (c *compiler) matchesRegex(l, r *cexpr, e *ast.BinaryExpr) *cexpr {
	if r.konst != nil {
		re, err := functions.CompileRegex(r.konst.Str())
		if err != nil {
			c.errorf(e.Y, "invalid regular expression: %v", err)
			return badExpr(e)
		}
		k := functions.Map1(data.Bool, func(s string) (bool, bool) { return re.MatchString(s), true })
		return c.kernelExpr(e, data.Bool, k, []*cexpr{l}, true)
	}
	k := func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		a, b := data.NewReader[string](args[0]), data.NewReader[string](args[1])
		w := data.NewWriter[bool](data.Bool, n)
		cache := map[string]*regexp.Regexp{}
		for i := 0; i < n; i++ {
			p := b.At(i)
			re, ok := cache[p]
			if !ok {
				var err error
				re, err = functions.CompileRegex(p)
				if err != nil {
					w.SetNull(i)
					continue
				}
				cache[p] = re
			}
			w.Vals[i] = re.MatchString(a.At(i))
		}
		return w.Column(), nil
	}
	return c.kernelExpr(e, data.Bool, k, []*cexpr{l, r}, true)
}
