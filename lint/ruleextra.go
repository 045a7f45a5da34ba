package lint

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/rule"
)

// maxThreshold is the largest triggerThreshold Sentinel accepts.
const maxThreshold = 10000

var reGUID = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// extraRuleChecks are the checks of the rule fields that rule.Validate
// leaves to linters: the id, fields Sentinel or its template format
// expect, and the threshold's range.
func extraRuleChecks(r *rule.Rule, doc *layout) diag.List {
	var out diag.List
	add := func(d *diag.Diagnostic) { out = append(out, d) }
	name := displayName(r.Path())
	if f := doc.byName["id"]; f == nil {
		add(doc.diagAt(name, nil, diag.Error, CodeRequired, "the rule has no 'id' (a GUID)"))
	} else if id := strings.TrimSpace(f.value.Value); f.value.Kind == yaml.ScalarNode && !reGUID.MatchString(id) {
		add(doc.diagAt(name, f.value, diag.Error, CodeRuleID, fmt.Sprintf("id %q is not a GUID", id)))
	}
	scheduled := r.Kind == rule.Scheduled && !containsFold(otherKinds, (&ruleClassifier{doc: doc}).rawKind())
	if scheduled {
		for _, f := range []string{"triggerOperator", "triggerThreshold"} {
			if !doc.has(f) {
				add(doc.diagAt(name, nil, diag.Error, CodeRequired,
					fmt.Sprintf("a scheduled rule needs a '%s'", f)))
			}
		}
	}
	for _, f := range []string{"description", "kind", "tactics", "relevantTechniques"} {
		if !doc.has(f) && !(f == "relevantTechniques" && (doc.has("techniques") || doc.has("subTechniques"))) {
			add(doc.diagAt(name, nil, diag.Warning, CodeRecommended, fmt.Sprintf("the rule has no '%s'", f)))
		}
	}
	if f := doc.byName["triggerThreshold"]; f != nil && r.TriggerThreshold > maxThreshold {
		add(doc.diagAt(name, f.value, diag.Error, CodeThreshold,
			fmt.Sprintf("'triggerThreshold' is %d; Sentinel allows 0 to %d", r.TriggerThreshold, maxThreshold)))
	}
	return out
}

// lookbackChecks warns when the query of a scheduled rule filters on a
// time further back than the rule's queryPeriod: Sentinel gives the query
// only the rows of the last queryPeriod.
func lookbackChecks(r *rule.Rule, tree *ast.Query) diag.List {
	if r.Kind != rule.Scheduled || r.QueryPeriod <= 0 {
		return nil
	}
	spans := timespanLets(tree)
	var out diag.List
	ast.Inspect(tree, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Recv != nil || call.Func.Name != "ago" || len(call.Args) != 1 {
			return true
		}
		d, ok := constSpan(call.Args[0], spans)
		if !ok || d <= r.QueryPeriod {
			return true
		}
		msg := fmt.Sprintf("ago(%s) looks back further than queryPeriod (%s): Sentinel runs the query "+
			"over the last %s only", rule.FormatDuration(d), rule.FormatDuration(r.QueryPeriod),
			rule.FormatDuration(r.QueryPeriod))
		dg := r.Source().At(call.Pos(), call.End(), diag.Warning, msg)
		dg.Code = CodeLookback
		out = append(out, dg)
		return true
	})
	return out
}

// timespanLets maps the names of top-level `let name = <timespan>;` to
// their values.
func timespanLets(tree *ast.Query) map[string]time.Duration {
	m := map[string]time.Duration{}
	for _, st := range tree.Stmts {
		let, ok := st.(*ast.LetStmt)
		if !ok {
			continue
		}
		if d, ok := constSpan(let.Value, nil); ok {
			m[let.Name.Name] = d
		}
	}
	return m
}

// constSpan returns the value of a timespan literal, or of a name bound to
// one.
func constSpan(e ast.Expr, lets map[string]time.Duration) (time.Duration, bool) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return constSpan(e.X, lets)
	case *ast.Literal:
		if e.Value.Type() == data.TimeSpan && !e.Value.IsNull() {
			return time.Duration(e.Value.Int64() * 100), true
		}
	case *ast.Ident:
		d, ok := lets[e.Name]
		return d, ok
	}
	return 0, false
}

// diagAt builds a diagnostic at a YAML node of the file (at its first
// line when n is nil).
func (l *layout) diagAt(file string, n *yaml.Node, sev diag.Severity, code, msg string) *diag.Diagnostic {
	line, col := 1, 1
	switch {
	case n != nil:
		line, col = n.Line, n.Column
	case len(l.fields) > 0:
		line, col = l.fields[0].key.Line, l.fields[0].key.Column // the mapping's start
	}
	p := l.pos(line, col)
	return &diag.Diagnostic{File: file, Pos: p, Severity: sev, Code: code, Message: msg,
		Line: diag.LineAt(l.text, line)}
}

// pos returns the position of a 1-based line and rune column of the file.
func (l *layout) pos(line, col int) ast.Pos {
	off := 0
	for i := 1; i < line; i++ {
		j := strings.IndexByte(l.text[off:], '\n')
		if j < 0 {
			break
		}
		off += j + 1
	}
	for c := 1; c < col && off < len(l.text) && l.text[off] != '\n'; c++ {
		_, n := utf8.DecodeRuneInString(l.text[off:])
		off += n
	}
	return ast.Pos{Offset: off, Line: line, Column: col}
}
