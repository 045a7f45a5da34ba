package ruletest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/rule"
	"github.com/kqlkit/kqlkit/tableio"
)

// File is a parsed test file: a rule and its cases.
type File struct {
	Path    string
	Rule    *rule.Rule
	Now     time.Time // default instant ("" in the file: none)
	Tables  []*TableSpec
	Schemas map[string]data.Schema
	Cases   []*Case

	text []byte
	dir  string
}

// Case is one test case.
type Case struct {
	Name   string
	Now    time.Time
	Tables []*TableSpec // replace the file's tables of the same name
	Expect *Expect
	Line   int // line of the case in the file

	skip string
}

// TableSpec is an input table: a data file, inline rows, or both (rows
// added to a JSON Lines file).
type TableSpec struct {
	Name string
	File string // resolved path, "" for none
	Rows []*yaml.Node
	node *yaml.Node
}

// fileError is a problem in a test file, positioned in it.
func (f *File) errorAt(n *yaml.Node, format string, args ...any) error {
	p := ast.Pos{Line: 1, Column: 1}
	if n != nil {
		p = ast.Pos{Line: n.Line, Column: n.Column}
	}
	return diag.List{{File: f.Path, Pos: p, Severity: diag.Error, Message: fmt.Sprintf(format, args...),
		Line: diag.LineAt(string(f.text), p.Line)}}
}

// Load reads and parses a test file. Paths in it are relative to its
// directory. The error is a diag.List positioned in the file (or in the
// rule file it names) for a malformed file or an invalid rule.
func Load(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, b)
}

// Parse parses the text of a test file; path names it and locates the
// files it refers to.
func Parse(path string, text []byte) (*File, error) {
	f := &File{Path: path, text: text, dir: filepath.Dir(path), Schemas: map[string]data.Schema{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, f.errorAt(nil, "invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, f.errorAt(nil, "a test file must be a YAML mapping with 'rule' and 'cases'")
	}
	var ruleNode, casesNode *yaml.Node
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		var err error
		switch k.Value {
		case "rule":
			ruleNode = v
		case "now":
			f.Now, err = f.instant(v)
		case "tables":
			f.Tables, err = f.tables(v)
		case "schemas":
			err = f.schemas(v)
		case "cases":
			casesNode = v
		default:
			err = f.errorAt(k, "unknown field '%s' (want rule, now, tables, schemas, cases)", k.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	if ruleNode == nil {
		return nil, f.errorAt(m, "the test file names no 'rule'")
	}
	if err := f.loadRule(ruleNode); err != nil {
		return nil, err
	}
	if casesNode == nil || casesNode.Kind != yaml.SequenceNode || len(casesNode.Content) == 0 {
		return nil, f.errorAt(m, "the test file has no 'cases' (a list)")
	}
	for _, c := range casesNode.Content {
		tc, err := f.parseCase(c)
		if err != nil {
			return nil, err
		}
		f.Cases = append(f.Cases, tc)
	}
	return f, nil
}

// loadRule reads the rule: a path, or the rule inline.
func (f *File) loadRule(n *yaml.Node) error {
	var r *rule.Rule
	var err error
	switch n.Kind {
	case yaml.ScalarNode:
		r, err = rule.Load(f.resolve(n.Value))
		if os.IsNotExist(err) {
			return f.errorAt(n, "rule file %q not found", n.Value)
		}
	case yaml.MappingNode:
		r, err = rule.ParseNode(f.Path, f.text, n)
	default:
		return f.errorAt(n, "'rule' must be a path or the rule itself")
	}
	if err != nil {
		return err
	}
	if errs := r.Validate().Errors(); len(errs) > 0 {
		return errs
	}
	f.Rule = r
	return nil
}

// resolve makes a path in the file relative to the file's directory.
func (f *File) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(f.dir, p)
}

// instant reads an RFC 3339 time.
func (f *File) instant(n *yaml.Node) (time.Time, error) {
	ticks, err := data.ParseDateTime(strings.TrimSpace(n.Value))
	if n.Kind != yaml.ScalarNode || err != nil {
		return time.Time{}, f.errorAt(n, "%q is not a time (write it as 2025-06-01T12:00:00Z)", n.Value)
	}
	return data.TimeFromTicks(ticks), nil
}

// schemas reads schema files: a path or a list of paths.
func (f *File) schemas(n *yaml.Node) error {
	paths := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		paths = n.Content
	}
	for _, p := range paths {
		m, err := tableio.ReadSchemaFile(f.resolve(p.Value))
		if err != nil {
			return f.errorAt(p, "%v", err)
		}
		for name, s := range m {
			f.Schemas[name] = s
		}
	}
	return nil
}

// tables reads a mapping of table name to table spec.
func (f *File) tables(n *yaml.Node) ([]*TableSpec, error) {
	if n.Kind != yaml.MappingNode {
		return nil, f.errorAt(n, "'tables' must map table names to files or rows")
	}
	var out []*TableSpec
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ts := &TableSpec{Name: k.Value, node: v}
		switch v.Kind {
		case yaml.ScalarNode:
			ts.File = f.resolve(v.Value)
		case yaml.SequenceNode:
			ts.Rows = v.Content
		case yaml.MappingNode:
			if err := f.tableMapping(ts, v); err != nil {
				return nil, err
			}
		}
		for _, r := range ts.Rows {
			if r.Kind != yaml.MappingNode {
				return nil, f.errorAt(r, "a row must be a mapping of column names to values")
			}
		}
		out = append(out, ts)
	}
	return out, nil
}

// tableMapping reads {file: path, rows: [...]}.
func (f *File) tableMapping(ts *TableSpec, v *yaml.Node) error {
	for j := 0; j+1 < len(v.Content); j += 2 {
		k, x := v.Content[j], v.Content[j+1]
		switch {
		case k.Value == "file" && x.Kind == yaml.ScalarNode:
			ts.File = f.resolve(x.Value)
		case k.Value == "rows" && x.Kind == yaml.SequenceNode:
			ts.Rows = x.Content
		default:
			return f.errorAt(k, "a table is a file path, a list of rows, or {file: …, rows: […]}")
		}
	}
	return nil
}

// parseCase reads one case.
func (f *File) parseCase(n *yaml.Node) (*Case, error) {
	if n.Kind != yaml.MappingNode {
		return nil, f.errorAt(n, "a case must be a mapping with 'name' and 'expect'")
	}
	c := &Case{Now: f.Now, Line: n.Line}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var err error
		switch k.Value {
		case "name":
			c.Name = v.Value
		case "now":
			c.Now, err = f.instant(v)
		case "tables":
			c.Tables, err = f.tables(v)
		case "expect":
			c.Expect, err = f.parseExpect(v)
		case "skip":
			c.skip = v.Value
		default:
			err = f.errorAt(k, "unknown field '%s' in a case (want name, now, tables, expect, skip)", k.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	if c.Name == "" {
		c.Name = fmt.Sprintf("line %d", n.Line)
	}
	if c.Expect == nil {
		return nil, f.errorAt(n, "case %q has no 'expect'", c.Name)
	}
	if c.Now.IsZero() {
		return nil, f.errorAt(n, "case %q has no 'now' (give it in the case or at the top of the file)", c.Name)
	}
	return c, nil
}
