package functions

import (
	"github.com/kqlkit/kqlkit/data"
)

// geoKind is the GeoJSON type of a shape.
type geoKind uint8

const (
	gkNone geoKind = iota
	gkPoint
	gkLine
	gkMultiLine
	gkPolygon
	gkMultiPolygon
	gkCollection
)

// geoShape is a parsed GeoJSON geometry. Points are unit vectors.
type geoShape struct {
	kind  geoKind
	point vec3
	lines [][]vec3     // LineString (one) and MultiLineString
	polys []geoPolygon // Polygon (one) and MultiPolygon
	geoms []geoShape   // GeometryCollection
}

// geoPolygon is a polygon: its loops, the shell first. Every loop is
// normalized to enclose the smaller of the two regions it bounds; a point
// is inside the polygon when an odd number of loops contain it.
type geoPolygon struct {
	loops []*geoLoop
	index *s2Index // built after repeated containment tests of a large polygon
}

// parseGeoJSON parses a GeoJSON geometry (Point, LineString, Polygon, their
// Multi forms and GeometryCollection) and reports false when it is not valid
// for Kusto.
func parseGeoJSON(d data.Dyn) (geoShape, bool) {
	if d.Kind() != data.DynBag {
		return geoShape{}, false
	}
	t, ok := d.Get("type")
	if !ok || t.Kind() != data.DynString {
		return geoShape{}, false
	}
	if t.Str() == "GeometryCollection" {
		return parseGeoCollection(d)
	}
	c, ok := d.Get("coordinates")
	if !ok {
		return geoShape{}, false
	}
	switch t.Str() {
	case "Point":
		p, ok := geoCoord(c)
		return geoShape{kind: gkPoint, point: p}, ok
	case "LineString":
		l, ok := geoLineCoords(c)
		return geoShape{kind: gkLine, lines: [][]vec3{l}}, ok
	case "MultiLineString":
		return parseGeoMulti(c, gkMultiLine)
	case "Polygon":
		p, ok := geoPolygonCoords(c)
		return geoShape{kind: gkPolygon, polys: []geoPolygon{p}}, ok
	case "MultiPolygon":
		return parseGeoMulti(c, gkMultiPolygon)
	}
	return geoShape{}, false
}

func parseGeoCollection(d data.Dyn) (geoShape, bool) {
	g, ok := d.Get("geometries")
	if !ok || g.Kind() != data.DynArray {
		return geoShape{}, false
	}
	s := geoShape{kind: gkCollection}
	for _, it := range g.Items() {
		sub, ok := parseGeoJSON(it)
		if !ok {
			return geoShape{}, false
		}
		s.geoms = append(s.geoms, sub)
	}
	return s, true
}

func parseGeoMulti(c data.Dyn, kind geoKind) (geoShape, bool) {
	if c.Kind() != data.DynArray || c.Len() == 0 {
		return geoShape{}, false
	}
	s := geoShape{kind: kind}
	for _, it := range c.Items() {
		if kind == gkMultiLine {
			l, ok := geoLineCoords(it)
			if !ok {
				return geoShape{}, false
			}
			s.lines = append(s.lines, l)
			continue
		}
		p, ok := geoPolygonCoords(it)
		if !ok {
			return geoShape{}, false
		}
		s.polys = append(s.polys, p)
	}
	return s, true
}

// geoLngLat reads a [longitude, latitude] pair.
func geoLngLat(c data.Dyn) (lng, lat float64, ok bool) {
	if c.Kind() != data.DynArray || c.Len() != 2 {
		return 0, 0, false
	}
	lng, ok1 := dynNumber(c.Index(0))
	lat, ok2 := dynNumber(c.Index(1))
	if !ok1 || !ok2 || !geoValid(lng, lat) {
		return 0, 0, false
	}
	return lng, lat, true
}

// geoCoord reads a [longitude, latitude] pair as a point.
func geoCoord(c data.Dyn) (vec3, bool) {
	lng, lat, ok := geoLngLat(c)
	if !ok {
		return vec3{}, false
	}
	return geoPoint(lng, lat), true
}

// geoCoordList reads an array of at least min coordinates.
func geoCoordList(c data.Dyn, min int) ([]vec3, bool) {
	if c.Kind() != data.DynArray || c.Len() < min {
		return nil, false
	}
	pts := make([]vec3, c.Len())
	for i, it := range c.Items() {
		p, ok := geoCoord(it)
		if !ok {
			return nil, false
		}
		pts[i] = p
	}
	return pts, true
}

// geoLineCoords reads a LineString's coordinates: at least two points, no
// edge between antipodal points.
func geoLineCoords(c data.Dyn) ([]vec3, bool) {
	pts, ok := geoCoordList(c, 2)
	if !ok {
		return nil, false
	}
	for i := 1; i < len(pts); i++ {
		if pts[i].equal(pts[i-1]) || pts[i].add(pts[i-1]).norm2() < 1e-30 {
			return nil, false
		}
	}
	return pts, true
}

// geoPolygonCoords reads and validates a Polygon's rings.
func geoPolygonCoords(c data.Dyn) (geoPolygon, bool) {
	if c.Kind() != data.DynArray || c.Len() == 0 {
		return geoPolygon{}, false
	}
	p := geoPolygon{index: &s2Index{}}
	for _, ring := range c.Items() {
		pts, ok := geoCoordList(ring, 4)
		if !ok || !pts[0].equal(pts[len(pts)-1]) {
			return geoPolygon{}, false
		}
		l, ok := newGeoLoop(pts[:len(pts)-1])
		if !ok {
			return geoPolygon{}, false
		}
		p.loops = append(p.loops, l)
	}
	if !loopsDisjointEdges(p.loops) {
		return geoPolygon{}, false
	}
	return p, true
}

type parsedShape struct {
	s  geoShape
	ok bool
}

// shape returns dynamic argument k parsed as GeoJSON (once when constant).
func (r *geoRow) shape(k int) (geoShape, bool) {
	v := r.parsed(k, func(d data.Dyn) any {
		s, ok := parseGeoJSON(d)
		return parsedShape{s, ok}
	}).(parsedShape)
	return v.s, v.ok
}

// parsedLines returns argument k as the lines of a LineString or
// MultiLineString.
func (r *geoRow) parsedLines(k int) ([][]vec3, bool) {
	s, ok := r.shape(k)
	if !ok || (s.kind != gkLine && s.kind != gkMultiLine) {
		return nil, false
	}
	return s.lines, true
}

// parsedPolygons returns argument k as the polygons of a Polygon or
// MultiPolygon.
func (r *geoRow) parsedPolygons(k int) ([]geoPolygon, bool) {
	s, ok := r.shape(k)
	if !ok || (s.kind != gkPolygon && s.kind != gkMultiPolygon) {
		return nil, false
	}
	return s.polys, true
}

// GeoJSON output.

func geoCoordDyn(p vec3) data.Dyn {
	lng, lat := p.lngLat()
	return data.DynArrayOf([]data.Dyn{data.DynRealOf(lng), data.DynRealOf(lat)})
}

func geoCoordsDyn(pts []vec3) data.Dyn {
	out := make([]data.Dyn, len(pts))
	for i, p := range pts {
		out[i] = geoCoordDyn(p)
	}
	return data.DynArrayOf(out)
}

func geoJSON(kind string, coords data.Dyn) data.Dyn {
	return data.DynBagOf([]string{"type", "coordinates"}, []data.Dyn{data.DynStringOf(kind), coords})
}

func geoPointDyn(p vec3) data.Dyn { return geoJSON("Point", geoCoordDyn(p)) }

func geoLineDyn(pts []vec3) data.Dyn { return geoJSON("LineString", geoCoordsDyn(pts)) }

func geoMultiLineDyn(lines [][]vec3) data.Dyn {
	if len(lines) == 1 {
		return geoLineDyn(lines[0])
	}
	out := make([]data.Dyn, len(lines))
	for i, l := range lines {
		out[i] = geoCoordsDyn(l)
	}
	return geoJSON("MultiLineString", data.DynArrayOf(out))
}

// geoRingDyn writes a loop as a closed ring.
func geoRingDyn(pts []vec3) data.Dyn {
	ring := make([]vec3, 0, len(pts)+1)
	ring = append(ring, pts...)
	ring = append(ring, pts[0])
	return geoCoordsDyn(ring)
}

func geoPolygonRings(rings [][]vec3) data.Dyn {
	out := make([]data.Dyn, len(rings))
	for i, r := range rings {
		out[i] = geoRingDyn(r)
	}
	return data.DynArrayOf(out)
}

// geoPolygonsDyn writes polygons (each a list of loops, shell first) as a
// Polygon or a MultiPolygon.
func geoPolygonsDyn(polys [][][]vec3) data.Dyn {
	if len(polys) == 1 {
		return geoJSON("Polygon", geoPolygonRings(polys[0]))
	}
	out := make([]data.Dyn, len(polys))
	for i, p := range polys {
		out[i] = geoPolygonRings(p)
	}
	return geoJSON("MultiPolygon", data.DynArrayOf(out))
}

// geoEmptyDyn is the empty GeometryCollection Kusto returns for an empty
// result.
func geoEmptyDyn() data.Dyn {
	return data.DynBagOf([]string{"type", "geometries"},
		[]data.Dyn{data.DynStringOf("GeometryCollection"), data.DynArrayOf(nil)})
}
