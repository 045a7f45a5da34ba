package functions

import (
	"math"

	"github.com/golang/geo/s2"

	"github.com/kqlkit/kqlkit/data"
)

// S2 cells come from github.com/golang/geo, the Go port of Google's S2
// library that Kusto's S2 functions are built on: cell ids, tokens and the
// covering of shapes by cells follow it exactly.

func init() {
	register(
		geoFunc[string]{name: "geo_point_to_s2cell", result: data.String,
			params: []geoParam{gNum, gNum, gNum}, optional: 1,
			sig: "geo_point_to_s2cell(longitude: real, latitude: real, [level: int]): string",
			doc: "Returns the token of the S2 cell of level 0 to 30 (11 by default) that holds a " +
				"coordinate; invalid coordinates or level give the empty string.",
			examples: []Example{{"print geo_point_to_s2cell(-80.195829, 25.802215, 8)", "\"88d9b\""}},
			eval:     evalPointToS2Cell}.scalar(),
		geoFunc[data.Dyn]{name: "geo_s2cell_to_central_point", result: data.Dynamic,
			params: []geoParam{gStr},
			sig:    "geo_s2cell_to_central_point(s2cell: string): dynamic",
			doc:    "Returns the center of an S2 cell as a GeoJSON point; an invalid token gives null.",
			examples: []Example{{"print geo_s2cell_to_central_point(\"1234567\")",
				`{"type":"Point","coordinates":[9.86830731850408,27.468392925827605]}`}},
			eval: evalS2CellCenter}.scalar(),
		geoFunc[data.Dyn]{name: "geo_s2cell_to_polygon", result: data.Dynamic,
			params: []geoParam{gStr},
			sig:    "geo_s2cell_to_polygon(s2cell: string): dynamic",
			doc:    "Returns the four-vertex GeoJSON polygon of an S2 cell; an invalid token gives null.",
			examples: []Example{{"print geo_s2cell_to_polygon(\"89c259\")",
				`{"type":"Polygon","coordinates":[[[-74.03001224983848,40.8012684339439],` +
					`[-74.03001224983848,40.7222262918358],[-73.93598211433742,40.708880489804564],` +
					`[-73.93598211433742,40.78791713450684],[-74.03001224983848,40.8012684339439]]]}`}},
			eval: evalS2CellPolygon}.scalar(),
		geoFunc[data.Dyn]{name: "geo_s2cell_neighbors", result: data.Dynamic,
			params: []geoParam{gStr},
			sig:    "geo_s2cell_neighbors(s2cell: string): dynamic",
			doc:    "Returns the tokens of the S2 cells of the same level around a cell; an invalid token gives null.",
			examples: []Example{{"print geo_s2cell_neighbors('89c259')",
				`["89c25d","89c25b","89c2f7","89c257","89c2f5","89c251","89c25f","89c2f9"]`}},
			eval: evalS2CellNeighbors}.scalar(),
		geoFunc[data.Dyn]{name: "geo_polygon_to_s2cells", result: data.Dynamic,
			params: []geoParam{gDyn, gNum, gNum}, optional: 2,
			sig: "geo_polygon_to_s2cells(polygon: dynamic, [level: int], [radius: real]): dynamic",
			doc: "Returns the tokens of the S2 cells of one level (11 by default) covering a polygon " +
				"or multipolygon and, with a radius in meters, every point that close to it; null " +
				"when the input is invalid or more than 65536 cells are needed.",
			examples: []Example{{"print array_length(geo_polygon_to_s2cells(dynamic({\"type\":\"Polygon\"," +
				"\"coordinates\":[[[0,0],[0,1],[1,1],[0,0]]]}), 5))", "4"}},
			eval: evalPolygonToS2Cells}.scalar(),
		geoFunc[data.Dyn]{name: "geo_line_to_s2cells", result: data.Dynamic,
			params: []geoParam{gDyn, gNum, gNum}, optional: 2,
			sig: "geo_line_to_s2cells(lineString: dynamic, [level: int], [radius: real]): dynamic",
			doc: "Returns the tokens of the S2 cells of one level (11 by default) covering a line " +
				"or multiline and, with a radius in meters, every point that close to it; null " +
				"when the input is invalid or more than 65536 cells are needed.",
			examples: []Example{{"print geo_line_to_s2cells(dynamic({\"type\":\"LineString\"," +
				"\"coordinates\":[[1,1],[1,1.1]]}), 5)", `["1004"]`}},
			eval: evalLineToS2Cells}.scalar(),
	)
}

// s2Level reads an optional cell level argument (default 11).
func (r *geoRow) s2Level(k int) (int, bool) {
	if !r.has(k) {
		return 11, true
	}
	lv, ok := r.num(k)
	if !ok || lv != math.Trunc(lv) || lv < 0 || lv > s2.MaxLevel {
		return 0, false
	}
	return int(lv), true
}

func evalPointToS2Cell(r *geoRow) (string, bool) {
	lng, lat, ok := r.coords(0)
	if !ok {
		return "", false
	}
	level, ok := r.s2Level(2)
	if !ok {
		return "", false
	}
	id := s2.CellFromPoint(s2Pt(geoPoint(lng, lat))).ID().Parent(level)
	return id.ToToken(), true
}

// s2Cell parses an S2 cell token.
func s2Cell(token string) (s2.CellID, bool) {
	if token == "" || len(token) > 16 {
		return 0, false
	}
	for i := 0; i < len(token); i++ {
		c := token[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return 0, false
		}
	}
	id := s2.CellIDFromToken(token)
	return id, id.IsValid()
}

func s2PointDyn(p s2.Point) data.Dyn {
	return geoPointDyn(vec3{p.X, p.Y, p.Z})
}

func evalS2CellCenter(r *geoRow) (data.Dyn, bool) {
	id, ok := s2Cell(r.str(0))
	if !ok {
		return data.Dyn{}, false
	}
	return s2PointDyn(id.Point()), true
}

func evalS2CellPolygon(r *geoRow) (data.Dyn, bool) {
	id, ok := s2Cell(r.str(0))
	if !ok {
		return data.Dyn{}, false
	}
	cell := s2.CellFromCellID(id)
	ring := make([]vec3, 4)
	for k := range ring {
		v := cell.Vertex(k)
		ring[k] = vec3{v.X, v.Y, v.Z}
	}
	return geoPolygonsDyn([][][]vec3{{ring}}), true
}

// s2NeighborOrder lists the neighbors, indexed as S2 enumerates them
// (offsets in the cell's i, j axes: (-1,-1), (1,-1), (0,-1), (0,1),
// (-1,0), (1,0), (-1,1), (1,1)), in the order Kusto returns them.
var s2NeighborOrder = [8]int{7, 5, 4, 2, 6, 1, 3, 0}

func evalS2CellNeighbors(r *geoRow) (data.Dyn, bool) {
	id, ok := s2Cell(r.str(0))
	if !ok {
		return data.Dyn{}, false
	}
	all := id.AllNeighbors(id.Level())
	var out []data.Dyn
	seen := map[s2.CellID]bool{id: true}
	for _, k := range s2NeighborOrder {
		if k >= len(all) || seen[all[k]] {
			continue
		}
		seen[all[k]] = true
		out = append(out, data.DynStringOf(all[k].ToToken()))
	}
	return data.DynArrayOf(out), true
}
