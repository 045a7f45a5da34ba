package functions

import (
	"github.com/kqlkit/kqlkit/data"
)

func init() {
	const park = `dynamic({"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807266235352,` +
		`40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,` +
		`40.76455136505513],[-73.9495,40.7969]]]})`
	register(
		geoFunc[bool]{name: "geo_point_in_polygon", result: data.Bool,
			params: []geoParam{gNum, gNum, gDyn},
			sig:    "geo_point_in_polygon(longitude: real, latitude: real, polygon: dynamic): bool",
			doc: "Returns whether a coordinate is inside a GeoJSON polygon or multipolygon (edges " +
				"are geodesics); invalid input gives null.",
			examples: []Example{{"print geo_point_in_polygon(-73.9656, 40.7825, " + park + ")", "true"}},
			eval:     evalPointInPolygon}.scalar(),
		geoFunc[float64]{name: "geo_distance_point_to_polygon", result: data.Real,
			params: []geoParam{gNum, gNum, gDyn},
			sig:    "geo_distance_point_to_polygon(longitude: real, latitude: real, polygon: dynamic): real",
			doc: "Returns the shortest distance in meters from a coordinate to a polygon or " +
				"multipolygon (0 inside it); invalid input gives null.",
			examples: []Example{{"print geo_distance_point_to_polygon(-73.9839, 40.7705, " + park + ")",
				"259.9407560705964"}},
			eval: evalDistancePointToPolygon}.scalar(),
		geoFunc[data.Dyn]{name: "geo_closest_point_on_polygon", result: data.Dynamic,
			params: []geoParam{gNum, gNum, gDyn},
			sig:    "geo_closest_point_on_polygon(longitude: real, latitude: real, polygon: dynamic): dynamic",
			doc: "Returns the point of a polygon or multipolygon closest to a coordinate (the " +
				"coordinate itself inside it) as a GeoJSON point; invalid input gives null.",
			examples: []Example{{"print geo_closest_point_on_polygon(-73.9839, 40.7705, " + park + ")",
				`{"type":"Point","coordinates":[-73.98120558015391,40.76935945284321]}`}},
			eval: evalClosestPointOnPolygon}.scalar(),
		geoFunc[float64]{name: "geo_polygon_area", result: data.Real,
			params: []geoParam{gDyn},
			sig:    "geo_polygon_area(polygon: dynamic): real",
			doc: "Returns the area in square meters of a polygon or of the union of a " +
				"multipolygon's polygons; an invalid polygon gives null.",
			examples: []Example{{"print round(geo_polygon_area(" + park + "), 3)", "3475207.283"}},
			eval:     evalPolygonArea}.scalar(),
		geoFunc[float64]{name: "geo_polygon_perimeter", result: data.Real,
			params: []geoParam{gDyn},
			sig:    "geo_polygon_perimeter(polygon: dynamic): real",
			doc: "Returns the boundary length in meters of a polygon or of the union of a " +
				"multipolygon's polygons; an invalid polygon gives null.",
			examples: []Example{{"print round(geo_polygon_perimeter(" + park + "), 6)", "9930.301496"}},
			eval:     evalPolygonPerimeter}.scalar(),
		geoFunc[data.Dyn]{name: "geo_polygon_centroid", result: data.Dynamic,
			params: []geoParam{gDyn},
			sig:    "geo_polygon_centroid(polygon: dynamic): dynamic",
			doc: "Returns the centroid of a polygon or of the union of a multipolygon's polygons as " +
				"a GeoJSON point; an invalid polygon gives null.",
			examples: []Example{{"print geo_polygon_centroid(" + park + ")",
				`{"type":"Point","coordinates":[-73.96573568990762,40.78255053805781]}`}},
			eval: evalPolygonCentroid}.scalar(),
	)
}

// polysContain reports whether any of the polygons contains p.
func polysContain(polys []geoPolygon, p vec3) bool {
	for _, poly := range polys {
		if poly.index != nil {
			if in, ok := poly.index.contains(poly.loops, p); ok {
				if in {
					return true
				}
				continue
			}
		}
		in := false
		for _, l := range poly.loops {
			if l.contains(p) {
				in = !in
			}
		}
		if in {
			return true
		}
	}
	return false
}

// closestOnPolys returns the point of the polygons' boundaries closest to
// p.
func closestOnPolys(polys []geoPolygon, p vec3) vec3 {
	best, bestD := vec3{}, 10.0
	for _, poly := range polys {
		c := regionOf(poly).closest(p)
		if d := p.angle(c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func evalPointInPolygon(r *geoRow) (bool, bool) {
	p, ok := r.point(0)
	polys, ok2 := r.parsedPolygons(2)
	if !ok || !ok2 {
		return false, false
	}
	return polysContain(polys, p), true
}

func evalDistancePointToPolygon(r *geoRow) (float64, bool) {
	p, ok := r.point(0)
	polys, ok2 := r.parsedPolygons(2)
	if !ok || !ok2 {
		return 0, false
	}
	if polysContain(polys, p) {
		return 0, true
	}
	return p.angle(closestOnPolys(polys, p)) * geoEarthRadius, true
}

func evalClosestPointOnPolygon(r *geoRow) (data.Dyn, bool) {
	p, ok := r.point(0)
	polys, ok2 := r.parsedPolygons(2)
	if !ok || !ok2 {
		return data.Dyn{}, false
	}
	if polysContain(polys, p) {
		return geoPointDyn(p), true
	}
	return geoPointDyn(closestOnPolys(polys, p)), true
}

type parsedRegion struct {
	g  *geoRegion
	ok bool
}

// region returns argument k as the union of its polygons (once when the
// argument is constant).
func (r *geoRow) region(k int) (*geoRegion, bool) {
	v := r.parsed(k, func(d data.Dyn) any {
		s, ok := parseGeoJSON(d)
		if !ok || (s.kind != gkPolygon && s.kind != gkMultiPolygon) {
			return parsedRegion{}
		}
		return parsedRegion{unionOf(s.polys), true}
	}).(parsedRegion)
	return v.g, v.ok
}

func evalPolygonArea(r *geoRow) (float64, bool) {
	g, ok := r.region(0)
	if !ok {
		return 0, false
	}
	return g.area() * geoEarthRadius * geoEarthRadius, true
}

func evalPolygonPerimeter(r *geoRow) (float64, bool) {
	g, ok := r.region(0)
	if !ok {
		return 0, false
	}
	return g.perimeter() * geoEarthRadius, true
}

func evalPolygonCentroid(r *geoRow) (data.Dyn, bool) {
	g, ok := r.region(0)
	if !ok {
		return data.Dyn{}, false
	}
	c := g.centroid()
	if c.isZero() {
		return data.Dyn{}, false
	}
	return geoPointDyn(c), true
}
