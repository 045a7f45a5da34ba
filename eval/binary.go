package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// legacyOps are old spellings of string operators.
var legacyOps = map[string]string{
	"containscs": "contains_cs", "notcontains": "!contains", "notcontainscs": "!contains_cs",
	"nothas": "!has", "nothascs": "!has_cs", "notstartswith": "!startswith",
	"notendswith": "!endswith",
}

// stringOps are the binary operators on strings, keyed by spelling.
var stringOps = map[string]bool{
	"has": true, "!has": true, "has_cs": true, "!has_cs": true,
	"hasprefix": true, "!hasprefix": true, "hasprefix_cs": true, "!hasprefix_cs": true,
	"hassuffix": true, "!hassuffix": true, "hassuffix_cs": true, "!hassuffix_cs": true,
	"contains": true, "!contains": true, "contains_cs": true, "!contains_cs": true,
	"startswith": true, "!startswith": true, "startswith_cs": true, "!startswith_cs": true,
	"endswith": true, "!endswith": true, "endswith_cs": true, "!endswith_cs": true,
	"=~": true, "!~": true, "matches regex": true,
}

func (c *compiler) binary(sc *scope, row *rowCtx, e *ast.BinaryExpr) *cexpr {
	op := strings.ToLower(e.Op)
	if alias, ok := legacyOps[op]; ok {
		op = alias
	}
	l := c.scalar(sc, row, e.X)
	r := c.scalar(sc, row, e.Y)
	if l.typ == data.Unknown || r.typ == data.Unknown {
		return badExpr(e)
	}
	switch {
	case op == "and" || op == "or":
		return c.logical(op, l, r, e)
	case op == "==" || op == "!=" || op == "<>" || op == "<" || op == "<=" || op == ">" || op == ">=":
		if op == "<>" {
			op = "!="
		}
		return c.compare(op, l, r, e)
	case stringOps[op]:
		return c.stringOp(op, l, r, e)
	case op == "+" || op == "-" || op == "*" || op == "/" || op == "%":
		return c.arith(op, l, r, e)
	}
	c.errorAt(e.OpPos, e.End(), "operator '"+e.Op+"' not supported")
	return badExpr(e)
}

// convert wraps an expression in a conversion to type t.
func (c *compiler) convert(x *cexpr, t data.Type) *cexpr {
	if x.typ == t {
		return x
	}
	k := func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		return functions.Convert(args[0], t), nil
	}
	out := c.kernelExpr(x.node, t, k, []*cexpr{x}, true)
	out.name = x.name
	return out
}

func (c *compiler) logical(op string, l, r *cexpr, e *ast.BinaryExpr) *cexpr {
	l, r = c.asBool(l, e.X), c.asBool(r, e.Y)
	and := op == "and"
	k := func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		return logic3(and, args[0], args[1], n), nil
	}
	return c.kernelExpr(e, data.Bool, k, []*cexpr{l, r}, true)
}

func (c *compiler) asBool(x *cexpr, n ast.Expr) *cexpr {
	switch x.typ {
	case data.Bool:
		return x
	case data.Dynamic:
		return c.convert(x, data.Bool)
	}
	c.errorf(n, "expected a bool expression, found %s", x.typ)
	return x
}

// logic3 is Kusto's three-valued and/or: false and null is false, true or
// null is true, otherwise null taints the result.
func logic3(and bool, a, b data.Column, n int) data.Column {
	x, y := data.NewReader[bool](a), data.NewReader[bool](b)
	w := data.NewWriter[bool](data.Bool, n)
	for i := 0; i < n; i++ {
		av, aok := x.Get(i)
		bv, bok := y.Get(i)
		switch {
		case aok && bok:
			if and {
				w.Vals[i] = av && bv
			} else {
				w.Vals[i] = av || bv
			}
		case and && ((aok && !av) || (bok && !bv)):
			w.Vals[i] = false
		case !and && ((aok && av) || (bok && bv)):
			w.Vals[i] = true
		default:
			w.SetNull(i)
		}
	}
	return w.Column()
}

// numericDomain returns the type two numeric operands are combined in.
func numericDomain(a, b data.Type) data.Type {
	switch {
	case a == data.Decimal || b == data.Decimal:
		return data.Decimal
	case a == data.Real || b == data.Real:
		return data.Real
	case a == data.Long || b == data.Long:
		return data.Long
	}
	return data.Int
}

// compareDomain decides which type two operands are compared in, converting
// dynamic operands to the other side's type. ok is false when the types
// cannot be compared.
func compareDomain(a, b data.Type) (data.Type, bool) {
	switch {
	case a == b:
		return a, true
	case a.IsNumeric() && b.IsNumeric():
		return numericDomain(a, b), true
	case a == data.Dynamic:
		return b, true
	case b == data.Dynamic:
		return a, true
	}
	return data.Unknown, false
}

func (c *compiler) compare(op string, l, r *cexpr, e *ast.BinaryExpr) *cexpr {
	dom, ok := compareDomain(l.typ, r.typ)
	if !ok && (op == "==" || op == "!=") {
		// Kusto accepts equality between a string and another scalar type:
		// the string is read as a value of the other type.
		switch {
		case l.typ == data.String:
			dom, ok = r.typ, true
		case r.typ == data.String:
			dom, ok = l.typ, true
		}
		if ok {
			c.warnAt(e.OpPos, e.End(), "cannot compare "+l.typ.String()+" and "+r.typ.String()+" with '"+e.Op+"'")
		}
	}
	if !ok {
		c.errorAt(e.OpPos, e.End(), "cannot compare "+l.typ.String()+" and "+r.typ.String()+" with '"+e.Op+"'")
		return badExpr(e)
	}
	if dom == data.Dynamic && op != "==" && op != "!=" {
		l, r = c.convert(l, data.Real), c.convert(r, data.Real)
		dom = data.Real
	}
	if dom == data.Int {
		dom = data.Long
	}
	l, r = c.coerce(l, dom), c.coerce(r, dom)
	k := compareKernel(op, dom)
	if k == nil {
		c.errorAt(e.OpPos, e.End(), "operator '"+e.Op+"' cannot compare values of type "+dom.String())
		return badExpr(e)
	}
	out := c.kernelExpr(e, data.Bool, k, []*cexpr{l, r}, true)
	out.cmpOp, out.cmpL, out.cmpR = op, l, r
	return out
}

// coerce converts x to the comparison or arithmetic domain t.
func (c *compiler) coerce(x *cexpr, t data.Type) *cexpr {
	switch {
	case x.typ == t:
		return x
	case x.typ == data.Int && t == data.Long:
		return c.convert(x, data.Long)
	case (x.typ == data.Int || x.typ == data.Long) && t == data.Real:
		return c.convert(x, data.Real)
	}
	return c.convert(x, t)
}

func (c *compiler) stringOp(op string, l, r *cexpr, e *ast.BinaryExpr) *cexpr {
	if l.typ != data.String {
		l = c.convert(l, data.String)
	}
	if r.typ != data.String {
		if op == "matches regex" {
			c.errorf(e.Y, "operator '%s' expects a string on its right, found %s", e.Op, r.typ)
			return badExpr(e)
		}
		r = c.convert(r, data.String)
	}
	if op == "matches regex" {
		return c.matchesRegex(l, r, e)
	}
	return c.kernelExpr(e, data.Bool, stringKernel(op), []*cexpr{l, r}, true)
}
