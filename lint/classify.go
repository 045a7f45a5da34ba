package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// The checker (eval.Check) reports plain messages; classify gives each a
// code, a severity and, where the linter knows more, a better message. The
// patterns follow the checker's wording; the tests of this package compile
// one query per pattern, so a change of wording shows up there.
var (
	reUnknownTable  = regexp.MustCompile(`^unknown table '([^']*)'`)
	reTabularFunc   = regexp.MustCompile(`^tabular function '([^']*)' is not supported`)
	reUnknownFunc   = regexp.MustCompile(`^unknown function '([^']*)'`)
	reUnknownColumn = regexp.MustCompile(`^unknown (column|column or name|name) '`)
	reOperator      = regexp.MustCompile(`^operator '([^']*)' is not supported`)
	rePlugin        = regexp.MustCompile(`^plugin '([^']*)' is not supported`)
	reInvoke        = regexp.MustCompile(`^invoke needs a tabular function, and '([^']*)' is not a function`)
	reBadCall       = regexp.MustCompile(`^(function '[^']*' (expects|cannot|does not|takes)|` +
		`\w+\(\) (expects|does not|takes)|\w+ expects|function '[^']*': missing)`)
	reMixedEquality = regexp.MustCompile(`^cannot compare (\w+) and (\w+) with '(==|!=|<>)'$`)
	reTypes         = regexp.MustCompile(`^(cannot (compare|apply|add|subtract|multiply|divide|negate|combine)|` +
		`'[^']*' needs a|the operands of|operator '[^']*' cannot)`)
)

// classifier classifies the checker's diagnostics for one query.
type classifier struct {
	tables *tables
	tree   *ast.Query // positions of the diagnostics are in its text
	fuzzy  [][2]int   // offsets of the legs of fuzzy unions, once computed
}

// classify sets d's code and severity, and may reword its message. An
// error inside a leg of `union isfuzzy=true` becomes a warning: Kusto
// drops a leg that does not resolve instead of failing.
// It returns false for a diagnostic that only follows from another one.
func (cl *classifier) classify(d *diag.Diagnostic) bool {
	if d.Message == "union has no tables" && cl.unionWithPattern(d) {
		return false // the wildcard is reported as not supported
	}
	cl.classifyMessage(d)
	if d.Severity == diag.Error && d.Code != CodeInternal && cl.inFuzzyLeg(d.Pos.Offset) {
		d.Severity = diag.Warning
		d.Message += " (in a leg of a fuzzy union, which Kusto drops when it does not resolve)"
	}
	return true
}

// unionWithPattern reports whether d is at a union with a table wildcard.
func (cl *classifier) unionWithPattern(d *diag.Diagnostic) bool {
	for _, n := range ast.NodeAt(cl.tree, d.Pos.Offset) {
		if u, ok := n.(*ast.UnionOp); ok {
			for _, t := range u.Tables {
				if _, ok := t.(*ast.PatternExpr); ok {
					return true
				}
			}
		}
	}
	return false
}

// starOperand reports whether d is at the `*` of `* has "x"`.
func (cl *classifier) starOperand(d *diag.Diagnostic) bool {
	path := ast.NodeAt(cl.tree, d.Pos.Offset)
	for i := len(path) - 1; i > 0; i-- {
		if _, ok := path[i].(*ast.StarExpr); ok {
			b, ok := path[i-1].(*ast.BinaryExpr)
			return ok && b.X == path[i]
		}
	}
	return false
}

// inFuzzyLeg reports whether an offset of the query lies in a table of a
// union with isfuzzy=true.
func (cl *classifier) inFuzzyLeg(off int) bool {
	if cl.tree == nil {
		return false
	}
	if cl.fuzzy == nil {
		cl.fuzzy = [][2]int{}
		ast.Inspect(cl.tree, func(n ast.Node) bool {
			if u, ok := n.(*ast.UnionOp); ok && isFuzzy(u) {
				for _, t := range u.Tables {
					cl.fuzzy = append(cl.fuzzy, [2]int{t.Pos().Offset, t.End().Offset})
				}
			}
			return true
		})
	}
	for _, s := range cl.fuzzy {
		if off >= s[0] && off < s[1] {
			return true
		}
	}
	return false
}

// isFuzzy reports whether a union has isfuzzy=true.
func isFuzzy(u *ast.UnionOp) bool {
	p := param(u.Params, "isfuzzy")
	if p == nil {
		return false
	}
	switch v := p.Value.(type) {
	case *ast.Ident:
		return strings.EqualFold(v.Name, "true")
	case *ast.Literal:
		return strings.EqualFold(v.Value.String(), "true")
	}
	return false
}

// classifyMessage classifies d by the checker's wording.
func (cl *classifier) classifyMessage(d *diag.Diagnostic) {
	msg := d.Message
	d.Severity, d.Code = diag.Error, CodeCheck
	switch {
	case strings.HasPrefix(msg, "internal error"):
		d.Code = CodeInternal
	case reUnknownTable.MatchString(msg):
		cl.unknownTable(d, reUnknownTable.FindStringSubmatch(msg)[1])
	case reTabularFunc.MatchString(msg):
		cl.unknownTabularFunc(d, reTabularFunc.FindStringSubmatch(msg)[1])
	case reInvoke.MatchString(msg):
		cl.unknownTabularFunc(d, reInvoke.FindStringSubmatch(msg)[1])
	case msg == "the values of an 'in' list must be constants or a subquery":
		d.Severity, d.Code = diag.Info, CodeUnsupported
		d.Message = "kqlkit cannot use a computed value in an 'in' list yet"
	case reUnknownFunc.MatchString(msg):
		cl.unknownFunc(d, reUnknownFunc.FindStringSubmatch(msg)[1])
	case reUnknownColumn.MatchString(msg):
		d.Code = CodeUnknownColumn
	case msg == "expected a tabular expression" && cl.remoteTable(d):
		d.Severity, d.Code = diag.Warning, CodeOutsideCatalog
		d.Message = "a table of another database, cluster or service is not checked"
	case (msg == "expected a tabular expression" || strings.HasPrefix(msg, "toscalar: ")) && cl.inToScalar(d):
		d.Severity, d.Code = diag.Info, CodeUnsupported
		d.Message = "kqlkit cannot run toscalar() of a scalar expression yet"
	case msg == "'*' is not allowed here" && cl.starOperand(d):
		d.Severity, d.Code = diag.Info, CodeUnsupported
		d.Message = "kqlkit cannot look for a term in every column ('*') yet"
	case msg == "an assignment is not allowed here" && cl.namedArgument(d):
		d.Severity, d.Code = diag.Info, CodeUnsupported
		d.Message = "kqlkit cannot pass arguments by name (name = value) yet"
	case strings.Contains(msg, "(host hook: "):
		d.Severity, d.Code = diag.Warning, CodeOutsideCatalog // data the host provides when the rule runs
	case strings.Contains(msg, "not supported") || msg == "this operator assigns one name per expression":
		d.Severity, d.Code = diag.Info, CodeUnsupported
		d.Message = unsupportedMessage(msg)
	case reMixedEquality.MatchString(msg):
		cl.mixedEquality(d, reMixedEquality.FindStringSubmatch(msg))
	case reBadCall.MatchString(msg):
		d.Code = CodeBadCall
	case reTypes.MatchString(msg):
		d.Code = CodeTypeMismatch
	}
}

// namedArgument reports whether d is at an argument of a call written
// name = value, which Kusto allows for user functions and parsers.
func (cl *classifier) namedArgument(d *diag.Diagnostic) bool {
	path := ast.NodeAt(cl.tree, d.Pos.Offset)
	for i := len(path) - 1; i > 0; i-- {
		if _, ok := path[i].(*ast.AssignExpr); ok {
			_, call := path[i-1].(*ast.CallExpr)
			return call
		}
	}
	return false
}

// remoteTable reports whether d is at a reference such as
// cluster("c").database("d").T, database("d").T or arg("").Resources.
func (cl *classifier) remoteTable(d *diag.Diagnostic) bool {
	path := ast.NodeAt(cl.tree, d.Pos.Offset)
	for i := len(path) - 1; i >= 0; i-- {
		switch n := path[i].(type) {
		case *ast.MemberExpr:
			if _, ok := n.X.(*ast.CallExpr); ok && n.Pos() == d.Pos {
				return true
			}
		case *ast.CallExpr:
			if n.Recv != nil && n.Pos() == d.Pos {
				return true
			}
		}
	}
	return false
}

// inToScalar reports whether d is at a call of toscalar() or inside one.
func (cl *classifier) inToScalar(d *diag.Diagnostic) bool {
	for _, n := range ast.NodeAt(cl.tree, d.Pos.Offset) {
		if c, ok := n.(*ast.CallExpr); ok && c.Func.Name == "toscalar" {
			return true
		}
	}
	return false
}

// unknownTable tells a misspelt catalog table (an error) from a table
// outside the catalog (a warning).
func (cl *classifier) unknownTable(d *diag.Diagnostic, name string) {
	if s := cl.misspelt(name); s != "" && !looksLikeParser(name) {
		d.Code = CodeUnknownTable
		d.Message = fmt.Sprintf("unknown table '%s' (did you mean '%s'?)", name, s)
		return
	}
	d.Severity, d.Code = diag.Warning, CodeOutsideCatalog
	d.Message = fmt.Sprintf("table '%s' is not in the catalog; its columns are not checked "+
		"(declare it with --schema)", name)
	if !strings.HasSuffix(name, "_CL") && looksLikeParser(name) {
		d.Message = fmt.Sprintf("'%s' is not in the catalog (a parser or workspace function?); "+
			"its columns are not checked", name)
	}
}

// misspelt returns the catalog table a name is a near miss of: same
// letters in another case, or one or two edits away from a long name.
// Custom log tables (_CL) are never near misses.
func (cl *classifier) misspelt(name string) string {
	if strings.HasSuffix(name, "_CL") || len(name) < 6 {
		return ""
	}
	s := cl.tables.catalog.Suggest(name)
	if s == "" {
		return ""
	}
	if strings.EqualFold(s, name) {
		return s
	}
	if d := diag.EditDistance(strings.ToLower(s), strings.ToLower(name)); d <= 2 && d*6 <= len(name) {
		return s
	}
	return ""
}

// looksLikeParser reports names that are ASIM parsers or workspace
// functions rather than tables: imDns, _Im_Dns, ASimDns, vimDns, _GetWatchlist.
func looksLikeParser(name string) bool {
	for _, p := range []string{"_", "im", "ASim", "vim", "_Im", "_ASim"} {
		if strings.HasPrefix(name, p) && len(name) > len(p) && isUpper(name[len(p)]) {
			return true
		}
	}
	return strings.HasPrefix(name, "_")
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// unknownTabularFunc reports a call at the start of a pipeline to a
// function the checker does not know.
func (cl *classifier) unknownTabularFunc(d *diag.Diagnostic, name string) {
	if isKustoFunction(name) {
		d.Severity, d.Code = diag.Info, CodeUnsupported
		d.Message = fmt.Sprintf("kqlkit cannot run the function '%s' yet", name)
		return
	}
	d.Severity, d.Code = diag.Warning, CodeOutsideCatalog
	d.Message = fmt.Sprintf("function '%s' is not in the catalog (a parser or workspace function?); "+
		"its columns are not checked", name)
}

// unknownFunc tells a Kusto function kqlkit lacks (info) from a
// misspelling (an error).
func (cl *classifier) unknownFunc(d *diag.Diagnostic, name string) {
	if isKustoFunction(name) {
		d.Severity, d.Code = diag.Info, CodeUnsupported
		d.Message = fmt.Sprintf("kqlkit cannot run the function '%s' yet", name)
		return
	}
	if looksLikeParser(name) {
		d.Severity, d.Code = diag.Warning, CodeOutsideCatalog
		d.Message = fmt.Sprintf("function '%s' is not in the catalog (a parser or workspace function?)", name)
		return
	}
	d.Code = CodeUnknownFunc
	if !strings.Contains(d.Message, "did you mean") {
		if s := suggestName(name, kustoNames()); s != "" {
			d.Message = fmt.Sprintf("unknown function '%s' (did you mean '%s'?)", name, s)
		}
	}
}

// mixedEquality reports an equality between values of two scalar types as
// a warning: Kusto accepts it, kqlkit does not.
func (cl *classifier) mixedEquality(d *diag.Diagnostic, m []string) {
	d.Severity, d.Code = diag.Warning, CodeMixedEquality
	d.Message = fmt.Sprintf("'%s' compares a %s with a %s; convert one side (to%s(), to%s()) "+
		"or write a literal of the other type", m[3], m[1], m[2], m[1], m[2])
}

// unsupportedMessage words a "not supported" message of the checker for
// the KQL108 diagnostic.
func unsupportedMessage(msg string) string {
	if m := reOperator.FindStringSubmatch(msg); m != nil {
		if strings.Contains(msg, "start of a query") {
			return fmt.Sprintf("kqlkit cannot run '%s' at the start of a query yet", m[1])
		}
		return fmt.Sprintf("kqlkit cannot run the operator '%s' yet", m[1])
	}
	if m := rePlugin.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("kqlkit cannot run the plugin '%s' yet", m[1])
	}
	if msg == "this operator assigns one name per expression" {
		return "kqlkit cannot assign several columns at once here yet"
	}
	msg = strings.TrimSuffix(msg, " yet")
	return "kqlkit cannot run this yet: " + msg
}

// kustoNames lists every built-in function name, for suggestions.
func kustoNames() []string {
	var out []string
	for _, m := range []map[string]bool{kustoFunctions, kustoAggregates} {
		for n := range m {
			out = append(out, n)
		}
	}
	return out
}

// suggestName returns the candidate closest to name, or "" when none is
// within a third of its length.
func suggestName(name string, candidates []string) string {
	best, bestD := "", max(1, len(name)/3)+1
	for _, c := range candidates {
		if d := diag.EditDistance(strings.ToLower(name), strings.ToLower(c)); d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	return best
}
