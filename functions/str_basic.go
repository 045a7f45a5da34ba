package functions

import (
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "strlen", Sig: "strlen(source: string): long", Naming: NameFuncAndFirstArg,
			Doc: "Returns the number of Unicode code points in a string (a dynamic " +
				"value is converted with tostring()).",
			Examples: []Example{{"print strlen(\"hello\")", "5"}, {"print strlen(\"⒦⒰⒮⒯⒪\")", "5"}},
			Bind: sig("strlen", argStrDyn).bind(data.Long, Map1(data.Long, func(s string) (int64, bool) {
				return int64(runeCount(s)), true
			}))},
		&Scalar{Name: "string_size", Sig: "string_size(source: string): long", Naming: NameFuncAndFirstArg,
			Doc:      "Returns the size of a string in bytes (UTF-8).",
			Examples: []Example{{"print string_size(\"hello\")", "5"}, {"print string_size(\"⒦⒰⒮⒯⒪\")", "15"}},
			Bind: sig("string_size", argStrDyn).bind(data.Long, Map1(data.Long, func(s string) (int64, bool) {
				return int64(len(s)), true
			}))},
		&Scalar{Name: "tolower", Sig: "tolower(value: scalar): string",
			Doc:      "Converts a string to lower case; other values are converted to string first.",
			Examples: []Example{{"print tolower(\"Hello\")", "\"hello\""}},
			Bind:     sig("tolower", argText).bind(data.String, Map1(data.String, lowerString))},
		&Scalar{Name: "toupper", Sig: "toupper(value: scalar): string",
			Doc:      "Converts a string to upper case; other values are converted to string first.",
			Examples: []Example{{"print toupper(\"Hello\")", "\"HELLO\""}},
			Bind:     sig("toupper", argText).bind(data.String, Map1(data.String, upperString))},
		&Scalar{Name: "reverse", Sig: "reverse(value: scalar): string",
			Doc:      "Reverses the characters of a string; other values are converted to string first.",
			Examples: []Example{{"print reverse(\"abc\")", "\"cba\""}, {"print reverse(123)", "\"321\""}},
			Bind:     sig("reverse", argText).bind(data.String, Map1(data.String, reverseString))},
		&Scalar{Name: "strcmp", Sig: "strcmp(s1: scalar, s2: scalar): long",
			Doc: "Compares two strings ordinally: -1 when the first is smaller, 0 " +
				"when equal, 1 when larger.",
			Examples: []Example{{"print strcmp(\"abc\", \"ABC\")", "1"}, {"print strcmp(\"ABC\", \"ABC\")", "0"}},
			Bind: sig("strcmp", argText, argText).bind(data.Long, Map2(data.Long, func(a, b string) (int64, bool) {
				return int64(strings.Compare(a, b)), true
			}))},
		&Scalar{Name: "isascii", Sig: "isascii(value: scalar): bool",
			Doc:      "Returns true when every character of the string is ASCII.",
			Examples: []Example{{"print isascii(\"some string\")", "true"}, {"print isascii(\"é\")", "false"}},
			Bind: sig("isascii", argText).bind(data.Bool, Map1(data.Bool, func(s string) (bool, bool) {
				return isASCIIString(s), true
			}))},
		&Scalar{Name: "isutf8", Sig: "isutf8(value: scalar): bool",
			Doc:      "Returns true when the string is valid UTF-8.",
			Examples: []Example{{"print isutf8(\"some string\")", "true"}},
			Bind: sig("isutf8", argText).bind(data.Bool, Map1(data.Bool, func(s string) (bool, bool) {
				return utf8.ValidString(s), true
			}))},
		&Scalar{Name: "substring", Sig: "substring(source: scalar, startingIndex: long [, length: long]): string",
			Doc: "Returns length characters of a string from a zero-based start (to the end when length is " +
				"omitted). A negative start counts from the end; out-of-range parts are clipped.",
			Examples: []Example{{"print substring(\"123456\", 1)", "\"23456\""},
				{"print substring(\"123456\", -2, 2)", "\"56\""}},
			Bind: bindSubstring},
	)
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func runeCount(s string) int {
	if isASCIIString(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

func lowerString(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s), true
		}
	}
	return s, true
}

func upperString(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('a' <= c && c <= 'z') {
			return strings.ToUpper(s), true
		}
	}
	return s, true
}

func reverseString(s string) (string, bool) {
	if isASCIIString(s) {
		b := make([]byte, len(s))
		for i := 0; i < len(s); i++ {
			b[len(s)-1-i] = s[i]
		}
		return string(b), true
	}
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r), true
}

func bindSubstring(args []ArgInfo) (data.Type, Kernel, error) {
	p := optional("substring", 2, argText, argInteger, argInteger)
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	var k Kernel
	if len(args) == 2 {
		k = Map2(data.String, func(s string, start int64) (string, bool) {
			return substring(s, start, -1, false), true
		})
	} else {
		k = Map3(data.String, func(s string, start, length int64) (string, bool) {
			return substring(s, start, length, true), true
		})
	}
	return data.String, p.wrap(args, k), nil
}

// substring takes characters (code points) start..start+length-1 of s; a
// negative start counts from the end.
func substring(s string, start, length int64, limited bool) string {
	n := int64(runeCount(s))
	if start < 0 {
		start = max(n+start, 0)
	}
	if start >= n || (limited && length <= 0) {
		return ""
	}
	end := n
	if limited && length < n-start {
		end = start + length
	}
	return runeSlice(s, int(start), int(end), int(n))
}

// runeSlice returns code points lo..hi-1 of s, which has n code points.
func runeSlice(s string, lo, hi, n int) string {
	if n == len(s) {
		return s[lo:hi]
	}
	i, bl, bh := 0, len(s), len(s)
	for off := range s {
		if i == lo {
			bl = off
		}
		if i == hi {
			bh = off
			break
		}
		i++
	}
	return s[bl:bh]
}
