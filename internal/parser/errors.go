package parser

import (
	"errors"
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
)

// syntaxError turns participle's error into one diagnostic in plain words,
// phrased from the token where parsing stopped and the token before it.
func (p *parse) syntaxError(err error) diag.List {
	var perr participle.Error
	if !errors.As(err, &perr) {
		return diag.List{p.src.Errorf(astPos(p.toks[0].Pos), "internal error: "+err.Error())}
	}
	off := perr.Position().Offset
	i := sort.Search(len(p.toks), func(i int) bool { return p.toks[i].Pos.Offset >= off })
	if i >= len(p.toks) {
		i = len(p.toks) - 1
	}
	var expect string
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) {
		expect = expected(ute.Message())
	}
	return diag.List{p.src.Errorf(astPos(p.toks[i].Pos), p.describe(i, expect))}
}

// describe phrases the error at token i.
func (p *parse) describe(i int, expect string) string {
	tok := p.toks[i]
	var prev, prev2 lexer.Token
	if i > 0 {
		prev = p.toks[i-1]
	}
	if i > 1 {
		prev2 = p.toks[i-2]
	}
	switch {
	case prev.Type == tokPunct && prev.Value == "|":
		return afterPipe(tok)
	case (prev.Type == tokListOp || prev.Type == tokBetweenOp) && tok.Value != "(":
		return "expected '(' after " + quote(prev.Value) + found(tok)
	case isSign(tok) && isSign(prev) && !endsOperand(prev2):
		return "unexpected " + quote(tok.Value) + " (a value can have only one sign)"
	case prev.Value == "." && prev.Type == tokPunct && !isWord(tok):
		return "expected a name after '.'" + found(tok)
	case nameKeywords[prev.Value] && tok.Type != tokIdent && tok.Value != "[":
		return "expected a column name after " + quote(prev.Value) + found(tok)
	case prev.Value == "render" && tok.Type != tokIdent && !isWord(tok):
		return "expected a chart type after 'render'" + found(tok)
	case prev.Value == "to" && isTypeName(tok.Value):
		return "expected 'typeof(" + tok.Value + ")' after 'to'" + found(tok)
	case isWord(tok) && expectsName(prev):
		return quote(tok.Value) + " is a reserved word: write ['" + tok.Value + "'] to use it as a name"
	case (takesOperand(prev) || exprKeywords[prev.Value]) && !startsExpr(tok):
		return "expected an expression after " + quote(prev.Value) + found(tok)
	case expect != "":
		return "expected " + expect + found(tok)
	case tok.Type == lexer.EOF:
		return "unexpected end of query"
	case tok.Pos.Line > prev.Pos.Line && prev.Type != 0:
		return "unexpected " + quote(tok.Value) + " (a ';' is needed between statements)"
	}
	return "unexpected " + quote(tok.Value)
}

// afterPipe phrases an error on the token after a '|'.
func afterPipe(tok lexer.Token) string {
	switch {
	case tok.Type == lexer.EOF:
		return "expected a tabular operator after '|'"
	case sourceOnlyOps[tok.Value]:
		return quote(tok.Value) + " cannot follow '|': it starts a query"
	case unsupportedOps[tok.Value]:
		return "tabular operator " + quote(tok.Value) + " is not supported by kqlkit"
	case isWord(tok) || tok.Type == tokIdent:
		msg := "unknown tabular operator " + quote(tok.Value)
		if s := closestOperator(tok.Value); s != "" {
			msg += " (did you mean '" + s + "'?)"
		}
		return msg
	}
	return "expected a tabular operator after '|'" + found(tok)
}

// sourceOnlyOps are the operators that can only start a pipeline.
var sourceOnlyOps = set(`print range find datatable externaldata`)

// unsupportedOps are Kusto operators kqlkit does not parse (graph
// semantics, macros, schema assertions); naming them beats "unexpected".
var unsupportedOps = set(`assert-schema graph-match graph-shortest-paths graph-to-table
	macro-expand make-graph project-smart`)

// exprKeywords are the keywords an expression must follow.
var exprKeywords = set(`by on where filter extend project of step from to take limit top sample
	distinct union join lookup evaluate invoke mv-expand mv-apply mvexpand mvapply parse
	parse-where print toscalar materialize`)

// nameKeywords are the operators followed by column names.
var nameKeywords = set(`project-away project-keep project-rename project-reorder`)

// expectsName reports whether a name or expression must follow t, so that a
// reserved word there was meant as a name.
func expectsName(t lexer.Token) bool {
	switch t.Value {
	case ",", "(", "[", "=", ".":
		return t.Type == tokPunct
	}
	return t.Type == tokBinOp || exprKeywords[t.Value]
}

func isTypeName(s string) bool {
	_, ok := data.ParseType(s)
	return ok
}

func isSign(t lexer.Token) bool {
	return t.Type == tokBinOp && (t.Value == "-" || t.Value == "+")
}

// endsOperand reports whether t can end an operand, so that a '-'
// after it is a binary minus.
func endsOperand(t lexer.Token) bool {
	switch t.Type {
	case tokIdent, tokString, tokNumber, tokTimeSpan, tokTypedLit, tokBool:
		return true
	}
	return t.Value == ")" || t.Value == "]"
}

// operatorNames lists the tabular operators, for suggestions.
var operatorNames = strings.Fields(`where filter extend project project-away project-keep
	project-rename project-reorder summarize sort order top take limit count distinct union
	join lookup mv-expand mv-apply parse parse-where parse-kv make-series evaluate as render
	invoke serialize top-nested top-hitters sample sample-distinct search facet fork
	partition getschema reduce consume scan`)

// closestOperator returns the operator name nearest to s (a different case
// or at most two edits away), or "".
func closestOperator(s string) string {
	best, bestD := "", 3
	for _, op := range operatorNames {
		if strings.EqualFold(op, s) {
			return op
		}
		if d := diag.EditDistance(strings.ToLower(s), op); d < bestD {
			best, bestD = op, d
		}
	}
	return best
}

// takesOperand reports whether an expression must follow t.
func takesOperand(t lexer.Token) bool {
	return t.Type == tokBinOp || t.Type == tokPunct && (t.Value == "=" || t.Value == "..")
}

// startsExpr reports whether t can begin an expression.
func startsExpr(t lexer.Token) bool {
	switch t.Type {
	case tokIdent, tokString, tokNumber, tokTimeSpan, tokTypedLit, tokBool:
		return true
	}
	switch t.Value {
	case "(", "[", "*", "-", "+", "dynamic", "datatable", "externaldata", "external_data",
		"materialize", "toscalar", "totable":
		return true
	}
	return false
}

// isWord reports whether t is a reserved word (where, project, string…).
func isWord(t lexer.Token) bool {
	return (t.Type == tokKeyword || t.Type == tokDeclKeyword) && wordLen(t.Value) == len(t.Value)
}

func found(t lexer.Token) string {
	if t.Type == lexer.EOF {
		return ", found the end of the query"
	}
	return ", found " + quote(t.Value)
}

// quote shows a token in a message, shortened when long.
func quote(s string) string {
	if s == "" {
		return "end of query"
	}
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return "'" + s + "'"
}

// expected reads what participle expected from its message and phrases it
// in words, or returns "" when it cannot. The expectation is a fragment of
// the grammar in EBNF: `"by" GSortKey …`, `GDyn`, `(<ident> | <number> | …)`.
func expected(msg string) string {
	i := strings.Index(msg, " (expected ")
	if i < 0 {
		return ""
	}
	e := strings.TrimSuffix(msg[i+len(" (expected "):], ")")
	switch {
	case strings.Contains(e, "<ident>") && strings.Contains(e, "<number>"):
		return "an expression"
	case strings.Contains(e, "<number>") && strings.Contains(e, `"null"`):
		return "a value"
	}
	e = strings.TrimLeft(e, "( ")
	if strings.HasPrefix(e, `"`) {
		if j := strings.IndexByte(e[1:], '"'); j >= 0 {
			return "'" + e[1:1+j] + "'"
		}
	}
	name := e
	if j := strings.IndexAny(e, " ()|*?+"); j >= 0 {
		name = e[:j]
	}
	return productionWords[name]
}

// productionWords describes grammar productions in plain words.
var productionWords = map[string]string{
	"GPipe": "an expression", "GExpr": "an expression", "GAnd": "an expression",
	"GEq": "an expression", "GRel": "an expression", "GStr": "an expression",
	"GAdd": "an expression", "GMul": "an expression", "GUnary": "an expression",
	"GPostfix": "an expression", "GPrimary": "an expression", "GSource": "an expression",
	"GNamedExpr": "an expression", "GArg": "an expression", "GSortKey": "an expression",
	"GMvItem": "an expression", "GSeriesAgg": "an expression", "GFindCol": "an expression",
	"GOp": "a tabular operator", "GSubPipe": "a tabular operator",
	"GName": "a name", "GDeclName": "a name", "GColumnPattern": "a column name",
	"GReorderKey": "a column name", "GRename": "a column name",
	"GType": "a type", "GColumnDecl": "a column declaration (Name: type)",
	"GParam": "a parameter (name: type)", "GSchemaItem": "a column declaration (Name: type)",
	"GDyn": "a dynamic value", "GParsePart": "a parse pattern", "GUnionItem": "a table",
	"GProp": "a property (name = value)", "GRenderProp": "a property (name = value)",
	"GParamValue": "a value", "GBetween": "'('", "GCall": "'('", "GTypeOf": "'typeof'",
	"GBlock": "a statement", "GStmt": "a statement", "GOperand": "an expression",
	"GArm": "an operator", "GSuffix": "an expression", "GDataTable": "'datatable'",
	"GTypeName": "a type", "GSeriesRange": "'('", "GForkBranch": "'('",
	"GTopNestedClause": "an expression",
}
