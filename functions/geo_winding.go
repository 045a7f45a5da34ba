package functions

// Resolution of self-overlapping closed paths by winding number: the
// result is the set of points around which the paths wind at least once.
// Buffers are built this way: their paths loop back over themselves at
// inner corners, and the winding rule removes the overlaps.

// geoMaxPathEdges bounds the work of a buffer: larger ones give null.
const geoMaxPathEdges = 1 << 18

// windingRegion returns the region wound at least once by the paths (each
// a closed chain of vertices). ref must be a point no path winds around.
func windingRegion(paths [][]vec3, ref vec3) *geoRegion {
	var edges []*bEdge
	keys := map[vec3]int{}
	for _, p := range paths {
		for i := range p {
			a, b := p[i], p[(i+1)%len(p)]
			if a.equal(b) {
				continue
			}
			if _, ok := keys[a]; !ok {
				keys[a] = len(keys)
			}
			edges = append(edges, &bEdge{a: a, b: b, id: len(edges), cap: newEdgeCap(a, b)})
		}
	}
	if len(edges) > geoMaxPathEdges {
		return &geoRegion{}
	}
	splitAll(edges)
	for _, e := range edges {
		for _, c := range e.cuts {
			if _, ok := keys[c]; !ok {
				keys[c] = len(keys)
			}
		}
	}
	junction := map[vec3]bool{}
	for _, e := range edges {
		for _, c := range e.cuts {
			junction[c] = true
		}
	}
	// The winding number right of the paths changes only where they meet,
	// so it is computed once per run of pieces between junctions.
	var kept []bPiece
	var prev bPiece
	w := 0
	for i, p := range piecesOf(edges) {
		if i == 0 || junction[p.a] || !p.a.equal(prev.b) {
			w = windingAt(edges, ref, p.a.add(p.b).normalize(), p.id)
		}
		if w == 0 {
			kept = append(kept, p)
		}
		prev = p
	}
	return regionFromRings(nestRings(assembleLoops(kept, keys)))
}

// splitAll cuts every edge where any other edge crosses or touches it.
func splitAll(edges []*bEdge) {
	splitPairs(edges, func(e, f *bEdge) bool { return true })
}

// windingAt returns the winding number of the edges around p, leaving out
// edge skip (p lies on it, so the result is the number just right of it).
func windingAt(edges []*bEdge, ref, p vec3, skip int) int {
	w := 0
	for _, e := range edges {
		if e.id == skip || crossingSign(ref, p, e.a, e.b) <= 0 {
			continue
		}
		if sign(e.a, e.b, p) > 0 {
			w++
		} else {
			w--
		}
	}
	return w
}
