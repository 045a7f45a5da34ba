package functions

import (
	"math"
	"math/big"

	"github.com/kqlkit/kqlkit/data"
)

// abs, round and ceiling: functions whose result keeps the number's type.

func init() {
	register(
		&Scalar{Name: "abs", Naming: NameFirstArg,
			Sig: "abs(x: long): long\nabs(x: real): real\nabs(x: decimal): decimal\n" +
				"abs(x: timespan): timespan",
			Doc: "The absolute value of x (an int gives a long). Null gives null, and so does " +
				"the smallest long, which has no positive counterpart.",
			Examples: []Example{{"print abs(-5)", "5"}, {"print abs(-1h)", "01:00:00"}},
			Bind:     bindAbs},
		&Scalar{Name: "round", Naming: NameFirstArg,
			Sig: "round(number: number [, precision: long]): number",
			Doc: "Rounds to precision decimal digits (default 0; negative rounds to tens, " +
				"hundreds, …), halves away from zero. The result has the number's type; nulls " +
				"give null.",
			Examples: []Example{{"print round(2.98765, 3)", "2.988"}, {"print round(-50.55, -2)", "-100.0"}},
			Bind:     bindRound},
		&Scalar{Name: "ceiling", Naming: NameFirstArg,
			Sig: "ceiling(number: number): real",
			Doc: "The smallest whole number greater than or equal to the number, as a real " +
				"(a decimal stays decimal). Null gives null.",
			Examples: []Example{{"print ceiling(-1.1)", "-1.0"}, {"print ceiling(0.9)", "1.0"}},
			Bind:     bindCeiling},
	)
}

func bindAbs(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "abs"
	if err := numArity(name, args, 1, 1); err != nil {
		return data.Unknown, nil, err
	}
	absInt := Map1(data.Long, func(x int64) (int64, bool) {
		if x < 0 {
			x = -x
		}
		return x, x >= 0
	})
	switch args[0].Type {
	case data.TimeSpan:
		return data.TimeSpan, Map1(data.TimeSpan, func(x int64) (int64, bool) {
			if x < 0 {
				x = -x
			}
			return x, x >= 0
		}), nil
	case data.Int, data.Long:
		return data.Long, numKernel(data.Long, absInt), nil
	case data.Real:
		return data.Real, Map1(data.Real, func(x float64) (float64, bool) { return math.Abs(x), true }), nil
	case data.Decimal:
		return data.Decimal, Map1(data.Decimal, func(x data.DecimalValue) (data.DecimalValue, bool) {
			return data.DecimalFromRat(new(big.Rat).Abs(x.Rat())), true
		}), nil
	}
	return data.Unknown, nil, numWant(name, 0, args[0])
}

func bindRound(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "round"
	if err := numArity(name, args, 1, 2); err != nil {
		return data.Unknown, nil, err
	}
	if err := numWant(name, 0, args[0]); err != nil {
		return data.Unknown, nil, err
	}
	if len(args) == 2 {
		if err := intWant(name, 1, args[1]); err != nil {
			return data.Unknown, nil, err
		}
	}
	t := args[0].Type
	var k Kernel
	switch t {
	case data.Int:
		k = Map2(data.Int, func(x, p int64) (int64, bool) {
			r, ok := roundLong(x, p)
			return r, ok && r >= math.MinInt32 && r <= math.MaxInt32
		})
	case data.Long:
		k = Map2(data.Long, roundLong)
	case data.Real:
		k = Map2(data.Real, func(x float64, p int64) (float64, bool) { return roundReal(x, p), true })
	default:
		k = Map2(data.Decimal, roundDecimal)
	}
	if len(args) == 1 {
		return t, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			return k(ctx, n, []data.Column{cols[0], data.NewConst(data.LongValue(0), n)})
		}, nil
	}
	return t, k, nil
}

// roundReal rounds x to p decimal digits, halves away from zero.
func roundReal(x float64, p int64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || p > 17:
		return x
	case p < -308:
		return math.Copysign(0, x)
	case p >= 0:
		m := math.Pow(10, float64(p))
		y := x * m
		if math.IsInf(y, 0) {
			return x
		}
		return math.Round(y) / m
	}
	m := math.Pow(10, float64(-p))
	return math.Round(x/m) * m
}

// roundLong rounds x to p decimal digits (only a negative p changes it).
func roundLong(x, p int64) (int64, bool) {
	if p >= 0 {
		return x, true
	}
	if p < -18 {
		return 0, true
	}
	m := int64(1)
	for i := int64(0); i < -p; i++ {
		m *= 10
	}
	q, r := x/m, x%m
	if r >= m-r && r > 0 {
		q++
	} else if r < 0 && -r >= m+r {
		q--
	}
	v := q * m
	if v/m != q {
		return 0, false
	}
	return v, true
}

// roundDecimal rounds a decimal to p digits, halves away from zero.
func roundDecimal(x data.DecimalValue, p int64) (data.DecimalValue, bool) {
	if p > 40 || p < -40 {
		return x, p > 0
	}
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(mathAbs64(p)), nil))
	r := x.Rat()
	if p >= 0 {
		r.Mul(r, scale)
	} else {
		r.Quo(r, scale)
	}
	i := roundRatAway(r)
	out := new(big.Rat).SetInt(i)
	if p >= 0 {
		out.Quo(out, scale)
	} else {
		out.Mul(out, scale)
	}
	return data.DecimalFromRat(out), true
}

func mathAbs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// roundRatAway rounds r to the nearest integer, halves away from zero.
func roundRatAway(r *big.Rat) *big.Int {
	num := new(big.Int).Abs(r.Num())
	twice := new(big.Int).Add(new(big.Int).Mul(num, big.NewInt(2)), r.Denom())
	q := twice.Quo(twice, new(big.Int).Mul(r.Denom(), big.NewInt(2)))
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return q
}

func bindCeiling(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "ceiling"
	if err := numArity(name, args, 1, 1); err != nil {
		return data.Unknown, nil, err
	}
	if err := numWant(name, 0, args[0]); err != nil {
		return data.Unknown, nil, err
	}
	if args[0].Type == data.Decimal {
		return data.Decimal, Map1(data.Decimal, func(x data.DecimalValue) (data.DecimalValue, bool) {
			r := x.Rat()
			q := new(big.Int).Div(r.Num(), r.Denom()) // floor for a positive denominator
			if !r.IsInt() {
				q.Add(q, big.NewInt(1))
			}
			return data.DecimalFromRat(new(big.Rat).SetInt(q)), true
		}), nil
	}
	k := Map1(data.Real, func(x float64) (float64, bool) { return math.Ceil(x), true })
	return data.Real, numKernel(data.Real, k), nil
}
