package lint

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/rule"
)

// RuleBytes lints the YAML text of an analytic rule; name (its path)
// labels the diagnostics. The rule's fields are checked (with the rule
// package's validation), then its query, then the two together: the
// columns the rule maps must be in the query's result.
//
// A YAML file without any of the scheduling fields (kind, queryFrequency,
// queryPeriod, triggerOperator, triggerThreshold), and without a severity
// or with a path that says "hunting", is taken for a hunting query: only
// its query is checked.
func (l *Linter) RuleBytes(name string, text []byte) diag.List {
	r, err := rule.Parse(name, text)
	if err != nil {
		out := diagsOf(err)
		for _, d := range out {
			d.Severity, d.Code = diag.Error, CodeYAML
		}
		return l.finish(out, nil)
	}
	return l.lintRule(r, string(text))
}

// Rule lints a rule already loaded; YAML comments are read from the file
// text kept with its query.
func (l *Linter) Rule(r *rule.Rule) diag.List {
	text := ""
	if src := r.Source(); src != nil {
		text = src.FileText
	}
	return l.lintRule(r, text)
}

func (l *Linter) lintRule(r *rule.Rule, text string) diag.List {
	doc := readLayout(text)
	sup := newSuppressions(l.index)
	var all diag.List
	var c *checked
	src := r.Source()
	if src != nil && strings.TrimSpace(r.Query) != "" {
		c = l.checkQuery(src)
		all = append(all, c.diags...)
		if c.tree != nil {
			all = append(all, l.analyze(c, src, r)...)
		}
		sup.addQuery(src)
	}
	if doc.isRule(r.Path()) {
		all = append(all, l.ruleFields(r, doc, c)...)
	}
	from, to := queryLines(src)
	sup.addYAML(text, from, to)
	for _, d := range all {
		if !d.End.IsValid() {
			d.End = tokenEnd(text, d.Pos)
		}
	}
	return l.finish(all, sup)
}

// tokenEnd returns the end of the YAML value written at pos: a quoted
// string, or a plain scalar up to the end of its line or a comment.
func tokenEnd(text string, pos ast.Pos) ast.Pos {
	off := pos.Offset
	if off < 0 || off >= len(text) || pos.Line < 1 {
		return ast.Pos{}
	}
	end := off
	switch q := text[off]; q {
	case '"', '\'':
		end = off + 1
		for end < len(text) && text[end] != q && text[end] != '\n' {
			end++
		}
		if end < len(text) && text[end] == q {
			end++
		}
	default:
		for end < len(text) && text[end] != '\n' && text[end] != '\r' &&
			!(text[end] == '#' && end > off && text[end-1] == ' ') {
			end++
		}
		for end > off && (text[end-1] == ' ' || text[end-1] == '\t') {
			end--
		}
	}
	if end == off {
		return ast.Pos{}
	}
	return ast.Pos{Offset: end, Line: pos.Line, Column: pos.Column + utf8.RuneCountInString(text[off:end])}
}

// ruleFields checks the fields of a rule, and the columns it maps against
// the query's result.
func (l *Linter) ruleFields(r *rule.Rule, doc *layout, c *checked) diag.List {
	syntax := map[string]bool{}
	if c != nil && c.tree == nil {
		for _, d := range c.diags {
			syntax[d.Message] = true
		}
	}
	rc := &ruleClassifier{doc: doc, kind: r.Kind}
	var out diag.List
	for _, d := range r.Validate() {
		if syntax[d.Message] {
			continue // the query's syntax error, reported by the query checks
		}
		if rc.classify(d) {
			out = append(out, d)
		}
	}
	out = append(out, extraRuleChecks(r, doc)...)
	if c != nil && c.tree != nil {
		out = append(out, lookbackChecks(r, c.tree)...)
		out = append(out, mappedColumns(r, rc, c)...)
	}
	return out
}

// mappedColumns checks the columns the rule maps against the query's
// result. When the checker knows the whole result, a missing column is an
// error. When the result is open (a table outside the catalog, an operator
// kqlkit cannot run), a mapped column that the query never names but that
// is close to a name it does use is most likely misspelt: a warning.
func mappedColumns(r *rule.Rule, rc *ruleClassifier, c *checked) diag.List {
	if len(c.results) == 0 {
		return nil
	}
	res := c.results[0]
	var out diag.List
	named := identNames(c.tree)
	for _, d := range r.Check(res.Schema) {
		rc.classify(d)
		if res.Open && !misspeltInOpen(d, res.Schema, named) {
			continue
		}
		explainTyped(d, res.Schema)
		out = append(out, d)
	}
	return out
}

// misspeltInOpen rewords a missing column of an open result as a warning
// when it looks misspelt; it returns false when nothing can be said.
func misspeltInOpen(d *diag.Diagnostic, known data.Schema, named map[string]bool) bool {
	m := reMissing.FindStringSubmatch(d.Message)
	if m == nil || named[m[1]] {
		return false
	}
	candidates := known.Names()
	for n := range named {
		candidates = append(candidates, n)
	}
	s := suggestName(m[1], candidates)
	if s == "" {
		return false
	}
	d.Severity = diag.Warning
	d.Message = fmt.Sprintf("column '%s' is not in the query's result (did you mean '%s'?); the result "+
		"may have columns the checker does not know, but the query never names this one", m[1], s)
	return true
}

// identNames collects every identifier of a query.
func identNames(tree *ast.Query) map[string]bool {
	m := map[string]bool{}
	ast.Inspect(tree, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			m[id.Name] = true
		}
		return true
	})
	return m
}

// explainTyped rewords a missing column that a union split into one column
// per type (Name_string, Name_dynamic): the mapped name is then not in the
// result, and the message says why.
func explainTyped(d *diag.Diagnostic, schema data.Schema) {
	m := reMissing.FindStringSubmatch(d.Message)
	if m == nil {
		return
	}
	var typed []string
	for _, c := range schema {
		if c.Name == m[1]+"_"+c.Type.String() {
			typed = append(typed, c.Name)
		}
	}
	if len(typed) > 1 {
		d.Message = fmt.Sprintf("column '%s' is not in the query's result: a union gave it one column per "+
			"type (%s); convert it to one type in every branch", m[1], strings.Join(typed, ", "))
	}
}

var reMissing = regexp.MustCompile(`^column '([^']*)' is not in the query's result`)

// queryLines returns the lines of the file the query spans (0, 0 without
// a query).
func queryLines(src *diag.Source) (from, to int) {
	if src == nil || src.Map == nil {
		return 0, 0
	}
	s := (&suppressions{}).fileLine(src, 0)
	e := (&suppressions{}).fileLine(src, len(src.Text))
	return s, e
}
