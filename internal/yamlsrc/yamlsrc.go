// Package yamlsrc reads the KQL query of a Microsoft Sentinel rule file (the
// top-level `query:` field of its YAML) so that positions in the query can be
// reported as positions in the file, and writes a new query back into the
// file leaving everything else as it was.
package yamlsrc

import (
	"errors"
	"fmt"
	"sort"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// ErrNoQuery is returned when a YAML file has no top-level `query` field.
var ErrNoQuery = errors.New("no top-level 'query' field")

// Query returns the query of a rule file as a source whose positions map
// into the file: Text is the query string, FileText the YAML text, and Map
// turns a position in Text into the line and column in the file of the
// character it came from. Block scalars (|, >, with any chomping or
// indentation indicator), quoted and plain scalars are mapped exactly; a
// character that folding or an escape produced maps to the text it came
// from (a space that joined two lines maps to the first line's end).
//
// The error is ErrNoQuery (wrapped) when there is no such field, or
// describes why the YAML could not be read.
func Query(name string, yamlText []byte) (*diag.Source, error) {
	f, err := find(yamlText)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &diag.Source{Name: name, Text: f.value.Value, Map: f.mapPos, FileText: f.src}, nil
}

// field is the query field found in a file.
type field struct {
	src          string
	key, value   *yaml.Node
	start        int    // offset of the value's first character (indicator or quote)
	end          int    // offset just after the value
	indent       int    // content indentation of a block scalar
	text         []byte // the value as re-read from the text
	offs         []int  // file offset of each byte of text
	exact        bool   // text equals the YAML library's value
	lineStarts   []int  // offsets where the file's lines start
	parentIndent int    // indentation of the mapping holding the field
}

// find locates the top-level query field and re-reads its value.
func find(yamlText []byte) (*field, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(yamlText, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, ErrNoQuery
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value != "query" {
			continue
		}
		switch {
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null":
			return nil, fmt.Errorf("line %d: 'query' has no value", k.Line)
		case v.Kind != yaml.ScalarNode:
			return nil, fmt.Errorf("line %d: 'query' is not a string", v.Line)
		}
		f := &field{src: string(yamlText), key: k, value: v, lineStarts: lineStarts(string(yamlText))}
		f.parentIndent = k.Column - 1
		f.scan()
		return f, nil
	}
	return nil, ErrNoQuery
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' && (i+1 == len(s) || s[i+1] != '\n') {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offsetOf returns the byte offset of a 1-based line and column.
func (f *field) offsetOf(line, col int) int {
	if line < 1 || line > len(f.lineStarts) {
		return len(f.src)
	}
	off := f.lineStarts[line-1]
	for i := 1; i < col && off < len(f.src); i++ {
		_, n := utf8.DecodeRuneInString(f.src[off:])
		off += n
	}
	return off
}

// scan re-reads the value from the text, skipping any tag or anchor.
func (f *field) scan() {
	s := &scanner{src: f.src, pos: f.offsetOf(f.value.Line, f.value.Column)}
	for c := s.cur(); c == '!' || c == '&'; c = s.cur() {
		for !s.blankOrEnd(s.pos) {
			s.pos++
		}
		for s.skipToBreak(); isBreak(s.cur()); s.skipToBreak() {
			s.readBreak()
		}
	}
	f.start = s.pos
	var ok bool
	switch s.cur() {
	case '|', '>':
		f.indent, f.end, ok = s.block(f.parentIndent)
	case '"', '\'':
		f.end, ok = s.flow()
	default:
		f.end, ok = s.plain(f.parentIndent+1), true
	}
	f.text, f.offs = s.text, s.offs
	f.exact = ok && string(s.text) == f.value.Value
}

// mapPos maps a position in the query text (by its byte offset) to the
// position in the file of the character it came from.
func (f *field) mapPos(p ast.Pos) ast.Pos {
	return f.filePos(f.fileOffset(p.Offset))
}

// fileOffset returns the file offset for a query offset.
func (f *field) fileOffset(off int) int {
	if !f.exact || len(f.offs) == 0 {
		return f.start
	}
	switch {
	case off < 0:
		return f.offs[0]
	case off < len(f.offs):
		return f.offs[off]
	}
	// Past the end: just after the last character.
	last := f.offs[len(f.offs)-1]
	if last < len(f.src) && !isBreak(f.src[last]) {
		_, n := utf8.DecodeRuneInString(f.src[last:])
		return last + n
	}
	return last
}

// filePos converts a file offset to a position.
func (f *field) filePos(off int) ast.Pos {
	line := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > off })
	start := f.lineStarts[line-1]
	col := 1 + utf8.RuneCountInString(f.src[start:min(off, len(f.src))])
	return ast.Pos{Offset: off, Line: line, Column: col}
}
