package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		geoFunc[data.Dyn]{name: "geo_line_simplify", result: data.Dynamic,
			params: []geoParam{gDyn, gNum}, optional: 1,
			sig: "geo_line_simplify(lineString: dynamic, [tolerance: real]): dynamic",
			doc: "Simplifies a line or multiline by dropping vertices while the result stays within " +
				"tolerance meters (10 by default) of it; null for invalid input or when the line vanishes.",
			examples: []Example{{"print geo_line_simplify(dynamic({\"type\":\"LineString\",\"coordinates\":" +
				"[[-73.97033169865608,40.789063020152824],[-73.97052884101868,40.7887949601531]," +
				"[-73.97079303860664,40.788434498977836]]}), 10)",
				`{"type":"LineString","coordinates":[[-73.97033169865608,40.789063020152824],` +
					`[-73.97079303860664,40.788434498977836]]}`}},
			eval: evalLineSimplify}.scalar(),
		geoFunc[data.Dyn]{name: "geo_polygon_simplify", result: data.Dynamic,
			params: []geoParam{gDyn, gNum}, optional: 1,
			sig: "geo_polygon_simplify(polygon: dynamic, [tolerance: real]): dynamic",
			doc: "Simplifies a polygon or multipolygon by dropping vertices while the result stays " +
				"within tolerance meters (10 by default) of it; null for invalid input or when it vanishes.",
			examples: []Example{{"print geo_polygon_simplify(dynamic({\"type\":\"Polygon\",\"coordinates\":" +
				"[[[5,48],[0,50],[0,47],[4,47],[5,48]]]}), 1000000)", "null"}},
			eval: evalPolygonSimplify}.scalar(),
	)
}

// simplifyTolerance reads the optional tolerance (meters, default 10) as
// an angle.
func (r *geoRow) simplifyTolerance(k int) (float64, bool) {
	tol := 10.0
	if r.has(k) {
		var ok bool
		if tol, ok = r.num(k); !ok || !(tol >= 0) || math.IsInf(tol, 1) {
			return 0, false
		}
	}
	return tol / geoEarthRadius, true
}

// simplifyChain greedily replaces runs of vertices by one edge while every
// dropped vertex stays within tol of it, then merges vertices closer than
// tol to the previous kept one.
func simplifyChain(pts []vec3, tol float64) []vec3 {
	out := []vec3{pts[0]}
	i := 0
	for i < len(pts)-1 {
		j := i + 1
		for j+1 < len(pts) && chainFits(pts, i, j+1, tol) {
			j++
		}
		out = append(out, pts[j])
		i = j
	}
	merged := out[:1]
	for _, p := range out[1:] {
		if tol > 0 && p.angle(merged[len(merged)-1]) < tol {
			continue
		}
		merged = append(merged, p)
	}
	if last := out[len(out)-1]; !merged[len(merged)-1].equal(last) && len(merged) > 1 {
		merged[len(merged)-1] = last
	}
	return merged
}

// chainFits reports whether all vertices strictly between i and j lie
// within tol of the edge from pts[i] to pts[j].
func chainFits(pts []vec3, i, j int, tol float64) bool {
	if pts[i].equal(pts[j]) || pts[i].add(pts[j]).norm2() < 1e-30 {
		return false
	}
	for k := i + 1; k < j; k++ {
		if edgeDistance(pts[k], pts[i], pts[j]) > tol {
			return false
		}
	}
	return true
}

func evalLineSimplify(r *geoRow) (data.Dyn, bool) {
	lines, ok := r.parsedLines(0)
	tol, ok2 := r.simplifyTolerance(1)
	if !ok || !ok2 {
		return data.Dyn{}, false
	}
	var out [][]vec3
	for _, l := range lines {
		s := simplifyChain(l, tol)
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return data.Dyn{}, false
	}
	return geoMultiLineDyn(out), true
}

func evalPolygonSimplify(r *geoRow) (data.Dyn, bool) {
	polys, ok := r.parsedPolygons(0)
	tol, ok2 := r.simplifyTolerance(1)
	if !ok || !ok2 {
		return data.Dyn{}, false
	}
	out := simplifyPolygons(polys, tol)
	if len(out) == 0 {
		return data.Dyn{}, false
	}
	return geoPolygonsDyn(out), true
}

// simplifyPolygons simplifies every ring of the polygons; a polygon whose
// shell vanishes is dropped, and so is a vanishing hole.
func simplifyPolygons(polys []geoPolygon, tol float64) [][][]vec3 {
	var out [][][]vec3
	for _, p := range polys {
		g := regionOf(p)
		var rings [][]vec3
		for i, ring := range g.rings {
			closed := append(append([]vec3(nil), ring...), ring[0])
			s := simplifyChain(closed, tol)
			if len(s) < 4 {
				if i == 0 {
					break
				}
				continue
			}
			rings = append(rings, s[:len(s)-1])
		}
		if len(rings) > 0 {
			out = append(out, rings)
		}
	}
	return out
}
