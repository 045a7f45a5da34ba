package yamlsrc

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// ReplaceQuery returns the YAML text with the value of its top-level query
// field replaced by newQuery, written as a literal block scalar (`|`, `|-`
// or `|+` as the query's final line breaks require). Everything else stays
// byte for byte as it was, comments included. A block scalar keeps its
// indentation and any comment on its header line; another form is
// replaced by a block indented two spaces more than the key, with a comment
// that followed it moved to the header line. The block's lines end as the
// file's lines do (\n or \r\n); carriage returns before line breaks in
// newQuery are dropped.
func ReplaceQuery(yamlText []byte, newQuery string) ([]byte, error) {
	f, err := find(yamlText)
	if err != nil {
		return nil, err
	}
	q := strings.ReplaceAll(newQuery, "\r\n", "\n")
	if strings.ContainsFunc(q, unprintable) {
		return nil, errors.New("the query has characters a YAML block scalar cannot hold")
	}
	b, rest, err := f.replaced()
	if err != nil {
		return nil, err
	}
	out := []byte(f.src[:f.start] + b.write(q) + rest)
	if err := check(out, q); err != nil {
		return nil, err
	}
	return out, nil
}

func unprintable(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r == 0xfeff
}

// blockStyle says how to write the new block scalar.
type blockStyle struct {
	indent       int    // indentation of the content lines
	parentIndent int    // indentation of the key
	comment      string // comment for the header line
	newline      string // line break: "\n" or "\r\n"
	atEOF        bool   // the value ends the file, with no final line break
	clip         bool   // the old value was a block scalar with no chomping indicator
}

// replaced returns the style of the new block and the text that follows
// the old value.
func (f *field) replaced() (b blockStyle, rest string, err error) {
	if f.start >= len(f.src) {
		return b, "", fmt.Errorf("line %d: cannot find the query's text", f.value.Line)
	}
	b.parentIndent = f.parentIndent
	b.newline = "\n"
	lineEnd := f.start + strings.IndexAny(f.src[f.start:]+"\n", "\r\n")
	if strings.HasPrefix(f.src[lineEnd:], "\r\n") {
		b.newline = "\r\n"
	}
	b.atEOF = f.end == len(f.src) && !strings.HasSuffix(f.src, "\n")
	if c := f.src[f.start]; c == '|' || c == '>' {
		header := f.src[f.start:lineEnd]
		if i := strings.Index(header, "#"); i >= 0 {
			b.comment = header[i:]
		}
		b.clip = !strings.ContainsAny(header[1:min(3, len(header))], "+-")
		b.indent = f.indent
		return b, f.src[f.end:], nil
	}
	lineEnd = f.end + strings.IndexAny(f.src[f.end:]+"\n", "\r\n")
	tail := strings.TrimSpace(f.src[f.end:lineEnd])
	if tail != "" && !strings.HasPrefix(tail, "#") {
		return b, "", fmt.Errorf("line %d: unexpected text after the query", f.value.Line)
	}
	b.comment = tail
	b.indent = f.parentIndent + 2
	b.atEOF = lineEnd >= len(f.src)
	rest = f.src[min(lineEnd, len(f.src)):]
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "\r"), "\n")
	return b, rest, nil
}

// write returns q as a literal block scalar.
func (b blockStyle) write(q string) string {
	var w strings.Builder
	w.WriteByte('|')
	body := strings.TrimRight(q, "\n")
	first := strings.TrimLeft(body, "\n")
	if strings.HasPrefix(first, " ") || strings.HasPrefix(strings.TrimLeft(first, " \t"), "\n") {
		fmt.Fprintf(&w, "%d", b.indent-b.parentIndent)
	}
	lastBreak := true
	switch trailing := len(q) - len(body); {
	case trailing == 0 && b.atEOF && b.clip:
		lastBreak = false
	case trailing == 0:
		w.WriteByte('-')
	case trailing > 1:
		w.WriteByte('+')
	}
	if b.comment != "" {
		w.WriteByte(' ')
		w.WriteString(b.comment)
	}
	w.WriteString(b.newline)
	pad := strings.Repeat(" ", b.indent)
	lines := strings.Split(q, "\n")
	if strings.HasSuffix(q, "\n") {
		lines = lines[:len(lines)-1]
	}
	for i, line := range lines {
		if line != "" {
			w.WriteString(pad)
			w.WriteString(line)
		}
		if i < len(lines)-1 || lastBreak {
			w.WriteString(b.newline)
		}
	}
	return w.String()
}

// check verifies that the new text reads back with the query wanted.
func check(out []byte, q string) error {
	var doc struct {
		Query string `yaml:"query"`
	}
	if err := yaml.Unmarshal(out, &doc); err != nil {
		return fmt.Errorf("the rewritten YAML does not read back: %w", err)
	}
	if doc.Query != q {
		return errors.New("the rewritten YAML does not hold the new query")
	}
	return nil
}
