package lint

import (
	"strconv"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// Analyzers returns the built-in best-practice analyzers (new values on
// each call, so that a program may change them).
func Analyzers() []*Analyzer {
	return []*Analyzer{
		noTimeFilter(),
		containsVsHas(),
		caseFolding(),
		joinKind(),
		unionWildcard(),
		searchAll(),
		mvExpandLimit(),
		legacyMvExpand(),
		deprecatedFunction(),
		unusedLet(),
		literalRegex(),
	}
}

// inspect calls f for every node of the pass's query.
func inspect(p *Pass, f func(ast.Node)) {
	ast.Inspect(p.Query, func(n ast.Node) bool {
		if n != nil {
			f(n)
		}
		return true
	})
}

// stringLit returns the value of a string literal.
func stringLit(e ast.Expr) (string, bool) {
	if l, ok := e.(*ast.Literal); ok && l.Value.Type() == data.String {
		return l.Value.Str(), true
	}
	return "", false
}

// param returns the operator parameter called name (any case).
func param(ps []*ast.OpParam, name string) *ast.OpParam {
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// keywordEnd is the position after a keyword written at pos.
func keywordEnd(pos ast.Pos, kw string) ast.Pos {
	return ast.Pos{Offset: pos.Offset + len(kw), Line: pos.Line, Column: pos.Column + len(kw)}
}

// quote writes a string for a message.
func quote(s string) string { return strconv.Quote(s) }
