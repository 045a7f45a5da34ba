package functions

import (
	"regexp"
	"strings"
)

// Kusto's regular expressions follow the syntax of the Rust regex crate,
// which differs from Go's RE2 dialect in a few places. CompileRegex
// rewrites those parts into Go syntax:
//
//   - \d, \s and \w (and their negations outside brackets) are Unicode
//     classes, as in Kusto, where Go's are ASCII only;
//   - \uXXXX, \u{X}, \UXXXXXXXX and \U{X} escapes become \x{X};
//   - \<, \>, \b{start}, \b{end} and their half forms become \b (Go has no
//     start- or end-of-word assertion; this is an approximation);
//   - the verbose flag x (whitespace and # comments ignored) is applied
//     here, and the u and R flags, which Go lacks, are dropped;
//   - long Unicode class names (\p{Letter}, \p{Decimal_Number}, …) become
//     Go's short ones.
//
// Not translated: character class set operations (&&, --, ~~) and nested
// classes, and Unicode-aware \b.

// CompileRegex compiles a Kusto regular expression.
func CompileRegex(pattern string) (*regexp.Regexp, error) {
	return regexp.Compile(translateRegex(pattern))
}

const (
	// wordClass is \w in Unicode mode: letters, marks, decimal digits,
	// connector punctuation and the join controls.
	wordClass = `\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}\x{200C}\x{200D}`
	// spaceClass is \s in Unicode mode (\p{White_Space}).
	spaceClass = `\t\n\v\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}`
)

// unicodeNames maps long Unicode class names to Go's.
var unicodeNames = map[string]string{
	"Letter": "L", "Lowercase_Letter": "Ll", "Uppercase_Letter": "Lu", "Titlecase_Letter": "Lt",
	"Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M", "Nonspacing_Mark": "Mn",
	"Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Number": "N", "Decimal_Number": "Nd",
	"Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P", "Connector_Punctuation": "Pc",
	"Dash_Punctuation": "Pd", "Open_Punctuation": "Ps", "Close_Punctuation": "Pe",
	"Initial_Punctuation": "Pi", "Final_Punctuation": "Pf", "Other_Punctuation": "Po", "Symbol": "S",
	"Math_Symbol": "Sm", "Currency_Symbol": "Sc", "Modifier_Symbol": "Sk", "Other_Symbol": "So",
	"Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl", "Paragraph_Separator": "Zp",
	"Other": "C", "Control": "Cc", "Format": "Cf", "Private_Use": "Co", "Surrogate": "Cs",
	"Unassigned": "Cn", "Digit": "Nd",
}

// regexWriter rewrites one pattern.
type regexWriter struct {
	p       string
	b       strings.Builder
	inClass bool
	verbose []bool // the x flag per open group; the last entry is current
}

// translateRegex rewrites a Kusto regular expression into Go syntax.
func translateRegex(p string) string {
	if !strings.ContainsAny(p, `\(`) {
		return p
	}
	w := &regexWriter{p: p, verbose: []bool{false}}
	w.b.Grow(len(p) + 16)
	for i := 0; i < len(p); i++ {
		i = w.step(i)
	}
	return w.b.String()
}

// step writes the translation of the token at p[i] and returns the index
// of its last byte.
func (w *regexWriter) step(i int) int {
	p, c := w.p, w.p[i]
	if w.verbose[len(w.verbose)-1] {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return i
		case c == '#':
			if j := strings.IndexByte(p[i:], '\n'); j >= 0 {
				return i + j
			}
			return len(p) - 1
		}
	}
	switch {
	case c == '\\' && i+1 < len(p):
		return w.escape(i)
	case c == '[' && !w.inClass:
		w.inClass = true
		w.b.WriteByte('[')
		if i+1 < len(p) && p[i+1] == '^' {
			w.b.WriteByte('^')
			i++
		}
		if i+1 < len(p) && p[i+1] == ']' {
			w.b.WriteByte(']')
			i++
		}
		return i
	case c == '[' && w.inClass && strings.HasPrefix(p[i:], "[:"):
		if j := strings.Index(p[i:], ":]"); j > 0 {
			w.b.WriteString(p[i : i+j+2])
			return i + j + 1
		}
	case c == ']' && w.inClass:
		w.inClass = false
	case c == '(' && !w.inClass:
		return w.group(i)
	case c == ')' && !w.inClass && len(w.verbose) > 1:
		w.verbose = w.verbose[:len(w.verbose)-1]
	}
	w.b.WriteByte(c)
	return i
}

// group handles an opening parenthesis, with its flags when it has some.
func (w *regexWriter) group(i int) int {
	p := w.p
	cur := w.verbose[len(w.verbose)-1]
	if !strings.HasPrefix(p[i:], "(?") || i+2 >= len(p) || !isFlagByte(p[i+2]) {
		w.verbose = append(w.verbose, cur)
		w.b.WriteByte('(')
		return i
	}
	j := i + 2
	for j < len(p) && isFlagByte(p[j]) {
		j++
	}
	if j >= len(p) || (p[j] != ')' && p[j] != ':') {
		w.verbose = append(w.verbose, cur)
		w.b.WriteByte('(')
		return i
	}
	flags, x := keepFlags(p[i+2:j], cur)
	if p[j] == ':' {
		w.verbose = append(w.verbose, x)
	} else {
		w.verbose[len(w.verbose)-1] = x
	}
	if flags == "" || flags == "-" {
		if p[j] == ':' {
			w.b.WriteString("(?:")
		}
		return j
	}
	w.b.WriteString("(?" + flags + string(p[j]))
	return j
}

func isFlagByte(c byte) bool {
	return c == 'i' || c == 'm' || c == 's' || c == 'U' || c == 'u' || c == 'x' || c == 'R' || c == '-'
}

// keepFlags drops the flags Go does not know (u, R, x) from a flag set
// and returns whether verbose mode is on after it.
func keepFlags(flags string, verbose bool) (string, bool) {
	var b strings.Builder
	neg := false
	for i := 0; i < len(flags); i++ {
		switch c := flags[i]; c {
		case '-':
			neg = true
			b.WriteByte(c)
		case 'x':
			verbose = !neg
		case 'u', 'R':
		default:
			b.WriteByte(c)
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	return s, verbose
}

// escape translates the escape sequence at p[i] (a backslash).
func (w *regexWriter) escape(i int) int {
	p, c := w.p, w.p[i+1]
	switch c {
	case 'd':
		w.b.WriteString(`\p{Nd}`)
	case 'D':
		w.b.WriteString(`\P{Nd}`)
	case 'w':
		w.class(wordClass, false)
	case 's':
		w.class(spaceClass, false)
	case 'W':
		if w.inClass {
			w.b.WriteString(`\W`)
		} else {
			w.class(wordClass, true)
		}
	case 'S':
		if w.inClass {
			w.b.WriteString(`\S`)
		} else {
			w.class(spaceClass, true)
		}
	case '<', '>':
		w.b.WriteString(`\b`)
	case 'b':
		w.b.WriteString(`\b`)
		if strings.HasPrefix(p[i+2:], "{") {
			if j := strings.IndexByte(p[i+2:], '}'); j > 0 {
				return i + 2 + j
			}
		}
	case 'u', 'U':
		return w.hexEscape(i)
	case 'p', 'P':
		return w.property(i)
	default:
		w.b.WriteString(p[i : i+2])
	}
	return i + 1
}

// class writes the contents of a class, bracketed unless inside one.
func (w *regexWriter) class(contents string, negate bool) {
	if w.inClass {
		w.b.WriteString(contents)
		return
	}
	w.b.WriteByte('[')
	if negate {
		w.b.WriteByte('^')
	}
	w.b.WriteString(contents)
	w.b.WriteByte(']')
}

// hexEscape translates \uXXXX, \u{X}, \UXXXXXXXX and \U{X} to \x{X}.
func (w *regexWriter) hexEscape(i int) int {
	p := w.p
	digits := 4
	if p[i+1] == 'U' {
		digits = 8
	}
	rest := p[i+2:]
	if strings.HasPrefix(rest, "{") {
		if j := strings.IndexByte(rest, '}'); j > 0 {
			w.b.WriteString(`\x` + rest[:j+1])
			return i + 2 + j
		}
	}
	if len(rest) >= digits {
		if _, ok := hexAt(rest, 0, digits); ok {
			w.b.WriteString(`\x{` + rest[:digits] + `}`)
			return i + 1 + digits
		}
	}
	w.b.WriteString(p[i : i+2])
	return i + 1
}

// property copies \p{Name} or \P{Name}, shortening long names.
func (w *regexWriter) property(i int) int {
	p := w.p
	rest := p[i+2:]
	if !strings.HasPrefix(rest, "{") {
		w.b.WriteString(p[i : i+2])
		return i + 1
	}
	j := strings.IndexByte(rest, '}')
	if j < 0 {
		w.b.WriteString(p[i : i+2])
		return i + 1
	}
	name := rest[1:j]
	switch {
	case unicodeNames[name] != "":
		name = unicodeNames[name]
	case (name == "White_Space" || name == "Whitespace") && w.inClass && p[i+1] == 'P':
		w.b.WriteString(`\S`)
		return i + 2 + j
	case name == "White_Space" || name == "Whitespace":
		w.class(spaceClass, p[i+1] == 'P')
		return i + 2 + j
	}
	w.b.WriteString(p[i:i+2] + "{" + name + "}")
	return i + 2 + j
}
