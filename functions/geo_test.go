package functions

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// Expected values come from Kusto (the conformance oracle and the examples
// of the Kusto documentation).

func geoDyn(t testing.TB, s string) data.Value {
	t.Helper()
	d, err := data.ParseJSON(s)
	if err != nil {
		t.Fatalf("bad JSON %s: %v", s, err)
	}
	return data.DynamicValue(d)
}

func num(f float64) data.Value { return data.RealValue(f) }

func str(s string) data.Value { return data.StringValue(s) }

// geoCase is a call and its expected result: "null", a number (compared
// with a relative tolerance of 1e-9), or text (compared to the result's
// string form; JSON is compared with numbers within the same tolerance).
type geoCase struct {
	fn   string
	args []data.Value
	want string
}

func runGeoCases(t *testing.T, cases []geoCase) {
	t.Helper()
	for _, c := range cases {
		got, err := tryScalar(c.fn, c.args...)
		if err != nil {
			t.Errorf("%s%v: %v", c.fn, c.args, err)
			continue
		}
		if !geoMatch(got, c.want) {
			t.Errorf("%s%v: got %v, want %v", c.fn, c.args, got, c.want)
		}
	}
}

func geoMatch(got data.Value, want string) bool {
	if want == "null" {
		return got.IsNull() || got.Type() == data.String && got.Str() == ""
	}
	if got.IsNull() {
		return false
	}
	if f, err := strconv.ParseFloat(want, 64); err == nil && got.Type() == data.Real {
		return closeTo(got.Float64(), f)
	}
	if got.Type() == data.Dynamic {
		var a, b any
		if json.Unmarshal([]byte(got.Dyn().String()), &a) != nil || json.Unmarshal([]byte(want), &b) != nil {
			return false
		}
		return jsonClose(a, b)
	}
	return got.String() == want
}

func closeTo(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func jsonClose(a, b any) bool {
	switch a := a.(type) {
	case float64:
		f, ok := b.(float64)
		return ok && closeTo(a, f)
	case []any:
		bb, ok := b.([]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for i := range a {
			if !jsonClose(a[i], bb[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bb, ok := b.(map[string]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for k, v := range a {
			if !jsonClose(v, bb[k]) {
				return false
			}
		}
		return true
	}
	return a == b
}

func TestGeoPoints(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"geo_distance_2points", []data.Value{num(-122.407628), num(47.578557), num(-118.275287), num(34.019056)},
			"1546754.3519738095"},
		{"geo_distance_2points", []data.Value{num(300), num(1), num(1), num(1)}, "null"},
		{"geo_distance_2points", []data.Value{num(0), num(0), num(0), num(0), data.BoolValue(true)}, "0"},
		{"geo_distance_2points", []data.Value{num(0), data.Null(data.Real), num(0), num(0)}, "null"},
		{"geo_distance_2points", []data.Value{data.LongValue(1), data.IntValue(2), num(1), num(2)}, "0"},
		{"geo_azimuth", []data.Value{num(5), num(10), num(10), num(-40)}, "3.054599397964492"},
		{"geo_azimuth", []data.Value{num(5), num(10), num(5), num(10)}, "null"},
		{"geo_azimuth", []data.Value{num(0), num(0), num(180), num(0)}, "null"},
		{"geo_angle", []data.Value{num(0), num(10), num(0), num(5), num(3), num(-10)}, "2.9449384340688165"},
		{"geo_angle", []data.Value{num(0), num(10), num(0), num(10), num(3), num(-10)}, "null"},
		{"geo_point_in_circle", []data.Value{num(-122.143564), num(47.535677), num(-122.100896), num(47.527351), num(3500)}, "true"},
		{"geo_point_in_circle", []data.Value{num(-122.137575), num(47.630683), num(-122.100896), num(47.527351), num(3500)}, "false"},
		{"geo_point_in_circle", []data.Value{num(200), num(1), num(1), num(1), num(1)}, "null"},
		{"geo_point_in_circle", []data.Value{num(1), num(1), num(1), num(1), num(-1)}, "null"},
	})
}

func TestGeoSpheroidDistance(t *testing.T) {
	// Two points on the equator one degree apart: a * pi/180 on the ellipsoid.
	got := callScalar(t, "geo_distance_2points", num(0), num(0), num(1), num(0), data.BoolValue(true))
	if want := wgs84A * math.Pi / 180; !closeTo(got.Float64(), want) {
		t.Errorf("got %v, want %v", got.Float64(), want)
	}
	// Pole to pole along a meridian: twice the quarter meridian (10001965.729 m).
	got = callScalar(t, "geo_distance_2points", num(0), num(90), num(0), num(-90), data.BoolValue(true))
	if want := 20003931.458; math.Abs(got.Float64()-want) > 0.01 {
		t.Errorf("got %v, want %v", got.Float64(), want)
	}
}

func TestGeohash(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"geo_point_to_geohash", []data.Value{num(-80.195829), num(25.802215), num(8)}, "dhwfz15h"},
		{"geo_point_to_geohash", []data.Value{num(-122.303404), num(47.570482)}, "c23n8"},
		{"geo_point_to_geohash", []data.Value{num(1), num(1), data.Null(data.Int)}, "null"},
		{"geo_point_to_geohash", []data.Value{num(1), num(1), num(19)}, "null"},
		{"geo_point_to_geohash", []data.Value{num(200), num(1), num(8)}, "null"},
		{"geo_geohash_to_central_point", []data.Value{str("sunny")},
			`{"type":"Point","coordinates":[42.47314453125,23.70849609375]}`},
		{"geo_geohash_to_central_point", []data.Value{str("a")}, "null"},
		{"geo_geohash_to_central_point", []data.Value{str("")}, "null"},
		{"geo_geohash_to_polygon", []data.Value{str("dr5ru")},
			`{"type":"Polygon","coordinates":[[[-74.00390625,40.7373046875],[-73.9599609375,40.7373046875],` +
				`[-73.9599609375,40.78125],[-74.00390625,40.78125],[-74.00390625,40.7373046875]]]}`},
		{"geo_geohash_neighbors", []data.Value{str("sunny")},
			`["sunnv","sunnt","sunnw","sunnx","sunpp","sunnz","sunpn","sunpj"]`},
		{"geo_geohash_neighbors", []data.Value{str("a")}, "null"},
	})
	// Near a pole the cells beyond it do not exist.
	n := callScalar(t, "geo_geohash_neighbors", str("b"))
	if n.Dyn().Len() != 5 {
		t.Errorf("geo_geohash_neighbors('b') = %v, want 5 cells", n)
	}
}

func TestS2Cells(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"geo_point_to_s2cell", []data.Value{num(-80.195829), num(25.802215), num(8)}, "88d9b"},
		{"geo_point_to_s2cell", []data.Value{num(10.1234), num(53), num(8)}, "47b1d"},
		{"geo_point_to_s2cell", []data.Value{num(10.6842), num(53), num(8)}, "47ae3"},
		{"geo_point_to_s2cell", []data.Value{num(300), num(1), num(8)}, "null"},
		{"geo_point_to_s2cell", []data.Value{num(1), num(1), num(35)}, "null"},
		{"geo_point_to_s2cell", []data.Value{num(1), num(1), data.Null(data.Int)}, "null"},
		{"geo_s2cell_to_central_point", []data.Value{str("1234567")},
			`{"type":"Point","coordinates":[9.86830731850408,27.468392925827605]}`},
		{"geo_s2cell_to_central_point", []data.Value{str("a")}, "null"},
		{"geo_s2cell_to_polygon", []data.Value{str("89c259")},
			`{"type":"Polygon","coordinates":[[[-74.03001224983848,40.8012684339439],[-74.03001224983848,` +
				`40.7222262918358],[-73.93598211433742,40.708880489804564],[-73.93598211433742,40.78791713450684],` +
				`[-74.03001224983848,40.8012684339439]]]}`},
		{"geo_s2cell_neighbors", []data.Value{str("89c259")},
			`["89c25d","89c25b","89c2f7","89c257","89c2f5","89c251","89c25f","89c2f9"]`},
		{"geo_s2cell_neighbors", []data.Value{str("zz")}, "null"},
		{"geo_polygon_to_s2cells", []data.Value{geoDyn(t, `{"type":"Polygon","coordinates":[[[0,0],[0,50],[100,50],[0,0]]]}`),
			num(30)}, "null"},
		{"geo_line_to_s2cells", []data.Value{geoDyn(t, `{"type":"LineString","coordinates":[[1,1],[1,1.1]]}`), num(5)},
			`["1004"]`},
	})
	cover := callScalar(t, "geo_polygon_to_s2cells",
		geoDyn(t, `{"type":"Polygon","coordinates":[[[-74.0,40.7],[-73.9,40.7],[-73.9,40.8],[-74.0,40.8],[-74.0,40.7]]]}`),
		num(12))
	inside := callScalar(t, "geo_point_to_s2cell", num(-73.95), num(40.75), num(12))
	if !strings.Contains(cover.String(), `"`+inside.Str()+`"`) {
		t.Errorf("covering %v does not hold the cell %v of an inner point", cover, inside)
	}
}

func TestH3CellsAreNotSupported(t *testing.T) {
	for _, name := range h3Functions {
		if _, err := tryScalar(name, str("862a1072fffffff")); err == nil || !strings.Contains(err.Error(), "not supported") {
			t.Errorf("%s: got %v, want a 'not supported' error", name, err)
		}
	}
}
