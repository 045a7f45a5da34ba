package eval

import (
	"math"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// arithType returns the result type of l op r and the type both operands
// are converted to (operands of datetime/timespan arithmetic keep their
// types: the second result is Unknown then). ok is false when Kusto has no
// such operation.
func arithType(op string, l, r data.Type) (res, operand data.Type, ok bool) {
	dt, ts := data.DateTime, data.TimeSpan
	switch {
	case l.IsNumeric() && r.IsNumeric():
		d := numericDomain(l, r)
		return d, d, true
	case l == dt && r == dt && op == "-":
		return ts, data.Unknown, true
	case l == dt && r == ts && (op == "+" || op == "-"):
		return dt, data.Unknown, true
	case l == ts && r == dt && op == "+":
		return dt, data.Unknown, true
	case l == ts && r == ts:
		switch op {
		case "+", "-", "%":
			return ts, data.Unknown, true
		case "/":
			return data.Real, data.Unknown, true
		}
	case l == ts && r.IsNumeric() && (op == "*" || op == "/"):
		return ts, data.Unknown, true
	case l.IsNumeric() && r == ts && op == "*":
		return ts, data.Unknown, true
	}
	return data.Unknown, data.Unknown, false
}

func (c *compiler) arith(op string, l, r *cexpr, e ast.Expr) *cexpr {
	if l.typ == data.Dynamic || r.typ == data.Dynamic {
		return c.dynArith(op, l, r, e)
	}
	res, operand, ok := arithType(op, l.typ, r.typ)
	if !ok {
		c.errorf(e, "operator '%s' cannot be applied to %s and %s", op, l.typ, r.typ)
		return badExpr(e)
	}
	if operand != data.Unknown {
		dom := operand
		if dom == data.Int {
			dom = data.Long
		}
		l, r = c.coerce(l, dom), c.coerce(r, dom)
		k := numArith(op, dom)
		out := c.kernelExpr(e, res, retyped(k, res), []*cexpr{l, r}, true)
		return out
	}
	return c.kernelExpr(e, res, timeArith(op, l.typ, r.typ, res), []*cexpr{l, r}, true)
}

// retyped relabels an int64 result (int arithmetic is done in 64 bits).
func retyped(k functions.Kernel, t data.Type) functions.Kernel {
	if t != data.Int {
		return k
	}
	return func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		col, err := k(ctx, n, args)
		if err != nil {
			return nil, err
		}
		if kc, ok := col.(*data.ConstCol); ok {
			if kc.V.IsNull() {
				return data.NullColumn(data.Int, kc.N), nil
			}
			return data.NewConst(data.IntValue(int32(kc.V.Int64())), kc.N), nil
		}
		v := data.Int64s(col)
		for i, x := range v.Vals {
			v.Vals[i] = int64(int32(x))
		}
		return data.NewVec(data.Int, v.Vals, v.Nulls), nil
	}
}

// numArith is arithmetic on two numbers of the same domain.
func numArith(op string, dom data.Type) functions.Kernel {
	switch dom {
	case data.Long:
		return arith2[int64](data.Long, longOp(op))
	case data.Real:
		return arith2[float64](data.Real, realOp(op))
	case data.Decimal:
		return arith2[data.DecimalValue](data.Decimal, decimalOp(op))
	}
	panic("eval: no arithmetic for " + dom.String())
}

func longOp(op string) func(a, b int64) (int64, bool) {
	switch op {
	case "+":
		return func(a, b int64) (int64, bool) { return a + b, true }
	case "-":
		return func(a, b int64) (int64, bool) { return a - b, true }
	case "*":
		return func(a, b int64) (int64, bool) { return a * b, true }
	case "/":
		return func(a, b int64) (int64, bool) {
			if b == 0 || (a == math.MinInt64 && b == -1) {
				return 0, false
			}
			return a / b, true
		}
	}
	return func(a, b int64) (int64, bool) {
		if b == 0 || b == -1 {
			return 0, b == -1
		}
		return a % b, true
	}
}

func realOp(op string) func(a, b float64) (float64, bool) {
	switch op {
	case "+":
		return func(a, b float64) (float64, bool) { return a + b, true }
	case "-":
		return func(a, b float64) (float64, bool) { return a - b, true }
	case "*":
		return func(a, b float64) (float64, bool) { return a * b, true }
	case "/":
		return func(a, b float64) (float64, bool) { return a / b, true }
	}
	return func(a, b float64) (float64, bool) { return math.Mod(a, b), true }
}

func decimalOp(op string) func(a, b data.DecimalValue) (data.DecimalValue, bool) {
	switch op {
	case "+":
		return func(a, b data.DecimalValue) (data.DecimalValue, bool) { return a.Add(b), true }
	case "-":
		return func(a, b data.DecimalValue) (data.DecimalValue, bool) { return a.Sub(b), true }
	case "*":
		return func(a, b data.DecimalValue) (data.DecimalValue, bool) { return a.Mul(b), true }
	}
	return func(a, b data.DecimalValue) (data.DecimalValue, bool) {
		if op == "%" {
			fa, fb := a.Float64(), b.Float64()
			d, ok := data.DecimalFromFloat(math.Mod(fa, fb))
			return d, ok && fb != 0
		}
		return a.Quo(b)
	}
}

// arith2 applies a binary function of two T values with null propagation.
func arith2[T data.Elem](t data.Type, f func(a, b T) (T, bool)) functions.Kernel {
	return functions.Map2[T, T, T](t, f)
}

// timeArith is arithmetic involving datetime or timespan operands.
func timeArith(op string, lt, rt, res data.Type) functions.Kernel {
	if lt == data.TimeSpan && rt == data.TimeSpan && op == "/" {
		return func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
			return arith2[float64](data.Real, realOp("/"))(ctx, n,
				[]data.Column{functions.Widen(retypeLong(args[0]), data.Real), functions.Widen(retypeLong(args[1]), data.Real)})
		}
	}
	if rt.IsNumeric() || lt.IsNumeric() {
		// timespan * number, number * timespan, timespan / number
		return func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
			a, b := args[0], args[1]
			if lt.IsNumeric() {
				a, b = b, a
			}
			num := functions.Convert(b, data.Real)
			ts := functions.Widen(retypeLong(a), data.Real)
			col, err := arith2[float64](data.Real, realOp(op))(ctx, n, []data.Column{ts, num})
			if err != nil {
				return nil, err
			}
			return realToTicks(col, res), nil
		}
	}
	f := longOp(op)
	return func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		return arith2[int64](res, f)(ctx, n, args)
	}
}

func retypeLong(c data.Column) data.Column {
	if k, ok := c.(*data.ConstCol); ok {
		if k.V.IsNull() {
			return data.NullColumn(data.Long, k.N)
		}
		return data.NewConst(data.LongValue(k.V.Int64()), k.N)
	}
	v := data.Int64s(c)
	return data.NewVec(data.Long, v.Vals, v.Nulls)
}

// realToTicks rounds a real column of ticks to a timespan column.
func realToTicks(c data.Column, t data.Type) data.Column {
	if k, ok := c.(*data.ConstCol); ok {
		if k.V.IsNull() || math.IsNaN(k.V.Float64()) {
			return data.NullColumn(t, k.N)
		}
		return data.NewConst(data.TimeSpanValue(int64(math.Round(k.V.Float64()))), k.N)
	}
	v := data.Float64s(c)
	out := make([]int64, len(v.Vals))
	nulls := v.Nulls
	for i, f := range v.Vals {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			if nulls == nil {
				nulls = data.NewBitmap(len(out))
			}
			nulls.Set(i)
			continue
		}
		out[i] = int64(math.Round(f))
	}
	return data.NewVec(t, out, nulls)
}

// dynArith does arithmetic with a dynamic operand: both sides are taken as
// numbers (or datetime/timespan when the other side is one) and the result
// is dynamic, integral when both numbers are.
func (c *compiler) dynArith(op string, l, r *cexpr, e ast.Expr) *cexpr {
	other := l.typ
	if other == data.Dynamic {
		other = r.typ
	}
	if other == data.DateTime || other == data.TimeSpan {
		conv := func(x *cexpr) *cexpr {
			if x.typ == data.Dynamic {
				return c.convert(x, other)
			}
			return x
		}
		return c.arith(op, conv(l), conv(r), e)
	}
	k := functions.MapValues(data.Dynamic, func(args []data.Value) data.Value {
		a, b := functions.ConvertValue(args[0], data.Dynamic).Dyn(), functions.ConvertValue(args[1], data.Dynamic).Dyn()
		return data.DynamicValue(dynNumOp(op, a, b))
	})
	return c.kernelExpr(e, data.Dynamic, k, []*cexpr{l, r}, true)
}

func dynNumOp(op string, a, b data.Dyn) data.Dyn {
	isInt := func(d data.Dyn) bool { return d.Kind() == data.DynLong || d.Kind() == data.DynInt }
	num := func(d data.Dyn) (float64, bool) {
		switch d.Kind() {
		case data.DynLong, data.DynInt:
			return float64(d.Long()), true
		case data.DynReal:
			return d.Real(), true
		}
		v := functions.ConvertValue(data.DynamicValue(d), data.Real)
		return v.Float64(), !v.IsNull()
	}
	if isInt(a) && isInt(b) {
		r, ok := longOp(op)(a.Long(), b.Long())
		if !ok {
			return data.Dyn{}
		}
		return data.DynLongOf(r)
	}
	x, okx := num(a)
	y, oky := num(b)
	if !okx || !oky {
		return data.Dyn{}
	}
	r, _ := realOp(op)(x, y)
	return data.DynRealOf(r)
}
