package functions

import (
	"math/bits"
	"strconv"
)

// h3Index is a 64-bit H3 cell index: mode (4 bits, 1 for cells),
// resolution (4), base cell (7) and fifteen 3-bit digits, unused ones 7.
type h3Index uint64

const (
	h3MaxRes   = 15
	h3BaseInit = h3Index(1)<<59 | (h3Index(1)<<45 - 1) // cell mode, digits all 7
)

func (h h3Index) res() int      { return int(h >> 52 & 15) }
func (h h3Index) baseCell() int { return int(h >> 45 & 127) }
func (h h3Index) digit(r int) int {
	return int(h >> (3 * (h3MaxRes - r)) & 7)
}

func (h h3Index) withRes(r int) h3Index { return h&^(15<<52) | h3Index(r)<<52 }
func (h h3Index) withBaseCell(bc int) h3Index {
	return h&^(127<<45) | h3Index(bc)<<45
}
func (h h3Index) withDigit(r, d int) h3Index {
	shift := 3 * (h3MaxRes - r)
	return h&^(7<<shift) | h3Index(d)<<shift
}

// String returns the index in lowercase hexadecimal.
func (h h3Index) String() string { return strconv.FormatUint(uint64(h), 16) }

// parseH3 parses a cell token and reports whether it is a valid cell.
func parseH3(s string) (h3Index, bool) {
	if s == "" || len(s) > 16 {
		return 0, false
	}
	v, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		return 0, false
	}
	h := h3Index(v)
	return h, h.valid()
}

// valid reports whether h is a valid H3 cell.
func (h h3Index) valid() bool {
	if h>>56 != 0b00001000 {
		return false
	}
	res, bc := h.res(), h.baseCell()
	if bc >= len(h3BaseCells) {
		return false
	}
	for r := 1; r <= h3MaxRes; r++ {
		d := h.digit(r)
		if (r <= res) == (d == h3Invalid) {
			return false
		}
	}
	if h3BaseCells[bc].isPentagon {
		low := uint64(h) << 19 >> 19
		if low != 0 && (63-bits.LeadingZeros64(low))%3 == 0 {
			return false
		}
	}
	return true
}

func h3IsPentagonBase(bc int) bool { return bc < len(h3BaseCells) && h3BaseCells[bc].isPentagon }

// leadingDigit returns the first non-zero digit (0 when all are zero).
func (h h3Index) leadingDigit() int {
	for r := 1; r <= h.res(); r++ {
		if d := h.digit(r); d != 0 {
			return d
		}
	}
	return h3Center
}

func (h h3Index) isPentagon() bool {
	return h3IsPentagonBase(h.baseCell()) && h.leadingDigit() == h3Center
}

func (h h3Index) rotate60ccw() h3Index {
	for r := 1; r <= h.res(); r++ {
		h = h.withDigit(r, rotateDigitCCW(h.digit(r)))
	}
	return h
}

func (h h3Index) rotate60cw() h3Index {
	for r := 1; r <= h.res(); r++ {
		h = h.withDigit(r, rotateDigitCW(h.digit(r)))
	}
	return h
}

// rotatePent60 rotates a pentagon-based index, skipping the deleted
// k-axes sub-sequence.
func (h h3Index) rotatePent60(ccw bool) h3Index {
	found := false
	for r := 1; r <= h.res(); r++ {
		if ccw {
			h = h.withDigit(r, rotateDigitCCW(h.digit(r)))
		} else {
			h = h.withDigit(r, rotateDigitCW(h.digit(r)))
		}
		if !found && h.digit(r) != 0 {
			found = true
			if h.leadingDigit() == h3K {
				if ccw {
					h = h.rotate60ccw()
				} else {
					h = h.rotate60cw()
				}
			}
		}
	}
	return h
}

func h3BaseCellIsCwOffset(bc, face int) bool {
	o := h3BaseCells[bc].cwOffsetPent
	return int(o[0]) == face || int(o[1]) == face
}

// h3FromFaceIJK returns the index of the cell at a face position.
func h3FromFaceIJK(f h3FaceIJK, res int) h3Index {
	h := h3BaseInit.withRes(res)
	if res == 0 {
		if f.c.i > h3MaxFaceCoord || f.c.j > h3MaxFaceCoord || f.c.k > h3MaxFaceCoord {
			return 0
		}
		return h.withBaseCell(h3FaceIJKBaseCells[f.face][f.c.i][f.c.j][f.c.k].baseCell)
	}
	ijk := f.c
	for r := res - 1; r >= 0; r-- {
		last := ijk
		var center h3IJK
		if (r+1)%2 == 1 {
			ijk = ijk.upAp7()
			center = ijk.downAp7()
		} else {
			ijk = ijk.upAp7r()
			center = ijk.downAp7r()
		}
		h = h.withDigit(r+1, last.sub(center).normalize().digitOf())
	}
	if ijk.i > h3MaxFaceCoord || ijk.j > h3MaxFaceCoord || ijk.k > h3MaxFaceCoord {
		return 0
	}
	bcr := h3FaceIJKBaseCells[f.face][ijk.i][ijk.j][ijk.k]
	h = h.withBaseCell(bcr.baseCell)
	if h3IsPentagonBase(bcr.baseCell) {
		if h.leadingDigit() == h3K {
			if h3BaseCellIsCwOffset(bcr.baseCell, f.face) {
				h = h.rotate60cw()
			} else {
				h = h.rotate60ccw()
			}
		}
		for i := 0; i < bcr.ccwRot60; i++ {
			h = h.rotatePent60(true)
		}
		return h
	}
	for i := 0; i < bcr.ccwRot60; i++ {
		h = h.rotate60ccw()
	}
	return h
}

// h3FromPoint returns the cell of resolution res holding p.
func h3FromPoint(p vec3, res int) h3Index {
	face, x, y := h3ToHex2d(p, res)
	return h3FromFaceIJK(h3FaceIJK{face, h3FromHex2d(x, y)}, res)
}

// faceIJK returns the face position of a cell's center.
func (h h3Index) faceIJK() h3FaceIJK {
	bc := h.baseCell()
	if h3IsPentagonBase(bc) && h.leadingDigit() == h3IK {
		h = h.rotate60cw()
	}
	f := h3BaseCells[bc].home
	possibleOverage := h3IsPentagonBase(bc) || (h.res() != 0 && f.c != h3IJK{})
	for r := 1; r <= h.res(); r++ {
		if r%2 == 1 {
			f.c = f.c.downAp7()
		} else {
			f.c = f.c.downAp7r()
		}
		f.c = f.c.neighbor(h.digit(r))
	}
	if !possibleOverage {
		return f
	}
	orig := f.c
	res := h.res()
	if res%2 == 1 {
		f.c = f.c.downAp7r()
		res++
	}
	pentLeading4 := h3IsPentagonBase(bc) && h.leadingDigit() == h3I
	if f.adjustOverage(res, pentLeading4, false) != h3NoOverage {
		if h3IsPentagonBase(bc) {
			for f.adjustOverage(res, false, false) != h3NoOverage {
			}
		}
		if res != h.res() {
			f.c = f.c.upAp7r()
		}
	} else if res != h.res() {
		f.c = orig
	}
	return f
}

// center returns the center of a cell.
func (h h3Index) center() vec3 { return h3FaceIJKToVec3(h.faceIJK(), h.res()) }

var (
	h3VertsCII  = []h3IJK{{2, 1, 0}, {1, 2, 0}, {0, 2, 1}, {0, 1, 2}, {1, 0, 2}, {2, 0, 1}}
	h3VertsCIII = []h3IJK{{5, 4, 0}, {1, 5, 0}, {0, 5, 4}, {0, 1, 5}, {4, 0, 5}, {5, 0, 1}}
)

// cellVerts returns the face positions of a cell's vertices on the
// substrate grid and the resolution of that grid.
func cellVerts(f h3FaceIJK, res, n int) ([]h3FaceIJK, int) {
	verts := h3VertsCII
	f.c = f.c.downAp3().downAp3r()
	if res%2 == 1 {
		verts = h3VertsCIII
		f.c = f.c.downAp7r()
		res++
	}
	out := make([]h3FaceIJK, n)
	for v := range out {
		out[v] = h3FaceIJK{f.face, f.c.add(verts[v]).normalize()}
	}
	return out, res
}

// faceEdge returns the two hex2d ends of a face's edge toward face2.
func faceEdge(face, face2, adjRes int) (x0, y0, x1, y1 float64) {
	maxDim := float64(h3MaxDimByCIIres[adjRes])
	v := [3][2]float64{{3 * maxDim, 0}, {-1.5 * maxDim, 3 * h3Sqrt3Over2 * maxDim},
		{-1.5 * maxDim, -3 * h3Sqrt3Over2 * maxDim}}
	switch h3AdjacentFaceDir[face][face2] {
	case h3DirIJ:
		return v[0][0], v[0][1], v[1][0], v[1][1]
	case h3DirJK:
		return v[1][0], v[1][1], v[2][0], v[2][1]
	}
	return v[2][0], v[2][1], v[0][0], v[0][1]
}

// intersect2d returns where segment p0-p1 meets the line through p2-p3.
func intersect2d(p0x, p0y, p1x, p1y, p2x, p2y, p3x, p3y float64) (float64, float64) {
	s1x, s1y := p1x-p0x, p1y-p0y
	s2x, s2y := p3x-p2x, p3y-p2y
	t := (s2x*(p0y-p2y) - s2y*(p0x-p2x)) / (-s2x*s1y + s1x*s2y)
	return p0x + t*s1x, p0y + t*s1y
}

// boundary returns the vertices of a cell, counterclockwise, with extra
// vertices where an edge crosses from one icosahedron face to another.
func (h h3Index) boundary() []vec3 {
	if h.isPentagon() {
		return pentBoundary(h.faceIJK(), h.res())
	}
	return hexBoundary(h.faceIJK(), h.res())
}

func hexBoundary(center h3FaceIJK, res int) []vec3 {
	verts, adjRes := cellVerts(center, res, 6)
	var out []vec3
	lastFace, lastOver := -1, h3NoOverage
	for vert := 0; vert < 7; vert++ {
		v := vert % 6
		f := verts[v]
		over := f.adjustOverage(adjRes, false, true)
		if res%2 == 1 && vert > 0 && f.face != lastFace && lastOver != h3FaceEdge {
			lastV := (v + 5) % 6
			x0, y0 := verts[lastV].c.toHex2d()
			x1, y1 := verts[v].c.toHex2d()
			face2 := lastFace
			if lastFace == center.face {
				face2 = f.face
			}
			e0x, e0y, e1x, e1y := faceEdge(center.face, face2, adjRes)
			ix, iy := intersect2d(x0, y0, x1, y1, e0x, e0y, e1x, e1y)
			if !almostEqual2d(x0, y0, ix, iy) && !almostEqual2d(x1, y1, ix, iy) {
				out = append(out, h3Hex2dToVec3(ix, iy, center.face, adjRes, true))
			}
		}
		if vert < 6 {
			x, y := f.c.toHex2d()
			out = append(out, h3Hex2dToVec3(x, y, f.face, adjRes, true))
		}
		lastFace, lastOver = f.face, over
	}
	return out
}

func almostEqual2d(x0, y0, x1, y1 float64) bool {
	const eps = 1.1920928955078125e-07
	return abs(x0-x1) < eps && abs(y0-y1) < eps
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func pentBoundary(center h3FaceIJK, res int) []vec3 {
	verts, adjRes := cellVerts(center, res, 5)
	var out []vec3
	var last h3FaceIJK
	for vert := 0; vert < 6; vert++ {
		v := vert % 5
		f := verts[v]
		for f.adjustOverage(adjRes, false, true) == h3NewFace {
		}
		if res%2 == 1 && vert > 0 {
			x0, y0 := last.c.toHex2d()
			dir := h3AdjacentFaceDir[f.face][last.face]
			if dir < 0 {
				dir = 0
			}
			orient := h3FaceNeighbors[f.face][dir]
			tmp := h3FaceIJK{orient.face, f.c}
			for i := 0; i < orient.ccwRot60; i++ {
				tmp.c = tmp.c.rot60ccw()
			}
			tmp.c = tmp.c.add(orient.translate.scale(h3UnitScaleByCIIres[adjRes] * 3)).normalize()
			x1, y1 := tmp.c.toHex2d()
			e0x, e0y, e1x, e1y := faceEdge(tmp.face, f.face, adjRes)
			ix, iy := intersect2d(x0, y0, x1, y1, e0x, e0y, e1x, e1y)
			out = append(out, h3Hex2dToVec3(ix, iy, tmp.face, adjRes, true))
		}
		if vert < 5 {
			x, y := f.c.toHex2d()
			out = append(out, h3Hex2dToVec3(x, y, f.face, adjRes, true))
		}
		last = f
	}
	return out
}

// parent returns the ancestor of h at resolution r (r <= h.res()).
func (h h3Index) parent(r int) h3Index {
	p := h.withRes(r)
	for i := r + 1; i <= h.res(); i++ {
		p = p.withDigit(i, h3Invalid)
	}
	return p
}

// children appends the descendants of h at resolution r, in index order.
func (h h3Index) children(r int, out []h3Index) []h3Index {
	if h.res() == r {
		return append(out, h)
	}
	pent := h.isPentagon()
	child := h.withRes(h.res() + 1)
	for d := 0; d < 7; d++ {
		if pent && d == h3K {
			continue
		}
		out = child.withDigit(h.res()+1, d).children(r, out)
	}
	return out
}
