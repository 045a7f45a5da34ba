package lint

import (
	"fmt"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/rule"
)

// An Analyzer is one check over a parsed and type-checked query, in the
// spirit of golang.org/x/tools/go/analysis: a value with a code, a name,
// documentation and a Run function. The best-practice checks of this
// package are analyzers (Analyzers), and programs add their own with
// WithAnalyzers.
//
// Run is called once per query that parses, with a fresh Pass; it reports
// findings through the Pass. It must not keep the Pass or modify the tree.
// Several queries may be linted at once, so Run must be safe for
// concurrent use.
type Analyzer struct {
	Code     string        // stable code, e.g. "BP302"; must be unique
	Name     string        // short name in kebab case, e.g. "contains-vs-has"
	Summary  string        // one line
	Doc      string        // what it finds, why it matters, how to fix it
	Severity diag.Severity // severity of its findings
	// Off makes the analyzer opt-in: it runs only when enabled.
	Off bool
	Run func(*Pass)
}

// Info returns the analyzer's documentation as a CodeInfo.
func (a *Analyzer) Info() CodeInfo {
	return CodeInfo{Code: a.Code, Name: a.Name, Severity: a.Severity, Summary: a.Summary, Doc: a.Doc,
		Off: a.Off}
}

// Result is a result table of the checked query.
type Result struct {
	// Schema lists the columns the checker knows, in order.
	Schema data.Schema
	// Open is set when the result may have more columns than Schema lists,
	// because an unknown table or an operator kqlkit cannot compile yet
	// feeds it.
	Open bool
}

// A Pass is what an analyzer sees of one query. Its methods are not safe
// for concurrent use.
type Pass struct {
	Analyzer *Analyzer
	// Query is the syntax tree of the query.
	Query *ast.Query
	// Source is the query text; its Map places positions in the rule file.
	Source *diag.Source
	// Rule is the analytic rule the query belongs to, nil for a .kql file.
	Rule *rule.Rule
	// Results are the query's result tables as the checker infers them
	// (usually one); empty when the checker could not infer them.
	Results []Result

	table  func(string) (data.Schema, bool)
	report func(*diag.Diagnostic)
}

// Table returns the schema of a table the linter knows: a catalog table or
// one declared with --schema.
func (p *Pass) Table(name string) (data.Schema, bool) {
	if p.table == nil {
		return nil, false
	}
	return p.table(name)
}

// Report records a finding at node n with the analyzer's severity.
func (p *Pass) Report(n ast.Node, format string, args ...any) {
	p.ReportRange(n.Pos(), n.End(), fmt.Sprintf(format, args...))
}

// ReportRange records a finding between two positions of the query text.
func (p *Pass) ReportRange(pos, end ast.Pos, msg string) {
	d := p.Source.At(pos, end, p.Analyzer.Severity, msg)
	d.Code = p.Analyzer.Code
	p.report(d)
}

// IsRule reports whether the query is that of an analytic rule.
func (p *Pass) IsRule() bool { return p.Rule != nil }
