package functions

import (
	"math"
	"sort"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		geoFunc[data.Dyn]{name: "geo_polygon_to_h3cells", result: data.Dynamic,
			params: []geoParam{gDyn, gNum, gNum}, optional: 2,
			sig: "geo_polygon_to_h3cells(polygon: dynamic, [resolution: int], [radius: real]): dynamic",
			doc: "Returns the tokens of the H3 cells of one resolution (6 by default) whose centers " +
				"lie in a polygon or multipolygon (with straight edges in longitude and latitude), " +
				"grown by radius meters; null for invalid input or more than 61680 cells.",
			examples: []Example{{"print array_length(geo_polygon_to_h3cells(dynamic({\"type\":\"Polygon\"," +
				"\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}), 4))", "8"}},
			eval: evalPolygonToH3Cells}.scalar(),
	)
}

// geoMaxH3Cells is the most cells geo_polygon_to_h3cells returns.
const geoMaxH3Cells = 61680

// h3EdgeKm is the average edge length of hexagons at each resolution.
var h3EdgeKm = [16]float64{1107.712591, 418.6760055, 158.2446558, 59.81085794, 22.6063794,
	8.544408276, 3.229482772, 1.220629759, 0.461354684, 0.174375668, 0.065907807,
	0.024910561, 0.009415526, 0.003559893, 0.001348575, 0.000509713}

type lngLatRing []lngLatPt

// contains reports whether the rings hold p by the even-odd rule with
// straight edges in longitude and latitude.
func ringsContain(rings []lngLatRing, p lngLatPt) bool {
	in := false
	for _, r := range rings {
		for i := range r {
			a, b := r[i], r[(i+1)%len(r)]
			if (a.y > p.y) != (b.y > p.y) && p.x < a.x+(p.y-a.y)/(b.y-a.y)*(b.x-a.x) {
				in = !in
			}
		}
	}
	return in
}

func evalPolygonToH3Cells(r *geoRow) (data.Dyn, bool) {
	polys, ok := r.parsedPolygons(0)
	res, ok2 := r.intArg(1, 6, 0, h3MaxRes)
	if !ok || !ok2 {
		return data.Dyn{}, false
	}
	radius := 0.0
	if r.has(2) {
		if radius, ok = r.num(2); !ok || !(radius >= 0) || math.IsInf(radius, 0) {
			return data.Dyn{}, false
		}
	}
	var shapes [][]lngLatRing
	if radius > 0 {
		step := 2 * math.Acos(math.Tan(radius/geoEarthRadius*0.999)/math.Tan(radius/geoEarthRadius))
		var paths [][]vec3
		for _, p := range polys {
			for _, ring := range regionOf(p).rings {
				paths = append(paths, ringPath(ring, radius/geoEarthRadius, step))
			}
		}
		for _, p := range windingRegion(paths, bufferRef(paths)).polygons() {
			shapes = append(shapes, toLngLatRings(p))
		}
	} else {
		for _, p := range polys {
			shapes = append(shapes, toLngLatRings(regionOf(p).rings))
		}
	}
	cells, ok := h3Fill(shapes, res)
	if !ok {
		return data.Dyn{}, false
	}
	return h3TokensDyn(cells), true
}

func toLngLatRings(rings [][]vec3) []lngLatRing {
	out := make([]lngLatRing, len(rings))
	for i, r := range rings {
		out[i] = make(lngLatRing, len(r))
		for k, v := range r {
			lng, lat := v.lngLat()
			out[i][k] = lngLatPt{lng, lat}
		}
	}
	return out
}

// h3Fill returns the cells whose centers lie in the shapes, sorted, or
// false when there are too many.
func h3Fill(shapes [][]lngLatRing, res int) ([]h3Index, bool) {
	lo, hi := lngLatPt{180, 90}, lngLatPt{-180, -90}
	for _, s := range shapes {
		for _, r := range s {
			for _, p := range r {
				lo = lngLatPt{math.Min(lo.x, p.x), math.Min(lo.y, p.y)}
				hi = lngLatPt{math.Max(hi.x, p.x), math.Max(hi.y, p.y)}
			}
		}
	}
	edgeDeg := h3EdgeKm[res] * 1000 / geoEarthRadius * radToDeg
	cellArea := 2.598 * edgeDeg * edgeDeg
	cosLat := math.Max(0.05, math.Cos(math.Max(math.Abs(lo.y), math.Abs(hi.y))*degToRad))
	if (hi.x-lo.x)*cosLat*(hi.y-lo.y)/cellArea > 4*geoMaxH3Cells {
		return nil, false
	}
	dy := 0.3 * edgeDeg
	seen := map[h3Index]bool{}
	var out []h3Index
	for y := lo.y - dy; y <= hi.y+dy; y += dy {
		lat := math.Max(-90, math.Min(90, y))
		dx := dy / math.Max(0.01, math.Cos(lat*degToRad))
		for x := lo.x - dx; x <= hi.x+dx; x += dx {
			h := h3FromPoint(fastPoint(math.Max(-180, math.Min(180, x)), lat), res)
			if h == 0 || seen[h] {
				continue
			}
			seen[h] = true
			lng, clat := h.center().lngLat()
			for _, s := range shapes {
				if ringsContain(s, lngLatPt{lng, clat}) {
					out = append(out, h)
					break
				}
			}
			if len(out) > geoMaxH3Cells {
				return nil, false
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, true
}

// fastPoint is geoPoint without correct rounding, for sampling.
func fastPoint(lng, lat float64) vec3 {
	phi, theta := lat*degToRad, lng*degToRad
	c := math.Cos(phi)
	return vec3{math.Cos(theta) * c, math.Sin(theta) * c, math.Sin(phi)}
}
