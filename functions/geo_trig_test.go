package functions

import (
	"math"
	"math/big"
	"testing"
)

// bigSin returns sin(x) rounded from a 200-bit Taylor series.
func bigSinCos(x float64) (float64, float64) {
	const prec = 300
	bx := new(big.Float).SetPrec(prec).SetFloat64(x)
	x2 := new(big.Float).SetPrec(prec).Mul(bx, bx)
	sum := func(start *big.Float, first int) float64 {
		s := new(big.Float).SetPrec(prec).Set(start)
		term := new(big.Float).SetPrec(prec).Set(start)
		for n := first; n < 200; n += 2 {
			term.Mul(term, x2)
			term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(int64(-n*(n+1))))
			s.Add(s, term)
		}
		f, _ := s.Float64()
		return f
	}
	return sum(bx, 2), sum(new(big.Float).SetPrec(prec).SetInt64(1), 1)
}

func TestAccurateTrig(t *testing.T) {
	xs := []float64{1e-300, -1e-20, 1e-8, math.Pi / 2, -math.Pi / 2, math.Pi, math.Pi / 4,
		math.Nextafter(math.Pi/4, 1), 0.5 / 64, 1.0 / 128}
	for i := 0; i < 2000; i++ {
		xs = append(xs, (float64(i)/1000-1)*3.2+1e-7*float64(i%7))
	}
	for _, x := range xs {
		ws, wc := bigSinCos(x)
		gs, gc := accSinCos(x)
		if gs != ws || gc != wc {
			t.Fatalf("accSinCos(%v) = %v, %v, want %v, %v", x, gs, gc, ws, wc)
		}
	}
	for _, c := range [][2]float64{{1, 1}, {0.5, -2}, {-3, -0.1}, {1e-20, 1}, {1, 0}} {
		a := accAtan2(c[0], c[1])
		if math.Abs(a-math.Atan2(c[0], c[1])) > 1e-15 {
			t.Errorf("accAtan2(%v, %v) = %v, want about %v", c[0], c[1], a, math.Atan2(c[0], c[1]))
		}
	}
}

func TestRoundTripDigits(t *testing.T) {
	// Kusto writes these coordinates, after a round trip through unit
	// vectors, with exactly these digits.
	cases := []struct{ lng, lat, wantLng, wantLat float64 }{
		{-73.973093, 40.764226, -73.973093, 40.76422600000001},
		{10, 10, 10, 10.000000000000002},
		{10, 11, 10, 11.000000000000002},
		{-73.94923612475395, 40.7968708081794, -73.94923612475395, 40.79687080817939},
		{-73.982062, 40.768159, -73.982062, 40.768159},
	}
	for _, c := range cases {
		lng, lat := geoPoint(c.lng, c.lat).lngLat()
		if lng != c.wantLng || lat != c.wantLat {
			t.Errorf("round trip of (%v, %v) = (%v, %v), want (%v, %v)", c.lng, c.lat, lng, lat, c.wantLng, c.wantLat)
		}
	}
}
