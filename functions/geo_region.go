package functions

import (
	"math"
	"slices"
)

// geoRegion is an area of the sphere bounded by oriented loops: each
// loop keeps the region on its left, so shells turn counterclockwise and
// holes clockwise. A point is inside when it is inside an odd number of
// the loops taken as normalized (smaller) regions.
type geoRegion struct {
	loops []*geoLoop // normalized copies, for containment
	rings [][]vec3   // oriented vertex lists, parallel to loops
}

// regionOf returns the region of one polygon: its shell and holes with
// holes turned clockwise.
func regionOf(p geoPolygon) *geoRegion {
	g := &geoRegion{loops: p.loops}
	for i, l := range p.loops {
		ring := l.pts
		if loopDepth(p.loops, i)%2 == 1 {
			ring = slices.Clone(ring)
			slices.Reverse(ring)
		}
		g.rings = append(g.rings, ring)
	}
	return g
}

// loopDepth returns how many other loops of a polygon contain loop i.
func loopDepth(loops []*geoLoop, i int) int {
	d := 0
	for j, m := range loops {
		if j != i && loopInside(loops[i], m) {
			d++
		}
	}
	return d
}

// loopInside reports whether loop l lies inside loop m (the loops do not
// cross, so any vertex of l that is not a vertex of m decides).
func loopInside(l, m *geoLoop) bool {
	for _, v := range l.pts {
		if !slices.Contains(m.pts, v) {
			return m.contains(v)
		}
	}
	return false
}

// contains reports whether the region contains p.
func (g *geoRegion) contains(p vec3) bool {
	in := false
	for _, l := range g.loops {
		if l.contains(p) {
			in = !in
		}
	}
	return in
}

// area returns the region's area in steradians.
func (g *geoRegion) area() float64 {
	a := 0.0
	for _, r := range g.rings {
		a += ringSignedArea(r)
	}
	return a
}

// centroid returns the integral of position over the region.
func (g *geoRegion) centroid() vec3 {
	var c vec3
	for _, r := range g.rings {
		c = c.add(surfaceSum(r, triangleCentroid))
	}
	return c
}

// perimeter returns the length of the region's boundary in radians.
func (g *geoRegion) perimeter() float64 {
	s := 0.0
	for _, r := range g.rings {
		s += ringLength(r)
	}
	return s
}

// closest returns the point of the region's boundary closest to p.
func (g *geoRegion) closest(p vec3) vec3 {
	best, bestD := vec3{}, math.Inf(1)
	for _, l := range g.loops {
		if l.bound.distance(p) > bestD {
			continue
		}
		for i := range l.pts {
			a, b := l.edge(i)
			c := project(p, a, b)
			if d := p.angle(c); d < bestD {
				best, bestD = c, d
			}
		}
	}
	return best
}

// isEmpty reports whether the region has no loops.
func (g *geoRegion) isEmpty() bool { return len(g.rings) == 0 }

// makeLoop returns the normalized loop of an oriented ring, without the
// validation newGeoLoop does.
func makeLoop(ring []vec3) *geoLoop {
	pts := slices.Clone(ring)
	if turningSum(pts) < 0 {
		slices.Reverse(pts)
	}
	l := &geoLoop{pts: pts}
	l.initOrigin()
	l.bound = capOf(l.pts)
	return l
}

// regionFromRings builds a region from oriented rings.
func regionFromRings(rings [][]vec3) *geoRegion {
	g := &geoRegion{rings: rings}
	for _, r := range rings {
		g.loops = append(g.loops, makeLoop(r))
	}
	return g
}

// unionOf returns the union of polygons as one region.
func unionOf(polys []geoPolygon) *geoRegion {
	if len(polys) == 1 {
		return regionOf(polys[0])
	}
	regions := make([]*geoRegion, len(polys))
	for i, p := range polys {
		regions[i] = regionOf(p)
	}
	return unionAll(regions)
}

// polygons groups the region's rings into polygons: every shell
// (counterclockwise ring) followed by the holes it holds.
func (g *geoRegion) polygons() [][][]vec3 {
	var polys [][][]vec3
	var shells []int
	for i, r := range g.rings {
		if ringSignedArea(r) > 0 {
			shells = append(shells, i)
			polys = append(polys, [][]vec3{r})
		}
	}
	for i, r := range g.rings {
		if ringSignedArea(r) > 0 {
			continue
		}
		best, bestArea := -1, math.Inf(1)
		for k, s := range shells {
			if loopInside(g.loops[i], g.loops[s]) {
				if a := g.loops[s].area(); a < bestArea {
					best, bestArea = k, a
				}
			}
		}
		if best >= 0 {
			polys[best] = append(polys[best], r)
		}
	}
	return polys
}

// ringSignedArea returns the area on the left of an oriented ring, negative
// for a clockwise ring.
func ringSignedArea(r []vec3) float64 {
	return surfaceSum(r, func(o, b, c vec3) vec3 { return vec3{x: signedArea(o, b, c)} }).x
}
