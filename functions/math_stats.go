package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(&Scalar{Name: "welch_test",
		Sig: "welch_test(mean1: real, variance1: real, count1: long, mean2: real, variance2: real, count2: long): real",
		Doc: "The two-sided p-value of Welch's t-test comparing the means of two samples from their means, " +
			"variances and sizes; null when a size is below 2 or both variances are zero.",
		Examples: []Example{{"print welch_test(20.82, 7.867, 15, 22.99, 3.813, 15)", "≈ 0.0214"}},
		Overloads: []Overload{{
			Params: []data.Type{data.Real, data.Real, data.Real, data.Real, data.Real, data.Real},
			Result: data.Real,
			Kernel: MapValues(data.Real, welchValues),
		}}})
}

func welchValues(args []data.Value) data.Value {
	for _, a := range args {
		if a.IsNull() {
			return data.Null(data.Real)
		}
	}
	p, ok := welchP(args[0].Float64(), args[1].Float64(), args[2].Float64(),
		args[3].Float64(), args[4].Float64(), args[5].Float64())
	if !ok {
		return data.Null(data.Real)
	}
	return data.RealValue(p)
}

// welchP is the two-sided p-value of Welch's t statistic with the
// Welch–Satterthwaite degrees of freedom.
func welchP(m1, v1, n1, m2, v2, n2 float64) (float64, bool) {
	if n1 < 2 || n2 < 2 {
		return 0, false
	}
	s1, s2 := v1/n1, v2/n2
	if s1+s2 == 0 {
		return 0, false
	}
	t := (m1 - m2) / math.Sqrt(s1+s2)
	df := (s1 + s2) * (s1 + s2) / (s1*s1/(n1-1) + s2*s2/(n2-1))
	// P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2)
	p, ok := betaCDF(df/(df+t*t), df/2, 0.5)
	return p, ok
}
