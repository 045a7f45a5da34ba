package eval

import (
	"cmp"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// compareKernel returns the kernel of a comparison in domain t, or nil when
// t has no such comparison.
func compareKernel(op string, t data.Type) functions.Kernel {
	switch t {
	case data.Long, data.DateTime, data.TimeSpan, data.Int:
		return orderedCmp[int64](op)
	case data.Real:
		return orderedCmp[float64](op)
	case data.String:
		return orderedCmp[string](op)
	case data.Bool:
		return boolCmp(op)
	case data.GUID:
		if op == "==" || op == "!=" {
			return eqCmp(op, func(a, b data.GUIDValue) bool { return a == b })
		}
	case data.Decimal:
		return decimalCmp(op)
	case data.Dynamic:
		if op == "==" || op == "!=" {
			return eqCmp(op, func(a, b data.Dyn) bool {
				return a.Equal(b)
			})
		}
	}
	return nil
}

// cmpResult maps a three-way comparison result to the operator's verdict.
func cmpResult(op string, c int) bool {
	switch op {
	case "==":
		return c == 0
	case "!=":
		return c != 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	}
	return c >= 0
}

func orderedCmp[T int64 | float64 | string](op string) functions.Kernel {
	return func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		a, b := data.NewReader[T](args[0]), data.NewReader[T](args[1])
		if a.IsConst() && b.IsConst() {
			n = 1
		}
		w := data.NewWriter[bool](data.Bool, n)
		if a.Nulls == nil && b.Nulls == nil && b.IsConst() {
			y := b.Vals[0]
			cmpScalar(op, a.Vals[:n], y, w.Vals)
		} else {
			for i := 0; i < n; i++ {
				x, okx := a.Get(i)
				y, oky := b.Get(i)
				if !okx || !oky {
					w.SetNull(i)
					continue
				}
				w.Vals[i] = ordered(op, x, y)
			}
		}
		return finish(w.Column(), a.IsConst() && b.IsConst(), args), nil
	}
}

// finish turns a one-row result of constant arguments into a constant
// column as long as the arguments.
func finish(c data.Column, constant bool, args []data.Column) data.Column {
	if constant && args[0].Len() != 1 {
		return data.NewConst(c.Value(0), args[0].Len())
	}
	return c
}

func ordered[T int64 | float64 | string](op string, x, y T) bool {
	switch op {
	case "==":
		return x == y
	case "!=":
		return x != y
	case "<":
		return x < y
	case "<=":
		return x <= y
	case ">":
		return x > y
	}
	return x >= y
}

// cmpScalar compares every element of xs with y; a tight loop per operator.
func cmpScalar[T int64 | float64 | string](op string, xs []T, y T, out []bool) {
	switch op {
	case "==":
		for i, x := range xs {
			out[i] = x == y
		}
	case "!=":
		for i, x := range xs {
			out[i] = x != y
		}
	case "<":
		for i, x := range xs {
			out[i] = x < y
		}
	case "<=":
		for i, x := range xs {
			out[i] = x <= y
		}
	case ">":
		for i, x := range xs {
			out[i] = x > y
		}
	default:
		for i, x := range xs {
			out[i] = x >= y
		}
	}
}

func boolCmp(op string) functions.Kernel {
	return func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		a, b := data.NewReader[bool](args[0]), data.NewReader[bool](args[1])
		if a.IsConst() && b.IsConst() {
			n = 1
		}
		w := data.NewWriter[bool](data.Bool, n)
		for i := 0; i < n; i++ {
			x, okx := a.Get(i)
			y, oky := b.Get(i)
			if !okx || !oky {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = cmpResult(op, cmp.Compare(b2i(x), b2i(y)))
		}
		return finish(w.Column(), a.IsConst() && b.IsConst(), args), nil
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func eqCmp[T data.Elem](op string, eq func(a, b T) bool) functions.Kernel {
	return func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		a, b := data.NewReader[T](args[0]), data.NewReader[T](args[1])
		if a.IsConst() && b.IsConst() {
			n = 1
		}
		w := data.NewWriter[bool](data.Bool, n)
		for i := 0; i < n; i++ {
			x, okx := a.Get(i)
			y, oky := b.Get(i)
			if !okx || !oky {
				w.SetNull(i)
				continue
			}
			if dx, ok := any(x).(data.Dyn); ok && (dx.IsNull() || any(y).(data.Dyn).IsNull()) {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = eq(x, y) == (op == "==")
		}
		return finish(w.Column(), a.IsConst() && b.IsConst(), args), nil
	}
}

func decimalCmp(op string) functions.Kernel {
	return func(ctx *functions.Ctx, n int, args []data.Column) (data.Column, error) {
		a, b := data.NewReader[data.DecimalValue](args[0]), data.NewReader[data.DecimalValue](args[1])
		if a.IsConst() && b.IsConst() {
			n = 1
		}
		w := data.NewWriter[bool](data.Bool, n)
		for i := 0; i < n; i++ {
			x, okx := a.Get(i)
			y, oky := b.Get(i)
			if !okx || !oky {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = cmpResult(op, x.Cmp(y))
		}
		return finish(w.Column(), a.IsConst() && b.IsConst(), args), nil
	}
}
