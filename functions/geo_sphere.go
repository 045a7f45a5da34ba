package functions

import "math"

// Geometry on the unit sphere. Kusto models the Earth as a sphere of radius
// geoEarthRadius and geographic coordinates as unit vectors; edges between
// vertices are geodesics (great-circle arcs).

// geoEarthRadius is the radius of the sphere Kusto measures on, in meters.
const geoEarthRadius = 6371010.0

// vec3 is a point in space; points on the sphere have unit length.
type vec3 struct{ x, y, z float64 }

func (a vec3) add(b vec3) vec3    { return vec3{a.x + b.x, a.y + b.y, a.z + b.z} }
func (a vec3) sub(b vec3) vec3    { return vec3{a.x - b.x, a.y - b.y, a.z - b.z} }
func (a vec3) mul(k float64) vec3 { return vec3{a.x * k, a.y * k, a.z * k} }
func (a vec3) dot(b vec3) float64 { return a.x*b.x + a.y*b.y + a.z*b.z }
func (a vec3) norm2() float64     { return a.dot(a) }
func (a vec3) norm() float64      { return math.Sqrt(a.norm2()) }
func (a vec3) isZero() bool       { return a.x == 0 && a.y == 0 && a.z == 0 }
func (a vec3) neg() vec3          { return vec3{-a.x, -a.y, -a.z} }
func (a vec3) cross(b vec3) vec3 {
	return vec3{a.y*b.z - a.z*b.y, a.z*b.x - a.x*b.z, a.x*b.y - a.y*b.x}
}
func (a vec3) equal(b vec3) bool    { return a.x == b.x && a.y == b.y && a.z == b.z }
func (a vec3) angle(b vec3) float64 { return math.Atan2(a.cross(b).norm(), a.dot(b)) }
func (a vec3) dist2(b vec3) float64 { return a.sub(b).norm2() }

// normalize returns a scaled to unit length (the zero vector stays zero).
func (a vec3) normalize() vec3 {
	n := a.norm()
	if n == 0 {
		return a
	}
	return a.mul(1 / n)
}

// largestAbs returns the index (0, 1, 2) of the component of largest
// magnitude.
func (a vec3) largestAbs() int {
	x, y, z := math.Abs(a.x), math.Abs(a.y), math.Abs(a.z)
	if x > y {
		if x > z {
			return 0
		}
		return 2
	}
	if y > z {
		return 1
	}
	return 2
}

const (
	degToRad = math.Pi / 180
	radToDeg = 180 / math.Pi
)

// geoValid reports whether lng, lat are valid coordinates in degrees.
func geoValid(lng, lat float64) bool {
	return lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90
}

// geoPoint returns the unit vector of a longitude and latitude in degrees.
func geoPoint(lng, lat float64) vec3 {
	phi, theta := lat*degToRad, lng*degToRad
	sp, cp := accSinCos(phi)
	st, ct := accSinCos(theta)
	return vec3{ct * cp, st * cp, sp}
}

// lngLat returns the longitude and latitude in degrees of a point.
func (a vec3) lngLat() (lng, lat float64) {
	xy := math.Sqrt(float64(a.x*a.x) + float64(a.y*a.y))
	lat = accAtan2(a.z, xy) * radToDeg
	lng = accAtan2(a.y, a.x) * radToDeg
	return lng, lat
}

// ortho returns a unit vector orthogonal to a.
func (a vec3) ortho() vec3 {
	k := a.largestAbs() - 1
	if k < 0 {
		k = 2
	}
	t := [3]float64{0.012, 0.0053, 0.00457}
	t[k] = 1
	return a.cross(vec3{t[0], t[1], t[2]}).normalize()
}

// robustCross returns a vector orthogonal to a and b that stays accurate
// when a and b are nearly equal or nearly antipodal.
func robustCross(a, b vec3) vec3 {
	x := b.add(a).cross(b.sub(a))
	if !x.isZero() {
		return x
	}
	return a.ortho()
}

// sign returns +1 when a, b, c turn counterclockwise (seen from outside the
// sphere), -1 when clockwise and 0 when they are collinear.
func sign(a, b, c vec3) int {
	d := a.cross(b).dot(c)
	switch {
	case d > 0:
		return 1
	case d < 0:
		return -1
	}
	return 0
}

// interpolate returns the point at fraction t of the way from a to b along
// the geodesic between them.
func interpolate(a, b vec3, t float64) vec3 {
	if t == 0 {
		return a
	}
	if t == 1 {
		return b
	}
	ang := a.angle(b)
	return interpolateAngle(a, b, t*ang)
}

// interpolateAngle returns the point at angle ax from a toward b.
func interpolateAngle(a, b vec3, ax float64) vec3 {
	if ax == 0 {
		return a
	}
	normal := robustCross(a, b)
	tangent := normal.cross(a)
	return a.mul(math.Cos(ax)).add(tangent.mul(math.Sin(ax) / tangent.norm())).normalize()
}

// project returns the point on edge a-b closest to x.
func project(x, a, b vec3) vec3 {
	n := robustCross(a, b)
	p := x.sub(n.mul(x.dot(n) / n.norm2()))
	if onEdgeWedge(n, a, b, p) && !p.isZero() {
		return p.normalize()
	}
	if x.dist2(a) <= x.dist2(b) {
		return a
	}
	return b
}

// onEdgeWedge reports whether p, on the great circle with normal n, lies
// strictly between a and b.
func onEdgeWedge(n, a, b, p vec3) bool {
	return n.cross(a).dot(p) > 0 && p.cross(b).dot(n) > 0
}

// edgeDistance returns the angle from x to the edge a-b.
func edgeDistance(x, a, b vec3) float64 {
	return x.angle(project(x, a, b))
}
