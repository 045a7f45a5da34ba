package parser

import (
	"errors"
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

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
	var prev lexer.Token
	if i > 0 {
		prev = p.toks[i-1]
	}
	switch {
	case prev.Type == tokPunct && prev.Value == "|":
		return afterPipe(tok)
	case (listOps[prev.Value] || prev.Value == "between" || prev.Value == "!between") && tok.Value != "(":
		return "expected '(' after '" + prev.Value + "'"
	case takesOperand(prev) && !startsExpr(tok):
		if isWord(tok) {
			return quote(tok.Value) + " is a keyword: write ['" + tok.Value + "'] to use it as a name"
		}
		return "expected an expression after " + quote(prev.Value) + found(tok)
	case tok.Type == lexer.EOF:
		if expect != "" {
			return "expected " + expect + " before the end of the query"
		}
		return "unexpected end of query"
	case expect != "":
		return "expected " + expect + found(tok)
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
	case isWord(tok) || tok.Type == tokIdent:
		return "unknown tabular operator " + quote(tok.Value)
	}
	return "expected a tabular operator after '|'" + found(tok)
}

// sourceOnlyOps are the operators that can only start a pipeline.
var sourceOnlyOps = set(`print range find datatable externaldata`)

// takesOperand reports whether an expression must follow t.
func takesOperand(t lexer.Token) bool {
	switch t.Type {
	case tokBinOp:
		return true
	}
	switch t.Value {
	case "and", "or", "=", "..":
		return true
	}
	return false
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
		return " before the end of the query"
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
// in words, or returns "" when it cannot.
func expected(msg string) string {
	i := strings.Index(msg, " (expected ")
	if i < 0 {
		return ""
	}
	e := strings.TrimSuffix(msg[i+len(" (expected "):], ")")
	if len(e) > 2 && e[0] == '"' && strings.Count(e, "\"") == 2 && e[len(e)-1] == '"' {
		return "'" + e[1:len(e)-1] + "'"
	}
	if j := strings.Index(e, " = "); j > 0 && !strings.ContainsAny(e[:j], " ()") {
		return productionWords[e[:j]]
	}
	return ""
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
	"GBlock": "a statement", "GStmt": "a statement",
}
