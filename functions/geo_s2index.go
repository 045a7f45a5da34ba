package functions

import (
	"github.com/golang/geo/s2"
)

// s2Index answers containment tests for a polygon that is tested many
// times (a constant polygon against every row) with an S2 polygon, whose
// cell index makes each test logarithmic instead of linear in the number
// of edges. It follows the same semi-open boundary model as geoLoop. It is
// used by one goroutine at a time, like the kernel that parsed it.
type s2Index struct {
	calls int
	poly  *s2.Polygon
}

const (
	s2IndexMinVertices = 64 // smaller polygons are tested edge by edge
	s2IndexMinCalls    = 16 // tests before the index is built
)

// contains reports whether the polygon holds p; ok is false while the
// plain test should be used.
func (x *s2Index) contains(loops []*geoLoop, p vec3) (in, ok bool) {
	if x.poly == nil {
		x.calls++
		n := 0
		for _, l := range loops {
			n += len(l.pts)
		}
		if n < s2IndexMinVertices || x.calls < s2IndexMinCalls {
			return false, false
		}
		sl := make([]*s2.Loop, len(loops))
		for i, l := range loops {
			pts := make([]s2.Point, len(l.pts))
			for k, v := range l.pts {
				pts[k] = s2Pt(v)
			}
			sl[i] = s2.LoopFromPoints(pts)
		}
		x.poly = s2.PolygonFromLoops(sl)
	}
	return x.poly.ContainsPoint(s2Pt(p)), true
}
