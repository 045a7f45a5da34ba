package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/kql"
	"github.com/kqlkit/kqlkit/rule"
)

// A fault is a change to a rule file that makes it wrong, and where the
// linter must report it.
type fault struct {
	name string
	// inject returns the changed file, the line (and column, 0 when any)
	// to report at and a text the message must contain; ok is false when
	// the fault does not apply to the rule.
	inject func(text string, r *rule.Rule) (out string, line, col int, culprit string, ok bool)
}

// faults are the kinds of mistakes injected into clean corpus rules.
var faults = []fault{
	{"column typo", injectColumnTypo},
	{"table typo", injectTableTypo},
	{"function typo", injectFunctionTypo},
	{"syntax", injectSyntax},
	{"entity column", fieldFault(`(?m)^(\s+columnName:\s*)(\w+)\s*$`, func(v string) string { return v + "X" }, "X'")},
	{"entity type", fieldFault(`(?m)^(\s*-?\s*entityType:\s*)(\w+)\s*$`, func(v string) string { return v + "s" }, "s\"")},
	{"identifier", fieldFault(`(?m)^(\s*-?\s*identifier:\s*)(\w+)\s*$`, func(string) string { return "Nickname" }, "Nickname")},
	{"severity", fieldFault(`(?m)^(severity:\s*)(\w+)\s*$`, func(string) string { return "Critical" }, "Critical")},
	{"trigger operator", fieldFault(`(?m)^(triggerOperator:\s*)(\w+)\s*$`, func(string) string { return "gte" }, "gte")},
	{"threshold", fieldFault(`(?m)^(triggerThreshold:\s*)(\d+)\s*$`, func(string) string { return "10001" }, "10001")},
	{"tactic", fieldFault(`(?m)^(tactics:\s*\n\s*-\s*)(\w+)\s*$`, func(v string) string { return v + "s" }, "s\"")},
	{"technique", fieldFault(`(?m)^(relevantTechniques:\s*\n\s*-\s*)(T\d+)`, func(v string) string { return v + "1" }, "1\"")},
	{"id", fieldFault(`(?m)^(id:\s*)([0-9a-fA-F-]{36})\s*$`, func(v string) string { return v[:35] }, "GUID")},
	{"frequency above period", injectSchedule},
	{"period above 14d", fieldFault(`(?m)^(queryPeriod:\s*)(\S+)\s*$`, func(string) string { return "15d" }, "15d")},
	{"missing severity", injectMissing("severity")},
	{"missing query frequency", injectMissing("queryFrequency")},
	{"unknown field", injectUnknownField},
}

// TestCorpusFaults injects each kind of fault into every corpus rule that
// lints without errors and checks that the linter reports it at the right
// line (and column, for query faults) with a message naming the culprit.
// It logs the detection rate of each kind. It takes a couple of minutes:
// set KQL_LINT_FAULTS=1 to run it.
func TestCorpusFaults(t *testing.T) {
	if os.Getenv("KQL_LINT_FAULTS") == "" {
		t.Skip("slow; set KQL_LINT_FAULTS=1 to run it")
	}
	files, _ := filepath.Glob(filepath.Join(sharedDir, "corpus", "sentinel-rules", "*", "*.yaml"))
	if len(files) == 0 {
		t.Skip("the shared corpus is not available")
	}
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tried, found := map[string]int{}, map[string]int{}
	var misses []string
	for _, f := range files {
		list, err := l.File(f)
		if err != nil || HasErrors(list) {
			continue
		}
		text := readText(t, f)
		r, err := rule.Parse(f, []byte(text))
		if err != nil {
			continue
		}
		for _, flt := range faults {
			out, line, col, culprit, ok := flt.inject(text, r)
			if !ok {
				continue
			}
			tried[flt.name]++
			if reported(l.Bytes(f, []byte(out)), line, col, culprit) {
				found[flt.name]++
			} else if len(misses) < 40 {
				misses = append(misses, fmt.Sprintf("%s: %s at %d:%d (%s)", flt.name, f, line, col, culprit))
			}
		}
	}
	names := make([]string, 0, len(tried))
	for n := range tried {
		names = append(names, n)
	}
	sort.Strings(names)
	total, totalFound := 0, 0
	for _, n := range names {
		t.Logf("%-24s %4d of %4d found (%.1f%%)", n, found[n], tried[n], 100*float64(found[n])/float64(tried[n]))
		total += tried[n]
		totalFound += found[n]
	}
	t.Logf("all faults: %d of %d found (%.1f%%)", totalFound, total, 100*float64(totalFound)/float64(total))
	for _, m := range misses {
		t.Logf("missed %s", m)
	}
}

// reported reports whether an error or warning at line (and col) mentions
// the culprit.
func reported(list diag.List, line, col int, culprit string) bool {
	for _, d := range list {
		if d.Severity == diag.Info || d.Pos.Line != line || col != 0 && d.Pos.Column != col {
			continue
		}
		if strings.Contains(d.Message, culprit) {
			return true
		}
	}
	return false
}

// fieldFault replaces the value matched by the second group of re.
func fieldFault(re string, change func(string) string, culprit string) func(string, *rule.Rule) (string, int, int, string, bool) {
	rx := regexp.MustCompile(re)
	return func(text string, _ *rule.Rule) (string, int, int, string, bool) {
		m := rx.FindStringSubmatchIndex(text)
		if m == nil {
			return "", 0, 0, "", false
		}
		val := text[m[4]:m[5]]
		out := text[:m[4]] + change(val) + text[m[5]:]
		line := 1 + strings.Count(text[:m[4]], "\n")
		c := culprit
		if strings.HasSuffix(c, "'") || strings.HasSuffix(c, "\"") {
			c = change(val)
		}
		return out, line, 0, c, true
	}
}

// queryIdent finds an identifier of the query for which pick returns true
// and returns its position in the file.
func queryIdent(r *rule.Rule, pick func(id *ast.Ident, parent ast.Node, tree *ast.Query) bool) (*ast.Ident, ast.Pos, bool) {
	src := r.Source()
	if src == nil || src.Map == nil {
		return nil, ast.Pos{}, false
	}
	tree, err := kql.ParseSource(src)
	if err != nil {
		return nil, ast.Pos{}, false
	}
	var found *ast.Ident
	var stack []ast.Node
	ast.Inspect(tree, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if id, ok := n.(*ast.Ident); ok && found == nil && len(stack) > 0 && pick(id, stack[len(stack)-1], tree) {
			found = id
		}
		stack = append(stack, n)
		return true
	})
	if found == nil {
		return nil, ast.Pos{}, false
	}
	return found, src.Map(found.Pos()), true
}

// rename changes an identifier in the file at a position.
func rename(text string, at ast.Pos, old, new string) (string, bool) {
	if at.Offset+len(old) > len(text) || text[at.Offset:at.Offset+len(old)] != old {
		return "", false
	}
	return text[:at.Offset] + new + text[at.Offset+len(old):], true
}

func injectColumnTypo(text string, r *rule.Rule) (string, int, int, string, bool) {
	l, _ := New()
	id, at, ok := queryIdent(r, func(id *ast.Ident, parent ast.Node, tree *ast.Query) bool {
		w, isWhere := parent.(*ast.BinaryExpr)
		if !isWhere || w.X != ast.Expr(id) || id.Quoted || len(id.Name) < 5 {
			return false
		}
		// a column of the pipeline's first table
		src := firstTable(tree)
		s, ok := l.tables.lookup(src)
		return ok && s.Index(id.Name) >= 0 && !letNames(tree)[id.Name]
	})
	if !ok {
		return "", 0, 0, "", false
	}
	typo := id.Name[:len(id.Name)-1]
	out, ok := rename(text, at, id.Name, typo)
	return out, at.Line, at.Column, "'" + typo + "'", ok
}

// firstTable is the name of the first table the query reads.
func firstTable(tree *ast.Query) string {
	name := ""
	ast.Inspect(tree, func(n ast.Node) bool {
		if p, ok := n.(*ast.PipeExpr); ok && name == "" {
			if id, ok := p.Source.(*ast.Ident); ok {
				name = id.Name
			}
		}
		return name == ""
	})
	return name
}

func injectTableTypo(text string, r *rule.Rule) (string, int, int, string, bool) {
	l, _ := New()
	id, at, ok := queryIdent(r, func(id *ast.Ident, parent ast.Node, _ *ast.Query) bool {
		p, isPipe := parent.(*ast.PipeExpr)
		return isPipe && p.Source == ast.Expr(id) && len(id.Name) >= 8 && l.tables.catalog.Has(id.Name)
	})
	if !ok {
		return "", 0, 0, "", false
	}
	typo := id.Name[:len(id.Name)-1]
	out, ok := rename(text, at, id.Name, typo)
	return out, at.Line, at.Column, "'" + typo + "'", ok
}

func injectFunctionTypo(text string, r *rule.Rule) (string, int, int, string, bool) {
	id, at, ok := queryIdent(r, func(id *ast.Ident, parent ast.Node, _ *ast.Query) bool {
		c, isCall := parent.(*ast.CallExpr)
		return isCall && c.Func == id && c.Recv == nil && (id.Name == "tostring" || id.Name == "tolower" ||
			id.Name == "strcat" || id.Name == "isnotempty" || id.Name == "parse_json")
	})
	if !ok {
		return "", 0, 0, "", false
	}
	typo := id.Name[:len(id.Name)-1] + "x"
	out, ok := rename(text, at, id.Name, typo)
	return out, at.Line, at.Column, "'" + typo + "'", ok
}

// injectSyntax doubles the first pipe of the query: `| | where`.
func injectSyntax(text string, r *rule.Rule) (string, int, int, string, bool) {
	src := r.Source()
	if src == nil || src.Map == nil {
		return "", 0, 0, "", false
	}
	i := strings.Index(src.Text, "| where")
	if i < 0 {
		return "", 0, 0, "", false
	}
	at := src.Map(diag.PosAt(src.Text, i))
	if at.Offset >= len(text) || text[at.Offset] != '|' {
		return "", 0, 0, "", false
	}
	out := text[:at.Offset] + "| |" + text[at.Offset+1:]
	return out, at.Line, 0, "'|'", true // the column is where the parser notices
}

func injectSchedule(text string, r *rule.Rule) (string, int, int, string, bool) {
	rx := regexp.MustCompile(`(?m)^(queryFrequency:\s*)(\S+)\s*$`)
	m := rx.FindStringSubmatchIndex(text)
	if m == nil || r.QueryPeriod <= 0 || r.QueryPeriod >= 14*24*60*60*1e9 {
		return "", 0, 0, "", false
	}
	out := text[:m[4]] + "14d" + text[m[5]:]
	return out, 1 + strings.Count(text[:m[4]], "\n"), 0, "queryFrequency", true
}

func injectMissing(field string) func(string, *rule.Rule) (string, int, int, string, bool) {
	rx := regexp.MustCompile(`(?m)^` + field + `:.*\n`)
	return func(text string, _ *rule.Rule) (string, int, int, string, bool) {
		loc := rx.FindStringIndex(text)
		if loc == nil {
			return "", 0, 0, "", false
		}
		out := text[:loc[0]] + text[loc[1]:]
		doc := readLayout(out)
		if len(doc.fields) == 0 {
			return "", 0, 0, "", false
		}
		return out, doc.fields[0].key.Line, 0, "'" + field + "'", true
	}
}

func injectUnknownField(text string, _ *rule.Rule) (string, int, int, string, bool) {
	rx := regexp.MustCompile(`(?m)^queryPeriod:`)
	loc := rx.FindStringIndex(text)
	if loc == nil {
		return "", 0, 0, "", false
	}
	out := text[:loc[0]] + "queryPeriode:" + text[loc[1]:]
	return out, 1 + strings.Count(text[:loc[0]], "\n"), 1, "queryPeriode", true
}

func readText(t *testing.T, path string) string {
	b, err := readFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
