package functions

import (
	"strconv"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		geoFunc[data.Dyn]{name: "geo_from_wkt", result: data.Dynamic,
			params: []geoParam{gStr},
			sig:    "geo_from_wkt(wkt: string): dynamic",
			doc: "Converts a well-known text geometry (POINT, LINESTRING, POLYGON, their MULTI " +
				"forms and GEOMETRYCOLLECTION) to GeoJSON; invalid or unsupported text gives null.",
			examples: []Example{{"print geo_from_wkt(\"LINESTRING (1 2, 3 4)\")",
				`{"type":"LineString","coordinates":[[1.0,2.0],[3.0,4.0]]}`}},
			eval: func(r *geoRow) (data.Dyn, bool) { return parseWKT(r.str(0)) }}.scalar(),
	)
}

// wktParser reads well-known text.
type wktParser struct {
	s   string
	pos int
}

// parseWKT converts well-known text to a GeoJSON geometry.
func parseWKT(s string) (data.Dyn, bool) {
	p := &wktParser{s: s}
	g, ok := p.geometry(0)
	p.space()
	if !ok || p.pos != len(p.s) {
		return data.Dyn{}, false
	}
	return g, true
}

func (p *wktParser) space() {
	for p.pos < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *wktParser) word() string {
	p.space()
	start := p.pos
	for p.pos < len(p.s) {
		c := p.s[p.pos] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		p.pos++
	}
	return strings.ToUpper(p.s[start:p.pos])
}

func (p *wktParser) eat(c byte) bool {
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

func (p *wktParser) peek(c byte) bool {
	p.space()
	return p.pos < len(p.s) && p.s[p.pos] == c
}

func (p *wktParser) number() (float64, bool) {
	p.space()
	start := p.pos
	for p.pos < len(p.s) && strings.IndexByte("0123456789+-.eE", p.s[p.pos]) >= 0 {
		p.pos++
	}
	f, err := strconv.ParseFloat(p.s[start:p.pos], 64)
	return f, err == nil
}

var wktKinds = map[string]string{
	"POINT": "Point", "LINESTRING": "LineString", "POLYGON": "Polygon",
	"MULTIPOINT": "MultiPoint", "MULTILINESTRING": "MultiLineString",
	"MULTIPOLYGON": "MultiPolygon", "GEOMETRYCOLLECTION": "GeometryCollection",
}

// wktDepth is how deeply each kind nests coordinate lists.
var wktDepth = map[string]int{
	"Point": 0, "LineString": 1, "Polygon": 2, "MultiPoint": 1, "MultiLineString": 2, "MultiPolygon": 3,
}

func (p *wktParser) geometry(depth int) (data.Dyn, bool) {
	kind, ok := wktKinds[p.word()]
	if !ok || depth > 32 {
		return data.Dyn{}, false
	}
	if kind == "GeometryCollection" {
		return p.collection(depth)
	}
	c, ok := p.coords(wktDepth[kind], kind == "MultiPoint")
	if !ok {
		return data.Dyn{}, false
	}
	return geoJSON(kind, c), true
}

func (p *wktParser) collection(depth int) (data.Dyn, bool) {
	if !p.eat('(') {
		return data.Dyn{}, false
	}
	var geoms []data.Dyn
	for {
		g, ok := p.geometry(depth + 1)
		if !ok {
			return data.Dyn{}, false
		}
		geoms = append(geoms, g)
		if p.eat(')') {
			break
		}
		if !p.eat(',') {
			return data.Dyn{}, false
		}
	}
	return data.DynBagOf([]string{"type", "geometries"},
		[]data.Dyn{data.DynStringOf("GeometryCollection"), data.DynArrayOf(geoms)}), true
}

// coords reads a parenthesized coordinate structure nested depth levels
// (0: one position). Multipoints may wrap each position in parentheses.
func (p *wktParser) coords(depth int, multipoint bool) (data.Dyn, bool) {
	if !p.eat('(') {
		return data.Dyn{}, false
	}
	if depth == 0 {
		pos, ok := p.position()
		return pos, ok && p.eat(')')
	}
	var items []data.Dyn
	for {
		var it data.Dyn
		var ok bool
		switch {
		case depth == 1 && multipoint && p.peek('('):
			it, ok = p.coords(0, false)
		case depth == 1:
			it, ok = p.position()
		default:
			it, ok = p.coords(depth-1, false)
		}
		if !ok {
			return data.Dyn{}, false
		}
		items = append(items, it)
		if p.eat(')') {
			break
		}
		if !p.eat(',') {
			return data.Dyn{}, false
		}
	}
	return data.DynArrayOf(items), true
}

// position reads "longitude latitude".
func (p *wktParser) position() (data.Dyn, bool) {
	lng, ok1 := p.number()
	lat, ok2 := p.number()
	if !ok1 || !ok2 || !geoValid(lng, lat) {
		return data.Dyn{}, false
	}
	return lngLatDyn(lng, lat), true
}
