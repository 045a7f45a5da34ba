package functions

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// FuzzGeoFunctions calls every geospatial function with arguments made
// from the fuzzer's JSON, numbers and text: results may be null, but no
// call may panic or fail.
func FuzzGeoFunctions(f *testing.F) {
	f.Add(`{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}`,
		`{"type":"LineString","coordinates":[[0,0],[1,1]]}`, 1.5, 40.0, "862a1072fffffff")
	f.Add(`{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0.5,0],[2,0],[2,2],[0.5,0]]]]}`,
		`{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[1,0],[0,1]]]}`, 9.0, -89.9, "POINT (1 2)")
	f.Add(`[{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}]`,
		`{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.1],[0.3,0.2],[0.4,0.1],[0.2,0.1]]]}`,
		180.0, 0.0001, "sunny")
	f.Add(`{"type":"Point","coordinates":[1,2]}`, `{"type":"GeometryCollection","geometries":[]}`,
		-180.0, 90.0, "89c259")
	f.Fuzz(func(t *testing.T, j1, j2 string, a, b float64, s string) {
		d1, err1 := data.ParseJSON(j1)
		d2, err2 := data.ParseJSON(j2)
		if err1 != nil || err2 != nil {
			return
		}
		for name, params := range geoParamsOf {
			args := make([]data.Value, len(params))
			nums := []float64{a, b, b, a, 2, 3}
			dyns := []data.Dyn{d1, d2}
			for i, p := range params {
				switch p {
				case gNum:
					args[i] = data.RealValue(nums[i%len(nums)])
				case gDyn:
					args[i] = data.DynamicValue(dyns[i%2])
				case gStr:
					args[i] = data.StringValue(s)
				case gBool:
					args[i] = data.BoolValue(a > b)
				}
			}
			if name == "geo_polygon_buffer" || name == "geo_line_buffer" || name == "geo_point_buffer" {
				if b < 1 || a > 1e6 {
					continue // tiny tolerances make huge polygons: slow, not wrong
				}
			}
			if _, err := tryScalar(name, args...); err != nil {
				t.Errorf("%s%v: %v", name, args, err)
			}
		}
	})
}
