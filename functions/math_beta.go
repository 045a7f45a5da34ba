package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// The beta distribution: beta_cdf, beta_inv and beta_pdf. Their edge cases
// follow Kusto's engine where it departs from the documentation (for
// example beta_cdf(0.1, -1, 20) is 1 and beta_inv with alpha < 0 is NaN).

func init() {
	register(
		betaFunc("beta_cdf", "x", "The cumulative beta distribution function at x; x outside "+
			"[0, 1] gives NaN.", betaCDF,
			Example{"print round(beta_cdf(0.9, 10, 20), 6)", "1.0"}),
		betaFunc("beta_inv", "probability", "The x at which beta_cdf(x, alpha, beta) reaches "+
			"the probability; a probability outside [0, 1] gives null, and alpha or beta not "+
			"positive gives NaN.", betaInv,
			Example{"print round(beta_inv(0.1, 10, 20), 6)", "0.226415"}),
		betaFunc("beta_pdf", "x", "The beta probability density at x; x outside (0, 1), or alpha "+
			"or beta not positive, gives NaN.", betaPDF,
			Example{"print round(beta_pdf(0.5, 10, 20), 6)", "0.746176"}),
	)
}

func betaFunc(name, first, doc string, f func(x, a, b float64) (float64, bool), e Example) *Scalar {
	k := Map3(data.Real, f)
	return &Scalar{Name: name, Sig: name + "(" + first + ": real, alpha: real, beta: real): real",
		Doc: doc + " Nulls give null.", Examples: []Example{e},
		Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
			if err := numArity(name, args, 3, 3); err != nil {
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

func lbeta(a, b float64) float64 {
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return la + lb - lab
}

func betaPDF(x, a, b float64) (float64, bool) {
	if !(x > 0 && x < 1 && a > 0 && b > 0) {
		return math.NaN(), true
	}
	return math.Exp((a-1)*math.Log(x) + (b-1)*math.Log1p(-x) - lbeta(a, b)), true
}

// betaCDF is the regularized incomplete beta function I_x(a, b), by its
// continued fraction on whichever side converges quickly.
func betaCDF(x, a, b float64) (float64, bool) {
	if math.IsNaN(x) || x < 0 || x > 1 {
		return math.NaN(), true
	}
	var front float64
	if x > 0 && x < 1 {
		la, _ := math.Lgamma(a)
		lb, _ := math.Lgamma(b)
		lab, _ := math.Lgamma(a + b)
		front = math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	}
	if x < (a+1)/(a+b+2) {
		return front * betaFraction(a, b, x) / a, true
	}
	return 1 - front*betaFraction(b, a, 1-x)/b, true
}

// betaFraction evaluates the continued fraction of the incomplete beta
// function with the modified Lentz method.
func betaFraction(a, b, x float64) float64 {
	const (
		tiny = 1e-300
		eps  = 1e-16
	)
	qab, qap, qam := a+b, a+1, a-1
	c, d := 1.0, 1-qab*x/qap
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 300; m++ {
		fm := float64(m)
		m2 := 2 * fm
		aa := fm * (b - fm) * x / ((qam + m2) * (a + m2))
		d, c = 1+aa*d, 1+aa/c
		d, c = betaGuard(d, tiny), betaGuard(c, tiny)
		d = 1 / d
		h *= d * c
		aa = -(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2))
		d, c = 1+aa*d, 1+aa/c
		d, c = betaGuard(d, tiny), betaGuard(c, tiny)
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < eps {
			break
		}
	}
	return h
}

func betaGuard(v, tiny float64) float64 {
	if math.Abs(v) < tiny {
		return tiny
	}
	return v
}

// betaInv inverts betaCDF by bisection refined with Newton steps.
func betaInv(p, a, b float64) (float64, bool) {
	switch {
	case math.IsNaN(p) || p < 0 || p > 1:
		return 0, false
	case !(a > 0 && b > 0):
		return math.NaN(), true
	case p == 0 || p == 1:
		return p, true
	}
	lo, hi := 0.0, 1.0
	x := 0.5
	for i := 0; i < 200; i++ {
		c, _ := betaCDF(x, a, b)
		if c < p {
			lo = x
		} else {
			hi = x
		}
		// A Newton step when it stays inside the bracket, else bisection.
		next := (lo + hi) / 2
		if pdf, _ := betaPDF(x, a, b); pdf > 0 && !math.IsNaN(pdf) {
			if n := x - (c-p)/pdf; n > lo && n < hi {
				next = n
			}
		}
		if math.Abs(next-x) <= 1e-16*math.Max(1, x) || hi-lo <= 1e-17 {
			return next, true
		}
		x = next
	}
	return x, true
}
