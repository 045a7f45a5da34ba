package functions

import (
	"math"

	"github.com/golang/geo/r3"
	"github.com/golang/geo/s1"
	"github.com/golang/geo/s2"

	"github.com/kqlkit/kqlkit/data"
)

// geoMaxCells is the most cells a covering may have.
const geoMaxCells = 65536

// s2Region is a set of polygons and lines grown by a radius, as an S2
// region that the region coverer can cover with cells.
type s2Region struct {
	polys  []*s2.Polygon
	lines  []*s2.Polyline
	index  *s2.ShapeIndex
	query  *s2.EdgeQuery
	radius s1.ChordAngle
	grown  bool
	cap    s2.Cap
}

func s2Pt(v vec3) s2.Point { return s2.Point{Vector: r3.Vector{X: v.x, Y: v.y, Z: v.z}} }

func newS2Region(polys []geoPolygon, lines [][]vec3, radius float64) *s2Region {
	r := &s2Region{index: s2.NewShapeIndex(), cap: s2.EmptyCap()}
	for _, p := range polys {
		loops := make([]*s2.Loop, len(p.loops))
		for i, l := range p.loops {
			pts := make([]s2.Point, len(l.pts))
			for k, v := range l.pts {
				pts[k] = s2Pt(v)
			}
			loops[i] = s2.LoopFromPoints(pts)
		}
		sp := s2.PolygonFromLoops(loops)
		r.polys = append(r.polys, sp)
		r.index.Add(sp)
		r.cap = r.cap.AddCap(sp.CapBound())
	}
	for _, l := range lines {
		pts := make(s2.Polyline, len(l))
		for k, v := range l {
			pts[k] = s2Pt(v)
		}
		r.lines = append(r.lines, &pts)
		r.index.Add(&pts)
		r.cap = r.cap.AddCap(pts.CapBound())
	}
	if radius > 0 {
		ang := s1.Angle(radius / geoEarthRadius)
		r.radius = s1.ChordAngleFromAngle(ang)
		r.grown = true
		r.cap = r.cap.Expanded(ang)
		r.query = s2.NewClosestEdgeQuery(r.index, s2.NewClosestEdgeQueryOptions())
	}
	return r
}

// CapBound implements s2.Region.
func (r *s2Region) CapBound() s2.Cap { return r.cap }

// RectBound implements s2.Region.
func (r *s2Region) RectBound() s2.Rect { return r.cap.RectBound() }

// CellUnionBound implements s2.Region.
func (r *s2Region) CellUnionBound() []s2.CellID { return r.cap.CellUnionBound() }

// ContainsCell implements s2.Region.
func (r *s2Region) ContainsCell(c s2.Cell) bool {
	for _, p := range r.polys {
		if p.ContainsCell(c) {
			return true
		}
	}
	return false
}

// IntersectsCell implements s2.Region.
func (r *s2Region) IntersectsCell(c s2.Cell) bool {
	for _, p := range r.polys {
		if p.IntersectsCell(c) {
			return true
		}
	}
	for _, l := range r.lines {
		if l.IntersectsCell(c) {
			return true
		}
	}
	return r.grown && r.query.IsDistanceLess(s2.NewMinDistanceToCellTarget(c), r.radius.Successor())
}

// ContainsPoint implements s2.Region.
func (r *s2Region) ContainsPoint(p s2.Point) bool {
	for _, q := range r.polys {
		if q.ContainsPoint(p) {
			return true
		}
	}
	return r.grown && r.query.IsDistanceLess(s2.NewMinDistanceToPointTarget(p), r.radius.Successor())
}

// s2Covering returns the tokens of the cells of one level covering the
// region, or false when more than geoMaxCells would be needed. size is the
// region's area (steradians) and boundary length (radians), used to give
// up early on coverings that are far too large.
func s2Covering(r *s2Region, level int, area, boundary float64) (data.Dyn, bool) {
	cellArea := s2.AvgAreaMetric.Value(level)
	cellEdge := s2.AvgEdgeMetric.Value(level)
	if area/cellArea+boundary/cellEdge > 4*geoMaxCells {
		return data.Dyn{}, false
	}
	rc := &s2.RegionCoverer{MinLevel: level, MaxLevel: level, LevelMod: 1, MaxCells: geoMaxCells}
	cells := rc.Covering(r)
	if len(cells) > geoMaxCells {
		return data.Dyn{}, false
	}
	out := make([]data.Dyn, len(cells))
	for i, c := range cells {
		out[i] = data.DynStringOf(c.ToToken())
	}
	return data.DynArrayOf(out), true
}

// coverArgs reads the optional level and radius arguments of a covering.
func (r *geoRow) coverArgs() (level int, radius float64, ok bool) {
	if level, ok = r.s2Level(1); !ok {
		return 0, 0, false
	}
	if r.has(2) {
		if radius, ok = r.num(2); !ok || radius < 0 || math.IsInf(radius, 0) {
			return 0, 0, false
		}
	}
	return level, radius, true
}

func evalPolygonToS2Cells(r *geoRow) (data.Dyn, bool) {
	polys, ok := r.parsedPolygons(0)
	level, radius, ok2 := r.coverArgs()
	if !ok || !ok2 {
		return data.Dyn{}, false
	}
	area, boundary := 0.0, 0.0
	for _, p := range polys {
		for _, l := range p.loops {
			area += l.area()
			boundary += ringLength(l.pts)
		}
	}
	ang := radius / geoEarthRadius
	area += boundary*ang + math.Pi*ang*ang
	return s2Covering(newS2Region(polys, nil, radius), level, area, boundary)
}

func evalLineToS2Cells(r *geoRow) (data.Dyn, bool) {
	lines, ok := r.parsedLines(0)
	level, radius, ok2 := r.coverArgs()
	if !ok || !ok2 {
		return data.Dyn{}, false
	}
	boundary := 0.0
	for _, l := range lines {
		boundary += lineLength(l)
	}
	ang := radius / geoEarthRadius
	area := 2*boundary*ang + math.Pi*ang*ang
	return s2Covering(newS2Region(nil, lines, radius), level, area, boundary)
}
