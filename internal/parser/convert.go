package parser

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// converter turns grammar structs into ast nodes. It keeps the first error
// it meets (a literal that does not parse, a misplaced construct) and
// carries on without reporting more.
type converter struct {
	src      *diag.Source
	toks     []lexer.Token
	comments []commentSpan
	err      *diag.Diagnostic
	inSearch bool // converting a search predicate, where `Col:"x"` is allowed
}

func newConverter(src *diag.Source, toks []lexer.Token, comments []commentSpan) *converter {
	return &converter{src: src, toks: toks, comments: comments}
}

// errorf records the first error.
func (c *converter) errorf(p lexer.Position, msg string) {
	if c.err == nil {
		c.err = c.src.Errorf(astPos(p), msg)
	}
}

func astPos(p lexer.Position) ast.Pos {
	return ast.Pos{Offset: p.Offset, Line: p.Line, Column: p.Column}
}

// mappedPos formats p as line:column in the file the source belongs to.
func mappedPos(src *diag.Source, p lexer.Position) string {
	ap := astPos(p)
	if src != nil && src.Map != nil {
		ap = src.Map(ap)
	}
	return ap.String()
}

// span converts a grammar span: the start of its first token to the end of
// its last.
func (c *converter) span(s span) ast.Span {
	if len(s.Tokens) == 0 {
		return ast.Span{}
	}
	return ast.Span{Start: astPos(s.Tokens[0].Pos), Stop: tokenEnd(s.Tokens[len(s.Tokens)-1])}
}

// endBefore returns the end of the last token that starts before offset
// off, or start when there is none after start.
func (c *converter) endBefore(off int, start ast.Pos) ast.Pos {
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].Pos.Offset >= off }) - 1
	if i < 0 || c.toks[i].Pos.Offset < start.Offset || c.toks[i].Type == lexer.EOF {
		return start
	}
	return tokenEnd(c.toks[i])
}

// tokenEnd is the position just after a token.
func tokenEnd(t lexer.Token) ast.Pos {
	p := astPos(t.Pos)
	v := t.Value
	p.Offset += len(v)
	if i := strings.LastIndexByte(v, '\n'); i >= 0 {
		p.Line += strings.Count(v, "\n")
		p.Column = 1 + utf8.RuneCountInString(v[i+1:])
		return p
	}
	p.Column += utf8.RuneCountInString(v)
	return p
}

// tokenSpan is the span of one token.
func tokenSpan(t lexer.Token) ast.Span {
	return ast.Span{Start: astPos(t.Pos), Stop: tokenEnd(t)}
}

func (c *converter) query(g *gQuery) *ast.Query {
	q := &ast.Query{Span: c.span(g.span)}
	q.Stmts = c.stmts(g.Stmts)
	for _, cm := range c.comments {
		q.Comments = append(q.Comments, &ast.Comment{
			Span: ast.Span{Start: astPos(cm.Pos), Stop: astPos(cm.End)},
			Text: cm.Text,
		})
	}
	if len(q.Stmts) == 0 {
		// An empty query spans the whole text.
		q.Span = ast.Span{Start: ast.Pos{Line: 1, Column: 1}, Stop: c.endOfText()}
	}
	return q
}

func (c *converter) endOfText() ast.Pos {
	return astPos(c.toks[len(c.toks)-1].Pos)
}

func (c *converter) stmts(gs []*gStmt) []ast.Stmt {
	out := make([]ast.Stmt, 0, len(gs))
	for _, g := range gs {
		out = append(out, c.stmt(g))
	}
	return out
}

func (c *converter) stmt(g *gStmt) ast.Stmt {
	sp := c.span(g.span)
	switch {
	case g.Let != nil:
		return c.let(sp, g.Let)
	case g.Set != nil:
		return c.set(sp, g.Set)
	case g.Declare != nil && g.Declare.Pattern != nil:
		return c.patternStmt(sp, g.Declare.Pattern)
	case g.Declare != nil:
		return &ast.DeclareStmt{
			Span: sp, Kind: "query_parameters", Params: c.params(g.Declare.Params),
		}
	case g.Alias != nil:
		return &ast.AliasStmt{Span: sp, Name: c.name(g.Alias.Name), Value: c.expr(g.Alias.Value)}
	}
	return &ast.ExprStmt{Span: sp, X: c.pipe(g.Expr)}
}

func (c *converter) let(sp ast.Span, g *gLet) *ast.LetStmt {
	s := &ast.LetStmt{Span: sp, Name: c.name(g.Name)}
	if g.Func != nil {
		s.Value = c.funcExpr(g.Func)
	} else {
		s.Value = c.pipe(g.Value)
	}
	return s
}

func (c *converter) patternStmt(sp ast.Span, g *gPattern) *ast.PatternStmt {
	s := &ast.PatternStmt{
		Span: sp, Name: c.name(g.Name), Params: c.params(g.Params),
		PathParams: c.params(g.PathParams),
	}
	for _, r := range g.Rules {
		rule := &ast.PatternRule{
			Span: c.span(r.span), Args: c.exprs(r.Args),
			Body: &ast.Block{Span: c.span(r.Body.span), Stmts: c.stmts(r.Body.Stmts)},
		}
		if r.Path != nil {
			rule.Path = c.expr(r.Path)
		}
		s.Rules = append(s.Rules, rule)
	}
	return s
}

func (c *converter) funcExpr(g *gFunc) *ast.FuncExpr {
	return &ast.FuncExpr{
		Span:   c.span(g.span),
		View:   g.View,
		Params: c.params(g.Params),
		Body:   &ast.Block{Span: c.span(g.Body.span), Stmts: c.stmts(g.Body.Stmts)},
	}
}

func (c *converter) set(sp ast.Span, g *gSet) *ast.SetStmt {
	s := &ast.SetStmt{Span: sp}
	var name strings.Builder
	for _, t := range g.Name {
		name.WriteString(t.Value)
	}
	s.Name = &ast.Ident{
		Span: ast.Span{Start: astPos(g.Name[0].Pos), Stop: tokenEnd(g.Name[len(g.Name)-1])},
		Name: name.String(),
	}
	if g.Value != nil {
		s.Value = c.expr(g.Value)
	}
	return s
}

// tokenAt returns the index of the token starting at offset off.
func (c *converter) tokenAt(off int) int {
	return sort.Search(len(c.toks), func(i int) bool { return c.toks[i].Pos.Offset >= off })
}

func (c *converter) params(gs []*gParam) []*ast.Param {
	out := make([]*ast.Param, 0, len(gs))
	for _, g := range gs {
		p := &ast.Param{Span: c.span(g.span), Name: c.colName(g.Name), Type: c.typeExpr(g.Type)}
		if g.Default != nil {
			p.Default = c.expr(g.Default)
		}
		out = append(out, p)
	}
	return out
}

func (c *converter) typeExpr(g *gType) *ast.TypeExpr {
	t := &ast.TypeExpr{Span: c.span(g.span)}
	if !g.Tabular {
		t.Name = c.scalarType(g.Scalar, g.Pos())
		return t
	}
	t.Tabular = true
	t.Columns, t.Star = c.schema(g.Items)
	return t
}

// schema converts the items of a tabular type: columns, and `*` last.
func (c *converter) schema(items []*gSchemaItem) ([]*ast.ColumnDecl, bool) {
	var cols []*ast.ColumnDecl
	star := false
	for i, it := range items {
		if it.Star {
			if i != len(items)-1 {
				c.errorf(it.Pos(), "'*' must come last in a table schema")
			}
			star = true
			continue
		}
		cols = append(cols, c.columnDecl(it.Col))
	}
	return cols, star
}

func (c *converter) columnDecls(gs []*gColumnDecl) []*ast.ColumnDecl {
	out := make([]*ast.ColumnDecl, 0, len(gs))
	for _, g := range gs {
		out = append(out, c.columnDecl(g))
	}
	return out
}

func (c *converter) columnDecl(g *gColumnDecl) *ast.ColumnDecl {
	return &ast.ColumnDecl{Span: c.span(g.span), Name: c.colName(g.Name), Type: c.typeExpr(g.Type)}
}

// ident builds an Ident from a name's grammar struct: a plain name, or a
// quoted one (['a b']) whose string is decoded.
func (c *converter) ident(s span, name, quoted string) *ast.Ident {
	if quoted != "" {
		return &ast.Ident{Span: c.span(s), Name: c.stringValue(quoted, s.Pos()), Quoted: true}
	}
	return &ast.Ident{Span: c.span(s), Name: name}
}

func (c *converter) colName(g *gColName) *ast.Ident { return c.ident(g.span, g.Ident, g.Quoted) }

func (c *converter) declName(g *gDeclName) *ast.Ident { return c.ident(g.span, g.Ident, g.Quoted) }

func (c *converter) name(g *gName) *ast.Ident {
	if g == nil {
		return nil
	}
	return c.ident(g.span, g.Ident, g.Quoted)
}
