package rule

import (
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// template is an alert name or description format: text with {{Column}}
// parameters replaced by the values of a result row.
type template struct {
	parts []tmplPart
}

// tmplPart is literal text, or a column when column is set.
type tmplPart struct {
	text   string
	column string
	offset int // byte offset of the part in the format
}

// templateError is a malformed format.
type templateError struct {
	offset int
	msg    string
}

// parseTemplate splits a format into text and {{Column}} parameters.
// Spaces inside the braces are ignored.
func parseTemplate(s string) (*template, *templateError) {
	t := &template{}
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], "{{")
		if i < 0 {
			t.parts = append(t.parts, tmplPart{text: s[off:], offset: off})
			break
		}
		if i > 0 {
			t.parts = append(t.parts, tmplPart{text: s[off : off+i], offset: off})
		}
		start := off + i
		j := strings.Index(s[start+2:], "}}")
		if j < 0 {
			return nil, &templateError{start, "'{{' is not closed by '}}'"}
		}
		col := strings.TrimSpace(s[start+2 : start+2+j])
		if col == "" {
			return nil, &templateError{start, "'{{}}' names no column"}
		}
		t.parts = append(t.parts, tmplPart{column: col, offset: start})
		off = start + 2 + j + 2
	}
	return t, nil
}

// columns returns the distinct columns the template names, in order.
func (t *template) columns() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range t.parts {
		if p.column != "" && !seen[p.column] {
			seen[p.column] = true
			out = append(out, p.column)
		}
	}
	return out
}

// render fills the template with value(column).
func (t *template) render(value func(column string) string) string {
	var b strings.Builder
	for _, p := range t.parts {
		if p.column == "" {
			b.WriteString(p.text)
		} else {
			b.WriteString(value(p.column))
		}
	}
	return b.String()
}

// templateProblem reports a problem at byte offset off of the format stored
// at path, locating it in the file by searching the format's text from the
// value's position (exact for formats written on one line).
func (r *Rule) templateProblem(path string, off int, sev diag.Severity, msg string) *diag.Diagnostic {
	return r.diagAt(r.textPos(path, off), sev, msg)
}

// textPos finds the file position of byte off of the string value at path.
func (r *Rule) textPos(path string, off int) ast.Pos {
	start := r.at(path)
	value := r.stringAt(path)
	if value == "" || off > len(value) {
		return start
	}
	// The text from off to the end of its line, searched for in the file.
	needle := value[off:]
	if i := strings.IndexByte(needle, '\n'); i >= 0 {
		needle = needle[:i]
	}
	if len(needle) > 40 {
		needle = needle[:40]
	}
	text := string(r.text)
	from := start.Offset
	if from > len(text) {
		return start
	}
	i := strings.Index(text[from:], needle)
	if needle == "" || i < 0 {
		return start
	}
	abs := from + i
	lineStart := strings.LastIndexByte(text[:abs], '\n') + 1
	line := 1 + strings.Count(text[:abs], "\n")
	return ast.Pos{Offset: abs, Line: line, Column: 1 + utf8.RuneCountInString(text[lineStart:abs])}
}

// stringAt returns the decoded string at a template path.
func (r *Rule) stringAt(path string) string {
	o := r.AlertDetailsOverride
	if o == nil {
		return ""
	}
	switch path {
	case "alertDetailsOverride.alertDisplayNameFormat":
		return o.DisplayNameFormat
	case "alertDetailsOverride.alertDescriptionFormat":
		return o.DescriptionFormat
	}
	return ""
}
