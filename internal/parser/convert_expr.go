package parser

import (
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// pipe converts a pipeline; one without operators is just its source.
func (c *converter) pipe(g *gPipe) ast.Expr {
	var src ast.Expr
	if g.Source.Op != nil {
		op := c.sourceOp(g.Source.Op)
		src = &ast.OpExpr{Span: c.span(g.Source.span), Op: op}
	} else {
		src = c.expr(g.Source.Expr)
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

// binary builds a left-leaning chain X op Y op Z.
func (c *converter) binary(start span, x ast.Expr, op string, opPos lexer.Position, y ast.Expr, end span) ast.Expr {
	return &ast.BinaryExpr{Span: c.spanFrom(start, end), X: x, Op: op, OpPos: astPos(opPos), Y: y}
}

func (c *converter) expr(g *gExpr) ast.Expr {
	x := c.and(g.Left)
	for _, arm := range g.Rest {
		x = c.binary(g.span, x, "or", arm.Pos, c.and(arm.Right), arm.span)
	}
	return x
}

func (c *converter) and(g *gAnd) ast.Expr {
	x := c.eq(g.Left)
	for _, arm := range g.Rest {
		x = c.binary(g.span, x, "and", arm.Pos, c.eq(arm.Right), arm.span)
	}
	return x
}

func (c *converter) eq(g *gEq) ast.Expr {
	x := c.rel(g.Left)
	a := g.Tail
	switch {
	case a == nil:
		return x
	case a.Op != "":
		return c.binary(g.span, x, a.Op, a.Pos, c.rel(a.Right), a.span)
	case a.InOp != "":
		in := &ast.InExpr{Span: c.span(g.span), X: x, Op: a.InOp, OpPos: astPos(a.Pos)}
		for _, item := range a.List {
			in.List = append(in.List, c.pipe(item))
		}
		return in
	}
	return &ast.BetweenExpr{
		Span: c.span(g.span), X: x, Not: a.Between == "!between",
		Lo: c.expr(a.Range.Lo), Hi: c.expr(a.Range.Hi),
	}
}

func (c *converter) rel(g *gRel) ast.Expr {
	x := c.str(g.Left)
	if a := g.Tail; a != nil {
		return c.binary(g.span, x, a.Op, a.Pos, c.str(a.Right), a.span)
	}
	return x
}

func (c *converter) str(g *gStr) ast.Expr {
	x := c.add(g.Left)
	a := g.Tail
	if a == nil {
		return x
	}
	if a.Op == ":" && !c.inSearch {
		c.errorf(a.Pos, "unexpected ':' (the Column:\"term\" form is only allowed in search)")
	}
	return c.binary(g.span, x, a.Op, a.Pos, c.add(a.Right), a.span)
}

func (c *converter) add(g *gAdd) ast.Expr {
	x := c.mul(g.Left)
	for _, arm := range g.Rest {
		x = c.binary(g.span, x, arm.Op, arm.Pos, c.mul(arm.Right), arm.span)
	}
	return x
}

func (c *converter) mul(g *gMul) ast.Expr {
	x := c.unary(g.Left)
	for _, arm := range g.Rest {
		x = c.binary(g.span, x, arm.Op, arm.Pos, c.unary(arm.Right), arm.span)
	}
	return x
}

func (c *converter) unary(g *gUnary) ast.Expr {
	x := c.postfix(g.X)
	if g.Sign == "" {
		return x
	}
	if lit, ok := x.(*ast.Literal); ok && g.Sign == "-" {
		if neg, ok := negate(lit.Value); ok && lit.Span.Start.Offset == g.Pos.Offset+1 {
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

func (c *converter) postfix(g *gPostfix) ast.Expr {
	x := c.primary(g.X)
	for _, s := range g.Suffixes {
		sp := c.spanFrom(g.span, s.span)
		switch {
		case s.Member != nil:
			x = &ast.MemberExpr{Span: sp, X: x, Name: c.name(s.Member)}
		case s.Index != nil:
			x = &ast.IndexExpr{Span: sp, X: x, Index: c.expr(s.Index)}
		case s.DotIdx != nil:
			x = &ast.IndexExpr{Span: sp, X: x, Index: c.expr(s.DotIdx)}
		default:
			x = c.call(sp, x, s.Call, s.Pos)
		}
	}
	if id, ok := x.(*ast.Ident); ok && g.X.Keyword != "" {
		c.errorf(g.Pos, "expected '(' after '"+id.Name+"'")
	}
	return x
}

func (c *converter) call(sp ast.Span, fn ast.Expr, g *gCall, pos lexer.Position) ast.Expr {
	id, ok := fn.(*ast.Ident)
	if !ok {
		c.errorf(pos, "only a function name can be called")
		return fn
	}
	call := &ast.CallExpr{Span: sp, Func: id, Args: make([]ast.Expr, 0, len(g.Args))}
	for _, a := range g.Args {
		v := c.pipe(a.Value)
		if a.Name != nil {
			v = &ast.AssignExpr{Span: c.span(a.span), Names: []*ast.Ident{c.declName(a.Name)}, Value: v}
		}
		call.Args = append(call.Args, v)
	}
	return call
}

func (c *converter) primary(g *gPrimary) ast.Expr {
	sp := c.span(g.span)
	switch {
	case g.Ident != "":
		if g.Ident == "null" {
			return &ast.Literal{Span: sp, Value: data.Null(data.Dynamic), Text: "null"}
		}
		return &ast.Ident{Span: sp, Name: g.Ident}
	case g.Keyword != "":
		return &ast.Ident{Span: sp, Name: g.Keyword}
	case g.Quoted != "":
		return &ast.Ident{Span: sp, Name: c.stringValue(g.Quoted, g.Pos), Quoted: true}
	case g.Strings != nil:
		return c.stringLiteral(sp, g.Strings)
	case g.Number.Type != 0:
		return &ast.Literal{Span: sp, Value: c.number(g.Number), Text: g.Number.Value}
	case g.TimeSpan.Type != 0:
		return &ast.Literal{Span: sp, Value: c.timeSpan(g.TimeSpan), Text: g.TimeSpan.Value}
	case g.Typed.Type != 0:
		return &ast.Literal{Span: sp, Value: c.typedLiteral(g.Typed), Text: g.Typed.Value}
	case g.Bool.Type != 0:
		return &ast.Literal{Span: sp, Value: data.BoolValue(len(g.Bool.Value) == 4), Text: g.Bool.Value}
	case g.Paren != nil:
		return &ast.ParenExpr{Span: sp, X: c.pipe(g.Paren)}
	case g.Dynamic != nil:
		return &ast.Literal{Span: sp, Value: data.DynamicValue(c.dyn(g.Dynamic.Value)), Text: c.text(g.span)}
	case g.TypeOf != nil:
		return c.typeOf(g.TypeOf)
	case g.Star:
		return &ast.StarExpr{Span: sp}
	case g.Table != nil:
		return c.dataTable(g.Table)
	case g.External != nil:
		return c.externalData(g.External)
	}
	c.errorf(g.Pos, "expected an expression")
	return &ast.Ident{Span: sp}
}

// text returns the source text of a span.
func (c *converter) text(s span) string {
	sp := c.span(s)
	return c.src.Text[sp.Start.Offset:sp.Stop.Offset]
}

func (c *converter) typeOf(g *gTypeOf) *ast.TypeOfExpr {
	t := &ast.TypeExpr{Span: c.span(g.span)}
	if g.Scalar != "" {
		t.Name = c.scalarType(g.Scalar, g.Pos)
	} else {
		t.Tabular = true
		t.Columns, t.Star = c.schema(g.Items)
	}
	return &ast.TypeOfExpr{Span: c.span(g.span), Type: t}
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
