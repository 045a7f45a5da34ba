package rule

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// This file holds the helpers that read YAML nodes into Go values,
// recording each value's position and reporting type errors.

// filePos returns the position of a 1-based line and rune column in text.
func filePos(text []byte, line, col int) ast.Pos {
	off, l := 0, 1
	for l < line && off < len(text) {
		i := strings.IndexByte(string(text[off:]), '\n')
		if i < 0 {
			off = len(text)
			break
		}
		off += i + 1
		l++
	}
	for c := 1; c < col && off < len(text) && text[off] != '\n'; c++ {
		_, n := utf8.DecodeRune(text[off:])
		off += n
	}
	return ast.Pos{Offset: off, Line: line, Column: col}
}

// nodeDiag builds an error diagnostic at a node of a file.
func nodeDiag(name string, text []byte, n *yaml.Node, msg string) *diag.Diagnostic {
	p := ast.Pos{Line: 1, Column: 1}
	if n != nil {
		p = filePos(text, n.Line, n.Column)
	}
	return &diag.Diagnostic{File: displayName(name), Pos: p, Severity: diag.Error,
		Message: msg, Line: diag.LineAt(string(text), p.Line)}
}

// posAt returns the file position of a node.
func (r *Rule) posAt(n *yaml.Node) ast.Pos { return filePos(r.text, n.Line, n.Column) }

// diagAt builds a diagnostic at a file position.
func (r *Rule) diagAt(p ast.Pos, sev diag.Severity, msg string) *diag.Diagnostic {
	return &diag.Diagnostic{File: displayName(r.path), Pos: p, Severity: sev, Message: msg,
		Line: diag.LineAt(string(r.text), p.Line)}
}

// errorf reports an error at a node while decoding.
func (r *Rule) errorf(n *yaml.Node, format string, args ...any) {
	r.diags.Add(r.diagAt(r.posAt(n), diag.Error, fmt.Sprintf(format, args...)))
}

// warnf reports a warning at a node while decoding.
func (r *Rule) warnf(n *yaml.Node, format string, args ...any) {
	r.diags.Add(r.diagAt(r.posAt(n), diag.Warning, fmt.Sprintf(format, args...)))
}

// mark records the position of the value at path.
func (r *Rule) mark(path string, n *yaml.Node) { r.pos[path] = r.posAt(n) }

// resolve follows an alias.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// isNull reports whether a node is an explicit or implicit null.
func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// kindName names a node kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return "a scalar"
}

// str reads a scalar as text.
func (r *Rule) str(path string, n *yaml.Node) (string, bool) {
	n = resolve(n)
	r.mark(path, n)
	if n.Kind != yaml.ScalarNode {
		r.errorf(n, "'%s' must be a string, not %s", leaf(path), kindName(n))
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	return n.Value, true
}

// strList reads a list of scalars (a single scalar counts as a one-item
// list, null as empty). Each item's position is recorded as path[i].
func (r *Rule) strList(path string, n *yaml.Node) []string {
	n = resolve(n)
	r.mark(path, n)
	if isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		r.mark(path+"[0]", n)
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "'%s' must be a list of strings, not %s", leaf(path), kindName(n))
		return nil
	}
	var out []string
	for i, it := range n.Content {
		s, ok := r.str(fmt.Sprintf("%s[%d]", path, len(out)), it)
		if ok {
			out = append(out, s)
		} else {
			_ = i
		}
	}
	return out
}

// boolean reads true or false.
func (r *Rule) boolean(path string, n *yaml.Node) (bool, bool) {
	n = resolve(n)
	r.mark(path, n)
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	r.errorf(n, "'%s' must be true or false", leaf(path))
	return false, false
}

// integer reads a whole number.
func (r *Rule) integer(path string, n *yaml.Node) (int, bool) {
	n = resolve(n)
	r.mark(path, n)
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.Atoi(strings.TrimSpace(n.Value)); err == nil {
			return v, true
		}
	}
	r.errorf(n, "'%s' must be a whole number, got %s", leaf(path), shown(n))
	return 0, false
}

// shown quotes a scalar's text for a message.
func shown(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return kindName(n)
	}
	return strconv.Quote(n.Value)
}

// pairs calls fn for each key and value of a mapping, reporting duplicate
// keys. It reports an error and returns false when n is not a mapping.
func (r *Rule) pairs(path string, n *yaml.Node, fn func(key string, k, v *yaml.Node)) bool {
	n = resolve(n)
	r.mark(path, n)
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "'%s' must be a mapping, not %s", leaf(path), kindName(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if seen[k.Value] {
			r.errorf(k, "'%s' is given twice", k.Value)
			continue
		}
		seen[k.Value] = true
		if path != "" {
			r.pos["key:"+path+"."+k.Value] = r.posAt(k)
		} else {
			r.pos["key:"+k.Value] = r.posAt(k)
		}
		fn(k.Value, k, v)
	}
	return true
}

// items calls fn for each item of a list; null is an empty list.
func (r *Rule) items(path string, n *yaml.Node, fn func(i int, it *yaml.Node)) {
	n = resolve(n)
	r.mark(path, n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "'%s' must be a list, not %s", leaf(path), kindName(n))
		return
	}
	for i, it := range n.Content {
		fn(i, resolve(it))
	}
}

// leaf returns the last name of a path: "a.b[2].c" gives "c", "a[1]" gives "a".
func leaf(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	return path
}

// plain decodes a node into plain Go values for Rule.Raw.
func plain(n *yaml.Node) any {
	var v any
	if err := n.Decode(&v); err != nil {
		return n.Value
	}
	return v
}

// Shorthands for the severities used while decoding.
const (
	errorSeverity   = diag.Error
	warningSeverity = diag.Warning
)
