package functions

// Moving between neighboring H3 cells and listing the cells within a grid
// distance, in the order the H3 library produces them.

// h3Directions is the order in which a ring is walked, side by side.
var h3Directions = [6]int{h3J, h3JK, h3K, h3IK, h3I, h3IJ}

// h3NextRing is the step from one ring to the next.
const h3NextRing = h3I

// New digits and carries when moving from a digit in a direction, for
// Class II and Class III resolutions.
var (
	h3NewDigitII = [7][7]int{
		{0, 1, 2, 3, 4, 5, 6}, {1, 4, 3, 6, 5, 2, 0}, {2, 3, 1, 4, 6, 0, 5},
		{3, 6, 4, 5, 0, 1, 2}, {4, 5, 6, 0, 2, 3, 1}, {5, 2, 0, 1, 3, 6, 4},
		{6, 0, 5, 2, 1, 4, 3}}
	h3NewAdjustII = [7][7]int{
		{0, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 1, 0, 5, 0}, {0, 0, 2, 3, 0, 0, 2},
		{0, 1, 3, 3, 0, 0, 0}, {0, 0, 0, 0, 4, 4, 6}, {0, 5, 0, 0, 4, 5, 0},
		{0, 0, 2, 0, 6, 0, 6}}
	h3NewDigitIII = [7][7]int{
		{0, 1, 2, 3, 4, 5, 6}, {1, 2, 3, 4, 5, 6, 0}, {2, 3, 4, 5, 6, 0, 1},
		{3, 4, 5, 6, 0, 1, 2}, {4, 5, 6, 0, 1, 2, 3}, {5, 6, 0, 1, 2, 3, 4},
		{6, 0, 1, 2, 3, 4, 5}}
	h3NewAdjustIII = [7][7]int{
		{0, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 3, 0, 1, 0}, {0, 0, 2, 2, 0, 0, 6},
		{0, 3, 2, 3, 0, 0, 0}, {0, 0, 0, 0, 4, 5, 4}, {0, 1, 0, 0, 5, 5, 0},
		{0, 0, 6, 0, 4, 0, 6}}
)

// neighbor returns the cell next to h in direction dir, after rotating dir
// by *rot 60-degree turns; *rot is updated for the faces crossed. It
// reports false where the direction is deleted (off a pentagon).
func (h h3Index) neighbor(dir int, rot *int) (h3Index, bool) {
	cur := h
	*rot %= 6
	for i := 0; i < *rot; i++ {
		dir = rotateDigitCCW(dir)
	}
	oldBC := cur.baseCell()
	oldLeading := cur.leadingDigit()
	newRot := 0
	for r := cur.res() - 1; ; r-- {
		if r == -1 {
			bc := int(h3BaseCellNeighbors[oldBC][dir])
			newRot = int(h3BaseCellNeighborRots[oldBC][dir])
			if bc == 127 {
				bc = int(h3BaseCellNeighbors[oldBC][h3IK])
				newRot = int(h3BaseCellNeighborRots[oldBC][h3IK])
				cur = cur.rotate60ccw()
				*rot++
			}
			cur = cur.withBaseCell(bc)
			break
		}
		old := cur.digit(r + 1)
		if old == h3Invalid {
			return 0, false
		}
		var next int
		if (r+1)%2 == 1 {
			cur = cur.withDigit(r+1, h3NewDigitII[old][dir])
			next = h3NewAdjustII[old][dir]
		} else {
			cur = cur.withDigit(r+1, h3NewDigitIII[old][dir])
			next = h3NewAdjustIII[old][dir]
		}
		if next == h3Center {
			break
		}
		dir = next
	}
	newBC := cur.baseCell()
	if !h3IsPentagonBase(newBC) {
		for i := 0; i < newRot; i++ {
			cur = cur.rotate60ccw()
		}
		*rot = (*rot + newRot) % 6
		return cur, true
	}
	adjusted := false
	if cur.leadingDigit() == h3K {
		if oldBC != newBC {
			if h3BaseCellIsCwOffset(newBC, h3BaseCells[oldBC].home.face) {
				cur = cur.rotate60cw()
			} else {
				cur = cur.rotate60ccw()
			}
			adjusted = true
		} else {
			switch oldLeading {
			case h3JK:
				cur = cur.rotate60ccw()
				*rot++
			case h3IK:
				cur = cur.rotate60cw()
				*rot += 5
			default:
				return 0, false
			}
		}
	}
	for i := 0; i < newRot; i++ {
		cur = cur.rotatePent60(true)
	}
	if oldBC != newBC {
		if newBC == 4 || newBC == 117 {
			if oldBC != 118 && oldBC != 8 && cur.leadingDigit() != h3JK {
				*rot++
			}
		} else if cur.leadingDigit() == h3IK && !adjusted {
			*rot++
		}
	}
	*rot = (*rot + newRot) % 6
	return cur, true
}

// gridDisk returns the cells within grid distance k of h and their
// distances, in the H3 library's order.
func (h h3Index) gridDisk(k int) ([]h3Index, []int) {
	if cells, dists, ok := h.gridDiskFast(k); ok {
		return cells, dists
	}
	return h.gridDiskSafe(k)
}

// gridDiskFast walks the rings around h; it gives up (false) when it
// meets a pentagon.
func (h h3Index) gridDiskFast(k int) ([]h3Index, []int, bool) {
	cells, dists := []h3Index{h}, []int{0}
	if h.isPentagon() {
		return nil, nil, false
	}
	origin, rot := h, 0
	for ring := 1; ring <= k; ring++ {
		var ok bool
		if origin, ok = origin.neighbor(h3NextRing, &rot); !ok || origin.isPentagon() {
			return nil, nil, false
		}
		for side := 0; side < 6; side++ {
			for i := 0; i < ring; i++ {
				if origin, ok = origin.neighbor(h3Directions[side], &rot); !ok {
					return nil, nil, false
				}
				cells = append(cells, origin)
				dists = append(dists, ring)
				if origin.isPentagon() {
					return nil, nil, false
				}
			}
		}
	}
	return cells, dists, true
}

// gridDiskSafe finds the cells by recursion over neighbors, storing them
// in an open-addressing table as the H3 library does (so the order
// matches it).
func (h h3Index) gridDiskSafe(k int) ([]h3Index, []int) {
	size := 3*k*(k+1) + 1
	out := make([]h3Index, size)
	dist := make([]int, size)
	var visit func(c h3Index, cur int)
	visit = func(c h3Index, cur int) {
		off := int(uint64(c) % uint64(size))
		for out[off] != 0 && out[off] != c {
			off = (off + 1) % size
		}
		if out[off] == c && dist[off] <= cur {
			return
		}
		out[off], dist[off] = c, cur
		if cur >= k {
			return
		}
		for _, d := range h3Directions {
			rot := 0
			if n, ok := c.neighbor(d, &rot); ok {
				visit(n, cur+1)
			}
		}
	}
	visit(h, 0)
	var cells []h3Index
	var dists []int
	for i, c := range out {
		if c != 0 {
			cells = append(cells, c)
			dists = append(dists, dist[i])
		}
	}
	return cells, dists
}
