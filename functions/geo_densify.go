package functions

import (
	"math"
	"slices"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		geoFunc[data.Dyn]{name: "geo_line_densify", result: data.Dynamic,
			params: []geoParam{gDyn, gNum, gBool}, optional: 2,
			sig: "geo_line_densify(lineString: dynamic, [tolerance: real], [preserve_crossing: bool]): dynamic",
			doc: "Turns the planar edges of a line into geodesic chains that stay within tolerance " +
				"meters (0.1 to 10000, 10 by default) of them; invalid input gives null.",
			examples: []Example{{"print array_length(geo_line_densify(dynamic({\"type\":\"LineString\"," +
				"\"coordinates\":[[50,50],[51,51]]})).coordinates)", "9"}},
			eval: evalLineDensify}.scalar(),
		geoFunc[data.Dyn]{name: "geo_polygon_densify", result: data.Dynamic,
			params: []geoParam{gDyn, gNum, gBool}, optional: 2,
			sig: "geo_polygon_densify(polygon: dynamic, [tolerance: real], [preserve_crossing: bool]): dynamic",
			doc: "Turns the planar edges of a polygon or multipolygon into geodesic chains that stay " +
				"within tolerance meters (0.1 to 10000, 10 by default) of them; invalid input gives null.",
			examples: []Example{{"print geo_polygon_densify(dynamic({\"type\":\"Polygon\",\"coordinates\":" +
				"[[[-73.958244,40.800719],[-73.949146,40.79695],[-73.973093,40.764226],[-73.982062,40.768159]," +
				"[-73.958244,40.800719]]]}))",
				`{"type":"Polygon","coordinates":[[[-73.982062,40.768159],[-73.973093,40.76422600000001],` +
					`[-73.949146,40.79695],[-73.958244,40.800719],[-73.982062,40.768159]]]}`}},
			eval: evalPolygonDensify}.scalar(),
	)
}

// geoMaxDensified is the most vertices a densified shape may have.
const geoMaxDensified = 10485760

// Planar edges are tessellated into geodesic chains: an edge is split in
// the middle (in longitude/latitude) until the geodesic between its ends
// stays within the tolerance of the planar edge, measured at two points
// placed symmetrically along the edge.
const (
	tessFraction = 0.31215691082248315
	tessScale    = 0.83829992569888509
)

// tessellator densifies planar edges.
type tessellator struct {
	tol  float64 // radians, scaled
	wrap bool    // take the short way across the antimeridian
	out  []vec3
}

func newTessellator(tolMeters float64, wrap bool) *tessellator {
	return &tessellator{tol: tessScale * math.Max(tolMeters/geoEarthRadius, 1e-13), wrap: wrap}
}

type lngLatPt struct{ x, y float64 }

func (p lngLatPt) point() vec3 { return geoPoint(p.x, p.y) }

func lerpLngLat(t float64, a, b lngLatPt) lngLatPt {
	return lngLatPt{(1-t)*a.x + t*b.x, (1-t)*a.y + t*b.y}
}

// add appends the tessellation of the planar edge a-b (a itself only when
// it is the first vertex). It reports false when too many vertices result.
func (t *tessellator) add(pa, pb lngLatPt) bool {
	if t.wrap {
		if d := pb.x - pa.x; d > 180 {
			pb.x -= 360
		} else if d < -180 {
			pb.x += 360
		}
	}
	a, b := pa.point(), pb.point()
	if len(t.out) == 0 {
		t.out = append(t.out, a)
	}
	return t.edge(pa, a, pb, b, 0)
}

func (t *tessellator) edge(pa lngLatPt, a vec3, pb lngLatPt, b vec3, depth int) bool {
	if len(t.out) > geoMaxDensified {
		return false
	}
	if depth > 60 || t.maxError(pa, a, pb, b) <= t.tol {
		t.out = append(t.out, b)
		return true
	}
	pm := lerpLngLat(0.5, pa, pb)
	m := pm.point()
	return t.edge(pa, a, pm, m, depth+1) && t.edge(pm, m, pb, b, depth+1)
}

func (t *tessellator) maxError(pa lngLatPt, a vec3, pb lngLatPt, b vec3) float64 {
	if a.dot(b) < -1e-14 {
		return math.Inf(1)
	}
	e1 := interpolate(a, b, tessFraction).angle(lerpLngLat(tessFraction, pa, pb).point())
	e2 := interpolate(a, b, 1-tessFraction).angle(lerpLngLat(1-tessFraction, pa, pb).point())
	return math.Max(e1, e2)
}

// densifyArgs reads the tolerance and preserve_crossing arguments.
func (r *geoRow) densifyArgs() (tol float64, wrap, ok bool) {
	tol = 10
	if r.has(1) {
		if tol, ok = r.num(1); !ok || !(tol >= 0.1 && tol <= 10000) {
			return 0, false, false
		}
	}
	if r.has(2) {
		if wrap, ok = r.boolean(2); !ok {
			return 0, false, false
		}
	}
	return tol, wrap, true
}

// rawCoords reads the [longitude, latitude] pairs of a GeoJSON coordinate
// array as given.
func rawCoords(c data.Dyn) []lngLatPt {
	out := make([]lngLatPt, c.Len())
	for i, it := range c.Items() {
		lng, lat, _ := geoLngLat(it)
		out[i] = lngLatPt{lng, lat}
	}
	return out
}

func evalLineDensify(r *geoRow) (data.Dyn, bool) {
	if _, ok := r.parsedLines(0); !ok {
		return data.Dyn{}, false
	}
	tol, wrap, ok := r.densifyArgs()
	if !ok {
		return data.Dyn{}, false
	}
	d := r.dyn(0)
	c, _ := d.Get("coordinates")
	var lines [][]vec3
	if t, _ := d.Get("type"); t.Str() == "LineString" {
		c = data.DynArrayOf([]data.Dyn{c})
	}
	for _, l := range c.Items() {
		pts := rawCoords(l)
		t := newTessellator(tol, wrap)
		for i := 1; i < len(pts); i++ {
			if !t.add(pts[i-1], pts[i]) {
				return data.Dyn{}, false
			}
		}
		lines = append(lines, t.out)
	}
	return geoMultiLineDyn(lines), true
}

func evalPolygonDensify(r *geoRow) (data.Dyn, bool) {
	if _, ok := r.parsedPolygons(0); !ok {
		return data.Dyn{}, false
	}
	tol, wrap, ok := r.densifyArgs()
	if !ok {
		return data.Dyn{}, false
	}
	d := r.dyn(0)
	c, _ := d.Get("coordinates")
	if t, _ := d.Get("type"); t.Str() == "Polygon" {
		c = data.DynArrayOf([]data.Dyn{c})
	}
	var polys [][][]vec3
	for _, poly := range c.Items() {
		var rings [][]vec3
		for _, ring := range poly.Items() {
			pts := rawCoords(ring)
			t := newTessellator(tol, wrap)
			for i := 1; i < len(pts); i++ {
				if !t.add(pts[i-1], pts[i]) {
					return data.Dyn{}, false
				}
			}
			rings = append(rings, t.out[:len(t.out)-1])
		}
		polys = append(polys, orientRings(rings))
	}
	return geoPolygonsDyn(polys), true
}

// orientRings orients a polygon's rings as Kusto writes them: the shell
// counterclockwise and the holes clockwise (a ring is reversed when it
// turns the other way).
func orientRings(rings [][]vec3) [][]vec3 {
	out := make([][]vec3, len(rings))
	for i, r := range rings {
		ccw := turningSum(r) >= 0
		if ccw != (i == 0) {
			r = slices.Clone(r)
			slices.Reverse(r)
		}
		out[i] = r
	}
	return out
}
