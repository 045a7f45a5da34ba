package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		geoFunc[float64]{name: "geo_distance_2points", result: data.Real,
			params: []geoParam{gNum, gNum, gNum, gNum, gBool}, optional: 1,
			sig: "geo_distance_2points(p1_longitude: real, p1_latitude: real, p2_longitude: real, " +
				"p2_latitude: real, [use_spheroid: bool]): real",
			doc: "Returns the shortest distance in meters between two coordinates on the Earth " +
				"(a sphere, or the WGS-84 spheroid when use_spheroid is true); invalid " +
				"coordinates give null.",
			examples: []Example{{"print geo_distance_2points(-122.407628, 47.578557, -118.275287, 34.019056)",
				"1546754.3519738095"}},
			eval: evalDistance2Points}.scalar(),
		geoFunc[bool]{name: "geo_point_in_circle", result: data.Bool,
			params: []geoParam{gNum, gNum, gNum, gNum, gNum},
			sig: "geo_point_in_circle(p_longitude: real, p_latitude: real, pc_longitude: real, " +
				"pc_latitude: real, c_radius: real): bool",
			doc: "Returns whether a coordinate is inside the spherical cap of radius c_radius " +
				"meters around a center; invalid coordinates or a radius that is not positive give null.",
			examples: []Example{{"print geo_point_in_circle(-122.143564, 47.535677, -122.100896, 47.527351, 3500)",
				"true"}},
			eval: evalPointInCircle}.scalar(),
		geoFunc[float64]{name: "geo_azimuth", result: data.Real,
			params: []geoParam{gNum, gNum, gNum, gNum},
			sig:    "geo_azimuth(p1_longitude: real, p1_latitude: real, p2_longitude: real, p2_latitude: real): real",
			doc: "Returns the angle in radians, clockwise from true north, of the geodesic from p1 " +
				"to p2; null for invalid, equal or antipodal points.",
			examples: []Example{{"print geo_azimuth(5, 10, 10, -40)", "3.054599397964492"}},
			eval:     evalAzimuth}.scalar(),
		geoFunc[float64]{name: "geo_angle", result: data.Real,
			params: []geoParam{gNum, gNum, gNum, gNum, gNum, gNum},
			sig: "geo_angle(p1_longitude: real, p1_latitude: real, p2_longitude: real, p2_latitude: real, " +
				"p3_longitude: real, p3_latitude: real): real",
			doc: "Returns the angle in radians in [0, 2pi), measured clockwise at p2, from line " +
				"[p1, p2] to line [p2, p3]; null for invalid, equal or antipodal points.",
			examples: []Example{{"print geo_angle(0, 10, 0, 5, 3, -10)", "2.9449384340688165"}},
			eval:     evalAngle}.scalar(),
	)
}

// coords reads arguments k and k+1 as a valid longitude and latitude.
func (r *geoRow) coords(k int) (lng, lat float64, ok bool) {
	lng, ok1 := r.num(k)
	lat, ok2 := r.num(k + 1)
	if !ok1 || !ok2 || !geoValid(lng, lat) {
		return 0, 0, false
	}
	return lng, lat, true
}

// point reads arguments k and k+1 as a point.
func (r *geoRow) point(k int) (vec3, bool) {
	lng, lat, ok := r.coords(k)
	if !ok {
		return vec3{}, false
	}
	return geoPoint(lng, lat), true
}

func evalDistance2Points(r *geoRow) (float64, bool) {
	lng1, lat1, ok1 := r.coords(0)
	lng2, lat2, ok2 := r.coords(2)
	if !ok1 || !ok2 {
		return 0, false
	}
	if r.has(4) {
		sph, ok := r.boolean(4)
		if !ok {
			return 0, false
		}
		if sph {
			return spheroidDistance(lng1, lat1, lng2, lat2)
		}
	}
	return haversine(lng1, lat1, lng2, lat2) * geoEarthRadius, true
}

// haversine returns the angle between two coordinates in degrees.
func haversine(lng1, lat1, lng2, lat2 float64) float64 {
	la1, la2 := lat1*degToRad, lat2*degToRad
	dlat := math.Sin(0.5 * (la2 - la1))
	dlng := math.Sin(0.5 * (lng2*degToRad - lng1*degToRad))
	x := dlat*dlat + dlng*dlng*math.Cos(la1)*math.Cos(la2)
	return 2 * math.Asin(math.Sqrt(math.Min(1, x)))
}

func evalPointInCircle(r *geoRow) (bool, bool) {
	lng, lat, ok1 := r.coords(0)
	clng, clat, ok2 := r.coords(2)
	radius, ok3 := r.num(4)
	if !ok1 || !ok2 || !ok3 || !(radius > 0) {
		return false, false
	}
	return haversine(lng, lat, clng, clat)*geoEarthRadius <= radius, true
}

// azimuth returns the initial bearing from p1 to p2 in radians in
// [0, 2pi), and false for equal or antipodal points.
func azimuth(lng1, lat1, lng2, lat2 float64) (float64, bool) {
	a, b := geoPoint(lng1, lat1), geoPoint(lng2, lat2)
	if a.equal(b) || a.add(b).norm2() < 1e-24 {
		return 0, false
	}
	la1, la2 := lat1*degToRad, lat2*degToRad
	dl := lng2*degToRad - lng1*degToRad
	y := math.Sin(dl) * math.Cos(la2)
	x := math.Cos(la1)*math.Sin(la2) - math.Sin(la1)*math.Cos(la2)*math.Cos(dl)
	az := math.Atan2(y, x)
	if az < 0 {
		az += 2 * math.Pi
	}
	if az >= 2*math.Pi {
		az = 0
	}
	return az, true
}

func evalAzimuth(r *geoRow) (float64, bool) {
	lng1, lat1, ok1 := r.coords(0)
	lng2, lat2, ok2 := r.coords(2)
	if !ok1 || !ok2 {
		return 0, false
	}
	return azimuth(lng1, lat1, lng2, lat2)
}

func evalAngle(r *geoRow) (float64, bool) {
	lng1, lat1, ok1 := r.coords(0)
	lng2, lat2, ok2 := r.coords(2)
	lng3, lat3, ok3 := r.coords(4)
	if !ok1 || !ok2 || !ok3 {
		return 0, false
	}
	back, ok1 := azimuth(lng2, lat2, lng1, lat1)
	fwd, ok2 := azimuth(lng2, lat2, lng3, lat3)
	if !ok1 || !ok2 {
		return 0, false
	}
	a := fwd - back
	if a < 0 {
		a += 2 * math.Pi
	}
	if a >= 2*math.Pi {
		a = 0
	}
	return a, true
}

// WGS-84 ellipsoid.
const (
	wgs84A = 6378137.0
	wgs84F = 1 / 298.257223563
	wgs84B = wgs84A * (1 - wgs84F)
)

// spheroidDistance returns the geodesic distance in meters between two
// coordinates on the WGS-84 ellipsoid (Vincenty's inverse formula).
func spheroidDistance(lng1, lat1, lng2, lat2 float64) (float64, bool) {
	if lng1 == lng2 && lat1 == lat2 {
		return 0, true
	}
	const f = wgs84F
	u1 := math.Atan((1 - f) * math.Tan(lat1*degToRad))
	u2 := math.Atan((1 - f) * math.Tan(lat2*degToRad))
	sinU1, cosU1 := math.Sincos(u1)
	sinU2, cosU2 := math.Sincos(u2)
	l := (lng2 - lng1) * degToRad
	lambda := l
	var sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM float64
	for iter := 0; iter < 200; iter++ {
		sinL, cosL := math.Sincos(lambda)
		t1 := cosU2 * sinL
		t2 := cosU1*sinU2 - sinU1*cosU2*cosL
		sinSigma = math.Sqrt(t1*t1 + t2*t2)
		if sinSigma == 0 {
			return 0, true
		}
		cosSigma = sinU1*sinU2 + cosU1*cosU2*cosL
		sigma = math.Atan2(sinSigma, cosSigma)
		sinAlpha := cosU1 * cosU2 * sinL / sinSigma
		cos2Alpha = 1 - sinAlpha*sinAlpha
		cos2SigmaM = 0
		if cos2Alpha != 0 {
			cos2SigmaM = cosSigma - 2*sinU1*sinU2/cos2Alpha
		}
		c := f / 16 * cos2Alpha * (4 + f*(4-3*cos2Alpha))
		prev := lambda
		lambda = l + (1-c)*f*sinAlpha*(sigma+c*sinSigma*(cos2SigmaM+c*cosSigma*(-1+2*cos2SigmaM*cos2SigmaM)))
		if math.Abs(lambda-prev) < 1e-13 {
			break
		}
	}
	u2sq := cos2Alpha * (wgs84A*wgs84A - wgs84B*wgs84B) / (wgs84B * wgs84B)
	a := 1 + u2sq/16384*(4096+u2sq*(-768+u2sq*(320-175*u2sq)))
	b := u2sq / 1024 * (256 + u2sq*(-128+u2sq*(74-47*u2sq)))
	ds := b * sinSigma * (cos2SigmaM + b/4*(cosSigma*(-1+2*cos2SigmaM*cos2SigmaM)-
		b/6*cos2SigmaM*(-3+4*sinSigma*sinSigma)*(-3+4*cos2SigmaM*cos2SigmaM)))
	return wgs84B * a * (sigma - ds), true
}
