package functions

import (
	"math"
	"slices"
	"sort"
)

// geoLoop is a closed chain of geodesic edges with an interior on its
// left (counterclockwise as seen from outside the sphere). Containment
// follows the semi-open model: when the sphere is divided into loops,
// every point belongs to exactly one of them.
type geoLoop struct {
	pts          []vec3
	originInside bool
	bound        geoCap
}

// geoOrigin is the reference point of containment tests: a point near the
// north pole that is unlikely to lie on an edge.
var geoOrigin = vec3{-0.0099994664350250197, 0.0025924542609324121, 0.99994664350250195}

// newGeoLoop validates the vertices of a ring (without the closing vertex)
// and returns the loop enclosing the smaller region they bound.
func newGeoLoop(pts []vec3) (*geoLoop, bool) {
	if len(pts) < 3 || hasDuplicatePoint(pts) || selfIntersects(pts) {
		return nil, false
	}
	for i := range pts {
		if pts[i].add(pts[(i+1)%len(pts)]).norm2() < 1e-30 {
			return nil, false
		}
	}
	pts = slices.Clone(pts)
	if turningSum(pts) < 0 {
		slices.Reverse(pts)
	}
	l := &geoLoop{pts: pts}
	l.initOrigin()
	l.bound = capOf(l.pts)
	return l, true
}

func hasDuplicatePoint(pts []vec3) bool {
	seen := make(map[vec3]struct{}, len(pts))
	for _, p := range pts {
		if _, dup := seen[p]; dup {
			return true
		}
		seen[p] = struct{}{}
	}
	return false
}

// selfIntersects reports whether two non-adjacent edges of the ring cross.
// Edges are swept in order of their lowest z so that only edges whose
// bounds overlap are compared.
func selfIntersects(pts []vec3) bool {
	n := len(pts)
	type span struct {
		i      int
		lo, hi float64
	}
	spans := make([]span, n)
	for i := range pts {
		a, b := pts[i], pts[(i+1)%n]
		lo, hi := math.Min(a.z, b.z), math.Max(a.z, b.z)
		// A geodesic edge may bulge past its ends toward a pole.
		bulge := 1 - math.Sqrt(math.Max(0, (1+a.dot(b))/2))
		spans[i] = span{i, lo - bulge - 1e-15, hi + bulge + 1e-15}
	}
	sort.Slice(spans, func(x, y int) bool { return spans[x].lo < spans[y].lo })
	for x, s := range spans {
		for _, t := range spans[x+1:] {
			if t.lo > s.hi {
				break
			}
			i, j := min(s.i, t.i), max(s.i, t.i)
			if j == i+1 || (i == 0 && j == n-1) {
				continue
			}
			if crossingSign(pts[i], pts[(i+1)%n], pts[j], pts[(j+1)%n]) > 0 {
				return true
			}
		}
	}
	return false
}

// loopsDisjointEdges reports whether the loops of a polygon neither cross
// nor share an edge.
func loopsDisjointEdges(loops []*geoLoop) bool {
	for i, l := range loops {
		for _, m := range loops[i+1:] {
			if !l.bound.intersects(m.bound) {
				continue
			}
			if loopsCross(l, m) {
				return false
			}
		}
	}
	return true
}

func loopsCross(l, m *geoLoop) bool {
	for i := range l.pts {
		a, b := l.edge(i)
		for j := range m.pts {
			c, d := m.edge(j)
			if crossingSign(a, b, c, d) > 0 {
				return true
			}
			if (a.equal(c) && b.equal(d)) || (a.equal(d) && b.equal(c)) {
				return true
			}
		}
	}
	return false
}

func (l *geoLoop) edge(i int) (vec3, vec3) {
	j := i + 1
	if j == len(l.pts) {
		j = 0
	}
	return l.pts[i], l.pts[j]
}

// turningSum returns the sum of the turning angles at the vertices of a
// ring: near 2π minus its area for a counterclockwise ring, negative for a
// clockwise one.
func turningSum(pts []vec3) float64 {
	n := len(pts)
	sum := 0.0
	for i := 0; i < n; i++ {
		sum += turnAngle(pts[(i+n-1)%n], pts[i], pts[(i+1)%n])
	}
	return sum
}

// turnAngle returns the angle by which the path a-b-c turns left at b.
func turnAngle(a, b, c vec3) float64 {
	ang := robustCross(a, b).angle(robustCross(b, c))
	if sign(a, b, c) > 0 {
		return ang
	}
	return -ang
}

func (l *geoLoop) initOrigin() {
	v0, v1, v2 := l.pts[0], l.pts[1], l.pts[2]
	v1Inside := orderedCCW(v1.ortho(), v0, v2, v1)
	l.originInside = false
	if v1Inside != l.contains(v1) {
		l.originInside = true
	}
}

// contains reports whether the loop contains p.
func (l *geoLoop) contains(p vec3) bool {
	if !l.bound.contains(p) {
		return false
	}
	inside := l.originInside
	for i := range l.pts {
		a, b := l.edge(i)
		inside = inside != edgeOrVertexCrossing(geoOrigin, p, a, b)
	}
	return inside
}

// crossingSign returns 1 when edges a-b and c-d cross at a point interior
// to both, 0 when they share a vertex or touch, and -1 otherwise.
func crossingSign(a, b, c, d vec3) int {
	if a.equal(c) || a.equal(d) || b.equal(c) || b.equal(d) {
		return 0
	}
	acb := -sign(a, b, c)
	bda := sign(a, b, d)
	if acb == 0 || bda == 0 {
		return 0
	}
	if acb != bda {
		return -1
	}
	cbd := -sign(c, d, b)
	dac := sign(c, d, a)
	if cbd == 0 || dac == 0 {
		return 0
	}
	if cbd == acb && dac == acb {
		return 1
	}
	return -1
}

// edgeOrVertexCrossing reports whether a-b crosses c-d, counting a shared
// vertex as a crossing by a consistent rule so that crossing parities work.
func edgeOrVertexCrossing(a, b, c, d vec3) bool {
	s := crossingSign(a, b, c, d)
	if s != 0 {
		return s > 0
	}
	return vertexCrossing(a, b, c, d)
}

func vertexCrossing(a, b, c, d vec3) bool {
	switch {
	case a.equal(b) || c.equal(d):
		return false
	case a.equal(d):
		return orderedCCW(a.ortho(), c, b, a)
	case b.equal(c):
		return orderedCCW(b.ortho(), d, a, b)
	case a.equal(c):
		return orderedCCW(a.ortho(), d, b, a)
	case b.equal(d):
		return orderedCCW(b.ortho(), c, a, b)
	}
	return false
}

// orderedCCW reports whether the edges o-a, o-b, o-c are met in that order
// turning counterclockwise around o.
func orderedCCW(a, b, c, o vec3) bool {
	sum := 0
	if sign(b, o, a) >= 0 {
		sum++
	}
	if sign(c, o, b) >= 0 {
		sum++
	}
	if sign(a, o, c) > 0 {
		sum++
	}
	return sum >= 2
}

// area returns the area enclosed by the loop, in steradians.
func (l *geoLoop) area() float64 {
	a := surfaceSum(l.pts, func(o, b, c vec3) vec3 {
		return vec3{x: signedArea(o, b, c)}
	}).x
	if a < 0 {
		a += 4 * math.Pi
	}
	return a
}

// centroid returns the integral of position over the loop's interior (its
// direction is the centroid; its length is not normalized).
func (l *geoLoop) centroid() vec3 {
	return surfaceSum(l.pts, triangleCentroid)
}

// surfaceSum adds f over the triangles of a fan covering the loop.
func surfaceSum(pts []vec3, f func(a, b, c vec3) vec3) vec3 {
	const maxLen = math.Pi - 1e-5
	var sum vec3
	origin := pts[0]
	n := len(pts)
	for i := 1; i+1 < n; i++ {
		if pts[i+1].angle(origin) > maxLen {
			old := origin
			if origin.equal(pts[0]) {
				origin = robustCross(pts[0], pts[i]).normalize()
			} else if pts[i].angle(pts[0]) < maxLen {
				origin = pts[0]
			} else {
				origin = pts[0].cross(old).normalize()
				sum = sum.add(f(pts[0], old, origin))
			}
			sum = sum.add(f(old, pts[i], origin))
		}
		sum = sum.add(f(origin, pts[i], pts[i+1]))
	}
	if !origin.equal(pts[0]) {
		sum = sum.add(f(origin, pts[n-1], pts[0]))
	}
	return sum
}

// signedArea returns the area of triangle a-b-c, negative when clockwise.
func signedArea(a, b, c vec3) float64 {
	return float64(sign(a, b, c)) * triangleArea(a, b, c)
}

// triangleArea returns the area of a spherical triangle (l'Huilier's
// theorem, or Girard's for skinny triangles).
func triangleArea(a, b, c vec3) float64 {
	sa, sb, sc := b.angle(c), c.angle(a), a.angle(b)
	s := 0.5 * (sa + sb + sc)
	if s >= 3e-4 {
		s2 := s * s
		dmin := s - math.Max(sa, math.Max(sb, sc))
		if dmin < 1e-2*s*s2*s2 {
			g := girardArea(a, b, c)
			if dmin < s*0.1*g {
				return g
			}
		}
	}
	return 4 * math.Atan(math.Sqrt(math.Max(0, math.Tan(0.5*s)*math.Tan(0.5*(s-sa))*
		math.Tan(0.5*(s-sb))*math.Tan(0.5*(s-sc)))))
}

func girardArea(a, b, c vec3) float64 {
	ab, bc, ac := robustCross(a, b), robustCross(b, c), robustCross(a, c)
	return math.Max(0, ab.angle(ac)-ab.angle(bc)+bc.angle(ac))
}

// triangleCentroid returns the integral of position over triangle a-b-c,
// signed by its orientation.
func triangleCentroid(a, b, c vec3) vec3 {
	sa, sb, sc := b.angle(c), c.angle(a), a.angle(b)
	ra, rb, rc := sinc1(sa), sinc1(sb), sinc1(sc)
	x := vec3{a.x, b.x - a.x, c.x - a.x}
	y := vec3{a.y, b.y - a.y, c.y - a.y}
	z := vec3{a.z, b.z - a.z, c.z - a.z}
	r := vec3{ra, rb - ra, rc - ra}
	return vec3{y.cross(z).dot(r), z.cross(x).dot(r), x.cross(y).dot(r)}.mul(0.5)
}

// sinc1 returns x/sin(x) (1 at 0).
func sinc1(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x / math.Sin(x)
}

// edgeCentroid returns the integral of position along edge a-b.
func edgeCentroid(a, b vec3) vec3 {
	sin2, cos2 := a.sub(b).norm2(), a.add(b).norm2()
	if cos2 == 0 {
		return vec3{}
	}
	return a.add(b).mul(math.Sqrt(sin2 / cos2))
}

// geoCap is a spherical cap bounding a set of points and the geodesic
// edges between them; a cap that is not valid bounds nothing and contains
// everything.
type geoCap struct {
	center vec3
	radius float64 // angle
	valid  bool
}

// capOf returns a cap containing pts and the edges between them (a cap
// smaller than a hemisphere is geodesically convex), or an invalid cap when
// the points are too spread out.
func capOf(pts []vec3) geoCap {
	var sum vec3
	for _, p := range pts {
		sum = sum.add(p)
	}
	c := sum.normalize()
	if c.isZero() {
		return geoCap{}
	}
	r := 0.0
	for _, p := range pts {
		r = math.Max(r, c.angle(p))
	}
	r += 1e-12
	if r >= math.Pi/2-1e-6 {
		return geoCap{}
	}
	return geoCap{center: c, radius: r, valid: true}
}

func (c geoCap) contains(p vec3) bool {
	return !c.valid || c.center.angle(p) <= c.radius
}

func (c geoCap) intersects(d geoCap) bool {
	return !c.valid || !d.valid || c.center.angle(d.center) <= c.radius+d.radius
}

// distance returns a lower bound of the angle from p to the cap.
func (c geoCap) distance(p vec3) float64 {
	if !c.valid {
		return 0
	}
	return math.Max(0, c.center.angle(p)-c.radius)
}
