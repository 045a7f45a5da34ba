package parser

import (
	"github.com/kqlkit/kqlkit/ast"
)

// Kusto's binary operator levels, loosest first. Levels eq, rel and str do
// not chain: `a == b == c` and `a < b < c` are errors, as in Kusto.
const (
	levelOr = 1 + iota
	levelAnd
	levelEq  // == != <> in !in in~ !in~ has_any has_all between !between
	levelRel // < <= > >=
	levelStr // =~ !~ has contains startswith matches regex like … and search's ':'
	levelAdd // + -
	levelMul // * / %
)

var opLevels = map[string]int{
	"or": levelOr, "and": levelAnd,
	"==": levelEq, "!=": levelEq, "<>": levelEq,
	"in": levelEq, "!in": levelEq, "in~": levelEq, "!in~": levelEq,
	"has_any": levelEq, "has_all": levelEq, "between": levelEq, "!between": levelEq,
	"<": levelRel, "<=": levelRel, ">": levelRel, ">=": levelRel,
	"+": levelAdd, "-": levelAdd,
	"*": levelMul, "/": levelMul, "%": levelMul,
}

// opLevel returns the level of a binary operator; every other BinOp token
// is a string operator.
func opLevel(op string) int {
	if l, ok := opLevels[op]; ok {
		return l
	}
	return levelStr
}

// armLevel returns the level of an arm's operator.
func armLevel(a *gArm) int {
	if a.Op == "" {
		return levelEq
	}
	return opLevel(a.Op)
}

// armOp returns an arm's operator as written.
func armOp(a *gArm) string {
	return a.Op + a.ListOp + a.RangeOp
}

func chains(level int) bool {
	return level != levelEq && level != levelRel && level != levelStr
}

// listOps take a parenthesized list.
var listOps = set(`in !in in~ !in~ has_any has_all`)

// expr converts a flat list of operands and operators into a tree by
// precedence climbing.
func (c *converter) expr(g *gExpr) ast.Expr {
	if len(g.Arms) == 0 {
		return c.operand(g.Left)
	}
	cl := climber{c: c, g: g}
	return cl.climb(levelOr)
}

type climber struct {
	c    *converter
	g    *gExpr
	next int // index of the next arm to use
}

// climb converts the operand before arm next and the arms after it whose
// operators bind at least as tightly as min.
func (cl *climber) climb(min int) ast.Expr {
	var x ast.Expr
	if cl.next == 0 {
		x = cl.c.operand(cl.g.Left)
	} else {
		x = cl.c.operand(cl.g.Arms[cl.next-1].Right)
	}
	for cl.next < len(cl.g.Arms) {
		arm := cl.g.Arms[cl.next]
		level := armLevel(arm)
		if level < min {
			break
		}
		cl.next++
		x = cl.combine(x, arm, level)
		if cl.next < len(cl.g.Arms) {
			after := cl.g.Arms[cl.next]
			if l := armLevel(after); l > level || l == level && !chains(level) {
				msg := quote(armOp(after)) + " cannot follow " + quote(armOp(arm)) + " without parentheses"
				cl.c.errorf(after.Pos(), msg)
			}
		}
	}
	return x
}

// combine applies the operator of arm to x and the arm's operand.
func (cl *climber) combine(x ast.Expr, arm *gArm, level int) ast.Expr {
	c := cl.c
	end := c.span(arm.span).Stop
	switch {
	case arm.ListOp != "":
		in := &ast.InExpr{
			Span: ast.Span{Start: x.Pos(), Stop: end}, X: x, Op: arm.ListOp,
			OpPos: astPos(arm.Pos()),
		}
		for _, item := range arm.List {
			in.List = append(in.List, c.pipe(item))
		}
		return in
	case arm.RangeOp != "":
		return &ast.BetweenExpr{
			Span: ast.Span{Start: x.Pos(), Stop: end}, X: x, Not: arm.RangeOp == "!between",
			Lo: c.expr(arm.Range.Lo), Hi: c.expr(arm.Range.Hi),
		}
	case arm.Op == ":" && !c.inSearch:
		c.errorf(arm.Pos(), "unexpected ':' (Column:\"term\" is only allowed in search)")
	}
	y := cl.climb(level + 1)
	return &ast.BinaryExpr{
		Span: ast.Span{Start: x.Pos(), Stop: y.End()}, X: x, Op: arm.Op,
		OpPos: astPos(arm.Pos()), Y: y,
	}
}
