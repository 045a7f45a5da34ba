package ast

import (
	"math"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// Precedence levels, loosest first, as the parser reads them. An expression
// printed where a level higher than its own is required gets parentheses.
// The comparison levels do not chain: `a == b == c` and `a < b < c` are not
// KQL, so both operands of a comparison need a higher level.
const (
	precLowest  = iota // inside brackets: anything goes
	precPipe           // a pipeline, an operator used as a source, a list "a, b"
	precAssign         // Name = Value
	precOr             // or
	precAnd            // and
	precEq             // == != <>, in and its kin, between
	precRel            // < <= > >=
	precStr            // =~ !~ has contains startswith matches regex … and search's ':'
	precAdd            // + -
	precMul            // * / %
	precUnary          // -x +x, and negative number literals
	precPostfix        // x.y x[i] f(x), names and other literals
)

// binaryPrec returns the precedence level of a binary operator.
func binaryPrec(op string) int {
	switch op {
	case ",":
		return precPipe
	case "or":
		return precOr
	case "and":
		return precAnd
	case "==", "!=", "<>":
		return precEq
	case "<", "<=", ">", ">=":
		return precRel
	case "+", "-":
		return precAdd
	case "*", "/", "%":
		return precMul
	}
	return precStr
}

// exprPrec returns the precedence level of an expression.
func exprPrec(e Expr) int {
	switch e := e.(type) {
	case *BinaryExpr:
		return binaryPrec(opText(e.Op))
	case *InExpr, *BetweenExpr:
		return precEq
	case *UnaryExpr:
		return precUnary
	case *AssignExpr:
		return precAssign
	case *PipeExpr, *OpExpr:
		return precPipe
	case *Literal:
		if startsWithMinus(e.Value) {
			return precUnary
		}
	}
	return precPostfix
}

// startsWithMinus reports whether the literal for v is written with a
// leading minus sign.
func startsWithMinus(v data.Value) bool {
	if v.IsNull() {
		return false
	}
	switch v.Type() {
	case data.Long, data.TimeSpan:
		return v.Int64() < 0
	case data.Real:
		f := v.Float64()
		return !math.IsNaN(f) && !math.IsInf(f, 0) && math.Signbit(f)
	}
	return false
}

// typedLiteralWords are the type names that, right before a parenthesis,
// start a typed literal such as datetime(2025-01-01).
var typedLiteralWords = map[string]bool{
	"bool": true, "boolean": true, "date": true, "datetime": true, "decimal": true,
	"double": true, "guid": true, "int": true, "int32": true, "int64": true, "long": true,
	"real": true, "time": true, "timespan": true, "uniqueid": true, "uuid": true,
}

// foldable reports whether e is a number or timespan literal, which a sign
// written right before it becomes part of.
func foldable(e Expr) bool {
	l, ok := e.(*Literal)
	if !ok || l == nil || l.Value.IsNull() || startsWithMinus(l.Value) {
		return false // a negative literal gets parentheses
	}
	switch l.Value.Type() {
	case data.Long, data.Int, data.Real, data.TimeSpan:
		return true
	}
	return false
}

// isNumber reports whether e is a long or real literal written as a bare
// number.
func isNumber(e Expr) bool {
	l, ok := e.(*Literal)
	if !ok || l == nil || l.Value.IsNull() {
		return false
	}
	t := l.Value.Type()
	return t == data.Long || t == data.Real && !math.IsNaN(l.Value.Float64()) && !math.IsInf(l.Value.Float64(), 0)
}

// obfuscated reports whether a string literal was written h"…", to be
// kept out of logs.
func obfuscated(l *Literal) bool {
	t := l.Text
	return l.Value.Type() == data.String && len(t) > 1 && (t[0] == 'h' || t[0] == 'H') &&
		strings.IndexByte(`"'@`, t[1]) >= 0
}

// opText returns the canonical spelling of an operator: lower case, words
// separated by one space.
func opText(op string) string {
	return strings.Join(strings.Fields(strings.ToLower(op)), " ")
}

// expr prints e, in parentheses when its precedence is below ctx.
func (p *printer) expr(e Expr, ctx int) {
	if isNil(e) {
		return
	}
	if exprPrec(e) < ctx {
		p.byte('(')
		p.bare(e)
		p.byte(')')
	} else {
		p.bare(e)
	}
	p.done(e)
}

// bare prints e without parentheses around it.
func (p *printer) bare(e Expr) {
	switch e := e.(type) {
	case *Ident:
		p.ident(e)
	case *Literal:
		if obfuscated(e) {
			p.byte('h')
		}
		p.out = appendValue(p.out, e.Value)
	case *BinaryExpr:
		p.binary(e)
	case *UnaryExpr:
		p.str(e.Op)
		if foldable(e.X) {
			p.byte(' ') // - 5 stays a sign and a number; -5 reads as one number
		}
		p.expr(e.X, precPostfix)
	case *InExpr:
		p.expr(e.X, precEq+1)
		p.byte(' ')
		p.str(opText(e.Op))
		p.str(" (")
		p.closing(e.End(), func() { p.exprs(e.List, precLowest) })
		p.byte(')')
	case *BetweenExpr:
		p.between(e)
	case *CallExpr:
		p.call(e)
	case *MemberExpr:
		p.expr(e.X, precPostfix)
		if isNumber(e.X) {
			p.byte(' ') // 1 .x, not the number 1.x
		}
		p.byte('.')
		p.ident(e.Name)
	case *IndexExpr:
		p.expr(e.X, precPostfix)
		p.byte('[')
		p.expr(e.Index, precLowest)
		p.byte(']')
	case *ParenExpr:
		p.byte('(')
		p.closing(e.End(), func() { p.expr(e.X, precLowest) })
		p.byte(')')
	case *StarExpr:
		p.byte('*')
	case *AssignExpr:
		p.assign(e, precAssign)
	case *PatternExpr:
		p.str(e.Pattern)
	case *PipeExpr:
		p.nested(e)
	case *OpExpr:
		p.op(e.Op)
	default:
		p.bareMore(e)
	}
}

func (p *printer) bareMore(e Expr) {
	switch e := e.(type) {
	case *DataTableExpr:
		p.datatable(e)
	case *ExternalDataExpr:
		p.externaldata(e)
	case *FuncExpr:
		if e.View {
			p.str("view ")
		}
		p.byte('(')
		p.params(e.Params)
		p.str(") ")
		if e.Body != nil {
			p.block(e.Body, e.End())
			p.done(e.Body)
		} else {
			p.str("{ }")
		}
	case *ColumnDecl:
		p.column(e)
	case *TypeOfExpr:
		p.str("typeof(")
		if t := e.Type; t != nil && t.Tabular {
			p.columnsOf(t)
		} else {
			p.typ(t)
		}
		p.byte(')')
	}
}

func (p *printer) binary(e *BinaryExpr) {
	op := opText(e.Op)
	prec := binaryPrec(op)
	left := prec
	if prec == precEq || prec == precRel || prec == precStr {
		left++ // comparisons do not chain
	}
	p.expr(e.X, left)
	switch op {
	case ",":
		p.str(", ")
	case ":":
		p.byte(':')
	default:
		p.byte(' ')
		p.str(op)
		p.byte(' ')
	}
	p.expr(e.Y, prec+1)
}

func (p *printer) between(e *BetweenExpr) {
	p.expr(e.X, precEq+1)
	if e.Not {
		p.str(" !between (")
	} else {
		p.str(" between (")
	}
	p.expr(e.Lo, precOr)
	p.str(" .. ")
	p.expr(e.Hi, precOr)
	p.byte(')')
}

func (p *printer) call(e *CallExpr) {
	if !isNil(e.Recv) {
		p.expr(e.Recv, precPostfix)
		if isNumber(e.Recv) {
			p.byte(' ')
		}
		p.byte('.')
	}
	if e.Func != nil {
		p.str(e.Func.Name) // a called name cannot be bracketed
		if typedLiteralWords[strings.ToLower(e.Func.Name)] {
			p.byte(' ') // guid (x) is a call, guid(x) a literal
		}
		p.done(e.Func)
	}
	p.byte('(')
	p.closing(e.End(), func() { commaList(p, e.Args, p.arg) })
	p.byte(')')
}

// arg prints a call argument; a named one may hold a pipeline unbracketed:
// f(name = T | take 1).
func (p *printer) arg(a Expr) {
	if named, ok := a.(*AssignExpr); ok && named != nil {
		p.assign(named, precLowest)
		p.done(named)
		return
	}
	p.expr(a, precLowest)
}

// assign prints Names = Value, the value in parentheses when its
// precedence is below ctx.
func (p *printer) assign(e *AssignExpr, ctx int) {
	if len(e.Names) == 1 {
		p.ident(e.Names[0])
	} else {
		p.byte('(')
		commaList(p, e.Names, p.ident)
		p.byte(')')
	}
	p.str(" = ")
	p.expr(e.Value, ctx)
}

// exprs prints a comma-separated list.
func (p *printer) exprs(list []Expr, ctx int) {
	commaList(p, list, func(e Expr) { p.expr(e, ctx) })
}

// tabular prints an operator's table argument (a join's right side, a
// union leg), in parentheses when it is a pipeline.
func (p *printer) tabular(e Expr) { p.expr(e, precAssign) }

func (p *printer) ident(id *Ident) {
	if id != nil {
		p.out = appendIdent(p.out, id)
	}
}

func (p *printer) datatable(e *DataTableExpr) {
	p.str("datatable")
	p.opParams(e.Params)
	p.byte('(')
	p.columns(e.Columns)
	p.str(")[")
	n := len(e.Columns)
	if p.flat || n == 0 || len(e.Values) <= n || p.col()+p.width(e) <= maxLine {
		p.flatly(func() { p.exprs(e.Values, precLowest) })
		p.byte(']')
		return
	}
	base := p.base
	for i := 0; i < len(e.Values); i += n {
		p.newline(base+2, posOf(e.Values[i]))
		p.flatly(func() { p.exprs(e.Values[i:min(i+n, len(e.Values))], precLowest) })
		if i+n < len(e.Values) {
			p.byte(',')
		}
	}
	p.newline(base, e.End())
	p.byte(']')
}

func (p *printer) externaldata(e *ExternalDataExpr) {
	p.str("externaldata(")
	p.columns(e.Columns)
	p.str(")[")
	p.exprs(e.URIs, precLowest)
	p.byte(']')
	if len(e.With) > 0 {
		p.str(" with (")
		p.opParamList(e.With)
		p.byte(')')
	}
}

// commaList prints xs separated by ", ", each with f.
func commaList[T any](p *printer, xs []T, f func(T)) {
	for i, x := range xs {
		if i > 0 {
			p.str(", ")
		}
		f(x)
	}
}

// params prints function or query parameters.
func (p *printer) params(list []*Param) { commaList(p, list, p.param) }

func (p *printer) param(prm *Param) {
	if prm == nil {
		return
	}
	p.ident(prm.Name)
	p.byte(':')
	p.typ(prm.Type)
	if !isNil(prm.Default) {
		p.str(" = ")
		p.expr(prm.Default, precAssign)
	}
}

// typ prints a type: a name, or a schema in parentheses.
func (p *printer) typ(t *TypeExpr) {
	if t == nil {
		return
	}
	if !t.Tabular {
		p.str(t.Name)
		return
	}
	p.byte('(')
	p.columnsOf(t)
	p.byte(')')
}

func (p *printer) columnsOf(t *TypeExpr) {
	p.columns(t.Columns)
	if t.Star {
		if len(t.Columns) > 0 {
			p.str(", ")
		}
		p.byte('*')
	}
}

func (p *printer) columns(list []*ColumnDecl) { commaList(p, list, p.column) }

func (p *printer) column(c *ColumnDecl) {
	if c == nil {
		return
	}
	p.ident(c.Name)
	p.byte(':')
	p.typ(c.Type)
}

// posOf returns n's position, or the zero Pos for a nil node.
func posOf(n Node) Pos {
	if isNil(n) {
		return Pos{}
	}
	return n.Pos()
}
