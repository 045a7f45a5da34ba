package diag

import (
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/ast"
)

// Source is a text that positions refer to, and how to show them. For a
// query embedded in a file (a rule's YAML), Map turns a position in Text
// into a position in the file and FileText holds the file itself, so that
// diagnostics point into the file.
type Source struct {
	Name     string // file name; "" prints as <query>
	Text     string // the query text
	Map      func(ast.Pos) ast.Pos
	FileText string // the whole file when Map is set
}

// NewSource returns a Source for a query text with no mapping.
func NewSource(name, text string) *Source { return &Source{Name: name, Text: text} }

// At builds a diagnostic at pos..end (positions in Text) with the severity
// and message given. A nil Source gives a diagnostic without a file.
func (s *Source) At(pos, end ast.Pos, sev Severity, msg string) *Diagnostic {
	if s == nil {
		return &Diagnostic{File: "<query>", Pos: pos, End: end, Severity: sev, Message: msg}
	}
	text := s.Text
	if s.Map != nil {
		pos, end = s.Map(pos), s.mapValid(end)
		text = s.FileText
	}
	return &Diagnostic{
		File: s.name(), Pos: pos, End: end, Severity: sev, Message: msg,
		Line: LineAt(text, pos.Line),
	}
}

// Errorf is At with severity Error and no end position.
func (s *Source) Errorf(pos ast.Pos, msg string) *Diagnostic {
	return s.At(pos, ast.Pos{}, Error, msg)
}

func (s *Source) mapValid(p ast.Pos) ast.Pos {
	if !p.IsValid() {
		return p
	}
	return s.Map(p)
}

func (s *Source) name() string {
	if s.Name == "" {
		return "<query>"
	}
	return s.Name
}

// LineAt returns line n (1-based) of text without its line break.
func LineAt(text string, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(text, '\n')
		if j < 0 {
			return ""
		}
		text = text[j+1:]
	}
	if j := strings.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	return strings.TrimRight(text, "\r")
}

// PosAt computes the position of byte offset off in text.
func PosAt(text string, off int) ast.Pos {
	if off > len(text) {
		off = len(text)
	}
	line := 1 + strings.Count(text[:off], "\n")
	start := strings.LastIndexByte(text[:off], '\n') + 1
	return ast.Pos{Offset: off, Line: line, Column: 1 + utf8.RuneCountInString(text[start:off])}
}
