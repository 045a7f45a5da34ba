package functions

import (
	"math"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		geoFunc[string]{name: "geo_point_to_geohash", result: data.String,
			params: []geoParam{gNum, gNum, gNum}, optional: 1,
			sig: "geo_point_to_geohash(longitude: real, latitude: real, [accuracy: int]): string",
			doc: "Returns the geohash (of accuracy 1 to 18 characters, 5 by default) of a " +
				"coordinate; invalid coordinates or accuracy give the empty string.",
			examples: []Example{{"print geo_point_to_geohash(-80.195829, 25.802215, 8)", "\"dhwfz15h\""}},
			eval:     evalPointToGeohash}.scalar(),
		geoFunc[data.Dyn]{name: "geo_geohash_to_central_point", result: data.Dynamic,
			params: []geoParam{gStr},
			sig:    "geo_geohash_to_central_point(geohash: string): dynamic",
			doc:    "Returns the center of a geohash rectangle as a GeoJSON point; an invalid geohash gives null.",
			examples: []Example{{"print geo_geohash_to_central_point(\"sunny\")",
				`{"type":"Point","coordinates":[42.47314453125,23.70849609375]}`}},
			eval: evalGeohashCenter}.scalar(),
		geoFunc[data.Dyn]{name: "geo_geohash_to_polygon", result: data.Dynamic,
			params: []geoParam{gStr},
			sig:    "geo_geohash_to_polygon(geohash: string): dynamic",
			doc:    "Returns the rectangle of a geohash as a GeoJSON polygon; an invalid geohash gives null.",
			examples: []Example{{"print geo_geohash_to_polygon(\"dr5ru\")",
				`{"type":"Polygon","coordinates":[[[-74.00390625,40.7373046875],[-73.9599609375,40.7373046875],` +
					`[-73.9599609375,40.78125],[-74.00390625,40.78125],[-74.00390625,40.7373046875]]]}`}},
			eval: evalGeohashPolygon}.scalar(),
		geoFunc[data.Dyn]{name: "geo_geohash_neighbors", result: data.Dynamic,
			params: []geoParam{gStr},
			sig:    "geo_geohash_neighbors(geohash: string): dynamic",
			doc:    "Returns the array of the (up to 8) geohashes around a geohash; an invalid geohash gives null.",
			examples: []Example{{"print geo_geohash_neighbors('sunny')",
				`["sunnv","sunnt","sunnw","sunnx","sunpp","sunnz","sunpn","sunpj"]`}},
			eval: evalGeohashNeighbors}.scalar(),
	)
}

const geohashAlphabet = "0123456789bcdefghjkmnpqrstuvwxyz"

// geohashEncode returns the geohash of a coordinate with n characters.
func geohashEncode(lng, lat float64, n int) string {
	lo := [2]float64{-180, -90}
	hi := [2]float64{180, 90}
	v := [2]float64{lng, lat}
	b := make([]byte, n)
	axis := 0
	for i := range b {
		c := 0
		for bit := 0; bit < 5; bit++ {
			mid := (lo[axis] + hi[axis]) / 2
			c <<= 1
			if v[axis] >= mid {
				c |= 1
				lo[axis] = mid
			} else {
				hi[axis] = mid
			}
			axis = 1 - axis
		}
		b[i] = geohashAlphabet[c]
	}
	return string(b)
}

// geohashBox returns the rectangle of a geohash: longitudes lo[0]..hi[0],
// latitudes lo[1]..hi[1].
func geohashBox(h string) (lo, hi [2]float64, ok bool) {
	if len(h) < 1 || len(h) > 18 {
		return lo, hi, false
	}
	lo = [2]float64{-180, -90}
	hi = [2]float64{180, 90}
	axis := 0
	for i := 0; i < len(h); i++ {
		c := strings.IndexByte(geohashAlphabet, h[i])
		if c < 0 {
			return lo, hi, false
		}
		for bit := 4; bit >= 0; bit-- {
			mid := (lo[axis] + hi[axis]) / 2
			if c>>bit&1 == 1 {
				lo[axis] = mid
			} else {
				hi[axis] = mid
			}
			axis = 1 - axis
		}
	}
	return lo, hi, true
}

func evalPointToGeohash(r *geoRow) (string, bool) {
	lng, lat, ok := r.coords(0)
	if !ok {
		return "", false
	}
	acc := 5.0
	if r.has(2) {
		if acc, ok = r.num(2); !ok {
			return "", false
		}
	}
	if acc != math.Trunc(acc) || acc < 1 || acc > 18 {
		return "", false
	}
	return geohashEncode(lng, lat, int(acc)), true
}

func lngLatDyn(lng, lat float64) data.Dyn {
	return data.DynArrayOf([]data.Dyn{data.DynRealOf(lng), data.DynRealOf(lat)})
}

func evalGeohashCenter(r *geoRow) (data.Dyn, bool) {
	lo, hi, ok := geohashBox(r.str(0))
	if !ok {
		return data.Dyn{}, false
	}
	return geoJSON("Point", lngLatDyn((lo[0]+hi[0])/2, (lo[1]+hi[1])/2)), true
}

func evalGeohashPolygon(r *geoRow) (data.Dyn, bool) {
	lo, hi, ok := geohashBox(r.str(0))
	if !ok {
		return data.Dyn{}, false
	}
	return geoRectDyn(lo, hi), true
}

// geoRectDyn returns the GeoJSON polygon of a longitude/latitude rectangle.
func geoRectDyn(lo, hi [2]float64) data.Dyn {
	ring := data.DynArrayOf([]data.Dyn{
		lngLatDyn(lo[0], lo[1]), lngLatDyn(hi[0], lo[1]), lngLatDyn(hi[0], hi[1]),
		lngLatDyn(lo[0], hi[1]), lngLatDyn(lo[0], lo[1]),
	})
	return geoJSON("Polygon", data.DynArrayOf([]data.Dyn{ring}))
}

// geohashNeighborSteps lists the neighbors in the order Kusto returns them:
// west, south-west, south, south-east, north-east, east, north, north-west.
var geohashNeighborSteps = [8][2]int{{-1, 0}, {-1, -1}, {0, -1}, {1, -1}, {1, 1}, {1, 0}, {0, 1}, {-1, 1}}

func evalGeohashNeighbors(r *geoRow) (data.Dyn, bool) {
	h := r.str(0)
	lo, hi, ok := geohashBox(h)
	if !ok {
		return data.Dyn{}, false
	}
	w, ht := hi[0]-lo[0], hi[1]-lo[1]
	clng, clat := (lo[0]+hi[0])/2, (lo[1]+hi[1])/2
	var out []data.Dyn
	seen := map[string]bool{h: true}
	for _, s := range geohashNeighborSteps {
		lat := clat + float64(s[1])*ht
		if lat < -90 || lat > 90 {
			continue
		}
		lng := clng + float64(s[0])*w
		if lng < -180 {
			lng += 360
		} else if lng > 180 {
			lng -= 360
		}
		n := geohashEncode(lng, lat, len(h))
		if seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, data.DynStringOf(n))
	}
	return data.DynArrayOf(out), true
}
