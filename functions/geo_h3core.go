package functions

import "math"

// H3 hexagonal grid (https://h3geo.org): cells of 16 resolutions, numbered
// from 122 base cells on the faces of an icosahedron down by aperture-7
// digits. Cells are located with a gnomonic projection onto the nearest
// face; this file follows the H3 reference algorithms, whose grid tables
// are in geo_h3data.go.

// h3IJK is a cell position in a face's three-axis hexagonal coordinates.
type h3IJK struct{ i, j, k int }

// h3FaceIJK is a position on a given icosahedron face.
type h3FaceIJK struct {
	face int
	c    h3IJK
}

// h3FaceOrient describes the face across one edge of a face: its number,
// the translation of the origin and the rotation of the axes.
type h3FaceOrient struct {
	face      int
	translate h3IJK
	ccwRot60  int
}

// h3BaseCellRot is the base cell at a face position and how the face's
// axes are rotated relative to the base cell's.
type h3BaseCellRot struct{ baseCell, ccwRot60 int }

// h3BaseCellData describes a base cell: its home face position, whether
// it is a pentagon and, for pentagons, the faces where it is clockwise
// offset.
type h3BaseCellData struct {
	home         h3FaceIJK
	isPentagon   bool
	cwOffsetPent [2]int8
}

// Digits: the direction of a child from its parent's center.
const (
	h3Center  = 0
	h3K       = 1
	h3J       = 2
	h3JK      = 3
	h3I       = 4
	h3IK      = 5
	h3IJ      = 6
	h3Invalid = 7
)

// Face-relative directions of the neighboring faces.
const (
	h3DirIJ = 1
	h3DirKI = 2
	h3DirJK = 3
)

const (
	h3Sqrt3Over2    = 0.8660254037844386467637231707529361834714
	h3RSin60        = 1.1547005383792515290182975610039149112953
	h3OneSeventh    = 0.14285714285714285714285714285714285
	h3OneThird      = 0.333333333333333333333333333333333333333
	h3Ap7RotRads    = 0.333473172251832115336090755351601070065900389
	h3Res0UGnomonic = 0.38196601125010500003
	h3InvRes0UGnom  = 2.61803398874989588842
	h3Sqrt7         = 2.6457513110645905905016157536392604257102
	h3RSqrt7        = 0.37796447300922722721451653623418006081576
	h3Epsilon       = 0.0000000000000001
	h3TwoPi         = 6.28318530717958647692528676655900576839433
	h3MaxFaceCoord  = 2
)

var h3UnitVecs = [7]h3IJK{{0, 0, 0}, {0, 0, 1}, {0, 1, 0}, {0, 1, 1}, {1, 0, 0}, {1, 0, 1}, {1, 1, 0}}

func (a h3IJK) add(b h3IJK) h3IJK { return h3IJK{a.i + b.i, a.j + b.j, a.k + b.k} }
func (a h3IJK) sub(b h3IJK) h3IJK { return h3IJK{a.i - b.i, a.j - b.j, a.k - b.k} }
func (a h3IJK) scale(f int) h3IJK { return h3IJK{a.i * f, a.j * f, a.k * f} }

// normalize makes the coordinates non-negative with at least one zero.
func (a h3IJK) normalize() h3IJK {
	if a.i < 0 {
		a.j -= a.i
		a.k -= a.i
		a.i = 0
	}
	if a.j < 0 {
		a.i -= a.j
		a.k -= a.j
		a.j = 0
	}
	if a.k < 0 {
		a.i -= a.k
		a.j -= a.k
		a.k = 0
	}
	m := min(a.i, a.j, a.k)
	if m > 0 {
		a.i -= m
		a.j -= m
		a.k -= m
	}
	return a
}

// combine returns i*iv + j*jv + k*kv, normalized.
func (a h3IJK) combine(iv, jv, kv h3IJK) h3IJK {
	return iv.scale(a.i).add(jv.scale(a.j)).add(kv.scale(a.k)).normalize()
}

func (a h3IJK) upAp7() h3IJK {
	i, j := a.i-a.k, a.j-a.k
	return h3IJK{int(math.Round(float64(3*i-j) * h3OneSeventh)),
		int(math.Round(float64(i+2*j) * h3OneSeventh)), 0}.normalize()
}

func (a h3IJK) upAp7r() h3IJK {
	i, j := a.i-a.k, a.j-a.k
	return h3IJK{int(math.Round(float64(2*i+j) * h3OneSeventh)),
		int(math.Round(float64(3*j-i) * h3OneSeventh)), 0}.normalize()
}

func (a h3IJK) downAp7() h3IJK  { return a.combine(h3IJK{3, 0, 1}, h3IJK{1, 3, 0}, h3IJK{0, 1, 3}) }
func (a h3IJK) downAp7r() h3IJK { return a.combine(h3IJK{3, 1, 0}, h3IJK{0, 3, 1}, h3IJK{1, 0, 3}) }
func (a h3IJK) downAp3() h3IJK  { return a.combine(h3IJK{2, 0, 1}, h3IJK{1, 2, 0}, h3IJK{0, 1, 2}) }
func (a h3IJK) downAp3r() h3IJK { return a.combine(h3IJK{2, 1, 0}, h3IJK{0, 2, 1}, h3IJK{1, 0, 2}) }
func (a h3IJK) rot60ccw() h3IJK { return a.combine(h3IJK{1, 1, 0}, h3IJK{0, 1, 1}, h3IJK{1, 0, 1}) }
func (a h3IJK) rot60cw() h3IJK  { return a.combine(h3IJK{1, 0, 1}, h3IJK{1, 1, 0}, h3IJK{0, 1, 1}) }

// neighbor moves one step in direction digit.
func (a h3IJK) neighbor(digit int) h3IJK {
	if digit > h3Center && digit < h3Invalid {
		return a.add(h3UnitVecs[digit]).normalize()
	}
	return a
}

// digitOf returns the digit of a unit vector (h3Invalid for others).
func (a h3IJK) digitOf() int {
	a = a.normalize()
	for d, u := range h3UnitVecs {
		if a == u {
			return d
		}
	}
	return h3Invalid
}

func (a h3IJK) toHex2d() (x, y float64) {
	i, j := a.i-a.k, a.j-a.k
	return float64(i) - 0.5*float64(j), float64(j) * h3Sqrt3Over2
}

// h3FromHex2d returns the cell containing a point of the hex2d plane.
func h3FromHex2d(x, y float64) h3IJK {
	var h h3IJK
	a1, a2 := math.Abs(x), math.Abs(y)
	x2 := a2 * h3RSin60
	x1 := a1 + x2/2
	m1, m2 := int(x1), int(x2)
	r1, r2 := x1-float64(m1), x2-float64(m2)
	switch {
	case r1 < 0.5 && r1 < 1.0/3.0:
		h.i = m1
		h.j = m2
		if r2 >= (1+r1)/2 {
			h.j = m2 + 1
		}
	case r1 < 0.5:
		h.j = m2
		if r2 >= 1-r1 {
			h.j = m2 + 1
		}
		h.i = m1
		if 1-r1 <= r2 && r2 < 2*r1 {
			h.i = m1 + 1
		}
	case r1 < 2.0/3.0:
		h.j = m2
		if r2 >= 1-r1 {
			h.j = m2 + 1
		}
		h.i = m1 + 1
		if 2*r1-1 < r2 && r2 < 1-r1 {
			h.i = m1
		}
	default:
		h.i = m1 + 1
		h.j = m2
		if r2 >= r1/2 {
			h.j = m2 + 1
		}
	}
	if x < 0 {
		if h.j%2 == 0 {
			diff := h.i - h.j/2
			h.i = int(float64(h.i) - 2*float64(diff))
		} else {
			diff := h.i - (h.j+1)/2
			h.i = int(float64(h.i) - (2*float64(diff) + 1))
		}
	}
	if y < 0 {
		h.i -= (2*h.j + 1) / 2
		h.j = -h.j
	}
	return h.normalize()
}

func rotateDigitCCW(d int) int {
	switch d {
	case h3K:
		return h3IK
	case h3IK:
		return h3I
	case h3I:
		return h3IJ
	case h3IJ:
		return h3J
	case h3J:
		return h3JK
	case h3JK:
		return h3K
	}
	return d
}

func rotateDigitCW(d int) int {
	switch d {
	case h3K:
		return h3JK
	case h3JK:
		return h3J
	case h3J:
		return h3IJ
	case h3IJ:
		return h3I
	case h3I:
		return h3IK
	case h3IK:
		return h3K
	}
	return d
}

func posAngle(a float64) float64 {
	t := a
	if a < 0 {
		t = a + h3TwoPi
	}
	if a >= h3TwoPi {
		t -= h3TwoPi
	}
	return t
}

// tangentBasis returns the north and east unit vectors at p.
func tangentBasis(p vec3) (north, east vec3) {
	north = vec3{0, 0, 1}.sub(p.mul(p.z)).normalize()
	return north, north.cross(p)
}

// azimuthOf returns the azimuth (clockwise from north) of q seen from p.
func azimuthOf(p, q vec3) float64 {
	north, east := tangentBasis(p)
	proj := q.sub(p.mul(q.dot(p))).normalize()
	return math.Atan2(proj.dot(east), proj.dot(north))
}

// h3ToHex2d projects a point onto its nearest face at resolution res.
func h3ToHex2d(p vec3, res int) (face int, x, y float64) {
	sqd := 5.0
	for f := range h3FaceCenter {
		if d := h3FaceCenter[f].dist2(p); d < sqd {
			face, sqd = f, d
		}
	}
	r := math.Acos(1 - sqd*0.5)
	if r < h3Epsilon {
		return face, 0, 0
	}
	theta := posAngle(h3FaceAxesAz[face][0] - posAngle(azimuthOf(h3FaceCenter[face], p)))
	if res%2 == 1 {
		theta = posAngle(theta - h3Ap7RotRads)
	}
	r = math.Tan(r) * h3InvRes0UGnom
	for i := 0; i < res; i++ {
		r *= h3Sqrt7
	}
	return face, r * math.Cos(theta), r * math.Sin(theta)
}

// h3FromHex2dToVec3 returns the point of the sphere at hex2d position x, y
// of a face at resolution res (substrate: on the grid of vertices).
func h3Hex2dToVec3(x, y float64, face, res int, substrate bool) vec3 {
	r := math.Sqrt(x*x + y*y)
	if r < h3Epsilon {
		return h3FaceCenter[face]
	}
	theta := math.Atan2(y, x)
	for i := 0; i < res; i++ {
		r *= h3RSqrt7
	}
	if substrate {
		r *= h3OneThird
		if res%2 == 1 {
			r *= h3RSqrt7
		}
	}
	r = math.Atan(r * h3Res0UGnomonic)
	if !substrate && res%2 == 1 {
		theta = posAngle(theta + h3Ap7RotRads)
	}
	theta = posAngle(h3FaceAxesAz[face][0] - theta)
	north, east := tangentBasis(h3FaceCenter[face])
	dir := north.mul(math.Cos(theta)).add(east.mul(math.Sin(theta)))
	return h3FaceCenter[face].mul(math.Cos(r)).add(dir.mul(math.Sin(r))).normalize()
}

// h3FaceIJKToVec3 returns the center of a cell given on a face.
func h3FaceIJKToVec3(f h3FaceIJK, res int) vec3 {
	x, y := f.c.toHex2d()
	return h3Hex2dToVec3(x, y, f.face, res, false)
}

// Overage results.
const (
	h3NoOverage = iota
	h3FaceEdge
	h3NewFace
)

// adjustOverage moves a Class II position that lies beyond its face onto
// the neighboring face.
func (f *h3FaceIJK) adjustOverage(res int, pentLeading4, substrate bool) int {
	over := h3NoOverage
	maxDim := h3MaxDimByCIIres[res]
	if substrate {
		maxDim *= 3
	}
	sum := f.c.i + f.c.j + f.c.k
	if substrate && sum == maxDim {
		return h3FaceEdge
	}
	if sum <= maxDim {
		return over
	}
	over = h3NewFace
	var orient h3FaceOrient
	switch {
	case f.c.k > 0 && f.c.j > 0:
		orient = h3FaceNeighbors[f.face][h3DirJK]
	case f.c.k > 0:
		orient = h3FaceNeighbors[f.face][h3DirKI]
		if pentLeading4 {
			origin := h3IJK{maxDim, 0, 0}
			f.c = f.c.sub(origin).rot60cw().add(origin)
		}
	default:
		orient = h3FaceNeighbors[f.face][h3DirIJ]
	}
	f.face = orient.face
	for i := 0; i < orient.ccwRot60; i++ {
		f.c = f.c.rot60ccw()
	}
	unit := h3UnitScaleByCIIres[res]
	if substrate {
		unit *= 3
	}
	f.c = f.c.add(orient.translate.scale(unit)).normalize()
	if substrate && f.c.i+f.c.j+f.c.k == maxDim {
		over = h3FaceEdge
	}
	return over
}
