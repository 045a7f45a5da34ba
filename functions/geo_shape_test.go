package functions

import (
	"encoding/json"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

const (
	testPark = `{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],` +
		`[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]}`
	testParks = `{"type":"MultiPolygon","coordinates":[[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],` +
		`[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]],` +
		`[[[-73.94262313842773,40.775991804565585],[-73.98107528686523,40.791849155467695],` +
		`[-73.99600982666016,40.77092185281977],[-73.96150588989258,40.75609977566361],` +
		`[-73.94262313842773,40.775991804565585]]]]}`
	testLine  = `{"type":"LineString","coordinates":[[-73.95796,40.80042],[-73.97317,40.764486]]}`
	testRoad  = `{"type":"LineString","coordinates":[[-115.115385,36.229195],[-115.136995,36.200366],[-115.140252,36.192470],[-115.143558,36.188523],[-115.144076,36.181954],[-115.154662,36.174483],[-115.166431,36.176388],[-115.183289,36.175007],[-115.192612,36.176736],[-115.202485,36.173439],[-115.225355,36.174365]]}`
	testMulti = `{"type":"MultiLineString","coordinates":[[[-73.95798683166502,40.800556090021466],[-73.98193359375,40.76819171855746]],[[-73.94940376281738,40.79691751000055],[-73.97317886352539,40.76435634049001]]]}`
)

func TestGeoLines(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"geo_distance_point_to_line", []data.Value{num(-115.199625), num(36.210419), geoDyn(t, testRoad)}, "3797.8888725332145"},
		{"geo_distance_point_to_line", []data.Value{num(300), num(3), geoDyn(t, testLine)}, "null"},
		{"geo_closest_point_on_line", []data.Value{num(-115.199625), num(36.210419), geoDyn(t, testRoad)},
			`{"type":"Point","coordinates":[-115.192612,36.176736]}`},
		{"geo_line_length", []data.Value{geoDyn(t, testMulti)}, "8262.243397537412"},
		{"geo_line_length", []data.Value{geoDyn(t, `{"type":"LineString","coordinates":[[1,1]]}`)}, "null"},
		{"geo_line_length", []data.Value{geoDyn(t, `{"type":"LineString","coordinates":[[1,1],[1,1]]}`)}, "null"},
		{"geo_line_length", []data.Value{geoDyn(t, `{"type":"LineString","coordinates":[[0,0],[180,0]]}`)}, "null"},
		{"geo_line_centroid", []data.Value{geoDyn(t, testLine)},
			`{"type":"Point","coordinates":[-73.96556705723094,40.782453249627416]}`},
		{"geo_line_interpolate_point", []data.Value{geoDyn(t, testLine), num(0.25)},
			`{"type":"Point","coordinates":[-73.96176404321828,40.79143668725723]}`},
		{"geo_line_interpolate_point", []data.Value{geoDyn(t, testLine), num(1.5)}, "null"},
		{"geo_line_locate_point", []data.Value{geoDyn(t, testLine), num(-73.965), num(40.792)}, "0.2556013510030755"},
		{"geo_line_locate_point", []data.Value{geoDyn(t, `{"type":"LineString","coordinates":[[1,1]]}`), num(1), num(1)}, "null"},
		{"geo_line_densify", []data.Value{geoDyn(t, `{"type":"LineString","coordinates":[[1,1],[2,2]]}`), num(0)}, "null"},
		{"geo_line_simplify", []data.Value{geoDyn(t, `{"type":"LineString","coordinates":[[1.1,1.1],[1.2,1.2]]}`), num(100000)}, "null"},
		{"geo_line_simplify", []data.Value{geoDyn(t, `{"type":"LineString","coordinates":[[1,1],[2,2]]}`), num(-1)}, "null"},
	})
	d := callScalar(t, "geo_line_densify", geoDyn(t, `{"type":"LineString","coordinates":[[50,50],[51,51]]}`))
	coords, _ := d.Dyn().Get("coordinates")
	if coords.Len() != 9 {
		t.Errorf("densified 130-km edge: got %d vertices, want 9", coords.Len())
	}
}

func TestGeoPolygons(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"geo_polygon_area", []data.Value{geoDyn(t, testPark)}, "3475207.28346606"},
		{"geo_polygon_area", []data.Value{geoDyn(t, testParks)}, "10889971.534347963"},
		{"geo_polygon_area", []data.Value{geoDyn(t, `{"type":"Polygon","coordinates":[[[0,0],[10,10],[10,10],[0,0]]]}`)}, "null"},
		{"geo_polygon_perimeter", []data.Value{geoDyn(t, testPark)}, "9930.30149604938"},
		{"geo_polygon_perimeter", []data.Value{geoDyn(t, testParks)}, "15943.5384578745"},
		{"geo_polygon_centroid", []data.Value{geoDyn(t, testPark)},
			`{"type":"Point","coordinates":[-73.96573568990762,40.78255053805781]}`},
		{"geo_polygon_centroid", []data.Value{geoDyn(t, testParks)},
			`{"type":"Point","coordinates":[-73.968569587829577,40.776310752555119]}`},
		{"geo_point_in_polygon", []data.Value{num(-73.9656), num(40.7825), geoDyn(t, testPark)}, "true"},
		{"geo_point_in_polygon", []data.Value{num(-73.9), num(40.7825), geoDyn(t, testPark)}, "false"},
		{"geo_point_in_polygon", []data.Value{num(200), num(1), geoDyn(t, testPark)}, "null"},
		{"geo_closest_point_on_polygon", []data.Value{num(-73.9839), num(40.7705), geoDyn(t, testPark)},
			`{"type":"Point","coordinates":[-73.98120558015391,40.76935945284321]}`},
		{"geo_distance_point_to_polygon", []data.Value{num(-73.9656), num(40.7825), geoDyn(t, testPark)}, "0"},
		{"geo_distance_point_to_polygon", []data.Value{num(1), num(1),
			geoDyn(t, `{"type":"Polygon","coordinates":[[[0,0],[10,10],[10,10],[0,0]]]}`)}, "null"},
		{"geo_polygon_densify", []data.Value{geoDyn(t, `{"type":"Polygon","coordinates":[[[10,900],[11,10],[11,11],[10,11],[10,10]]]}`)}, "null"},
		{"geo_polygon_simplify", []data.Value{geoDyn(t, `{"type":"Polygon","coordinates":[[[5,48],[5,48]]]}`)}, "null"},
		{"geo_polygon_simplify", []data.Value{geoDyn(t, `{"type":"Polygon","coordinates":[[[5,48],[0,50],[0,47],[4,47],[5,48]]]}`),
			num(1000000)}, "null"},
	})
	// Unit vectors round trip with the digits Kusto prints.
	got := callScalar(t, "geo_polygon_densify", geoDyn(t,
		`{"type":"Polygon","coordinates":[[[-73.958244,40.800719],[-73.949146,40.79695],[-73.973093,40.764226],[-73.982062,40.768159],[-73.958244,40.800719]]]}`))
	want := `{"type":"Polygon","coordinates":[[[-73.982062,40.768159],[-73.973093,40.76422600000001],` +
		`[-73.949146,40.79695],[-73.958244,40.800719],[-73.982062,40.768159]]]}`
	if got.String() != want {
		t.Errorf("densify: got %v, want %v", got, want)
	}
}

func TestGeoWKT(t *testing.T) {
	runGeoCases(t, []geoCase{
		{"geo_from_wkt", []data.Value{str("POINT (1 2)")}, `{"type":"Point","coordinates":[1,2]}`},
		{"geo_from_wkt", []data.Value{str("multipoint ((1 1), (2 2))")}, `{"type":"MultiPoint","coordinates":[[1,1],[2,2]]}`},
		{"geo_from_wkt", []data.Value{str("MULTIPOLYGON (((0 0, 2 0, 2 2, 0 0)),((10 10, 12 10, 12 12, 10 10)))")},
			`{"type":"MultiPolygon","coordinates":[[[[0,0],[2,0],[2,2],[0,0]]],[[[10,10],[12,10],[12,12],[10,10]]]]}`},
		{"geo_from_wkt", []data.Value{str("GEOMETRYCOLLECTION (POINT (1 1),LINESTRING (2 2, 3 3))")},
			`{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,1]},` +
				`{"type":"LineString","coordinates":[[2,2],[3,3]]}]}`},
		{"geo_from_wkt", []data.Value{str("LINESTRING")}, "null"},
		{"geo_from_wkt", []data.Value{str("POINT (1 2) x")}, "null"},
		{"geo_from_wkt", []data.Value{str("CIRCLE (1 2)")}, "null"},
	})
}

func TestGeoIntersections(t *testing.T) {
	l1 := geoDyn(t, `{"type":"LineString","coordinates":[[-73.978929,40.785155],[-73.980903,40.782621]]}`)
	l2 := geoDyn(t, `{"type":"LineString","coordinates":[[-73.985195,40.788275],[-73.974552,40.779761]]}`)
	p1 := geoDyn(t, `{"type":"Polygon","coordinates":[[[2,45],[0,45],[1,44],[2,45]]]}`)
	p2 := geoDyn(t, `{"type":"Polygon","coordinates":[[[3,44],[2,45],[2,43],[3,44]]]}`)
	p3 := geoDyn(t, `{"type":"Polygon","coordinates":[[[3,44],[3,45],[2,43],[3,44]]]}`)
	runGeoCases(t, []geoCase{
		{"geo_intersects_2lines", []data.Value{l1, l2}, "true"},
		{"geo_intersection_2lines", []data.Value{l1, l2},
			`{"type":"Point","coordinates":[-73.97983711667098,40.783989289772165]}`},
		{"geo_intersection_2lines", []data.Value{geoDyn(t, `{"type":"LineString","coordinates":[[1,1],[2,2]]}`),
			geoDyn(t, `{"type":"LineString","coordinates":[[3,3],[4,4]]}`)}, `{"type":"GeometryCollection","geometries":[]}`},
		{"geo_intersects_2lines", []data.Value{l1, geoDyn(t, testPark)}, "null"},
		{"geo_intersects_2polygons", []data.Value{p1, p2}, "true"},
		{"geo_intersects_2polygons", []data.Value{p1, p3}, "false"},
		{"geo_intersection_2polygons", []data.Value{p1, p2}, `{"type":"Point","coordinates":[2,45]}`},
		{"geo_intersection_2polygons", []data.Value{p1, p3}, `{"type":"GeometryCollection","geometries":[]}`},
		{"geo_intersection_2polygons", []data.Value{geoDyn(t, `{"type":"Polygon"}`), p1}, "null"},
		{"geo_intersects_line_with_polygon", []data.Value{l2, geoDyn(t, testPark)}, "false"},
		{"geo_intersects_line_with_polygon", []data.Value{
			geoDyn(t, `{"type":"LineString","coordinates":[[-73.985195,40.788275],[-73.96,40.78]]}`), geoDyn(t, testPark)}, "true"},
		{"geo_intersection_line_with_polygon", []data.Value{
			geoDyn(t, `{"type":"LineString","coordinates":[[-110.522,39.198],[-91.428,40.880]]}`),
			geoDyn(t, `{"type":"Polygon","coordinates":[[[-90.263,36.738],[-102.041,45.274],[-109.335,36.527],[-90.263,36.738]],`+
				`[[-100.393,41.705],[-103.139,38.925],[-97.558,39.113],[-100.393,41.705]]]}`)},
			`{"type":"MultiLineString","coordinates":[[[-106.89353655881905,39.769226209776306],[-101.74448553679453,` +
				`40.373506008712525]],[[-99.13649943132886,40.589336512699994],[-95.28452773731179,40.79906024224635]]]}`},
	})
}

func TestGeoUnionsAndBuffers(t *testing.T) {
	arr := geoDyn(t, `[{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],`+
		`[-73.97317,40.76455],[-73.9495,40.7969]]]},{"type":"Polygon","coordinates":[[[-73.94622,40.79249],`+
		`[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]}]`)
	lines := geoDyn(t, `[{"type":"LineString","coordinates":[[0,0],[1,0]]},{"type":"LineString","coordinates":[[1,0],[2,0]]}]`)
	runGeoCases(t, []geoCase{
		{"geo_union_polygons_array", []data.Value{arr},
			`{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.9639277517478,40.792748258673875],` +
				`[-73.96888,40.792819999999992],[-73.9662719791645,40.7895734224338],[-73.98201,40.76825],[-73.97317,40.76455],` +
				`[-73.960302383706178,40.782140794645024],[-73.9577,40.7789],[-73.94622,40.79249],` +
				`[-73.9526593223173,40.792584227716468],[-73.9495,40.7969]]]}`},
		{"geo_union_polygons_array", []data.Value{geoDyn(t, `[{"type":"Polygon","coordinates":[[[-73.94622,40.79249]]]}]`)}, "null"},
		{"geo_union_lines_array", []data.Value{lines}, `{"type":"LineString","coordinates":[[0,0],[1,0],[2,0]]}`},
		{"geo_point_buffer", []data.Value{num(200), num(1), num(0.1)}, "null"},
		{"geo_point_buffer", []data.Value{num(10), num(10), num(-1)}, "null"},
		{"geo_line_buffer", []data.Value{geoDyn(t, `{"type":"LineString"}`), num(5)}, "null"},
		{"geo_polygon_buffer", []data.Value{geoDyn(t, `{"type":"p"}`), num(1)}, "null"},
	})
	buf := callScalar(t, "geo_point_buffer", num(-115.1745008278), num(36.1497251277), num(20000))
	coords, _ := buf.Dyn().Get("coordinates")
	ring := coords.Index(0)
	if ring.Len() != 101 || !jsonClose(jsonOf(t, ring.Index(0)), []any{-115.23572342504431, 36.32267760568711}) {
		t.Errorf("point buffer: got %d vertices starting at %v", ring.Len(), ring.Index(0))
	}
	area := callScalar(t, "geo_polygon_area", buf)
	if a := area.Float64(); a < 0.99*1256637061 || a > 1256637061 {
		t.Errorf("point buffer area %v, want just under pi*20km^2", a)
	}
}

func jsonOf(t *testing.T, d data.Dyn) any {
	var x any
	if err := json.Unmarshal([]byte(d.String()), &x); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestGeoBindErrors(t *testing.T) {
	for _, c := range []struct {
		fn   string
		args []data.Value
	}{
		{"geo_distance_2points", []data.Value{num(1), num(2), num(3)}},
		{"geo_distance_2points", []data.Value{str("1"), num(2), num(3), num(4)}},
		{"geo_point_in_polygon", []data.Value{num(1), num(2), str("{}")}},
		{"geo_geohash_to_polygon", []data.Value{geoDyn(t, `"sunny"`)}},
	} {
		if _, err := tryScalar(c.fn, c.args...); err == nil {
			t.Errorf("%s%v: want a bind error", c.fn, c.args)
		}
	}
}
