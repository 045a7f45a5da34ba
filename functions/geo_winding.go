package functions

// Resolution of self-overlapping closed paths by winding number: the
// result is the set of points around which the paths wind at least once.
// Buffers are built this way: their paths loop back over themselves at
// inner corners, and the winding rule removes the overlaps.

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
	splitAll(edges)
	for _, e := range edges {
		for _, c := range e.cuts {
			if _, ok := keys[c]; !ok {
				keys[c] = len(keys)
			}
		}
	}
	var kept []bPiece
	for _, p := range piecesOf(edges) {
		mid := p.a.add(p.b).normalize()
		if windingAt(edges, ref, mid, p.id) == 0 {
			kept = append(kept, p)
		}
	}
	return regionFromRings(nestRings(assembleLoops(kept, keys)))
}

// splitAll cuts every edge where any other, non-adjacent edge crosses it.
func splitAll(edges []*bEdge) {
	for i, e := range edges {
		for _, f := range edges[i+1:] {
			if !e.cap.near(f.cap) {
				continue
			}
			if crossingSign(e.a, e.b, f.a, f.b) > 0 {
				x := edgeIntersection(e.a, e.b, f.a, f.b)
				e.cuts = append(e.cuts, x)
				f.cuts = append(f.cuts, x)
				continue
			}
			touch(e, f.a)
			touch(e, f.b)
			touch(f, e.a)
			touch(f, e.b)
		}
	}
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
