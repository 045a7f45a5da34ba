package rule

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// nestedSource returns the query of a scalar node that is not the file's
// top-level query field (a rule written inline in a test file), with a
// mapping of positions into the file: exact for literal block scalars and
// one-line scalars, the node's start otherwise.
func nestedSource(name string, text []byte, n *yaml.Node) *diag.Source {
	src := &diag.Source{Name: name, Text: n.Value, FileText: string(text)}
	start := filePos(text, n.Line, n.Column)
	switch {
	case n.Style&yaml.LiteralStyle != 0:
		indent := blockIndent(string(text), n.Line)
		src.Map = func(p ast.Pos) ast.Pos {
			line := n.Line + p.Line
			return filePos(text, line, indent+p.Column)
		}
	case !strings.Contains(n.Value, "\n") && n.Style&yaml.FoldedStyle == 0:
		shift := 0
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			shift = 1
		}
		src.Map = func(p ast.Pos) ast.Pos {
			return filePos(text, n.Line, n.Column+shift+p.Column-1)
		}
	default:
		src.Map = func(ast.Pos) ast.Pos { return start }
	}
	return src
}

// blockIndent returns the indentation of the first non-blank line after
// line (the content of a block scalar whose indicator is on that line).
func blockIndent(text string, line int) int {
	for l := line + 1; ; l++ {
		s := diag.LineAt(text, l)
		if s == "" && l > strings.Count(text, "\n")+1 {
			return 0
		}
		if strings.TrimSpace(s) != "" {
			return len(s) - len(strings.TrimLeft(s, " "))
		}
	}
}
