package tableio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// ReadSchemaFile reads table schemas from a file (the --schema FILE of the
// command line). Two forms are accepted.
//
// JSON, a table name to its columns, in order:
//
//	{"MyTable_CL": [{"name": "TimeGenerated", "type": "datetime"},
//	                {"name": "Message", "type": "string"}],
//	 "Other": {"columns": [{"name": "A", "type": "long"}]}}
//
// (the catalog's tables.json, {"tables": {"T": {"columns": […]}}}, is read
// too), or Kusto control commands:
//
//	.create table MyTable_CL (TimeGenerated:datetime, Message:string)
//	.create-merge table Other (A:long, ['Odd name']:dynamic)
//
// with // comments. Types are Kusto names or their aliases (int64,
// double, boolean, …). A table defined twice, a repeated column or an
// unknown type is an error.
func ReadSchemaFile(path string) (map[string]data.Schema, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseSchemas(b, path)
}

// ParseSchemas parses the text of a schema file (see ReadSchemaFile); path
// names it in error messages.
func ParseSchemas(b []byte, path string) (_ map[string]data.Schema, err error) {
	defer guard(path, &err)
	b = bytes.TrimPrefix(b, utf8BOM)
	if first := firstToken(b); first == '{' {
		return parseJSONSchemas(b, path)
	}
	return parseKQLSchemas(string(b), path)
}

// firstToken returns the first byte that is not space or in a // comment.
func firstToken(b []byte) byte {
	for i := 0; i < len(b); i++ {
		switch {
		case isSpace(b[i]):
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		default:
			return b[i]
		}
	}
	return 0
}

// schemaBuilder collects tables and checks them.
type schemaBuilder struct {
	path   string
	tables map[string]data.Schema
}

func (sb *schemaBuilder) add(name string, cols []data.ColumnDef, line int) error {
	if name == "" {
		return sb.errorf(line, "a table has no name")
	}
	if _, dup := sb.tables[name]; dup {
		return sb.errorf(line, "table '%s' is defined twice", name)
	}
	seen := map[string]bool{}
	for _, c := range cols {
		if c.Name == "" {
			return sb.errorf(line, "table '%s': a column has no name", name)
		}
		if seen[c.Name] {
			return sb.errorf(line, "table '%s': column '%s' appears twice", name, c.Name)
		}
		seen[c.Name] = true
	}
	sb.tables[name] = cols
	return nil
}

func (sb *schemaBuilder) errorf(line int, format string, args ...any) error {
	return &SyntaxError{Path: sb.path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (sb *schemaBuilder) typeOf(table, col, name string, line int) (data.Type, error) {
	t, ok := data.ParseType(name)
	if !ok {
		return 0, sb.errorf(line, "table '%s': column '%s' has unknown type '%s'", table, col, name)
	}
	return t, nil
}

// parseJSONSchemas reads the JSON form, keeping column order.
func parseJSONSchemas(b []byte, path string) (map[string]data.Schema, error) {
	sb := &schemaBuilder{path: path, tables: map[string]data.Schema{}}
	dec := json.NewDecoder(bytes.NewReader(b))
	line := func() int { return 1 + bytes.Count(b[:dec.InputOffset()], []byte{'\n'}) }
	fail := func(err error) error {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return &SyntaxError{Path: path, Line: line(), Msg: "invalid schema JSON: " + err.Error()}
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, fail(err)
	}
	if raw, ok := top["tables"]; ok && isCatalogShape(raw) {
		return parseJSONSchemas(raw, path)
	}
	if _, err := dec.Token(); err != nil { // {
		return nil, fail(err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fail(err)
		}
		name, _ := tok.(string)
		at := line()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fail(err)
		}
		cols, err := jsonColumns(sb, name, raw, at)
		if err != nil {
			return nil, err
		}
		if err := sb.add(name, cols, at); err != nil {
			return nil, err
		}
	}
	return sb.tables, nil
}

// isCatalogShape tells the "tables" object of the catalog's tables.json
// ({"T": {"columns": […]}, …}) from a table called "tables".
func isCatalogShape(raw json.RawMessage) bool {
	var m map[string]json.RawMessage
	if firstToken(raw) != '{' || json.Unmarshal(raw, &m) != nil {
		return false
	}
	_, isTable := m["columns"]
	return !isTable
}

// jsonColumns reads [{"name","type"},…] or {"columns":[…]}.
func jsonColumns(sb *schemaBuilder, table string, raw json.RawMessage, line int) (data.Schema, error) {
	type column struct {
		Name string `json:"name"`
		Type string `json:"type"`
	}
	var list []column
	if firstToken(raw) == '{' {
		var obj struct {
			Columns []column `json:"columns"`
		}
		if err := json.Unmarshal(raw, &obj); err != nil {
			return nil, sb.errorf(line, "table '%s': %v", table, err)
		}
		list = obj.Columns
	} else if err := json.Unmarshal(raw, &list); err != nil {
		return nil, sb.errorf(line, "table '%s': want a list of {\"name\", \"type\"}: %v", table, err)
	}
	out := make(data.Schema, len(list))
	for i, c := range list {
		t, err := sb.typeOf(table, c.Name, c.Type, line)
		if err != nil {
			return nil, err
		}
		out[i] = data.ColumnDef{Name: c.Name, Type: t}
	}
	return out, nil
}

// parseKQLSchemas reads .create table commands.
func parseKQLSchemas(src, path string) (map[string]data.Schema, error) {
	sb := &schemaBuilder{path: path, tables: map[string]data.Schema{}}
	lx := &schemaLexer{src: src, line: 1, path: path}
	for {
		tok := lx.next()
		switch tok {
		case "":
			return sb.tables, lx.err
		case ";":
			continue
		case ".create", ".create-merge", ".alter", ".alter-merge", ".create-or-alter":
		default:
			return nil, lx.errorf("want '.create table', got '%s'", tok)
		}
		if t := lx.next(); t != "table" {
			return nil, lx.errorf("want 'table' after the command, got '%s'", t)
		}
		line := lx.line
		name := lx.name()
		cols, err := lx.columns(sb, name)
		if err != nil {
			return nil, err
		}
		lx.skipWith()
		if err := sb.add(name, cols, line); err != nil {
			return nil, err
		}
	}
}

// schemaLexer splits the KQL form into tokens: names, bracketed names,
// punctuation, and commands starting with a dot.
type schemaLexer struct {
	src  string
	i    int
	line int
	path string
	err  error
}

func (lx *schemaLexer) errorf(format string, args ...any) error {
	if lx.err == nil {
		lx.err = &SyntaxError{Path: lx.path, Line: lx.line, Msg: fmt.Sprintf(format, args...)}
	}
	return lx.err
}

func (lx *schemaLexer) skipSpace() {
	for lx.i < len(lx.src) {
		c := lx.src[lx.i]
		switch {
		case c == '\n':
			lx.line++
			lx.i++
		case isSpace(c):
			lx.i++
		case strings.HasPrefix(lx.src[lx.i:], "//"):
			for lx.i < len(lx.src) && lx.src[lx.i] != '\n' {
				lx.i++
			}
		default:
			return
		}
	}
}

// next returns the next token, "" at the end or on an error.
func (lx *schemaLexer) next() string {
	lx.skipSpace()
	if lx.i >= len(lx.src) || lx.err != nil {
		return ""
	}
	start := lx.i
	c := lx.src[lx.i]
	switch {
	case strings.IndexByte("(),:;=", c) >= 0:
		lx.i++
	case c == '[':
		end := strings.IndexByte(lx.src[lx.i:], ']')
		if end < 0 {
			lx.errorf("unterminated '['")
			return ""
		}
		lx.i += end + 1
	case c == '"' || c == '\'':
		end := strings.IndexByte(lx.src[lx.i+1:], c)
		if end < 0 {
			lx.errorf("unterminated string")
			return ""
		}
		lx.i += end + 2
	default:
		for lx.i < len(lx.src) && isNameByte(lx.src[lx.i]) {
			lx.i++
		}
		if lx.i == start {
			lx.errorf("unexpected '%c'", c)
			return ""
		}
	}
	return lx.src[start:lx.i]
}

func isNameByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' ||
		c >= 'A' && c <= 'Z' || c >= 0x80
}

// name reads a table or column name: plain, or ['…'] / ["…"] / '…'.
func (lx *schemaLexer) name() string {
	t := lx.next()
	if len(t) >= 2 && t[0] == '[' {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	if len(t) >= 2 && (t[0] == '\'' || t[0] == '"') && t[len(t)-1] == t[0] {
		t = t[1 : len(t)-1]
	}
	return t
}

// columns reads (Name:type, …).
func (lx *schemaLexer) columns(sb *schemaBuilder, table string) (data.Schema, error) {
	if t := lx.next(); t != "(" {
		return nil, lx.errorf("want '(' after table '%s', got '%s'", table, t)
	}
	var cols data.Schema
	for {
		name := lx.name()
		if name == ")" && len(cols) == 0 {
			return cols, lx.err
		}
		if t := lx.next(); t != ":" {
			return nil, lx.errorf("want ':' after column '%s', got '%s'", name, t)
		}
		typ, err := sb.typeOf(table, name, lx.next(), lx.line)
		if err != nil {
			return nil, err
		}
		cols = append(cols, data.ColumnDef{Name: name, Type: typ})
		switch t := lx.next(); t {
		case ",":
		case ")":
			return cols, lx.err
		default:
			return nil, lx.errorf("want ',' or ')' in table '%s', got '%s'", table, t)
		}
	}
}

// skipWith skips an optional `with (…)` clause.
func (lx *schemaLexer) skipWith() {
	save, line := lx.i, lx.line
	if lx.next() != "with" {
		lx.i, lx.line = save, line
		return
	}
	depth := 0
	for {
		switch lx.next() {
		case "(":
			depth++
		case ")":
			depth--
			if depth <= 0 {
				return
			}
		case "":
			return
		}
	}
}
