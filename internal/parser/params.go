package parser

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// paramLike is implemented by the grammar structs of operator parameters,
// which differ only in the names they accept.
type paramLike interface {
	parts() (span, string, *gParamValue)
}

func (g *gHintParam) parts() (span, string, *gParamValue)    { return g.span, g.Name, g.Value }
func (g *gKindParam) parts() (span, string, *gParamValue)    { return g.span, g.Name, g.Value }
func (g *gUnionParam) parts() (span, string, *gParamValue)   { return g.span, g.Name, g.Value }
func (g *gFindParam) parts() (span, string, *gParamValue)    { return g.span, g.Name, g.Value }
func (g *gMvParam) parts() (span, string, *gParamValue)      { return g.span, g.Name, g.Value }
func (g *gParseParam) parts() (span, string, *gParamValue)   { return g.span, g.Name, g.Value }
func (g *gConsumeParam) parts() (span, string, *gParamValue) { return g.span, g.Name, g.Value }

// opParams converts operator parameters (kind=inner, hint.strategy=shuffle).
func opParams[T paramLike](c *converter, gs []T) []*ast.OpParam {
	if len(gs) == 0 {
		return nil
	}
	out := make([]*ast.OpParam, 0, len(gs))
	for _, g := range gs {
		sp, name, v := g.parts()
		out = append(out, &ast.OpParam{Span: c.span(sp), Name: name, Value: c.paramValue(v)})
	}
	return out
}

// paramValue converts a parameter value: a name or a literal.
func (c *converter) paramValue(g *gParamValue) ast.Expr {
	t := g.Token
	sp := c.span(g.span)
	var v data.Value
	switch t.Type {
	case tokIdent, tokKeyword, tokDeclKeyword:
		if g.Sign != "" {
			c.errorf(g.Pos(), "unexpected '"+g.Sign+"'")
		}
		return &ast.Ident{Span: sp, Name: t.Value}
	case tokString:
		v = data.StringValue(c.stringValue(t.Value, t.Pos))
	case tokNumber:
		v = c.number(t)
	case tokTimeSpan:
		v = c.timeSpan(t)
	default:
		v = data.BoolValue(len(t.Value) == 4)
	}
	if g.Sign == "-" {
		neg, ok := negate(v)
		if !ok {
			c.errorf(g.Pos(), "'-' cannot come before '"+t.Value+"'")
		}
		v = neg
	}
	return &ast.Literal{Span: sp, Value: v, Text: c.text(g.span)}
}

// props converts `name = value` properties (with (…) of parse-kv, reduce,
// externaldata).
func (c *converter) props(gs []*gProp) []*ast.OpParam {
	if len(gs) == 0 {
		return nil
	}
	out := make([]*ast.OpParam, 0, len(gs))
	for _, g := range gs {
		out = append(out, &ast.OpParam{Span: c.span(g.span), Name: g.Name, Value: c.expr(g.Value)})
	}
	return out
}
