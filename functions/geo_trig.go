package functions

import "math"

// Correctly rounded sine, cosine and arctangent. Kusto writes coordinates
// after converting them to unit vectors and back; to give the same last
// digits (tostring of a densified polygon shows them) these conversions
// need results rounded from the exact values, which math.Sin, math.Cos
// and math.Atan2 do not promise. The values are computed in double-double
// arithmetic (about 106 bits) and rounded once.

// dd is an unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func twoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

func (x dd) add(y dd) dd {
	s := twoSum(x.hi, y.hi)
	t := twoSum(x.lo, y.lo)
	s.lo += t.hi
	s = quickTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return quickTwoSum(s.hi, s.lo)
}

func (x dd) neg() dd { return dd{-x.hi, -x.lo} }

func (x dd) mul(y dd) dd {
	p := twoProd(x.hi, y.hi)
	p.lo += x.hi*y.lo + x.lo*y.hi
	return quickTwoSum(p.hi, p.lo)
}

func (x dd) mulF(f float64) dd {
	p := twoProd(x.hi, f)
	p.lo += x.lo * f
	return quickTwoSum(p.hi, p.lo)
}

func (x dd) divF(f float64) dd {
	q1 := x.hi / f
	p := twoProd(q1, f)
	r := twoSum(x.hi, -p.hi)
	r.lo -= p.lo
	r.lo += x.lo
	q2 := (r.hi + r.lo) / f
	return quickTwoSum(q1, q2)
}

// pi/2 as a sum of three doubles.
const (
	pio2a = 1.5707963267948966
	pio2b = 6.123233995736766e-17
	pio2c = -1.4973849048591698e-33
)

// reduceHalfPi returns r and k with x = k*pi/2 + r, |r| <= pi/4.
func reduceHalfPi(x float64) (dd, int) {
	k := math.Round(x / pio2a)
	r := dd{x, 0}.add(twoProd(k, pio2a).neg()).add(twoProd(k, pio2b).neg())
	r = r.add(dd{-k * pio2c, 0})
	return r, int(k)
}

// sinCosDD returns sin(r) and cos(r) for |r| <= pi/4 (Taylor series).
func sinCosDD(r dd) (dd, dd) {
	r2 := r.mul(r)
	s, term := r, r
	for n := 2; n < 40; n += 2 {
		term = term.mul(r2).divF(float64(-n * (n + 1)))
		s = s.add(term)
		if math.Abs(term.hi) < 1e-36 {
			break
		}
	}
	c, term := dd{1, 0}, dd{1, 0}
	for n := 1; n < 40; n += 2 {
		term = term.mul(r2).divF(float64(-n * (n + 1)))
		c = c.add(term)
		if math.Abs(term.hi) < 1e-36 {
			break
		}
	}
	return s, c
}

// trigTable holds sin and cos of j/64 for j = 0..51, in double-double.
var trigTable = func() (t [52][2]dd) {
	for j := range t {
		t[j][0], t[j][1] = sinCosDD(dd{float64(j) / 64, 0})
	}
	return t
}()

// sinCosSmall returns sin(r) and cos(r) for |r| <= pi/4: r is split into
// j/64 from the table plus a remainder below 1/128 for the series.
func sinCosSmall(r dd) (dd, dd) {
	j := math.Round(r.hi * 64)
	t := r.add(dd{-j / 64, 0})
	st, ct := sinCosDD(t)
	neg := j < 0
	tab := trigTable[int(math.Abs(j))]
	sj, cj := tab[0], tab[1]
	if neg {
		sj = sj.neg()
	}
	return sj.mul(ct).add(cj.mul(st)), cj.mul(ct).add(sj.mul(st).neg())
}

// sinCosX returns sin(x) and cos(x) in double-double.
func sinCosX(x float64) (dd, dd) {
	r, k := reduceHalfPi(x)
	s, c := sinCosSmall(r)
	switch k & 3 {
	case 1:
		return c, s.neg()
	case 2:
		return s.neg(), c.neg()
	case 3:
		return c.neg(), s
	}
	return s, c
}

// accAtan2 returns atan2(y, x) correctly rounded: one Newton step in
// double-double arithmetic from math.Atan2.
func accAtan2(y, x float64) float64 {
	a := math.Atan2(y, x)
	if a == 0 || math.IsNaN(a) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return a
	}
	s, c := sinCosX(a)
	num := s.mulF(x).add(c.mulF(y).neg())
	den := x*c.hi + y*s.hi
	if den == 0 {
		return a
	}
	return a - (num.hi+num.lo)/den
}

// accSinCos returns sin(x) and cos(x), both correctly rounded.
func accSinCos(x float64) (float64, float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e6 {
		return math.Sin(x), math.Cos(x)
	}
	s, c := sinCosX(x)
	return s.hi + s.lo, c.hi + c.lo
}
