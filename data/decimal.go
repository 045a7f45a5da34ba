package data

import (
	"errors"
	"math"
	"math/big"
	"strings"
)

// DecimalValue is an exact decimal number: Coef × 10^-Scale. Kusto's decimal
// holds up to 34 significant digits; results are rounded to that precision.
// The zero value is 0.
type DecimalValue struct {
	coef  *big.Int // nil means 0
	scale int32
}

// decimalDigits is the precision Kusto's decimal keeps.
const decimalDigits = 34

// ErrBadDecimal is returned when a string is not a decimal number.
var ErrBadDecimal = errors.New("not a valid decimal")

var bigTen = big.NewInt(10)

// ParseDecimal parses a decimal number such as "-12.345" or "1e-3".
func ParseDecimal(s string) (DecimalValue, error) {
	s = strings.TrimSpace(s)
	r, ok := new(big.Rat).SetString(s)
	if !ok || s == "" {
		return DecimalValue{}, ErrBadDecimal
	}
	return DecimalFromRat(r), nil
}

// DecimalFromInt returns the decimal for an integer.
func DecimalFromInt(v int64) DecimalValue {
	return DecimalValue{coef: big.NewInt(v)}
}

// DecimalFromFloat returns the decimal closest to f with at most 15
// significant digits (the precision of a double). NaN and infinities give
// false.
func DecimalFromFloat(f float64) (DecimalValue, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return DecimalValue{}, false
	}
	d, err := ParseDecimal(big.NewFloat(f).Text('g', 15))
	return d, err == nil
}

// DecimalFromRat rounds a rational number to a decimal of at most 34
// significant digits.
func DecimalFromRat(r *big.Rat) DecimalValue {
	if r.Sign() == 0 {
		return DecimalValue{}
	}
	// Find a scale that gives 34 significant digits.
	num := new(big.Int).Abs(r.Num())
	den := r.Denom()
	intDigits := len(new(big.Int).Quo(num, den).String())
	scale := decimalDigits - intDigits
	if new(big.Int).Quo(num, den).Sign() == 0 {
		// leading zeros after the point do not count as significant
		q := new(big.Rat).SetFrac(num, den)
		f, _ := q.Float64()
		if f > 0 {
			scale = decimalDigits + int(-math.Floor(math.Log10(f))) - 1
		}
	}
	if scale < 0 {
		scale = 0
	}
	scaled := new(big.Int).Mul(num, new(big.Int).Exp(bigTen, big.NewInt(int64(scale)), nil))
	q, rem := new(big.Int).QuoRem(scaled, den, new(big.Int))
	if new(big.Int).Mul(rem, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return DecimalValue{coef: q, scale: int32(scale)}.normalize()
}

// normalize removes trailing zeros of the coefficient.
func (d DecimalValue) normalize() DecimalValue {
	if d.coef == nil || d.coef.Sign() == 0 {
		return DecimalValue{}
	}
	c := new(big.Int).Set(d.coef)
	m := new(big.Int)
	for d.scale > 0 {
		q, r := new(big.Int).QuoRem(c, bigTen, m)
		if r.Sign() != 0 {
			break
		}
		c = q
		d.scale--
	}
	return DecimalValue{coef: c, scale: d.scale}
}

// Rat returns the exact value as a rational number.
func (d DecimalValue) Rat() *big.Rat {
	if d.coef == nil {
		return new(big.Rat)
	}
	den := new(big.Int).Exp(bigTen, big.NewInt(int64(d.scale)), nil)
	return new(big.Rat).SetFrac(d.coef, den)
}

// Float64 returns the nearest float64.
func (d DecimalValue) Float64() float64 {
	f, _ := d.Rat().Float64()
	return f
}

// Cmp compares two decimals: -1, 0 or +1.
func (d DecimalValue) Cmp(e DecimalValue) int { return d.Rat().Cmp(e.Rat()) }

// Add returns d+e.
func (d DecimalValue) Add(e DecimalValue) DecimalValue {
	return DecimalFromRat(new(big.Rat).Add(d.Rat(), e.Rat()))
}

// Sub returns d-e.
func (d DecimalValue) Sub(e DecimalValue) DecimalValue {
	return DecimalFromRat(new(big.Rat).Sub(d.Rat(), e.Rat()))
}

// Mul returns d×e.
func (d DecimalValue) Mul(e DecimalValue) DecimalValue {
	return DecimalFromRat(new(big.Rat).Mul(d.Rat(), e.Rat()))
}

// Quo returns d/e; false when e is zero.
func (d DecimalValue) Quo(e DecimalValue) (DecimalValue, bool) {
	if e.coef == nil || e.coef.Sign() == 0 {
		return DecimalValue{}, false
	}
	return DecimalFromRat(new(big.Rat).Quo(d.Rat(), e.Rat())), true
}

// String formats the decimal without an exponent ("12.5", "-0.001").
func (d DecimalValue) String() string {
	if d.coef == nil || d.coef.Sign() == 0 {
		return "0"
	}
	s := new(big.Int).Abs(d.coef).String()
	neg := d.coef.Sign() < 0
	if d.scale > 0 {
		for len(s) <= int(d.scale) {
			s = "0" + s
		}
		s = s[:len(s)-int(d.scale)] + "." + s[len(s)-int(d.scale):]
	}
	if neg {
		s = "-" + s
	}
	return s
}
