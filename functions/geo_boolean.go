package functions

import (
	"math"
	"slices"
	"sort"
)

// Boolean operations on regions: the edges of every region are split
// where they cross or touch the edges of the others, the pieces are kept
// or dropped by where they lie relative to the other regions, and the
// kept pieces are joined into loops again.

// bEdge is a directed edge of an input region.
type bEdge struct {
	a, b   vec3
	region int
	id     int // input order, over all regions
	cuts   []vec3
	cap    edgeCap
}

// edgeCap bounds an edge: every point of the edge has a dot product of at
// least minDot with the center.
type edgeCap struct {
	center vec3
	radius float64
}

func newEdgeCap(a, b vec3) edgeCap {
	c := a.add(b).normalize()
	return edgeCap{center: c, radius: 0.5*a.angle(b) + 1e-12}
}

func (c edgeCap) near(d edgeCap) bool {
	return c.center.angle(d.center) <= c.radius+d.radius
}

// bPiece is a piece of an input edge after splitting.
type bPiece struct {
	a, b   vec3
	region int
	id     int
}

// bClass tells where a piece lies: inside(r) reports whether it is inside
// region r; same and opposite list the other regions having an identical
// piece in the same or the reverse direction.
type bClass struct {
	n        int
	inside   func(r int) bool
	same     []int
	opposite []int
}

// bKeep chooses which pieces an operation keeps.
type bKeep func(p bPiece, c bClass) bool

// booleanOp combines regions with keep and returns the resulting loops.
func booleanOp(regions []*geoRegion, keep bKeep) [][]vec3 {
	edges := collectEdges(regions)
	keys := map[vec3]int{}
	for _, e := range edges {
		if _, ok := keys[e.a]; !ok {
			keys[e.a] = len(keys)
		}
	}
	splitEdges(edges)
	for _, e := range edges {
		for _, c := range e.cuts {
			if _, ok := keys[c]; !ok {
				keys[c] = len(keys)
			}
		}
	}
	pieces := piecesOf(edges)
	index := map[[2]vec3][]int{}
	for i, p := range pieces {
		index[[2]vec3{p.a, p.b}] = append(index[[2]vec3{p.a, p.b}], i)
	}
	var kept []bPiece
	for _, p := range pieces {
		c := bClass{n: len(regions)}
		for _, k := range index[[2]vec3{p.a, p.b}] {
			if pieces[k].region != p.region {
				c.same = append(c.same, pieces[k].region)
			}
		}
		for _, k := range index[[2]vec3{p.b, p.a}] {
			if pieces[k].region != p.region {
				c.opposite = append(c.opposite, pieces[k].region)
			}
		}
		mid := p.a.add(p.b).normalize()
		c.inside = func(r int) bool { return regions[r].contains(mid) }
		if keep(p, c) {
			kept = append(kept, p)
		}
	}
	return assembleLoops(kept, keys)
}

func collectEdges(regions []*geoRegion) []*bEdge {
	var edges []*bEdge
	id := 0
	for r, g := range regions {
		for _, ring := range g.rings {
			for i := range ring {
				a, b := ring[i], ring[(i+1)%len(ring)]
				edges = append(edges, &bEdge{a: a, b: b, region: r, id: id, cap: newEdgeCap(a, b)})
				id++
			}
		}
	}
	return edges
}

// splitEdges records on every edge the points where edges of other
// regions cross or touch it.
func splitEdges(edges []*bEdge) {
	splitPairs(edges, func(e, f *bEdge) bool { return e.region != f.region })
}

// splitPairs cuts the edges where pairs accepted by want cross or touch;
// edges are swept in order of their lowest z so that only pairs whose
// bounds overlap are compared. The cuts of each edge end up sorted along
// it.
func splitPairs(edges []*bEdge, want func(e, f *bEdge) bool) {
	order := make([]*bEdge, len(edges))
	copy(order, edges)
	lo := make(map[*bEdge]float64, len(edges))
	hi := make(map[*bEdge]float64, len(edges))
	for _, e := range edges {
		lat := math.Asin(math.Max(-1, math.Min(1, e.cap.center.z)))
		lo[e] = math.Sin(math.Max(-math.Pi/2, lat-e.cap.radius))
		hi[e] = math.Sin(math.Min(math.Pi/2, lat+e.cap.radius))
	}
	sort.SliceStable(order, func(i, j int) bool { return lo[order[i]] < lo[order[j]] })
	for i, e := range order {
		for _, f := range order[i+1:] {
			if lo[f] > hi[e] {
				break
			}
			if !want(e, f) || !e.cap.near(f.cap) {
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
	for _, e := range edges {
		e.cuts = sortCuts(e)
	}
}

// touch cuts edge e at p when p lies on e's interior.
func touch(e *bEdge, p vec3) {
	if p.equal(e.a) || p.equal(e.b) {
		return
	}
	if edgeDistance(p, e.a, e.b) < 1e-15 {
		e.cuts = append(e.cuts, p)
	}
}

// edgeIntersection returns the point where edges a-b and c-d cross.
func edgeIntersection(a, b, c, d vec3) vec3 {
	x := robustCross(a, b).normalize().cross(robustCross(c, d).normalize()).normalize()
	if x.dot(a.add(b).add(c).add(d)) < 0 {
		x = x.neg()
	}
	return x
}

func piecesOf(edges []*bEdge) []bPiece {
	var out []bPiece
	for _, e := range edges {
		pts := append([]vec3{e.a}, sortCuts(e)...)
		pts = append(pts, e.b)
		for k := 1; k < len(pts); k++ {
			if pts[k].equal(pts[k-1]) {
				continue
			}
			out = append(out, bPiece{a: pts[k-1], b: pts[k], region: e.region, id: e.id})
		}
	}
	return out
}

func sortCuts(e *bEdge) []vec3 {
	cuts := e.cuts
	sort.Slice(cuts, func(i, j int) bool { return e.a.dist2(cuts[i]) < e.a.dist2(cuts[j]) })
	return slices.CompactFunc(cuts, func(x, y vec3) bool { return x.equal(y) })
}

// assembleLoops joins directed pieces into closed loops the way S2's
// builder does: pieces are ordered by the numbers of their ends (vertices
// are numbered in input order, the points where edges cross last), loops
// are traced from the first unused piece turning left where several pieces
// meet, and each loop is rotated so that it ends with the piece of the
// highest input edge.
func assembleLoops(pieces []bPiece, keys map[vec3]int) [][]vec3 {
	order := make([]int, len(pieces))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := pieces[order[i]], pieces[order[j]]
		if keys[a.a] != keys[b.a] {
			return keys[a.a] < keys[b.a]
		}
		return keys[a.b] < keys[b.b]
	})
	out := map[vec3][]int{}
	for _, i := range order {
		out[pieces[i].a] = append(out[pieces[i].a], i)
	}
	used := make([]bool, len(pieces))
	var loops [][]vec3
	for _, start := range order {
		if used[start] {
			continue
		}
		var loop []int
		for cur := start; cur >= 0 && !used[cur]; {
			used[cur] = true
			loop = append(loop, cur)
			if pieces[cur].b.equal(pieces[start].a) {
				break
			}
			cur = nextPiece(pieces, out[pieces[cur].b], used, pieces[cur])
		}
		if len(loop) < 3 || !pieces[loop[len(loop)-1]].b.equal(pieces[start].a) {
			continue
		}
		loops = append(loops, canonicalLoop(pieces, loop))
	}
	return loops
}

// nextPiece picks the unused piece leaving the end of in; when several
// leave the same vertex it takes the sharpest left turn.
func nextPiece(pieces []bPiece, cands []int, used []bool, in bPiece) int {
	best, bestAng := -1, math.Inf(-1)
	for _, k := range cands {
		if used[k] {
			continue
		}
		ang := turnAngle(in.a, in.b, pieces[k].b)
		if ang > bestAng {
			best, bestAng = k, ang
		}
	}
	return best
}

// canonicalLoop returns the vertices of a loop of pieces, rotated so that
// the piece of the highest input edge (the last of its run) comes last.
func canonicalLoop(pieces []bPiece, loop []int) []vec3 {
	pos, gap := 0, false
	for i := 1; i < len(loop); i++ {
		cmp := pieces[loop[i]].id - pieces[loop[pos]].id
		if cmp < 0 {
			gap = true
		} else if cmp > 0 || !gap {
			pos, gap = i, false
		}
	}
	pos = (pos + 1) % len(loop)
	vs := make([]vec3, len(loop))
	for i := range loop {
		vs[i] = pieces[loop[(pos+i)%len(loop)]].a
	}
	return vs
}

// keepUnion keeps the boundary pieces of the union of all regions.
func keepUnion(p bPiece, c bClass) bool {
	if len(c.opposite) > 0 {
		return false
	}
	for r := 0; r < c.n; r++ {
		if r == p.region {
			continue
		}
		if slices.Contains(c.same, r) {
			if r < p.region {
				return false
			}
			continue
		}
		if c.inside(r) {
			return false
		}
	}
	return true
}

// keepIntersection keeps the boundary pieces of the intersection of two
// regions.
func keepIntersection(p bPiece, c bClass) bool {
	if len(c.opposite) > 0 {
		return false
	}
	if len(c.same) > 0 {
		return p.region == 0
	}
	return c.inside(1 - p.region)
}
