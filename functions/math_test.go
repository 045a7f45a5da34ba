package functions

import (
	"math"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func tmDec(s string) data.Value {
	d, err := data.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return data.DecimalValueOf(d)
}

func TestMathReal(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	runTmCases(t, []tmCase{
		{"exp", []data.Value{tmL(2)}, tmR(7.38905609893065)},
		{"exp2", []data.Value{tmL(3)}, tmR(8)},
		{"exp10", []data.Value{tmI(2)}, tmR(100)},
		{"log", []data.Value{tmL(5)}, tmR(1.6094379124341003)},
		{"log", []data.Value{tmL(0)}, tmR(math.Inf(-1))},
		{"log", []data.Value{tmL(-1)}, tmNull(data.Real)},
		{"log2", []data.Value{tmL(5)}, tmR(2.321928094887362)},
		{"log10", []data.Value{tmL(5)}, tmR(0.6989700043360189)},
		{"log10", []data.Value{tmDec("100")}, tmR(2)},
		{"sqrt", []data.Value{tmR(4)}, tmR(2)},
		{"sqrt", []data.Value{tmR(-4)}, tmNull(data.Real)},
		{"sqrt", []data.Value{tmR(nan)}, tmR(nan)},
		{"sqrt", []data.Value{tmNull(data.Real)}, tmNull(data.Real)},
		{"sqrt", []data.Value{tmS("4")}, tmErr},
		{"sqrt", []data.Value{data.DynamicValue(data.DynLongOf(4))}, tmErr},
		{"sqrt", []data.Value{}, tmErr},
		{"pow", []data.Value{tmL(2), tmL(3)}, tmR(8)},
		{"pow", []data.Value{tmL(2), tmR(-1)}, tmR(0.5)},
		{"pow", []data.Value{tmL(2), tmNull(data.Long)}, tmNull(data.Real)},
		{"sin", []data.Value{tmL(1)}, tmR(0.8414709848078965)},
		{"cot", []data.Value{tmL(1)}, tmR(0.6420926159343306)},
		{"asin", []data.Value{tmR(2)}, tmNull(data.Real)},
		{"acos", []data.Value{tmR(1)}, tmR(0)},
		{"atan2", []data.Value{tmL(1), tmL(1)}, tmR(0.7853981633974483)},
		{"atan2", []data.Value{tmL(0), tmL(-1)}, tmR(3.141592653589793)},
		{"atan2", []data.Value{tmL(-1), tmL(0)}, tmR(-1.5707963267948966)},
		{"degrees", []data.Value{tmR(math.Pi / 4)}, tmR(45)},
		{"degrees", []data.Value{tmR(math.Pi * 1.5)}, tmR(270)},
		{"radians", []data.Value{tmL(90)}, tmR(1.5707963267948966)},
		{"radians", []data.Value{tmL(180)}, tmR(3.141592653589793)},
		{"radians", []data.Value{tmL(360)}, tmR(6.283185307179586)},
		{"gamma", []data.Value{tmL(5)}, tmR(24)},
		{"loggamma", []data.Value{tmL(5)}, tmR(3.1780538303479458)},
		{"sign", []data.Value{tmL(-42)}, tmR(-1)},
		{"sign", []data.Value{tmL(0)}, tmR(0)},
		{"sign", []data.Value{tmR(11.2)}, tmR(1)},
		{"pi", nil, tmR(math.Pi)},
		{"isnan", []data.Value{tmR(nan)}, tmB(true)},
		{"isnan", []data.Value{tmL(1)}, tmB(false)},
		{"isnan", []data.Value{tmNull(data.Real)}, tmNull(data.Bool)},
		{"isinf", []data.Value{tmR(-inf)}, tmB(true)},
		{"isfinite", []data.Value{tmR(inf)}, tmB(false)},
		{"isfinite", []data.Value{tmR(nan)}, tmB(false)},
		{"isfinite", []data.Value{tmR(1)}, tmB(true)},
		{"isfinite", []data.Value{tmDec("1")}, tmErr},
	})
}

func TestMathRound(t *testing.T) {
	runTmCases(t, []tmCase{
		{"abs", []data.Value{tmL(-5)}, tmL(5)},
		{"abs", []data.Value{tmI(-5)}, tmL(5)},
		{"abs", []data.Value{tmR(-1.5)}, tmR(1.5)},
		{"abs", []data.Value{tmDec("-1.5")}, tmDec("1.5")},
		{"abs", []data.Value{tmTS("-01:00:00")}, tmTS("01:00:00")},
		{"abs", []data.Value{tmL(math.MinInt64)}, tmNull(data.Long)},
		{"abs", []data.Value{tmNull(data.Long)}, tmNull(data.Long)},
		{"abs", []data.Value{tmDT("2020-01-01")}, tmErr},
		{"round", []data.Value{tmR(2.98765), tmL(3)}, tmR(2.988)},
		{"round", []data.Value{tmR(2.15), tmL(1)}, tmR(2.2)},
		{"round", []data.Value{tmR(2.15)}, tmR(2)},
		{"round", []data.Value{tmR(2.5)}, tmR(3)},
		{"round", []data.Value{tmR(-2.5)}, tmR(-3)},
		{"round", []data.Value{tmR(-50.55), tmL(-2)}, tmR(-100)},
		{"round", []data.Value{tmR(21.5), tmL(-1)}, tmR(20)},
		{"round", []data.Value{tmR(1e300), tmL(10)}, tmR(1e300)},
		{"round", []data.Value{tmR(1.5), tmI(0)}, tmR(2)},
		{"round", []data.Value{tmL(1234), tmL(-2)}, tmL(1200)},
		{"round", []data.Value{tmL(1250), tmL(-2)}, tmL(1300)},
		{"round", []data.Value{tmL(-1250), tmL(-2)}, tmL(-1300)},
		{"round", []data.Value{tmL(-1249), tmL(-2)}, tmL(-1200)},
		{"round", []data.Value{tmL(1234), tmL(2)}, tmL(1234)},
		{"round", []data.Value{tmI(15), tmL(-1)}, tmI(20)},
		{"round", []data.Value{tmDec("2.345"), tmL(2)}, tmDec("2.35")},
		{"round", []data.Value{tmDec("-2.345"), tmL(2)}, tmDec("-2.35")},
		{"round", []data.Value{tmDec("1250"), tmL(-2)}, tmDec("1300")},
		{"round", []data.Value{tmR(2.5), tmNull(data.Long)}, tmNull(data.Real)},
		{"round", []data.Value{tmR(2.5), tmR(1)}, tmErr},
		{"round", []data.Value{tmS("2.5")}, tmErr},
		{"ceiling", []data.Value{tmR(-1.1)}, tmR(-1)},
		{"ceiling", []data.Value{tmL(0)}, tmR(0)},
		{"ceiling", []data.Value{tmR(0.9)}, tmR(1)},
		{"ceiling", []data.Value{tmDec("1.2")}, tmDec("2")},
		{"ceiling", []data.Value{tmDec("-1.2")}, tmDec("-1")},
		{"ceiling", []data.Value{tmNull(data.Real)}, tmNull(data.Real)},
	})
}

func TestMathBits(t *testing.T) {
	runTmCases(t, []tmCase{
		{"binary_and", []data.Value{tmL(6), tmL(3)}, tmL(2)},
		{"binary_and", []data.Value{tmI(6), tmL(3)}, tmL(2)},
		{"binary_or", []data.Value{tmL(6), tmL(3)}, tmL(7)},
		{"binary_xor", []data.Value{tmL(6), tmL(3)}, tmL(5)},
		{"binary_not", []data.Value{tmL(100)}, tmL(-101)},
		{"binary_shift_left", []data.Value{tmL(1), tmL(2)}, tmL(4)},
		{"binary_shift_left", []data.Value{tmL(1), tmL(66)}, tmL(4)},
		{"binary_shift_left", []data.Value{tmL(1), tmL(-1)}, tmNull(data.Long)},
		{"binary_shift_right", []data.Value{tmL(-16), tmL(2)}, tmL(-4)},
		{"bitset_count_ones", []data.Value{tmL(42)}, tmL(3)},
		{"bitset_count_ones", []data.Value{tmL(-1)}, tmL(64)},
		{"binary_and", []data.Value{tmNull(data.Long), tmL(3)}, tmNull(data.Long)},
		{"binary_and", []data.Value{tmR(6), tmL(3)}, tmErr},
		{"binary_not", []data.Value{tmR(1.5)}, tmErr},
	})
}

func TestRand(t *testing.T) {
	f, _ := Builtins().Scalar("rand")
	if !f.Volatile {
		t.Errorf("rand: got Volatile false, want true")
	}
	for i := 0; i < 100; i++ {
		v := callScalar(t, "rand")
		if x := v.Float64(); x < 0 || x >= 1 {
			t.Fatalf("rand() = %v, want [0, 1)", x)
		}
		v = callScalar(t, "rand", tmL(3))
		if x := v.Float64(); x != 0 && x != 1 && x != 2 {
			t.Fatalf("rand(3) = %v, want 0, 1 or 2", x)
		}
	}
	if v := callScalar(t, "rand", tmL(0)); !v.IsNull() {
		t.Errorf("rand(0) = %v, want null", v)
	}
	if _, err := tryScalar("rand", tmR(1.5)); err == nil {
		t.Errorf("rand(1.5): want an error")
	}
}

func TestLog10Exact(t *testing.T) {
	for k := -22; k <= 22; k++ {
		x := math.Pow10(k)
		if got := log10(x); got != float64(k) {
			t.Errorf("log10(1e%d) = %v, want %d", k, got, k)
		}
		if got := exp10(float64(k)); got != x {
			t.Errorf("exp10(%d) = %v, want %v", k, got, x)
		}
	}
	if got := log10(5); math.Abs(got-0.69897000433601880) > 1e-15 {
		t.Errorf("log10(5) = %v", got)
	}
}

func TestBetaAndAround(t *testing.T) {
	nan := tmR(math.NaN())
	runTmCases(t, []tmCase{
		{"beta_cdf", []data.Value{tmR(0.9), tmR(10), tmR(20)}, tmR(0.9999999999999593)},
		{"beta_cdf", []data.Value{tmR(1.5), tmR(10), tmR(20)}, nan},
		{"beta_cdf", []data.Value{tmR(-10), tmR(10), tmR(20)}, nan},
		{"beta_cdf", []data.Value{tmR(0.1), tmR(-1), tmR(20)}, tmR(1)},
		{"beta_cdf", []data.Value{tmR(0.5), tmL(2), tmL(2)}, tmR(0.5)},
		{"beta_inv", []data.Value{tmR(0.1), tmR(10), tmR(20)}, tmR(0.22641502238874897)},
		{"beta_inv", []data.Value{tmR(1.5), tmR(10), tmR(20)}, tmNull(data.Real)},
		{"beta_inv", []data.Value{tmR(0.1), tmR(-1), tmR(20)}, nan},
		{"beta_inv", []data.Value{tmR(0.5), tmL(2), tmL(2)}, tmR(0.5)},
		{"beta_pdf", []data.Value{tmR(0.5), tmR(10), tmR(20)}, tmR(0.746176019310951)},
		{"beta_pdf", []data.Value{tmR(1.5), tmR(10), tmR(20)}, nan},
		{"beta_pdf", []data.Value{tmR(0.1), tmR(-1), tmR(20)}, nan},
		{"beta_pdf", []data.Value{tmS("x"), tmR(1), tmR(2)}, tmErr},
		{"around", []data.Value{tmDT("2021-01-01 01:29"), tmDT("2021-01-01 01:30"), tmTS("00:01:00")}, tmB(true)},
		{"around", []data.Value{tmDT("2021-01-01 01:28"), tmDT("2021-01-01 01:30"), tmTS("00:01:00")}, tmB(false)},
		{"around", []data.Value{tmTS("01:00:00"), tmTS("01:30:00"), tmTS("00:30:00")}, tmB(true)},
		{"around", []data.Value{tmL(10), tmL(12), tmL(1)}, tmB(false)},
		{"around", []data.Value{tmL(11), tmI(12), tmL(1)}, tmB(true)},
		{"around", []data.Value{tmR(11.5), tmL(12), tmR(0.5)}, tmB(true)},
		{"around", []data.Value{tmL(math.MinInt64), tmL(math.MaxInt64), tmL(math.MaxInt64)}, tmB(false)},
		{"around", []data.Value{tmL(1), tmNull(data.Long), tmL(1)}, tmNull(data.Bool)},
		{"around", []data.Value{tmDT("2021-01-01"), tmDT("2021-01-01"), tmL(1)}, tmErr},
		{"around", []data.Value{tmS("a"), tmS("b"), tmL(1)}, tmErr},
	})
}
