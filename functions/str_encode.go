package functions

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "tohex", Sig: "tohex(value: long [, minLength: long]): string", Naming: NameFirstArg,
			Doc: "Formats an integer in lower-case hexadecimal (negative values in two's complement: 32 bits " +
				"for int, 64 for long), padded with zeros to minLength (at most 16).",
			Examples: []Example{{"print tohex(256)", "\"100\""}, {"print tohex(256, 8)", "\"00000100\""},
				{"print tohex(-256)", "\"ffffffffffffff00\""}},
			Bind: bindTohex},
		&Scalar{Name: "unicode_codepoints_from_string", Sig: "unicode_codepoints_from_string(value: scalar): dynamic",
			Doc: "Returns a dynamic array of the Unicode code points of a string " +
				"(invalid UTF-8 bytes give 65533).",
			Examples: []Example{{"print unicode_codepoints_from_string(\"Kusto\")", "[75,117,115,116,111]"}},
			Bind: sig("unicode_codepoints_from_string", argText).bind(data.Dynamic, Map1(data.Dynamic, func(s string) (data.Dyn, bool) {
				items := make([]data.Dyn, 0, len(s))
				for _, r := range s {
					items = append(items, data.DynLongOf(int64(r)))
				}
				return data.DynArrayOf(items), true
			}))},
		&Scalar{Name: "unicode_codepoints_to_string", Sig: "unicode_codepoints_to_string(values: long or dynamic, ...): string",
			Doc: "Builds a string from 1 to 64 Unicode code points, given as integers or dynamic arrays of " +
				"integers; any value that is not a valid code point gives the empty string.",
			Examples: []Example{{"print unicode_codepoints_to_string(75, 117, 115, 116, 111)", "\"Kusto\""},
				{"print unicode_codepoints_to_string(dynamic([75, 117]), 115)", "\"Kus\""}},
			Bind: bindCodepointsToString},
		&Scalar{Name: "url_encode", Sig: "url_encode(url: string): string",
			Doc: "Percent-encodes a string for a URL query (application/x-www-form-urlencoded): spaces become " +
				"'+', and bytes other than letters, digits and -_.!*() become lower-case %xx.",
			Examples: []Example{{"print url_encode(\"https://www.bing.com/hello world\")", "\"https%3a%2f%2fwww.bing.com%2fhello+world\""}},
			Bind: sig("url_encode", argString).bind(data.String, Map1(data.String, func(s string) (string, bool) {
				return urlEncode(s, "+"), true
			}))},
		&Scalar{Name: "url_encode_component", Sig: "url_encode_component(url: string): string",
			Doc:      "Percent-encodes a string as url_encode() does, but with spaces as %20.",
			Examples: []Example{{"print url_encode_component(\"hello world/\")", "\"hello%20world%2f\""}},
			Bind: sig("url_encode_component", argString).bind(data.String, Map1(data.String, func(s string) (string, bool) {
				return urlEncode(s, "%20"), true
			}))},
		&Scalar{Name: "url_decode", Sig: "url_decode(encoded_url: string): string",
			Doc: "Decodes a percent-encoded string: %xx bytes (as UTF-8), %uXXXX characters and '+' as a space; " +
				"malformed escapes are kept as they are.",
			Examples: []Example{{"print url_decode(\"https%3a%2f%2fwww.bing.com%2f\")", "\"https://www.bing.com/\""}},
			Bind:     sig("url_decode", argString).bind(data.String, Map1(data.String, urlDecode))},
	)
	alias("to_utf8", "unicode_codepoints_from_string")
	alias("make_string", "unicode_codepoints_to_string")
}

func bindTohex(args []ArgInfo) (data.Type, Kernel, error) {
	p := optional("tohex", 1, argInteger, argInteger)
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	bits32 := args[0].Type == data.Int
	k := Map2(data.String, func(v, minLen int64) (string, bool) {
		u := uint64(v)
		if bits32 {
			u = uint64(uint32(v))
		}
		s := strconv.FormatUint(u, 16)
		if pad := int(min(max(minLen, 0), 16)) - len(s); pad > 0 {
			s = strings.Repeat("0", pad) + s
		}
		return s, true
	})
	return data.String, p.wrap(args, padArgs(k, data.LongValue(0), data.LongValue(0))), nil
}

func bindCodepointsToString(args []ArgInfo) (data.Type, Kernel, error) {
	if len(args) < 1 || len(args) > 64 {
		return data.Unknown, nil, fmt.Errorf("function 'unicode_codepoints_to_string' expects 1 to 64 arguments, got %d", len(args))
	}
	for i, a := range args {
		if a.Star || !(a.Type.IsInteger() || a.Type == data.Dynamic) {
			return data.Unknown, nil, fmt.Errorf("function 'unicode_codepoints_to_string' expects argument %d "+
				"to be an integer or a dynamic array, got %s", i+1, a.Type)
		}
	}
	return data.String, MapValues(data.String, func(vals []data.Value) data.Value {
		s, _ := codepointsString(vals)
		return data.StringValue(s)
	}), nil
}

// codepointsString builds the string of unicode_codepoints_to_string;
// false when a value is not a valid code point.
func codepointsString(vals []data.Value) (string, bool) {
	var b strings.Builder
	add := func(v int64) bool {
		if v < 0 || v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
			return false
		}
		b.WriteRune(rune(v))
		return true
	}
	for _, v := range vals {
		if v.IsNull() {
			return "", false
		}
		if v.Type() != data.Dynamic {
			if !add(v.Int64()) {
				return "", false
			}
			continue
		}
		d := v.Dyn()
		items := []data.Dyn{d}
		if d.Kind() == data.DynArray {
			items = d.Items()
		}
		for _, x := range items {
			if (x.Kind() != data.DynLong && x.Kind() != data.DynInt) || !add(x.Long()) {
				return "", false
			}
		}
	}
	return b.String(), true
}

// urlSafe reports the bytes url_encode leaves as they are.
func urlSafe(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '!' || c == '*' || c == '(' || c == ')'
}

func urlEncode(s, space string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case urlSafe(c):
			b.WriteByte(c)
		case c == ' ':
			b.WriteString(space)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// hexAt decodes the n hex digits of s at i.
func hexAt(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for j := i; j < i+n; j++ {
		d, ok := unhex(s[j])
		if !ok {
			return 0, false
		}
		v = v<<4 | int(d)
	}
	return v, true
}

func urlDecode(s string) (string, bool) {
	if !strings.ContainsAny(s, "%+") {
		return s, true
	}
	buf := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			buf = append(buf, ' ')
		case c == '%' && i+5 < len(s) && (s[i+1] == 'u' || s[i+1] == 'U'):
			if v, ok := hexAt(s, i+2, 4); ok {
				buf = utf8.AppendRune(buf, rune(v))
				i += 5
				continue
			}
			buf = append(buf, c)
		case c == '%':
			if v, ok := hexAt(s, i+1, 2); ok {
				buf = append(buf, byte(v))
				i += 2
				continue
			}
			buf = append(buf, c)
		default:
			buf = append(buf, c)
		}
	}
	return validUTF8(buf), true
}

// validUTF8 returns b as a string with each invalid byte replaced by
// U+FFFD.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		sb.WriteRune(r)
		b = b[size:]
	}
	return sb.String()
}
