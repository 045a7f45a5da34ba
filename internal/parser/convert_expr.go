package parser

import (
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// pipe converts a pipeline; one without operators is just its source.
func (c *converter) pipe(g *gPipe) ast.Expr {
	var src ast.Expr
	if g.Source != nil {
		src = c.expr(g.Source)
	} else {
		sp := c.span(g.span)
		if len(g.Ops) > 0 {
			// The source operator ends before the first '|'.
			bar := c.toks[c.tokenAt(g.Ops[0].Pos().Offset)-1]
			sp.Stop = c.endBefore(bar.Pos.Offset, sp.Start)
		}
		src = &ast.OpExpr{Span: sp, Op: c.sourceOp(sp, g)}
	}
	if len(g.Ops) == 0 {
		return src
	}
	p := &ast.PipeExpr{Span: c.span(g.span), Source: src, Ops: make([]ast.Operator, 0, len(g.Ops))}
	for _, op := range g.Ops {
		p.Ops = append(p.Ops, c.op(op))
	}
	return p
}

// subPipe converts a pipeline without a source.
func (c *converter) subPipe(g *gSubPipe) *ast.PipeExpr {
	p := &ast.PipeExpr{Span: c.span(g.span), Ops: make([]ast.Operator, 0, len(g.Ops))}
	for _, op := range g.Ops {
		p.Ops = append(p.Ops, c.op(op))
	}
	return p
}

func (c *converter) exprs(gs []*gExpr) []ast.Expr {
	out := make([]ast.Expr, 0, len(gs))
	for _, g := range gs {
		out = append(out, c.expr(g))
	}
	return out
}

// operand converts a sign, a primary expression and its suffixes.
func (c *converter) operand(g *gOperand) ast.Expr {
	start := c.tokenAt(g.Pos().Offset)
	if g.Sign != "" {
		start++
	}
	x := c.primary(g, c.toks[start])
	for _, s := range g.Suffixes {
		sp := ast.Span{Start: x.Pos(), Stop: c.span(s.span).Stop}
		switch {
		case s.Member != nil:
			x = &ast.MemberExpr{Span: sp, X: x, Name: c.name(s.Member)}
		case s.Index != nil:
			x = &ast.IndexExpr{Span: sp, X: x, Index: c.expr(s.Index)}
		case s.DotIdx != nil:
			x = &ast.IndexExpr{Span: sp, X: x, Index: c.expr(s.DotIdx)}
		default:
			x = c.call(sp, x, s.Call, s.Pos())
		}
	}
	if id, ok := x.(*ast.Ident); ok && g.Keyword != "" {
		c.errorf(g.Pos(), "expected '(' after '"+id.Name+"'")
	}
	if g.Sign == "" {
		return x
	}
	if lit, ok := x.(*ast.Literal); ok && g.Sign == "-" {
		if neg, ok := negate(lit.Value); ok && lit.Span.Start.Offset == g.Pos().Offset+1 {
			// Fold -5 (sign and number written together) into one literal.
			return &ast.Literal{Span: c.span(g.span), Value: neg, Text: "-" + lit.Text}
		}
	}
	return &ast.UnaryExpr{Span: c.span(g.span), Op: g.Sign, X: x}
}

// negate returns -v for a number or timespan literal.
func negate(v data.Value) (data.Value, bool) {
	if v.IsNull() {
		return v, false
	}
	switch v.Type() {
	case data.Long:
		return data.LongValue(-v.Int64()), true
	case data.Int:
		return data.IntValue(int32(-v.Int64())), true
	case data.Real:
		return data.RealValue(-v.Float64()), true
	case data.TimeSpan:
		return data.TimeSpanValue(-v.Int64()), true
	}
	return v, false
}

func (c *converter) call(sp ast.Span, fn ast.Expr, g *gCall, pos lexer.Position) ast.Expr {
	var recv ast.Expr
	if m, ok := fn.(*ast.MemberExpr); ok && !m.Name.Quoted {
		recv, fn = m.X, m.Name
	}
	id, ok := fn.(*ast.Ident)
	if !ok || id.Quoted {
		c.errorf(pos, "only a function name can be called")
		return fn
	}
	call := &ast.CallExpr{Span: sp, Recv: recv, Func: id, Args: make([]ast.Expr, 0, len(g.Args))}
	for _, a := range g.Args {
		v := c.pipe(a.Value)
		if a.Name != nil {
			v = &ast.AssignExpr{Span: c.span(a.span), Names: []*ast.Ident{c.declName(a.Name)}, Value: v}
		}
		call.Args = append(call.Args, v)
	}
	return call
}

// primary converts the primary expression of an operand; first is its
// first token.
func (c *converter) primary(g *gOperand, first lexer.Token) ast.Expr {
	sp := ast.Span{Start: astPos(first.Pos), Stop: c.span(g.span).Stop}
	if len(g.Suffixes) > 0 {
		sp.Stop = c.endBefore(g.Suffixes[0].Pos().Offset, sp.Start)
	}
	switch {
	case g.Ident != "":
		if g.Ident == "null" {
			return &ast.Literal{Span: sp, Value: data.Null(data.Dynamic), Text: "null"}
		}
		return &ast.Ident{Span: sp, Name: g.Ident}
	case g.Strings != nil:
		return c.stringLiteral(sp, g.Strings)
	case g.Number != "":
		return &ast.Literal{Span: sp, Value: c.number(first), Text: g.Number}
	case g.Paren != nil:
		return &ast.ParenExpr{Span: sp, X: c.pipe(g.Paren)}
	case g.TimeSpan != "":
		return &ast.Literal{Span: sp, Value: c.timeSpan(first), Text: g.TimeSpan}
	case g.Typed != "":
		return &ast.Literal{Span: sp, Value: c.typedLiteral(first), Text: g.Typed}
	case g.Bool != "":
		return &ast.Literal{Span: sp, Value: data.BoolValue(len(g.Bool) == 4), Text: g.Bool}
	case g.Quoted != "":
		return &ast.Ident{Span: sp, Name: c.stringValue(g.Quoted, first.Pos), Quoted: true}
	case g.Dynamic != nil:
		text := c.src.Text[sp.Start.Offset:sp.Stop.Offset]
		return &ast.Literal{Span: sp, Value: data.DynamicValue(c.dyn(g.Dynamic)), Text: text}
	case g.TypeOf != nil:
		return &ast.TypeOfExpr{Span: sp, Type: c.typeOfType(g.TypeOf)}
	case g.Star:
		return &ast.StarExpr{Span: sp}
	case g.Keyword != "":
		return &ast.Ident{Span: sp, Name: g.Keyword}
	case g.Table != nil:
		return c.dataTable(sp, g.Table)
	case g.External != nil:
		return c.externalData(sp, g.External)
	}
	c.errorf(g.Pos(), "expected an expression")
	return &ast.Ident{Span: sp}
}

// text returns the source text of a span.
func (c *converter) text(s span) string {
	sp := c.span(s)
	return c.src.Text[sp.Start.Offset:sp.Stop.Offset]
}

// typeOfType converts the `(T)` of typeof(T).
func (c *converter) typeOfType(g *gTypeOf) *ast.TypeExpr {
	if g.Scalar != nil {
		return c.typeName(g.Scalar)
	}
	t := &ast.TypeExpr{Span: c.span(g.span), Tabular: true}
	t.Columns, t.Star = c.schema(g.Items)
	return t
}

// scalarType checks a scalar type name and returns it as written.
func (c *converter) scalarType(name string, p lexer.Position) string {
	if _, ok := data.ParseType(name); !ok {
		c.errorf(p, "unknown type '"+name+"'")
	}
	return name
}

// namedExpr converts `[Name =] Expr` into the expression or an AssignExpr.
func (c *converter) namedExpr(g *gNamedExpr) ast.Expr {
	v := c.expr(g.Value)
	if len(g.Names) == 0 {
		return v
	}
	a := &ast.AssignExpr{Span: c.span(g.span), Value: v}
	for _, n := range g.Names {
		a.Names = append(a.Names, c.declName(n))
	}
	return a
}

func (c *converter) namedExprs(gs []*gNamedExpr) []ast.Expr {
	out := make([]ast.Expr, 0, len(gs))
	for _, g := range gs {
		out = append(out, c.namedExpr(g))
	}
	return out
}
