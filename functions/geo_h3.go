package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	const cell = "'862a1072fffffff'"
	register(
		geoFunc[string]{name: "geo_point_to_h3cell", result: data.String,
			params: []geoParam{gNum, gNum, gNum}, optional: 1,
			sig: "geo_point_to_h3cell(longitude: real, latitude: real, [resolution: int]): string",
			doc: "Returns the token of the H3 cell of resolution 0 to 15 (6 by default) holding a " +
				"coordinate; invalid coordinates or resolution give the empty string.",
			examples: []Example{{"print geo_point_to_h3cell(-74.04450446039874, 40.689250859314974, 6)",
				"\"862a1072fffffff\""}},
			eval: evalPointToH3Cell}.scalar(),
		geoFunc[data.Dyn]{name: "geo_h3cell_to_central_point", result: data.Dynamic,
			params: []geoParam{gStr},
			sig:    "geo_h3cell_to_central_point(h3cell: string): dynamic",
			doc:    "Returns the center of an H3 cell as a GeoJSON point; an invalid token gives null.",
			examples: []Example{{"print round(todouble(geo_h3cell_to_central_point(" + cell + ").coordinates[0]), 9)",
				"-74.01600848"}},
			eval: evalH3Center}.scalar(),
		geoFunc[data.Dyn]{name: "geo_h3cell_to_polygon", result: data.Dynamic,
			params:   []geoParam{gStr},
			sig:      "geo_h3cell_to_polygon(h3cell: string): dynamic",
			doc:      "Returns the boundary of an H3 cell as a GeoJSON polygon; an invalid token gives null.",
			examples: []Example{{"print array_length(geo_h3cell_to_polygon(" + cell + ").coordinates[0])", "7"}},
			eval:     evalH3Polygon}.scalar(),
		geoFunc[int64]{name: "geo_h3cell_level", result: data.Int,
			params:   []geoParam{gStr},
			sig:      "geo_h3cell_level(h3cell: string): int",
			doc:      "Returns the resolution (0 to 15) of an H3 cell; an invalid token gives null.",
			examples: []Example{{"print geo_h3cell_level(" + cell + ")", "6"}},
			eval:     evalH3Level}.scalar(),
		geoFunc[string]{name: "geo_h3cell_parent", result: data.String,
			params: []geoParam{gStr, gNum}, optional: 1,
			sig: "geo_h3cell_parent(h3cell: string, [resolution: int]): string",
			doc: "Returns the token of an H3 cell's parent at a resolution (0 to 14, the next " +
				"coarser one by default); invalid input gives the empty string.",
			examples: []Example{{"print geo_h3cell_parent(" + cell + ", 1)", "\"812a3ffffffffff\""}},
			eval:     evalH3Parent}.scalar(),
		geoFunc[data.Dyn]{name: "geo_h3cell_children", result: data.Dynamic,
			params: []geoParam{gStr, gNum}, optional: 1,
			sig: "geo_h3cell_children(h3cell: string, [resolution: int]): dynamic",
			doc: "Returns the tokens of an H3 cell's children at a resolution (at most 5 finer, " +
				"the next one by default); invalid input gives null.",
			examples: []Example{{"print array_length(geo_h3cell_children(" + cell + "))", "7"}},
			eval:     evalH3Children}.scalar(),
		geoFunc[data.Dyn]{name: "geo_h3cell_neighbors", result: data.Dynamic,
			params: []geoParam{gStr},
			sig:    "geo_h3cell_neighbors(h3cell: string): dynamic",
			doc:    "Returns the tokens of the H3 cells around a cell; an invalid token gives null.",
			examples: []Example{{"print geo_h3cell_neighbors(" + cell + ")",
				`["862a10777ffffff","862a100d7ffffff","862a100dfffffff","862a1070fffffff",` +
					`"862a10707ffffff","862a10727ffffff"]`}},
			eval: evalH3Neighbors}.scalar(),
		geoFunc[data.Dyn]{name: "geo_h3cell_rings", result: data.Dynamic,
			params: []geoParam{gStr, gNum},
			sig:    "geo_h3cell_rings(h3cell: string, distance: int): dynamic",
			doc: "Returns the rings of H3 cells around a cell up to a grid distance (0 to 142): " +
				"an array whose element k lists the cells at distance k; invalid input gives null.",
			examples: []Example{{"print array_length(geo_h3cell_rings(" + cell + ", 2))", "3"}},
			eval:     evalH3Rings}.scalar(),
	)
}

// intArg reads an optional integral argument k in [lo, hi] (def when
// absent).
func (r *geoRow) intArg(k, def, lo, hi int) (int, bool) {
	if !r.has(k) {
		return def, true
	}
	v, ok := r.num(k)
	if !ok || v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
		return 0, false
	}
	return int(v), true
}

func evalPointToH3Cell(r *geoRow) (string, bool) {
	p, ok := r.point(0)
	res, ok2 := r.intArg(2, 6, 0, h3MaxRes)
	if !ok || !ok2 {
		return "", false
	}
	h := h3FromPoint(p, res)
	if h == 0 {
		return "", false
	}
	return h.String(), true
}

func evalH3Center(r *geoRow) (data.Dyn, bool) {
	h, ok := parseH3(r.str(0))
	if !ok {
		return data.Dyn{}, false
	}
	return geoPointDyn(h.center()), true
}

func evalH3Polygon(r *geoRow) (data.Dyn, bool) {
	h, ok := parseH3(r.str(0))
	if !ok {
		return data.Dyn{}, false
	}
	return geoPolygonsDyn([][][]vec3{{h.boundary()}}), true
}

func evalH3Level(r *geoRow) (int64, bool) {
	h, ok := parseH3(r.str(0))
	return int64(h.res()), ok
}

func evalH3Parent(r *geoRow) (string, bool) {
	h, ok := parseH3(r.str(0))
	if !ok || h.res() == 0 && !r.has(1) {
		return "", false
	}
	res, ok := r.intArg(1, h.res()-1, 0, h3MaxRes-1)
	if !ok || res > h.res() {
		return "", false
	}
	return h.parent(res).String(), true
}

func h3TokensDyn(cells []h3Index) data.Dyn {
	out := make([]data.Dyn, len(cells))
	for i, c := range cells {
		out[i] = data.DynStringOf(c.String())
	}
	return data.DynArrayOf(out)
}

func evalH3Children(r *geoRow) (data.Dyn, bool) {
	h, ok := parseH3(r.str(0))
	if !ok || h.res() == h3MaxRes && !r.has(1) {
		return data.Dyn{}, false
	}
	res, ok := r.intArg(1, h.res()+1, 1, h3MaxRes)
	if !ok || res < h.res() || res-h.res() > 5 {
		return data.Dyn{}, false
	}
	return h3TokensDyn(h.children(res, nil)), true
}

// h3NeighborOrder lists the six neighbors of a hexagon, indexed in the
// order the H3 library walks its first ring (the cells toward ij, j, jk,
// k, ik and i), in the order Kusto returns them.
var h3NeighborOrder = [6]int{3, 5, 4, 2, 1, 0}

func evalH3Neighbors(r *geoRow) (data.Dyn, bool) {
	h, ok := parseH3(r.str(0))
	if !ok {
		return data.Dyn{}, false
	}
	cells, _, fast := h.gridDiskFast(1)
	if fast {
		ring := make([]h3Index, 6)
		for i, k := range h3NeighborOrder {
			ring[i] = cells[1+k]
		}
		return h3TokensDyn(ring), true
	}
	cells, dists := h.gridDiskSafe(1)
	var ring []h3Index
	for i, c := range cells {
		if dists[i] == 1 {
			ring = append(ring, c)
		}
	}
	return h3TokensDyn(ring), true
}

func evalH3Rings(r *geoRow) (data.Dyn, bool) {
	h, ok := parseH3(r.str(0))
	k, ok2 := r.num(1)
	if !ok || !ok2 || k != math.Trunc(k) || k < 0 || k > 142 {
		return data.Dyn{}, false
	}
	cells, dists := h.gridDisk(int(k))
	rings := make([][]h3Index, int(k)+1)
	for i, c := range cells {
		rings[dists[i]] = append(rings[dists[i]], c)
	}
	out := make([]data.Dyn, len(rings))
	for i, ring := range rings {
		out[i] = h3TokensDyn(ring)
	}
	return data.DynArrayOf(out), true
}
