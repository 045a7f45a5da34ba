package lint

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

func containsVsHas() *Analyzer {
	return &Analyzer{
		Code: "BP302", Name: "contains-vs-has", Severity: diag.Info,
		Summary: "'contains' looks for a whole term that 'has' would find faster",
		Doc: "`has` uses the term index of string columns; `contains` scans every value. When the " +
			"text looked for is one whole term (3 or more letters or digits), `has` is much faster. " +
			"They differ on purpose: `has \"admin\"` does not match \"administrator\". Use `has` " +
			"when a whole term is meant.",
		Run: func(p *Pass) {
			inspect(p, func(n ast.Node) {
				b, ok := n.(*ast.BinaryExpr)
				if !ok {
					return
				}
				repl, ok := hasFor[b.Op]
				if !ok {
					return
				}
				if s, ok := stringLit(b.Y); ok && isTerm(s) {
					p.ReportRange(b.OpPos, b.End(), "'"+repl+"' is faster than '"+b.Op+"' for the whole term "+
						quote(s)+" (it does not match inside longer words)")
				}
			})
		},
	}
}

// hasFor maps each contains operator to its has counterpart.
var hasFor = map[string]string{"contains": "has", "!contains": "!has", "contains_cs": "has_cs",
	"!contains_cs": "!has_cs"}

// isTerm reports whether s is a single indexable term: 3 or more ASCII
// letters or digits.
func isTerm(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func caseFolding() *Analyzer {
	return &Analyzer{
		Code: "BP303", Name: "case-insensitive-operator", Severity: diag.Warning,
		Summary: "tolower()/toupper() where a case-insensitive operator would do",
		Doc: "`tolower(x) == \"admin\"` converts every value before comparing; `x =~ \"admin\"` " +
			"compares ignoring case without the conversion (and `in~` does the same for lists). " +
			"`has`, `contains`, `startswith`, `endswith` already ignore case, so tolower() is " +
			"redundant before them.",
		Run: func(p *Pass) {
			inspect(p, func(n ast.Node) {
				switch n := n.(type) {
				case *ast.BinaryExpr:
					caseFoldBinary(p, n)
				case *ast.InExpr:
					if fn := foldCall(n.X); fn != "" && (n.Op == "in" || n.Op == "!in") {
						p.Report(n, "use '%s~' instead of %s() with '%s'", n.Op, fn, n.Op)
					}
				}
			})
		},
	}
}

// caseFoldBinary reports tolower(x) == "…" and tolower(x) has "…".
func caseFoldBinary(p *Pass, b *ast.BinaryExpr) {
	fn := foldCall(b.X)
	if fn == "" {
		fn = foldCall(b.Y)
	}
	if fn == "" {
		return
	}
	switch b.Op {
	case "==", "!=":
		if _, ok := stringLit(b.X); !ok {
			if _, ok := stringLit(b.Y); !ok {
				return
			}
		}
		op := "=~"
		if b.Op == "!=" {
			op = "!~"
		}
		p.Report(b, "use '%s' instead of %s() with '%s'", op, fn, b.Op)
	case "has", "!has", "contains", "!contains", "startswith", "!startswith", "endswith",
		"!endswith", "=~", "!~", "hasprefix", "hassuffix":
		p.Report(b, "%s() is redundant: '%s' ignores case", fn, b.Op)
	}
}

// foldCall returns "tolower" or "toupper" when e is such a call.
func foldCall(e ast.Expr) string {
	if c, ok := e.(*ast.CallExpr); ok && c.Recv == nil && len(c.Args) == 1 &&
		(c.Func.Name == "tolower" || c.Func.Name == "toupper") {
		return c.Func.Name
	}
	return ""
}

func literalRegex() *Analyzer {
	return &Analyzer{
		Code: "BP311", Name: "literal-regex", Severity: diag.Info,
		Summary: "'matches regex' with a pattern that has no regex operator",
		Doc: "A regular expression without any operator (`.`, `*`, `[`, `|`, …) looks for plain " +
			"text: `has` or `contains` find it faster.",
		Run: func(p *Pass) {
			inspect(p, func(n ast.Node) {
				b, ok := n.(*ast.BinaryExpr)
				if !ok || b.Op != "matches regex" {
					return
				}
				if s, ok := stringLit(b.Y); ok && s != "" && !hasRegexOperator(s) {
					p.ReportRange(b.OpPos, b.End(), "the pattern "+quote(s)+
						" has no regex operator; 'contains' (or 'has' for a whole term) is faster")
				}
			})
		},
	}
}

func hasRegexOperator(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '^', '$', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '\\':
			return true
		}
	}
	return false
}
