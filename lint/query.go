package lint

import (
	"errors"
	"fmt"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/eval"
	"github.com/kqlkit/kqlkit/kql"
	"github.com/kqlkit/kqlkit/rule"
)

// Query lints a query text (a .kql file); name labels the diagnostics.
func (l *Linter) Query(name, text string) diag.List {
	src := diag.NewSource(name, text)
	c := l.checkQuery(src)
	all := c.diags
	if c.tree != nil {
		all = append(all, l.analyze(c, src, nil)...)
	}
	sup := newSuppressions(l.index)
	sup.addQuery(src)
	return l.finish(all, sup)
}

// checked is the outcome of checking one query.
type checked struct {
	tree    *ast.Query // nil when the query does not parse
	results []Result
	diags   diag.List
}

// checkQuery parses the query of src and checks it against the linter's
// tables and functions.
func (l *Linter) checkQuery(src *diag.Source) *checked {
	out := &checked{}
	tree, err := kql.ParseSource(src)
	if err != nil {
		for _, d := range diagsOf(err) {
			d.Severity, d.Code = diag.Error, CodeSyntax
			if d.File == "" {
				d.File = displayName(src.Name)
			}
			out.diags = append(out.diags, d)
		}
		return out
	}
	out.tree = tree
	// Check against the bare text, so that positions stay in the query
	// (for the tree) until the diagnostics are placed in the file.
	bare := &diag.Source{Name: src.Name, Text: src.Text}
	schemas, errs := l.check(tree, bare)
	errs = appendNew(errs, l.fuzzyLegs(tree, bare))
	cl := &classifier{tables: l.tables, tree: tree}
	for _, d := range errs {
		if !cl.classify(d) {
			continue
		}
		placed := src.At(d.Pos, d.End, d.Severity, d.Message)
		placed.Code = d.Code
		out.diags = append(out.diags, placed)
	}
	for _, s := range schemas {
		out.results = append(out.results, resultOf(s))
	}
	return out
}

// appendNew appends the diagnostics of more that list lacks (same place
// and message).
func appendNew(list, more diag.List) diag.List {
	seen := map[string]bool{}
	for _, d := range list {
		seen[fmt.Sprint(d.Pos.Offset, d.Message)] = true
	}
	for _, d := range more {
		if k := fmt.Sprint(d.Pos.Offset, d.Message); !seen[k] {
			seen[k] = true
			list = append(list, d)
		}
	}
	return list
}

// check runs the checker, turning a crash into a diagnostic.
func (l *Linter) check(tree *ast.Query, src *diag.Source) (schemas []data.Schema, errs diag.List) {
	defer func() {
		if r := recover(); r != nil {
			schemas = nil
			errs = diag.List{src.At(tree.Pos(), ast.Pos{}, diag.Error, fmt.Sprintf("internal error: %v", r))}
		}
	}()
	env := &eval.Env{Table: l.tables.lookup, Tables: l.tables.names, Funcs: l.funcs, Source: src}
	return eval.Check(tree, env)
}

// resultOf turns a checked schema into a Result, without the open mark.
func resultOf(s data.Schema) Result {
	if !eval.IsOpen(s) {
		return Result{Schema: s}
	}
	var known data.Schema
	for _, c := range s {
		if c.Type == data.Unknown && len(c.Name) > 0 && c.Name[0] == '*' {
			continue
		}
		known = append(known, c)
	}
	return Result{Schema: known, Open: true}
}

// analyze runs the enabled analyzers over a query that parsed.
func (l *Linter) analyze(c *checked, src *diag.Source, r *rule.Rule) diag.List {
	var out diag.List
	for _, a := range l.analyzers {
		if !l.enabled[a.Code] {
			continue
		}
		p := &Pass{Analyzer: a, Query: c.tree, Source: src, Rule: r, Results: c.results,
			table: l.tables.lookup, report: func(d *diag.Diagnostic) { out = append(out, d) }}
		if err := runAnalyzer(a, p); err != nil {
			d := src.At(c.tree.Pos(), ast.Pos{}, diag.Error, err.Error())
			d.Code = CodeInternal
			out = append(out, d)
		}
	}
	return out
}

// runAnalyzer runs one analyzer, turning a panic into an error.
func runAnalyzer(a *Analyzer, p *Pass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: analyzer %s (%s) failed: %v", a.Code, a.Name, r)
		}
	}()
	a.Run(p)
	return nil
}

// diagsOf returns the diagnostics inside an error.
func diagsOf(err error) diag.List {
	var l diag.List
	if errors.As(err, &l) {
		return l
	}
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		return diag.List{d}
	}
	return diag.List{{Message: err.Error(), Severity: diag.Error}}
}

// displayName is the name diagnostics carry for a source without one.
func displayName(name string) string {
	if name == "" {
		return "<query>"
	}
	return name
}
