package functions

import (
	"slices"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	const (
		l1 = `dynamic({"type":"LineString","coordinates":[[-73.978929,40.785155],[-73.980903,40.782621]]})`
		l2 = `dynamic({"type":"LineString","coordinates":[[-73.985195,40.788275],[-73.974552,40.779761]]})`
		p1 = `dynamic({"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]})`
		p2 = `dynamic({"type":"Polygon","coordinates":[[[1,1],[3,1],[3,3],[1,3],[1,1]]]})`
	)
	register(
		geoFunc[bool]{name: "geo_intersects_2lines", result: data.Bool,
			params:   []geoParam{gDyn, gDyn},
			sig:      "geo_intersects_2lines(lineString1: dynamic, lineString2: dynamic): bool",
			doc:      "Returns whether two lines or multilines intersect; invalid input gives null.",
			examples: []Example{{"print geo_intersects_2lines(" + l1 + ", " + l2 + ")", "true"}},
			eval:     evalIntersects2Lines}.scalar(),
		geoFunc[bool]{name: "geo_intersects_line_with_polygon", result: data.Bool,
			params: []geoParam{gDyn, gDyn},
			sig:    "geo_intersects_line_with_polygon(lineString: dynamic, polygon: dynamic): bool",
			doc: "Returns whether a line or multiline intersects a polygon or multipolygon (which " +
				"contains its boundary); invalid input gives null.",
			examples: []Example{{"print geo_intersects_line_with_polygon(" + l1 + ", " + p1 + ")", "false"}},
			eval:     evalIntersectsLineWithPolygon}.scalar(),
		geoFunc[bool]{name: "geo_intersects_2polygons", result: data.Bool,
			params: []geoParam{gDyn, gDyn},
			sig:    "geo_intersects_2polygons(polygon1: dynamic, polygon2: dynamic): bool",
			doc: "Returns whether two polygons or multipolygons (which contain their boundaries) " +
				"intersect; invalid input gives null.",
			examples: []Example{{"print geo_intersects_2polygons(" + p1 + ", " + p2 + ")", "true"}},
			eval:     evalIntersects2Polygons}.scalar(),
		geoFunc[data.Dyn]{name: "geo_intersection_2lines", result: data.Dynamic,
			params: []geoParam{gDyn, gDyn},
			sig:    "geo_intersection_2lines(lineString1: dynamic, lineString2: dynamic): dynamic",
			doc: "Returns the intersection of two lines or multilines as GeoJSON (an empty " +
				"GeometryCollection when they do not meet); invalid input gives null.",
			examples: []Example{{"print geo_intersection_2lines(" + l1 + ", " + l2 + ")",
				`{"type":"Point","coordinates":[-73.97983711667098,40.783989289772165]}`}},
			eval: evalIntersection2Lines}.scalar(),
		geoFunc[data.Dyn]{name: "geo_intersection_line_with_polygon", result: data.Dynamic,
			params: []geoParam{gDyn, gDyn},
			sig:    "geo_intersection_line_with_polygon(lineString: dynamic, polygon: dynamic): dynamic",
			doc: "Returns the part of a line or multiline inside a polygon or multipolygon as " +
				"GeoJSON (an empty GeometryCollection when none); invalid input gives null.",
			examples: []Example{{"print geo_intersection_line_with_polygon(dynamic({\"type\":\"LineString\"," +
				"\"coordinates\":[[5,5],[6,6]]}), " + p1 + ")", `{"type":"GeometryCollection","geometries":[]}`}},
			eval: evalIntersectionLineWithPolygon}.scalar(),
		geoFunc[data.Dyn]{name: "geo_intersection_2polygons", result: data.Dynamic,
			params: []geoParam{gDyn, gDyn},
			sig:    "geo_intersection_2polygons(polygon1: dynamic, polygon2: dynamic): dynamic",
			doc: "Returns the intersection of two polygons or multipolygons as GeoJSON (a point " +
				"where they only touch, an empty GeometryCollection when they do not meet); " +
				"invalid input gives null.",
			examples: []Example{{"print geo_polygon_area(geo_intersection_2polygons(" + p1 + ", " + p2 + "))",
				"12361209189.182285"}},
			eval: evalIntersection2Polygons}.scalar(),
	)
}

// edgesMeet reports whether edges a-b and c-d have a point in common.
func edgesMeet(a, b, c, d vec3) bool {
	switch crossingSign(a, b, c, d) {
	case 1:
		return true
	case -1:
		return false
	}
	if a.equal(c) || a.equal(d) || b.equal(c) || b.equal(d) {
		return true
	}
	return onEdge(a, c, d) || onEdge(b, c, d) || onEdge(c, a, b) || onEdge(d, a, b)
}

// onEdge reports whether p lies on edge a-b.
func onEdge(p, a, b vec3) bool { return edgeDistance(p, a, b) < 1e-15 }

// chainEdges calls f with every edge of the lines.
func linesMeet(l1, l2 [][]vec3) bool {
	for _, x := range l1 {
		for i := 1; i < len(x); i++ {
			for _, y := range l2 {
				for j := 1; j < len(y); j++ {
					if edgesMeet(x[i-1], x[i], y[j-1], y[j]) {
						return true
					}
				}
			}
		}
	}
	return false
}

// boundaryLines returns the rings of a region as closed lines.
func boundaryLines(g *geoRegion) [][]vec3 {
	out := make([][]vec3, len(g.rings))
	for i, r := range g.rings {
		out[i] = append(slices.Clone(r), r[0])
	}
	return out
}

// containsClosed reports whether the region or its boundary holds p.
func containsClosed(g *geoRegion, p vec3) bool {
	if g.contains(p) {
		return true
	}
	for _, r := range g.rings {
		for i := range r {
			if onEdge(p, r[i], r[(i+1)%len(r)]) {
				return true
			}
		}
	}
	return false
}

func evalIntersects2Lines(r *geoRow) (bool, bool) {
	a, ok1 := r.parsedLines(0)
	b, ok2 := r.parsedLines(1)
	if !ok1 || !ok2 {
		return false, false
	}
	return linesMeet(a, b), true
}

func evalIntersectsLineWithPolygon(r *geoRow) (bool, bool) {
	lines, ok1 := r.parsedLines(0)
	g, ok2 := r.region(1)
	if !ok1 || !ok2 {
		return false, false
	}
	return lines[0] != nil && containsClosed(g, lines[0][0]) || linesMeet(lines, boundaryLines(g)), true
}

func evalIntersects2Polygons(r *geoRow) (bool, bool) {
	a, ok1 := r.region(0)
	b, ok2 := r.region(1)
	if !ok1 || !ok2 {
		return false, false
	}
	if linesMeet(boundaryLines(a), boundaryLines(b)) {
		return true, true
	}
	return containsClosed(a, b.rings[0][0]) || containsClosed(b, a.rings[0][0]), true
}

// meetingPoints returns the points where the lines cross or touch, in the
// order they are found, without repeats.
func meetingPoints(l1, l2 [][]vec3) []vec3 {
	var pts []vec3
	add := func(p vec3) {
		if !slices.Contains(pts, p) {
			pts = append(pts, p)
		}
	}
	for _, x := range l1 {
		for i := 1; i < len(x); i++ {
			a, b := x[i-1], x[i]
			for _, y := range l2 {
				for j := 1; j < len(y); j++ {
					c, d := y[j-1], y[j]
					if crossingSign(a, b, c, d) > 0 {
						add(edgeIntersection(a, b, c, d))
						continue
					}
					for _, p := range [4]vec3{a, b, c, d} {
						if onEdge(p, a, b) && onEdge(p, c, d) {
							add(p)
						}
					}
				}
			}
		}
	}
	return pts
}

// geoPointsDyn writes points as an empty collection, a Point or a
// MultiPoint.
func geoPointsDyn(pts []vec3) data.Dyn {
	switch len(pts) {
	case 0:
		return geoEmptyDyn()
	case 1:
		return geoPointDyn(pts[0])
	}
	return geoJSON("MultiPoint", geoCoordsDyn(pts))
}

func evalIntersection2Lines(r *geoRow) (data.Dyn, bool) {
	a, ok1 := r.parsedLines(0)
	b, ok2 := r.parsedLines(1)
	if !ok1 || !ok2 {
		return data.Dyn{}, false
	}
	return geoPointsDyn(meetingPoints(a, b)), true
}

// clipLines returns the parts of the lines inside the region.
func clipLines(lines [][]vec3, g *geoRegion) [][]vec3 {
	bounds := boundaryLines(g)
	var out [][]vec3
	for _, l := range lines {
		var cur []vec3
		for i := 1; i < len(l); i++ {
			pts := splitAt(l[i-1], l[i], bounds)
			for k := 1; k < len(pts); k++ {
				a, b := pts[k-1], pts[k]
				if !g.contains(a.add(b).normalize()) {
					if len(cur) > 1 {
						out = append(out, cur)
					}
					cur = nil
					continue
				}
				if len(cur) == 0 {
					cur = []vec3{a}
				}
				cur = append(cur, b)
			}
		}
		if len(cur) > 1 {
			out = append(out, cur)
		}
	}
	return out
}

// splitAt returns edge a-b as a chain of points split where the lines
// cross or touch it.
func splitAt(a, b vec3, lines [][]vec3) []vec3 {
	e := &bEdge{a: a, b: b}
	for _, l := range lines {
		for j := 1; j < len(l); j++ {
			c, d := l[j-1], l[j]
			if crossingSign(a, b, c, d) > 0 {
				e.cuts = append(e.cuts, edgeIntersection(a, b, c, d))
				continue
			}
			touch(e, c)
			touch(e, d)
		}
	}
	pts := append([]vec3{a}, sortCuts(e)...)
	return append(pts, b)
}

func evalIntersectionLineWithPolygon(r *geoRow) (data.Dyn, bool) {
	lines, ok1 := r.parsedLines(0)
	g, ok2 := r.region(1)
	if !ok1 || !ok2 {
		return data.Dyn{}, false
	}
	parts := clipLines(lines, g)
	if len(parts) == 0 {
		return geoEmptyDyn(), true
	}
	return geoMultiLineDyn(parts), true
}

func evalIntersection2Polygons(r *geoRow) (data.Dyn, bool) {
	a, ok1 := r.region(0)
	b, ok2 := r.region(1)
	if !ok1 || !ok2 {
		return data.Dyn{}, false
	}
	rings := booleanOp([]*geoRegion{a, b}, keepIntersection)
	if len(rings) == 0 {
		return geoPointsDyn(meetingPoints(boundaryLines(a), boundaryLines(b))), true
	}
	return geoPolygonsDyn(regionFromRings(rings).polygons()), true
}
