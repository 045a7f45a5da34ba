package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		geoFunc[data.Dyn]{name: "geo_point_buffer", result: data.Dynamic,
			params: []geoParam{gNum, gNum, gNum, gNum}, optional: 1,
			sig: "geo_point_buffer(longitude: real, latitude: real, radius: real, [tolerance: real]): dynamic",
			doc: "Returns a polygon approximating the circle of radius meters around a coordinate, " +
				"within tolerance meters (10 by default); invalid input gives null.",
			examples: []Example{{"print array_length(geo_point_buffer(-115.1745008278, 36.1497251277, 20000)" +
				".coordinates[0])", "101"}},
			eval: evalPointBuffer}.scalar(),
		geoFunc[data.Dyn]{name: "geo_line_buffer", result: data.Dynamic,
			params: []geoParam{gDyn, gNum, gNum}, optional: 1,
			sig: "geo_line_buffer(lineString: dynamic, radius: real, [tolerance: real]): dynamic",
			doc: "Returns the polygon or multipolygon of the points within radius meters of a line " +
				"or multiline (round ends), within tolerance meters (10 by default); invalid input gives null.",
			examples: []Example{{"print geo_polygon_area(geo_line_buffer(dynamic({\"type\":\"LineString\"," +
				"\"coordinates\":[[0,0],[0.01,0]]}), 100))", "250146.27653462533"}},
			eval: evalLineBuffer}.scalar(),
		geoFunc[data.Dyn]{name: "geo_polygon_buffer", result: data.Dynamic,
			params: []geoParam{gDyn, gNum, gNum}, optional: 1,
			sig: "geo_polygon_buffer(polygon: dynamic, radius: real, [tolerance: real]): dynamic",
			doc: "Returns the polygon or multipolygon of the points within radius meters of a polygon " +
				"or multipolygon, within tolerance meters (10 by default); invalid input gives null.",
			examples: []Example{{"print geo_polygon_area(geo_polygon_buffer(dynamic({\"type\":\"Polygon\"," +
				"\"coordinates\":[[[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]]]}), 100))", "1709307.4896525515"}},
			eval: evalPolygonBuffer}.scalar(),
	)
}

// bufferArgs reads a radius and an optional tolerance (meters) and
// returns the radius as an angle and the largest angle between two
// consecutive vertices of an arc.
func (r *geoRow) bufferArgs(k int) (radius, step float64, ok bool) {
	rm, ok := r.num(k)
	if !ok || !(rm > 0) || rm >= math.Pi*geoEarthRadius {
		return 0, 0, false
	}
	tol := 10.0
	if r.has(k + 1) {
		if tol, ok = r.num(k + 1); !ok || !(tol > 0) {
			return 0, 0, false
		}
	}
	if tol < rm*1e-6 {
		return 0, 0, false
	}
	if tol >= rm {
		tol = math.Nextafter(rm, 0)
	}
	// The chord between consecutive vertices on the circle of angle rho
	// passes at angle rho-t from the center: tan(rho-t) = tan(rho)cos(step/2).
	rho, t := rm/geoEarthRadius, tol/geoEarthRadius
	return rho, 2 * math.Acos(math.Tan(rho-t)/math.Tan(rho)), true
}

// offset returns the point at angle r from v in tangent direction d.
func offset(v, d vec3, r float64) vec3 {
	return v.mul(math.Cos(r)).add(d.mul(math.Sin(r))).normalize()
}

// appendArc appends the points at angle r from c in the directions from
// d0, turning counterclockwise by angle, step at a time; the last point is
// exactly at the end direction.
func appendArc(out []vec3, c, d0 vec3, angle, step, r float64) []vec3 {
	side := c.cross(d0)
	for phi := 0.0; phi < angle; phi += step {
		out = append(out, offset(c, d0.mul(math.Cos(phi)).add(side.mul(math.Sin(phi))), r))
	}
	return append(out, offset(c, d0.mul(math.Cos(angle)).add(side.mul(math.Sin(angle))), r))
}

func evalPointBuffer(r *geoRow) (data.Dyn, bool) {
	c, ok := r.point(0)
	if !ok {
		return data.Dyn{}, false
	}
	radius, step, ok := r.bufferArgs(2)
	if !ok {
		return data.Dyn{}, false
	}
	return geoPolygonsDyn([][][]vec3{{circleRing(c, radius, step)}}), true
}

// circleRing returns the vertices of a regular polygon inscribed in the
// circle of angle radius around c, no two further apart than step,
// starting in the direction of c.ortho().
func circleRing(c vec3, radius, step float64) []vec3 {
	n := max(3, int(math.Ceil(2*math.Pi/step)))
	y := c.ortho()
	x := y.cross(c)
	ring := make([]vec3, n)
	for i := range ring {
		a := math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		ring[i] = offset(c, x.mul(math.Cos(a)).add(y.mul(math.Sin(a))), radius)
	}
	return ring
}

// linePath returns the closed path around a line at angle r: round start
// cap, right side forward, round end cap, left side backward.
func linePath(l []vec3, r, step float64) []vec3 {
	k := len(l) - 1
	n := make([]vec3, k)
	for i := range n {
		n[i] = robustCross(l[i], l[i+1]).normalize()
	}
	path := appendArc(nil, l[0], n[0], math.Pi, step, r)
	for i := 0; i < k; i++ {
		if i > 0 {
			path = appendJoin(path, l[i-1], l[i], l[i+1], n[i-1].neg(), n[i].neg(), r, step)
		}
		path = append(path, offset(l[i+1], n[i].neg(), r))
	}
	path = appendArc(path[:len(path)-1], l[k], n[k-1].neg(), math.Pi, step, r)
	for i := k - 1; i >= 0; i-- {
		if i < k-1 {
			path = appendJoin(path, l[i+2], l[i+1], l[i], n[i+1], n[i], r, step)
		}
		path = append(path, offset(l[i], n[i], r))
	}
	return path[:len(path)-1]
}

// appendJoin appends the corner at b of the offset path between edge a-b
// (offset direction d0) and edge b-c (offset direction d1): an arc on the
// outer side of a turn, the vertex itself on the inner side. The path ends
// at the offset of b in direction d0.
func appendJoin(path []vec3, a, b, c, d0, d1 vec3, r, step float64) []vec3 {
	if sign(a, b, c) > 0 {
		ang := d0.angle(d1)
		return appendArc(path[:len(path)-1], b, d0, ang, step, r)
	}
	return append(path, b, offset(b, d1, r))
}

// ringPath returns the closed path at angle r to the right of an
// oriented ring (outside a shell, inside a hole).
func ringPath(ring []vec3, r, step float64) []vec3 {
	m := len(ring)
	var path []vec3
	for i := 0; i < m; i++ {
		a, b, c := ring[i], ring[(i+1)%m], ring[(i+2)%m]
		n0 := robustCross(a, b).normalize()
		n1 := robustCross(b, c).normalize()
		path = append(path, offset(a, n0.neg(), r))
		if sign(a, b, c) > 0 {
			path = appendArc(path, b, n0.neg(), n0.angle(n1), step, r)
		} else {
			path = append(path, offset(b, n0.neg(), r), b, offset(b, n1.neg(), r))
		}
		path = path[:len(path)-1]
	}
	return path
}

// bufferRef returns a point far from all the paths: the antipode of their
// mean vertex.
func bufferRef(paths [][]vec3) vec3 {
	var s vec3
	for _, p := range paths {
		for _, v := range p {
			s = s.add(v)
		}
	}
	if s.isZero() {
		return geoOrigin
	}
	return s.normalize().neg()
}

func bufferResult(paths [][]vec3) (data.Dyn, bool) {
	g := windingRegion(paths, bufferRef(paths))
	if g.isEmpty() {
		return data.Dyn{}, false
	}
	return geoPolygonsDyn(g.polygons()), true
}

func evalLineBuffer(r *geoRow) (data.Dyn, bool) {
	lines, ok := r.parsedLines(0)
	if !ok {
		return data.Dyn{}, false
	}
	radius, step, ok := r.bufferArgs(1)
	if !ok {
		return data.Dyn{}, false
	}
	paths := make([][]vec3, len(lines))
	for i, l := range lines {
		paths[i] = linePath(l, radius, step)
	}
	return bufferResult(paths)
}

func evalPolygonBuffer(r *geoRow) (data.Dyn, bool) {
	polys, ok := r.parsedPolygons(0)
	if !ok {
		return data.Dyn{}, false
	}
	radius, step, ok := r.bufferArgs(1)
	if !ok {
		return data.Dyn{}, false
	}
	var paths [][]vec3
	for _, p := range polys {
		for _, ring := range regionOf(p).rings {
			paths = append(paths, ringPath(ring, radius, step))
		}
	}
	return bufferResult(paths)
}
