package main

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/lint"
)

// resultTime reports rules whose result has no TimeGenerated column: their
// alerts then carry the time of the run instead of the time of the events.
// It uses the result schema the checker inferred through every operator.
var resultTime = &lint.Analyzer{
	Code:     "ORG001",
	Name:     "result-time",
	Severity: diag.Warning,
	Summary:  "the rule's result has no TimeGenerated column",
	Doc: "Sentinel takes an alert's start and end times from the TimeGenerated column of " +
		"the rows behind it. Keep TimeGenerated (or min/max of it named so) in the result.",
	Run: func(p *lint.Pass) {
		if !p.IsRule() || len(p.Results) == 0 || p.Results[0].Open {
			return // not a rule, or a result the checker does not fully know
		}
		if p.Results[0].Schema.Index("TimeGenerated") < 0 {
			p.Report(lastStatement(p.Query), "the result has no TimeGenerated column (columns: %s)",
				strings.Join(p.Results[0].Schema.Names(), ", "))
		}
	},
}

// noTake reports take and limit in rules: the rows past the limit never
// raise alerts, and which rows are kept is arbitrary.
var noTake = &lint.Analyzer{
	Code:     "ORG002",
	Name:     "no-take",
	Severity: diag.Error,
	Summary:  "a rule's query truncates its result with take or limit",
	Doc:      "Alerts are raised from every row of the result; take/limit drops rows at random.",
	Run: func(p *lint.Pass) {
		if !p.IsRule() {
			return
		}
		ast.Inspect(p.Query, func(n ast.Node) bool {
			if t, ok := n.(*ast.TakeOp); ok {
				p.Report(t, "'%s' drops rows from the result; alerts are raised from every row", t.Name())
			}
			return true
		})
	},
}

// lastStatement is the query's last statement (its result).
func lastStatement(q *ast.Query) ast.Node {
	if len(q.Stmts) == 0 {
		return q
	}
	return q.Stmts[len(q.Stmts)-1]
}
