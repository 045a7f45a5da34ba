package functions

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// BenchmarkGeoPointInPolygon measures containment tests of many points in
// one constant polygon (the polygon is parsed once per call).
func BenchmarkGeoPointInPolygon(b *testing.B) {
	poly, err := tryScalar("geo_point_buffer", num(10), num(50), num(100000), num(1))
	if err != nil {
		b.Fatal(err)
	}
	const n = 10000
	lng := make([]float64, n)
	lat := make([]float64, n)
	for i := range lng {
		lng[i] = 8 + 4*float64(i%100)/100
		lat[i] = 49 + 2*float64(i/100)/100
	}
	f, _ := Builtins().Scalar("geo_point_in_polygon")
	_, k, err := f.BindCall([]ArgInfo{{Type: data.Real}, {Type: data.Real}, {Type: data.Dynamic}})
	if err != nil {
		b.Fatal(err)
	}
	cols := []data.Column{data.NewVec(data.Real, lng, nil), data.NewVec(data.Real, lat, nil),
		data.NewConst(poly, n)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := k(&Ctx{}, n, cols); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGeoDistance measures geo_distance_2points over many rows.
func BenchmarkGeoDistance(b *testing.B) {
	const n = 10000
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = float64(i%180) - 90
	}
	f, _ := Builtins().Scalar("geo_distance_2points")
	_, k, _ := f.BindCall([]ArgInfo{{Type: data.Real}, {Type: data.Real}, {Type: data.Real}, {Type: data.Real}})
	c := data.NewVec(data.Real, xs, nil)
	cols := []data.Column{c, c, data.NewConst(data.RealValue(1), n), data.NewConst(data.RealValue(2), n)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := k(&Ctx{}, n, cols); err != nil {
			b.Fatal(err)
		}
	}
}
