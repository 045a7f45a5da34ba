package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// Element-wise series functions: arithmetic, comparisons and math over
// dynamic arrays. A scalar argument stands for that value at every
// position; an element that is missing (arrays of different lengths), null
// or not a number gives null.

func init() {
	arith := []struct {
		name, op, doc string
		f             func(a, b float64) float64
		integral      bool // integers in, integer out
		example       string
	}{
		{"series_add", "+", "addition", func(a, b float64) float64 { return a + b }, true, "[5,4,5]"},
		{"series_subtract", "-", "subtraction", func(a, b float64) float64 { return a - b }, true, "[-3,0,3]"},
		{"series_multiply", "*", "multiplication", func(a, b float64) float64 { return a * b }, true, "[4,4,4]"},
		{"series_divide", "/", "division (always real; x/0 follows real division)",
			func(a, b float64) float64 { return a / b }, false, "[0.25,1.0,4.0]"},
		{"series_pow", "^", "power (real)", math.Pow, false, "[1.0,4.0,4.0]"},
	}
	for _, a := range arith {
		a := a
		register(&Scalar{Name: a.name, Sig: a.name + "(series1: dynamic, series2: dynamic): dynamic",
			Doc:      "Returns the element-wise " + a.doc + " of two numeric series (or a series and a number).",
			Examples: []Example{{"print " + a.name + "(dynamic([1,2,4]), dynamic([4,2,1]))", a.example}},
			Bind: seriesPairBind(a.name, dynRows(func(row []data.Dyn) data.Dyn {
				return seriesZip(row[0], row[1], func(x, y data.Dyn) data.Dyn {
					return arithElem(x, y, a.f, a.integral)
				})
			}))})
	}
	cmps := []struct {
		name string
		f    func(a, b float64) bool
		ex   string
	}{
		{"series_equals", func(a, b float64) bool { return a == b }, "[false,true,false]"},
		{"series_not_equals", func(a, b float64) bool { return a != b }, "[true,false,true]"},
		{"series_greater", func(a, b float64) bool { return a > b }, "[false,false,true]"},
		{"series_greater_equals", func(a, b float64) bool { return a >= b }, "[false,true,true]"},
		{"series_less", func(a, b float64) bool { return a < b }, "[true,false,false]"},
		{"series_less_equals", func(a, b float64) bool { return a <= b }, "[true,true,false]"},
	}
	for _, c := range cmps {
		c := c
		register(&Scalar{Name: c.name, Sig: c.name + "(series1: dynamic, series2: dynamic): dynamic",
			Doc:      "Compares two numeric series (or a series and a number) element by element and returns an array of bools.",
			Examples: []Example{{"print " + c.name + "(dynamic([1,2,4]), dynamic([4,2,1]))", c.ex}},
			Bind: seriesPairBind(c.name, dynRows(func(row []data.Dyn) data.Dyn {
				return seriesZip(row[0], row[1], func(x, y data.Dyn) data.Dyn {
					a, ok1 := dynNumber(x)
					b, ok2 := dynNumber(y)
					if !ok1 || !ok2 {
						return data.Dyn{}
					}
					return data.DynBoolOf(c.f(a, b))
				})
			}))})
	}
	registerSeriesUnary()
}

// seriesPairBind binds a two-argument element-wise function: at least one
// argument is a dynamic series, the other may be a number.
func seriesPairBind(name string, k Kernel) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := dynArity(name, args, 2, 2); err != nil {
			return data.Unknown, nil, err
		}
		if err := numericArgs(name, args, 0, 1); err != nil {
			return data.Unknown, nil, err
		}
		return data.Dynamic, k, nil
	}
}

// seriesZip applies f to the elements of two series at each position; a
// scalar stands for itself everywhere. The result is as long as the longer
// array; a value that is neither gives null.
func seriesZip(a, b data.Dyn, f func(x, y data.Dyn) data.Dyn) data.Dyn {
	aArr, bArr := a.Kind() == data.DynArray, b.Kind() == data.DynArray
	if !aArr && !bArr {
		return data.Dyn{}
	}
	n := max(arrLen(a), arrLen(b))
	out := make([]data.Dyn, n)
	for i := range out {
		out[i] = f(elemAt(a, i), elemAt(b, i))
	}
	return data.DynArrayOf(out)
}

func arrLen(d data.Dyn) int {
	if d.Kind() == data.DynArray {
		return d.Len()
	}
	return 0
}

// elemAt returns element i of an array (null past its end) or the scalar
// itself.
func elemAt(d data.Dyn, i int) data.Dyn {
	if d.Kind() != data.DynArray {
		return d
	}
	if i >= d.Len() {
		return data.Dyn{}
	}
	return d.Index(i)
}

// arithElem computes one element of an arithmetic series function.
func arithElem(x, y data.Dyn, f func(a, b float64) float64, integral bool) data.Dyn {
	if integral && isIntegral(x) && isIntegral(y) {
		r := f(float64(x.Long()), float64(y.Long()))
		if r == math.Trunc(r) && math.Abs(r) < 1<<62 {
			return data.DynLongOf(int64(r))
		}
	}
	a, ok1 := dynNumber(x)
	b, ok2 := dynNumber(y)
	if !ok1 || !ok2 {
		return data.Dyn{}
	}
	return data.DynRealOf(f(a, b))
}

// registerSeriesUnary registers the element-wise math functions of one
// series.
func registerSeriesUnary() {
	unary := []struct {
		name string
		f    func(float64) float64
		keep bool // an integer element stays an integer
		in   string
		ex   string
	}{
		{"series_abs", math.Abs, true, "[-6.5,0,8.2]", "[6.5,0,8.2]"},
		{"series_sign", signOf, true, "[-6,0,8]", "[-1,0,1]"},
		{"series_ceiling", math.Ceil, false, "[-1.5,1,2.5]", "[-1.0,1.0,3.0]"},
		{"series_floor", math.Floor, false, "[-1.5,1,2.5]", "[-2.0,1.0,2.0]"},
		{"series_exp", math.Exp, false, "[0]", "[1.0]"},
		{"series_log", math.Log, false, "[1]", "[0.0]"},
		{"series_cos", math.Cos, false, "[0]", "[1.0]"},
		{"series_sin", math.Sin, false, "[0]", "[0.0]"},
		{"series_tan", math.Tan, false, "[0]", "[0.0]"},
		{"series_acos", math.Acos, false, "[1]", "[0.0]"},
		{"series_asin", math.Asin, false, "[0]", "[0.0]"},
		{"series_atan", math.Atan, false, "[0]", "[0.0]"},
	}
	for _, u := range unary {
		u := u
		register(&Scalar{Name: u.name, Sig: u.name + "(series: dynamic): dynamic",
			Doc:      "Applies " + u.name[len("series_"):] + " to every element of a numeric series; other elements give null.",
			Examples: []Example{{"print " + u.name + "(dynamic(" + u.in + "))", u.ex}},
			Bind: seriesBinder(u.name, 1, 1, []int{0}, data.Dynamic, Map1(data.Dynamic, func(d data.Dyn) (data.Dyn, bool) {
				if d.Kind() != data.DynArray {
					return data.Dyn{}, false
				}
				items := d.Items()
				out := make([]data.Dyn, len(items))
				for i, it := range items {
					if u.keep && isIntegral(it) {
						out[i] = data.DynLongOf(int64(u.f(float64(it.Long()))))
						continue
					}
					if v, ok := dynNumber(it); ok {
						out[i] = data.DynRealOf(u.f(v))
					}
				}
				return data.DynArrayOf(out), true
			}))})
	}
}

func signOf(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}
