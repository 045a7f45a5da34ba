package functions

import (
	"sort"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		geoFunc[data.Dyn]{name: "geo_union_polygons_array", result: data.Dynamic,
			params: []geoParam{gDyn},
			sig:    "geo_union_polygons_array(polygons: dynamic): dynamic",
			doc: "Returns the union of an array of polygons and multipolygons as a GeoJSON polygon " +
				"or multipolygon; an invalid element gives null.",
			examples: []Example{{"print array_length(geo_union_polygons_array(pack_array(dynamic({\"type\":\"Polygon\"," +
				"\"coordinates\":[[[0,0],[2,0],[2,2],[0,0]]]}), dynamic({\"type\":\"Polygon\"," +
				"\"coordinates\":[[[1,0],[3,0],[3,2],[1,0]]]}))).coordinates[0])", "8"}},
			eval: evalUnionPolygonsArray}.scalar(),
		geoFunc[data.Dyn]{name: "geo_union_lines_array", result: data.Dynamic,
			params: []geoParam{gDyn},
			sig:    "geo_union_lines_array(lineStrings: dynamic): dynamic",
			doc: "Returns the union of an array of lines and multilines as a GeoJSON line or " +
				"multiline; an invalid element gives null.",
			examples: []Example{{"print geo_union_lines_array(pack_array(dynamic({\"type\":\"LineString\"," +
				"\"coordinates\":[[0,0],[1,0]]}), dynamic({\"type\":\"LineString\",\"coordinates\":[[1,0],[2,0]]})))",
				`{"type":"LineString","coordinates":[[0.0,0.0],[1.0,0.0],[2.0,0.0]]}`}},
			eval: evalUnionLinesArray}.scalar(),
		geoFunc[data.Dyn]{name: "geo_simplify_polygons_array", result: data.Dynamic,
			params: []geoParam{gDyn, gNum}, optional: 1,
			sig: "geo_simplify_polygons_array(polygons: dynamic, [tolerance: real]): dynamic",
			doc: "Simplifies an array of polygons and multipolygons, dropping vertices while the " +
				"result stays within tolerance meters (10 by default); null for invalid input or " +
				"when everything vanishes.",
			examples: []Example{{"print isnull(geo_simplify_polygons_array(pack_array(dynamic({\"type\":\"Polygon\"," +
				"\"coordinates\":[[[0,0],[0.01,0],[0.01,0.01],[0,0]]]})), 10000))", "true"}},
			eval: evalSimplifyPolygonsArray}.scalar(),
	)
}

// nestRings orders oriented rings the way an S2 polygon keeps its loops:
// depth first, each shell followed by the holes it holds.
func nestRings(rings [][]vec3) [][]vec3 {
	loops := make([]*geoLoop, len(rings))
	for i, r := range rings {
		loops[i] = makeLoop(r)
	}
	children := map[int][]int{}
	for i := range rings {
		nestInsert(loops, children, i)
	}
	var out [][]vec3
	var walk func(p int)
	walk = func(p int) {
		for _, c := range children[p] {
			out = append(out, rings[c])
			walk(c)
		}
	}
	walk(-1)
	return out
}

func nestInsert(loops []*geoLoop, children map[int][]int, n int) {
	parent := -1
	for moved := true; moved; {
		moved = false
		for _, c := range children[parent] {
			if loopInside(loops[n], loops[c]) {
				parent, moved = c, true
				break
			}
		}
	}
	var keep []int
	for _, c := range children[parent] {
		if loopInside(loops[c], loops[n]) {
			children[n] = append(children[n], c)
		} else {
			keep = append(keep, c)
		}
	}
	children[parent] = append(keep, n)
}

// unionAll returns the union of regions, combining them two at a time,
// the smallest (by vertex count) first, as S2's polygon union does.
func unionAll(regions []*geoRegion) *geoRegion {
	type item struct {
		size, seq int
		g         *geoRegion
	}
	var q []item
	for i, g := range regions {
		q = append(q, item{g.numVertices(), i, g})
	}
	seq := len(q)
	for len(q) > 1 {
		sort.SliceStable(q, func(i, j int) bool {
			if q[i].size != q[j].size {
				return q[i].size < q[j].size
			}
			return q[i].seq < q[j].seq
		})
		a, b := q[0], q[1]
		u := regionFromRings(nestRings(booleanOp([]*geoRegion{a.g, b.g}, keepUnion)))
		q = append(q[2:], item{a.size + b.size, seq, u})
		seq++
	}
	if len(q) == 0 {
		return &geoRegion{}
	}
	return q[0].g
}

func (g *geoRegion) numVertices() int {
	n := 0
	for _, r := range g.rings {
		n += len(r)
	}
	return n
}

// polygonArray parses an array of polygons and multipolygons.
func polygonArray(d data.Dyn) ([][]geoPolygon, bool) {
	if d.Kind() != data.DynArray {
		return nil, false
	}
	out := make([][]geoPolygon, d.Len())
	for i, it := range d.Items() {
		s, ok := parseGeoJSON(it)
		if !ok || (s.kind != gkPolygon && s.kind != gkMultiPolygon) {
			return nil, false
		}
		out[i] = s.polys
	}
	return out, true
}

func evalUnionPolygonsArray(r *geoRow) (data.Dyn, bool) {
	arr, ok := polygonArray(r.dyn(0))
	if !ok {
		return data.Dyn{}, false
	}
	regions := make([]*geoRegion, len(arr))
	for i, polys := range arr {
		regions[i] = unionOf(polys)
	}
	g := unionAll(regions)
	if g.isEmpty() {
		return geoEmptyDyn(), true
	}
	return geoPolygonsDyn(g.polygons()), true
}

func evalSimplifyPolygonsArray(r *geoRow) (data.Dyn, bool) {
	arr, ok := polygonArray(r.dyn(0))
	tol, ok2 := r.simplifyTolerance(1)
	if !ok || !ok2 {
		return data.Dyn{}, false
	}
	var out [][][]vec3
	for _, polys := range arr {
		out = append(out, simplifyPolygons(polys, tol)...)
	}
	if len(out) == 0 {
		return data.Dyn{}, false
	}
	return geoPolygonsDyn(out), true
}

func evalUnionLinesArray(r *geoRow) (data.Dyn, bool) {
	d := r.dyn(0)
	if d.Kind() != data.DynArray {
		return data.Dyn{}, false
	}
	type edge struct{ a, b vec3 }
	var edges []edge
	seen := map[edge]bool{}
	for _, it := range d.Items() {
		s, ok := parseGeoJSON(it)
		if !ok || (s.kind != gkLine && s.kind != gkMultiLine) {
			return data.Dyn{}, false
		}
		for _, l := range s.lines {
			for i := 1; i < len(l); i++ {
				e := edge{l[i-1], l[i]}
				if !seen[e] {
					seen[e] = true
					edges = append(edges, e)
				}
			}
		}
	}
	if len(edges) == 0 {
		return geoEmptyDyn(), true
	}
	in, out := map[vec3]int{}, map[vec3][]int{}
	for i, e := range edges {
		in[e.b]++
		out[e.a] = append(out[e.a], i)
	}
	used := make([]bool, len(edges))
	var lines [][]vec3
	chain := func(start int) {
		l := []vec3{edges[start].a}
		for cur := start; cur >= 0 && !used[cur]; {
			used[cur] = true
			v := edges[cur].b
			l = append(l, v)
			cur = -1
			if in[v] == 1 && len(out[v]) == 1 {
				cur = out[v][0]
			}
		}
		lines = append(lines, l)
	}
	for i, e := range edges {
		if !used[i] && (in[e.a] != 1 || len(out[e.a]) != 1) {
			chain(i)
		}
	}
	for i := range edges {
		if !used[i] {
			chain(i)
		}
	}
	return geoMultiLineDyn(lines), true
}
