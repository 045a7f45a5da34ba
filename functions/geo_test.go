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

func TestH3Cells(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"geo_point_to_h3cell", []data.Value{num(-74.04450446039874), num(40.689250859314974), num(6)}, "862a1072fffffff"},
		{"geo_point_to_h3cell", []data.Value{num(-73.956683), num(40.807907), num(5)}, "852a100bfffffff"},
		{"geo_point_to_h3cell", []data.Value{num(-73.989148), num(40.743273), num(5)}, "852a1073fffffff"},
		{"geo_point_to_h3cell", []data.Value{num(300), num(1), num(8)}, "null"},
		{"geo_point_to_h3cell", []data.Value{num(1), num(1), num(16)}, "null"},
		{"geo_h3cell_to_central_point", []data.Value{str("862a1072fffffff")},
			`{"type":"Point","coordinates":[-74.01600847979243,40.704167908350385]}`},
		{"geo_h3cell_to_central_point", []data.Value{str("1")}, "null"},
		{"geo_h3cell_to_polygon", []data.Value{str("862a1072fffffff")},
			`{"type":"Polygon","coordinates":[[[-74.0022744646159,40.73537602621501],[-74.04690802968624,` +
				`40.72798622248911],[-74.06061071222366,40.69677514034901],[-74.02972440815668,40.672970047595456],` +
				`[-73.98514098370819,40.680349049267576],[-73.97139376102862,40.71154393543933],` +
				`[-74.0022744646159,40.73537602621501]]]}`},
		{"geo_h3cell_to_polygon", []data.Value{str("@")}, "null"},
		{"geo_h3cell_level", []data.Value{str("862a1072fffffff")}, "6"},
		{"geo_h3cell_level", []data.Value{str("abc")}, "null"},
		{"geo_h3cell_parent", []data.Value{str("862a1072fffffff"), num(1)}, "812a3ffffffffff"},
		{"geo_h3cell_parent", []data.Value{str("862a1072fffffff")}, "852a1073fffffff"},
		{"geo_h3cell_parent", []data.Value{str("862a1072fffffff"), num(100)}, "null"},
		{"geo_h3cell_children", []data.Value{str("862a1072fffffff")},
			`["872a10728ffffff","872a10729ffffff","872a1072affffff","872a1072bffffff","872a1072cffffff",` +
				`"872a1072dffffff","872a1072effffff"]`},
		{"geo_h3cell_children", []data.Value{str("abc")}, "null"},
		{"geo_h3cell_neighbors", []data.Value{str("862a1072fffffff")},
			`["862a10777ffffff","862a100d7ffffff","862a100dfffffff","862a1070fffffff","862a10707ffffff","862a10727ffffff"]`},
		{"geo_h3cell_rings", []data.Value{str("861f8894fffffff"), num(2)},
			`[["861f8894fffffff"],["861f88947ffffff","861f8895fffffff","861f88867ffffff","861f8d497ffffff",` +
				`"861f8d4b7ffffff","861f8896fffffff"],["861f88967ffffff","861f88977ffffff","861f88957ffffff",` +
				`"861f8882fffffff","861f88877ffffff","861f88847ffffff","861f8886fffffff","861f8d49fffffff",` +
				`"861f8d487ffffff","861f8d4a7ffffff","861f8d59fffffff","861f8d597ffffff"]]`},
		{"geo_h3cell_rings", []data.Value{str("abc"), num(3)}, "null"},
		{"geo_polygon_to_h3cells", []data.Value{geoDyn(t, `{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}`)}, "null"},
	})
	kids := callScalar(t, "geo_h3cell_children", str("862a1072fffffff"), num(9))
	if kids.Dyn().Len() != 343 {
		t.Errorf("children 3 levels down: got %d, want 343", kids.Dyn().Len())
	}
	if v, _ := tryScalar("geo_h3cell_children", str("8a754e64992ffff"), num(16)); !v.IsNull() {
		t.Errorf("children below resolution 15: got %v, want null", v)
	}
}

// TestH3Pentagons checks the cells around a pentagon (base cell 4): it has
// five neighbors and its first ring holds five cells.
func TestH3Pentagons(t *testing.T) {
	pent := h3BaseInit.withRes(2).withBaseCell(4).withDigit(1, 0).withDigit(2, 0)
	if !pent.valid() || !pent.isPentagon() {
		t.Fatalf("%v is not a valid pentagon", pent)
	}
	n := callScalar(t, "geo_h3cell_neighbors", str(pent.String()))
	if n.Dyn().Len() != 5 {
		t.Errorf("pentagon neighbors: got %v, want 5 cells", n)
	}
	if got := len(pent.children(3, nil)); got != 6 {
		t.Errorf("pentagon children: got %d, want 6", got)
	}
	if got := len(pent.boundary()); got != 5 {
		t.Errorf("class II pentagon boundary: got %d vertices, want 5", got)
	}
	for _, c := range pent.children(3, nil) {
		if back := h3FromPoint(c.center(), 3); back != c {
			t.Errorf("center of %v maps to %v", c, back)
		}
	}
}
