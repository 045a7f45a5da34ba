package lint

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

func joinKind() *Analyzer {
	return &Analyzer{
		Code: "BP304", Name: "join-kind", Severity: diag.Warning,
		Summary: "'join' without 'kind' drops duplicate keys of its left side",
		Doc: "A join without `kind=` is `kind=innerunique`: it keeps one row per key of the left " +
			"side before joining, which surprises readers who expect an inner join. Write the kind " +
			"you mean: `join kind=inner`, `kind=leftouter`, `kind=innerunique`, ….",
		Run: func(p *Pass) {
			inspect(p, func(n ast.Node) {
				if j, ok := n.(*ast.JoinOp); ok && param(j.Params, "kind") == nil {
					p.ReportRange(j.Pos(), keywordEnd(j.Pos(), "join"),
						"'join' without 'kind' is an innerunique join, which keeps one left row per key; "+
							"write kind=inner or kind=innerunique")
				}
			})
		},
	}
}

func unionWildcard() *Analyzer {
	return &Analyzer{
		Code: "BP305", Name: "union-wildcard", Severity: diag.Warning,
		Summary: "'union' with a wildcard reads every matching table",
		Doc: "`union *` (or `union Sec*`) reads every table of the workspace whose name matches, " +
			"which is slow and changes meaning as tables are added. Name the tables.",
		Run: func(p *Pass) {
			inspect(p, func(n ast.Node) {
				u, ok := n.(*ast.UnionOp)
				if !ok {
					return
				}
				for _, t := range u.Tables {
					if pat, ok := t.(*ast.PatternExpr); ok {
						p.Report(pat, "'union %s' reads every table whose name matches; name the tables", pat.Pattern)
					}
				}
			})
		},
	}
}

func searchAll() *Analyzer {
	return &Analyzer{
		Code: "BP306", Name: "search-all", Severity: diag.Warning,
		Summary: "'search' or '*' scans every table or column",
		Doc: "`search` without `in (Table, …)` reads every table, and `* has \"x\"` looks at every " +
			"column of every row. Name the tables (`search in (SigninLogs) …`) and the columns.",
		Run: func(p *Pass) {
			inspect(p, func(n ast.Node) {
				switch n := n.(type) {
				case *ast.OpExpr:
					if s, ok := n.Op.(*ast.SearchOp); ok && unscoped(s.Tables) {
						p.ReportRange(s.Pos(), keywordEnd(s.Pos(), "search"),
							"'search' without 'in (…)' reads every table; name the tables")
					}
					if f, ok := n.Op.(*ast.FindOp); ok && unscoped(f.Tables) {
						p.ReportRange(f.Pos(), keywordEnd(f.Pos(), "find"),
							"'find' without 'in (…)' reads every table; name the tables")
					}
				case *ast.BinaryExpr:
					if _, ok := n.X.(*ast.StarExpr); ok {
						p.Report(n, "'* %s' looks at every column; name the column", n.Op)
					}
				}
			})
		},
	}
}

// unscoped reports whether a search's table list is empty or `*`.
func unscoped(tables []ast.Expr) bool {
	if len(tables) == 0 {
		return true
	}
	for _, t := range tables {
		if pat, ok := t.(*ast.PatternExpr); ok && pat.Pattern == "*" {
			return true
		}
	}
	return false
}

func mvExpandLimit() *Analyzer {
	return &Analyzer{
		Code: "BP307", Name: "mv-expand-limit", Severity: diag.Info,
		Summary: "'mv-expand' without 'limit' may multiply rows without bound",
		Doc: "`mv-expand` makes one row per element; an unexpectedly long array multiplies the rows " +
			"of the query. `limit N` bounds the rows made from each input row.",
		Run: func(p *Pass) {
			inspect(p, func(n ast.Node) {
				if m, ok := n.(*ast.MvExpandOp); ok && m.Limit == nil && m.Name() == "mv-expand" {
					p.ReportRange(m.Pos(), keywordEnd(m.Pos(), "mv-expand"),
						"'mv-expand' without 'limit' may multiply rows without bound")
				}
			})
		},
	}
}

func legacyMvExpand() *Analyzer {
	return &Analyzer{
		Code: "BP308", Name: "legacy-mvexpand", Severity: diag.Warning,
		Summary: "the legacy 'mvexpand' keeps at most 128 values per row",
		Doc: "`mvexpand` (without the dash) is the deprecated form of `mv-expand`; it stops after " +
			"128 values of each array unless a limit is given, silently dropping the rest.",
		Run: func(p *Pass) {
			inspect(p, func(n ast.Node) {
				if m, ok := n.(*ast.MvExpandOp); ok && m.Name() == "mvexpand" && m.Limit == nil {
					p.ReportRange(m.Pos(), keywordEnd(m.Pos(), "mvexpand"),
						"'mvexpand' keeps at most 128 values per row; write 'mv-expand'")
				}
			})
		},
	}
}
