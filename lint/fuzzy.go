package lint

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// fuzzyLegs checks the legs of `union isfuzzy=true` one by one. Kusto (and
// kqlkit when it runs a query) silently leave out a leg that does not
// resolve; a misspelt column there makes the leg vanish from the results.
// eval.Check keeps such legs and reports their problems; this second look
// makes sure of it whatever the checker does. Each leg is checked on its
// own, after the statements that precede its union, and its problems are
// returned (with positions in the query text) for the classifier, which
// makes them warnings. Legs inside function bodies are skipped: their
// parameters are not bound outside a call.
func (l *Linter) fuzzyLegs(tree *ast.Query, src *diag.Source) diag.List {
	var out diag.List
	for i, st := range tree.Stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncExpr:
				return false
			case *ast.UnionOp:
				if isFuzzy(n) {
					for _, leg := range n.Tables {
						out = append(out, l.checkLeg(tree.Stmts[:i], leg, src)...)
					}
				}
			}
			return true
		})
	}
	return out
}

// checkLeg checks one leg after the statements before it, keeping the
// problems located inside the leg.
func (l *Linter) checkLeg(before []ast.Stmt, leg ast.Expr, src *diag.Source) diag.List {
	if _, ok := leg.(*ast.PatternExpr); ok {
		return nil
	}
	stmts := append(append([]ast.Stmt(nil), before...), &ast.ExprStmt{Span: spanOf(leg), X: leg})
	q := &ast.Query{Span: spanOf(leg), Stmts: stmts}
	_, errs := l.check(q, src)
	var out diag.List
	for _, d := range errs {
		if d.Pos.Offset >= leg.Pos().Offset && d.Pos.Offset < leg.End().Offset {
			out = append(out, d)
		}
	}
	return out
}

func spanOf(n ast.Node) ast.Span { return ast.Span{Start: n.Pos(), Stop: n.End()} }
