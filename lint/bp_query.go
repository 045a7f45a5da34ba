package lint

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
)

func noTimeFilter() *Analyzer {
	return &Analyzer{
		Code: "BP301", Name: "no-time-filter", Severity: diag.Warning,
		Summary: "the query reads a table without a time filter",
		Doc: "A query that reads a log table without a filter on its time column scans the whole " +
			"retention period. Add `where TimeGenerated > ago(…)`. Analytic rules are not " +
			"reported: Sentinel limits their query to queryPeriod.",
		Run: func(p *Pass) {
			if p.IsRule() {
				return
			}
			first, timeCols := readTables(p)
			if first == nil || len(timeCols) == 0 || filtersTime(p.Query, timeCols) {
				return
			}
			p.Report(first, "'%s' is read without a time filter; add `where TimeGenerated > ago(…)`", first.Name)
		},
	}
}

// readTables returns the first name of the query that is a known table
// with a datetime column, and the datetime columns of all such tables.
func readTables(p *Pass) (*ast.Ident, map[string]bool) {
	lets := letNames(p.Query)
	var first *ast.Ident
	cols := map[string]bool{}
	inspect(p, func(n ast.Node) {
		id, ok := n.(*ast.Ident)
		if !ok || lets[id.Name] {
			return
		}
		s, ok := p.Table(id.Name)
		if !ok {
			return
		}
		found := false
		for _, c := range s {
			if c.Type == data.DateTime && (c.Name == "TimeGenerated" || c.Name == "Timestamp") {
				cols[c.Name] = true
				found = true
			}
		}
		if found && first == nil {
			first = id
		}
	})
	return first, cols
}

// filtersTime reports whether a where (or a time-bounded search or a
// between) of the query refers to one of the time columns, or uses ago().
func filtersTime(q *ast.Query, cols map[string]bool) bool {
	found := false
	ast.Inspect(q, func(n ast.Node) bool {
		w, ok := n.(*ast.WhereOp)
		if !ok || found {
			return !found
		}
		ast.Inspect(w.Pred, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.Ident:
				found = found || cols[m.Name]
			case *ast.CallExpr:
				found = found || m.Func.Name == "ago"
			}
			return !found
		})
		return !found
	})
	return found
}

// letNames collects every name bound by a let statement, anywhere.
func letNames(q *ast.Query) map[string]bool {
	m := map[string]bool{}
	ast.Inspect(q, func(n ast.Node) bool {
		if let, ok := n.(*ast.LetStmt); ok {
			m[let.Name.Name] = true
		}
		return true
	})
	return m
}

func deprecatedFunction() *Analyzer {
	return &Analyzer{
		Code: "BP309", Name: "deprecated-function", Severity: diag.Info, Off: true,
		Summary: "a function has a newer name",
		Doc: "Kusto keeps old names of functions working (makelist, parsejson, columnifexists, " +
			"…) but documents them as deprecated; write the current name. Off by default " +
			"(--enable BP309): the old names are common in published rules and harmless.",
		Run: func(p *Pass) {
			lets := letNames(p.Query)
			inspect(p, func(n ast.Node) {
				c, ok := n.(*ast.CallExpr)
				if !ok || c.Recv != nil || lets[c.Func.Name] {
					return
				}
				if repl, ok := deprecated[c.Func.Name]; ok {
					p.Report(c.Func, "'%s' is deprecated; use '%s'", c.Func.Name, repl)
				}
			})
		},
	}
}

// deprecated maps deprecated function names to their current names, as
// the Kusto documentation gives them.
var deprecated = map[string]string{
	"makelist": "make_list", "makeset": "make_set", "make_dictionary": "make_bag",
	"makelist_if": "make_list_if", "makeset_if": "make_set_if",
	"parsejson": "parse_json", "parseurl": "parse_url", "parseurlquery": "parse_urlquery",
	"columnifexists": "column_ifexists", "arraylength": "array_length", "pack": "bag_pack",
	"pack_dictionary": "bag_pack", "any": "take_any", "anyif": "take_anyif",
	"argmax": "arg_max", "argmin": "arg_min", "base64_encodestring": "base64_encode_tostring",
	"base64_decodestring": "base64_decode_tostring", "notnull": "isnotnull",
	"notempty": "isnotempty", "weekofyear": "week_of_year", "datepart": "datetime_part",
	"extractall": "extract_all", "toobject": "todynamic", "totime": "totimespan",
	"make_string": "unicode_codepoints_to_string", "to_utf8": "unicode_codepoints_from_string",
}

func unusedLet() *Analyzer {
	return &Analyzer{
		Code: "BP310", Name: "unused-let", Severity: diag.Warning,
		Summary: "a let statement binds a name nothing uses",
		Doc: "A name bound by `let` and never used is dead code, often the sign of a filter or " +
			"a table that was meant to be applied and is not (a typo in the later reference, or " +
			"a list of indicators nobody checks).",
		Run: func(p *Pass) {
			used := map[string]bool{}
			names := map[*ast.Ident]bool{}
			var lets []*ast.LetStmt
			inspect(p, func(n ast.Node) {
				if let, ok := n.(*ast.LetStmt); ok {
					lets = append(lets, let)
					names[let.Name] = true
				}
			})
			inspect(p, func(n ast.Node) {
				if id, ok := n.(*ast.Ident); ok && !names[id] {
					used[id.Name] = true
				}
				if l, ok := n.(*ast.Literal); ok && l.Value.Type() == data.String {
					used[l.Value.Str()] = true // table("name")
				}
			})
			for _, let := range lets {
				if !used[let.Name.Name] {
					p.Report(let.Name, "'%s' is bound by let but never used", let.Name.Name)
				}
			}
		},
	}
}
