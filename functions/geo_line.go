package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	const line = `dynamic({"type":"LineString","coordinates":[[-73.95796,40.80042],[-73.97317,40.764486]]})`
	register(
		geoFunc[float64]{name: "geo_distance_point_to_line", result: data.Real,
			params: []geoParam{gNum, gNum, gDyn},
			sig:    "geo_distance_point_to_line(longitude: real, latitude: real, lineString: dynamic): real",
			doc: "Returns the shortest distance in meters from a coordinate to a GeoJSON line or " +
				"multiline on the Earth; invalid input gives null.",
			examples: []Example{{"print geo_distance_point_to_line(-73.96, 40.79, " + line + ")",
				"190.18532109543435"}},
			eval: evalDistancePointToLine}.scalar(),
		geoFunc[data.Dyn]{name: "geo_closest_point_on_line", result: data.Dynamic,
			params: []geoParam{gNum, gNum, gDyn},
			sig:    "geo_closest_point_on_line(longitude: real, latitude: real, lineString: dynamic): dynamic",
			doc: "Returns the point of a GeoJSON line or multiline closest to a coordinate, as a " +
				"GeoJSON point; invalid input gives null.",
			examples: []Example{{"print geo_closest_point_on_line(-73.96, 40.79, " + line + ")",
				`{"type":"Point","coordinates":[-73.96215126776536,40.79052210655851]}`}},
			eval: evalClosestPointOnLine}.scalar(),
		geoFunc[float64]{name: "geo_line_length", result: data.Real,
			params:   []geoParam{gDyn},
			sig:      "geo_line_length(lineString: dynamic): real",
			doc:      "Returns the length in meters of a GeoJSON line or multiline on the Earth; an invalid line gives null.",
			examples: []Example{{"print geo_line_length(" + line + ")", "4195.891120055918"}},
			eval:     evalLineLength}.scalar(),
		geoFunc[data.Dyn]{name: "geo_line_centroid", result: data.Dynamic,
			params: []geoParam{gDyn},
			sig:    "geo_line_centroid(lineString: dynamic): dynamic",
			doc:    "Returns the centroid of a GeoJSON line or multiline as a GeoJSON point; an invalid line gives null.",
			examples: []Example{{"print geo_line_centroid(" + line + ")",
				`{"type":"Point","coordinates":[-73.96556705723094,40.782453249627416]}`}},
			eval: evalLineCentroid}.scalar(),
		geoFunc[data.Dyn]{name: "geo_line_interpolate_point", result: data.Dynamic,
			params: []geoParam{gDyn, gNum},
			sig:    "geo_line_interpolate_point(lineString: dynamic, fraction: real): dynamic",
			doc: "Returns the point at a fraction (0 to 1) of a line's length from its start, as a " +
				"GeoJSON point; an invalid line or fraction gives null.",
			examples: []Example{{"print geo_line_interpolate_point(" + line + ", 0.25)",
				`{"type":"Point","coordinates":[-73.96176404321828,40.79143668725723]}`}},
			eval: evalLineInterpolatePoint}.scalar(),
		geoFunc[float64]{name: "geo_line_locate_point", result: data.Real,
			params: []geoParam{gDyn, gNum, gNum, gBool}, optional: 1,
			sig: "geo_line_locate_point(lineString: dynamic, longitude: real, latitude: real, " +
				"[use_spheroid: bool]): real",
			doc: "Returns the fraction (0 to 1) of a line's length from its start to the point of the " +
				"line closest to a coordinate; invalid input gives null.",
			examples: []Example{{"print round(geo_line_locate_point(" + line + ", -73.965, 40.792), 9)",
				"0.255601351"}},
			eval: evalLineLocatePoint}.scalar(),
	)
}

// lineLength returns the length of a line in radians.
func lineLength(l []vec3) float64 {
	s := 0.0
	for i := 1; i < len(l); i++ {
		s += l[i-1].angle(l[i])
	}
	return s
}

// ringLength returns the perimeter of a loop in radians.
func ringLength(l []vec3) float64 {
	return lineLength(l) + l[len(l)-1].angle(l[0])
}

// closestOnLines returns the point of the lines closest to p.
func closestOnLines(p vec3, lines [][]vec3) vec3 {
	best, bestD := vec3{}, math.Inf(1)
	for _, l := range lines {
		c, _ := projectOnLine(p, l)
		if d := p.angle(c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// projectOnLine returns the point of line l closest to p and the index of
// the next vertex after it.
func projectOnLine(p vec3, l []vec3) (vec3, int) {
	minD, minI := 10.0, -1
	for i := 1; i < len(l); i++ {
		if d := edgeDistance(p, l[i-1], l[i]); d < minD {
			minD, minI = d, i
		}
	}
	c := project(p, l[minI-1], l[minI])
	next := minI
	if c.equal(l[minI]) {
		next++
	}
	return c, next
}

func evalDistancePointToLine(r *geoRow) (float64, bool) {
	p, ok := r.point(0)
	lines, ok2 := r.parsedLines(2)
	if !ok || !ok2 {
		return 0, false
	}
	return p.angle(closestOnLines(p, lines)) * geoEarthRadius, true
}

func evalClosestPointOnLine(r *geoRow) (data.Dyn, bool) {
	p, ok := r.point(0)
	lines, ok2 := r.parsedLines(2)
	if !ok || !ok2 {
		return data.Dyn{}, false
	}
	return geoPointDyn(closestOnLines(p, lines)), true
}

func evalLineLength(r *geoRow) (float64, bool) {
	lines, ok := r.parsedLines(0)
	if !ok {
		return 0, false
	}
	s := 0.0
	for _, l := range lines {
		s += lineLength(l)
	}
	return s * geoEarthRadius, true
}

func evalLineCentroid(r *geoRow) (data.Dyn, bool) {
	lines, ok := r.parsedLines(0)
	if !ok {
		return data.Dyn{}, false
	}
	var c vec3
	for _, l := range lines {
		for i := 1; i < len(l); i++ {
			c = c.add(edgeCentroid(l[i-1], l[i]))
		}
	}
	if c.isZero() {
		return data.Dyn{}, false
	}
	return geoPointDyn(c), true
}

// singleLine returns argument k as one line (a LineString, or a
// MultiLineString of one line).
func (r *geoRow) singleLine(k int) ([]vec3, bool) {
	lines, ok := r.parsedLines(k)
	if !ok || len(lines) != 1 {
		return nil, false
	}
	return lines[0], true
}

// lineInterpolate returns the point at fraction f of line l's length.
func lineInterpolate(l []vec3, f float64) vec3 {
	if f <= 0 {
		return l[0]
	}
	target := f * lineLength(l)
	for i := 1; i < len(l); i++ {
		length := l[i-1].angle(l[i])
		if target < length {
			return interpolateAngle(l[i-1], l[i], target)
		}
		target -= length
	}
	return l[len(l)-1]
}

func evalLineInterpolatePoint(r *geoRow) (data.Dyn, bool) {
	l, ok := r.singleLine(0)
	f, ok2 := r.num(1)
	if !ok || !ok2 || !(f >= 0 && f <= 1) {
		return data.Dyn{}, false
	}
	return geoPointDyn(lineInterpolate(l, f)), true
}

func evalLineLocatePoint(r *geoRow) (float64, bool) {
	l, ok := r.singleLine(0)
	p, ok2 := r.point(1)
	if !ok || !ok2 {
		return 0, false
	}
	if r.has(3) {
		if _, ok := r.boolean(3); !ok {
			return 0, false
		}
	}
	c, next := projectOnLine(p, l)
	sum := 0.0
	for i := 1; i < next; i++ {
		sum += l[i-1].angle(l[i])
	}
	to := sum + l[next-1].angle(c)
	for i := next; i < len(l); i++ {
		sum += l[i-1].angle(l[i])
	}
	if sum == 0 {
		return 0, true
	}
	return math.Min(1, to/sum), true
}
