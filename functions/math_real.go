package functions

import (
	"math"
	"math/rand/v2"

	"github.com/kqlkit/kqlkit/data"
)

// Math functions of reals: every numeric argument (int, long, real,
// decimal) is converted to real and the result is real.

func init() {
	register(
		realFunc1("exp", "e raised to the power of x.", math.Exp, mathEx("print exp(2)", "7.38905609893065")),
		realFunc1("exp2", "2 raised to the power of x.", math.Exp2, mathEx("print exp2(3)", "8.0")),
		realFunc1("exp10", "10 raised to the power of x.", exp10,
			mathEx("print exp10(2)", "100.0")),
		realFunc1("log", "The natural logarithm of x; a negative x gives null.", mathNonNeg(math.Log),
			mathEx("print log(5)", "1.6094379124341003")),
		realFunc1("log2", "The base-2 logarithm of x; a negative x gives null.", mathNonNeg(math.Log2),
			mathEx("print log2(5)", "2.321928094887362")),
		realFunc1("log10", "The base-10 logarithm of x; a negative x gives null.", mathNonNeg(log10),
			mathEx("print log10(1000)", "3.0")),
		realFunc1("sqrt", "The square root of x; a negative x gives null.", mathNonNeg(math.Sqrt),
			mathEx("print sqrt(4)", "2.0")),
		realFunc1("sin", "The sine of x radians.", math.Sin, mathEx("print sin(1)", "0.8414709848078965")),
		realFunc1("cos", "The cosine of x radians.", math.Cos, mathEx("print cos(1)", "0.5403023058681398")),
		realFunc1("tan", "The tangent of x radians.", math.Tan, mathEx("print round(tan(1), 6)", "1.557408")),
		realFunc1("cot", "The cotangent of x radians.", func(x float64) float64 { return 1 / math.Tan(x) },
			mathEx("print round(cot(1), 6)", "0.642093")),
		realFunc1("asin", "The arc sine of x; x outside [-1, 1] gives null.", mathUnitRange(math.Asin),
			mathEx("print asin(0.5)", "0.5235987755982989")),
		realFunc1("acos", "The arc cosine of x; x outside [-1, 1] gives null.", mathUnitRange(math.Acos),
			mathEx("print acos(1)", "0.0")),
		realFunc1("atan", "The arc tangent of x.", math.Atan, mathEx("print atan(1)", "0.7853981633974483")),
		realFunc1("degrees", "Converts x radians to degrees.",
			func(x float64) float64 { return x * (180 / math.Pi) },
			mathEx("print degrees(pi()/4)", "45.0")),
		realFunc1("radians", "Converts x degrees to radians.",
			func(x float64) float64 { return x * (math.Pi / 180) },
			mathEx("print radians(180)", "3.141592653589793")),
		realFunc1("gamma", "The gamma function of x.", math.Gamma, mathEx("print gamma(5)", "24.0")),
		realFunc1("loggamma", "The natural logarithm of the absolute value of the gamma function of x.",
			func(x float64) float64 { v, _ := math.Lgamma(x); return v },
			mathEx("print loggamma(5)", "3.1780538303479458")),
		realFunc1("erf", "The error function of x.", math.Erf, mathEx("print erf(1)", "0.8427007929497149")),
		realFunc1("erfc", "The complementary error function of x.", math.Erfc,
			mathEx("print erfc(1)", "0.15729920705028513")),
		realFunc1("sign", "The sign of x: -1, 0 or 1 (as a real).", realSign,
			mathEx("print sign(-42)", "-1.0")),
		realFunc2("pow", "pow(base: real, exponent: real): real", "base raised to the power exponent.",
			math.Pow, mathEx("print pow(2, 3)", "8.0")),
		realFunc2("atan2", "atan2(y: real, x: real): real", "The angle, in radians, between the "+
			"positive x axis and the ray to the point (x, y).", math.Atan2,
			mathEx("print atan2(1, 1)", "0.7853981633974483")),
		&Scalar{Name: "pi", Sig: "pi(): real", Doc: "The constant π.",
			Examples:  []Example{{"print pi()", "3.141592653589793"}},
			Overloads: []Overload{{Result: data.Real, Kernel: mathConst(math.Pi)}}},
		realTest("isnan", "Reports whether x is NaN (not a number).", math.IsNaN,
			mathEx("print isnan(0.0/0.0)", "true")),
		realTest("isinf", "Reports whether x is infinite (positive or negative).",
			func(x float64) bool { return math.IsInf(x, 0) }, mathEx("print isinf(1.0/0.0)", "true")),
		realTest("isfinite", "Reports whether x is finite (neither infinite nor NaN).",
			func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) },
			mathEx("print isfinite(1.0/0.0)", "false")),
		&Scalar{Name: "rand", Sig: "rand([N: long]): real", Volatile: true, Naming: NameFirstArg,
			Doc: "A random real in [0, 1), or with N a random whole number from 0 to N-1 (as a " +
				"real); N null or not positive gives null. A new value for every row.",
			Examples: []Example{{"print rand() < 1", "true"}, {"print rand(10) < 10", "true"}},
			Bind:     bindRand},
	)
}

func mathEx(q, r string) Example { return Example{q, r} }

func mathNonNeg(f func(float64) float64) func(float64) (float64, bool) {
	return func(x float64) (float64, bool) { return f(x), !(x < 0) }
}

func mathUnitRange(f func(float64) float64) func(float64) (float64, bool) {
	return func(x float64) (float64, bool) { return f(x), !(x < -1 || x > 1) }
}

// log10 is math.Log10, exact for powers of ten (Go's gives
// 14.999999999999998 for 1e15, the C library 15).
func log10(x float64) float64 {
	r := math.Log10(x)
	k := math.Round(r)
	if r != k && math.Abs(r-k) < 1e-12 && k >= -323 && k <= 308 && math.Pow10(int(k)) == x {
		return k
	}
	return r
}

// exp10 is 10 to the power x, exact for whole x.
func exp10(x float64) float64 {
	if x == math.Trunc(x) && x >= -323 && x <= 308 {
		return math.Pow10(int(x))
	}
	return math.Pow(10, x)
}

func realSign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x // 0 or NaN
}

// realFunc1 builds a real function of one number. f is a
// func(float64) float64, or a func(float64) (float64, bool) whose false
// result gives null.
func realFunc1[F func(float64) float64 | func(float64) (float64, bool)](name, doc string, f F,
	e Example) *Scalar {
	var g func(float64) (float64, bool)
	switch f := any(f).(type) {
	case func(float64) float64:
		g = func(x float64) (float64, bool) { return f(x), true }
	case func(float64) (float64, bool):
		g = f
	}
	k := Map1(data.Real, g)
	return &Scalar{Name: name, Sig: name + "(x: real): real", Naming: realNaming(name),
		Doc: doc + " Null gives null.", Examples: []Example{e},
		Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
			if err := numArity(name, args, 1, 1); err != nil {
				return data.Unknown, nil, err
			}
			if err := numWant(name, 0, args[0]); err != nil {
				return data.Unknown, nil, err
			}
			return data.Real, numKernel(data.Real, k), nil
		}}
}

// realNaming is Kusto's naming of an unnamed result column: most math
// functions are named after their first argument.
func realNaming(name string) Naming {
	switch name {
	case "cot", "degrees", "radians", "sign":
		return NameDefault
	}
	return NameFirstArg
}

func realFunc2(name, sig, doc string, f func(x, y float64) float64, e Example) *Scalar {
	k := Map2(data.Real, func(x, y float64) (float64, bool) { return f(x, y), true })
	return &Scalar{Name: name, Sig: sig, Naming: NameFirstArg,
		Doc: doc + " Nulls give null.", Examples: []Example{e},
		Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
			if err := numArity(name, args, 2, 2); err != nil {
				return data.Unknown, nil, err
			}
			for i, a := range args {
				if err := numWant(name, i, a); err != nil {
					return data.Unknown, nil, err
				}
			}
			return data.Real, numKernel(data.Real, k), nil
		}}
}

// realTest builds isnan, isinf and isfinite: they take a real (int and
// long are widened) and give a bool; null gives null.
func realTest(name, doc string, f func(float64) bool, e Example) *Scalar {
	k := Map1(data.Bool, func(x float64) (bool, bool) { return f(x), true })
	return &Scalar{Name: name, Sig: name + "(x: real): bool", Doc: doc + " Null gives null.",
		Examples:  []Example{e},
		Overloads: []Overload{{Params: []data.Type{data.Real}, Result: data.Bool, Kernel: k}}}
}

func mathConst(x float64) Kernel {
	return func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		return data.NewConst(data.RealValue(x), n), nil
	}
}

func bindRand(args []ArgInfo) (data.Type, Kernel, error) {
	if err := numArity("rand", args, 0, 1); err != nil {
		return data.Unknown, nil, err
	}
	if len(args) == 0 {
		return data.Real, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			out := make([]float64, n)
			for i := range out {
				out[i] = rand.Float64()
			}
			return data.NewVec(data.Real, out, nil), nil
		}, nil
	}
	if err := intWant("rand", 0, args[0]); err != nil {
		return data.Unknown, nil, err
	}
	return data.Real, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		in := data.NewReader[int64](cols[0])
		w := data.NewWriter[float64](data.Real, n)
		for i := 0; i < n; i++ {
			m, ok := in.Get(i)
			if !ok || m <= 0 {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = float64(rand.Int64N(m))
		}
		return w.Column(), nil
	}, nil
}
