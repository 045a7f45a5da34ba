package functions

import (
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// geoParam is the kind of a geospatial function's parameter.
type geoParam uint8

const (
	gNum  geoParam = iota // int, long, real or decimal, read as real
	gDyn                  // dynamic (GeoJSON shapes, arrays)
	gStr                  // string (cell tokens, geohashes, WKT)
	gBool                 // bool, or a number read as bool
)

func (p geoParam) String() string {
	switch p {
	case gDyn:
		return "dynamic"
	case gStr:
		return "string"
	case gBool:
		return "bool"
	}
	return "real"
}

// accepts reports whether an argument of type t can be passed for p.
func (p geoParam) accepts(t data.Type) bool {
	switch p {
	case gNum:
		return t == data.Int || t == data.Long || t == data.Real || t == data.Decimal
	case gDyn:
		return t == data.Dynamic
	case gStr:
		return t == data.String
	case gBool:
		return t == data.Bool || gNum.accepts(t)
	}
	return false
}

// geoRow gives a row's arguments to a geospatial function. Arguments are
// read by position; optional arguments that were not passed report absent.
type geoRow struct {
	i     int
	n     int // number of arguments passed
	nums  []data.Reader[float64]
	dyns  []data.Reader[data.Dyn]
	strs  []data.Reader[string]
	bools []data.Reader[bool]
	cache []geoCache
}

// geoCache keeps the parsed form of a constant dynamic argument.
type geoCache struct {
	done bool
	v    any
}

// has reports whether argument k was passed.
func (r *geoRow) has(k int) bool { return k < r.n }

// num returns numeric argument k and whether it is not null.
func (r *geoRow) num(k int) (float64, bool) { return r.nums[k].Get(r.i) }

// str returns string argument k.
func (r *geoRow) str(k int) string { return r.strs[k].At(r.i) }

// dyn returns dynamic argument k.
func (r *geoRow) dyn(k int) data.Dyn { return r.dyns[k].At(r.i) }

// boolean returns bool argument k and whether it is not null.
func (r *geoRow) boolean(k int) (bool, bool) { return r.bools[k].Get(r.i) }

// parsed returns parse(dyn(k)), computed once when the argument is constant.
func (r *geoRow) parsed(k int, parse func(data.Dyn) any) any {
	if !r.dyns[k].IsConst() {
		return parse(r.dyn(k))
	}
	c := &r.cache[k]
	if !c.done {
		c.v, c.done = parse(r.dyn(k)), true
	}
	return c.v
}

// geoFunc describes a geospatial scalar function for registration.
type geoFunc[R data.Elem] struct {
	name     string
	params   []geoParam
	optional int // how many trailing parameters may be omitted
	result   data.Type
	sig      string
	doc      string
	examples []Example
	// eval computes one row; false means a null result.
	eval func(r *geoRow) (R, bool)
}

// geoParamsOf keeps the parameter kinds of every geospatial function, for
// the fuzz test.
var geoParamsOf = map[string][]geoParam{}

// scalar returns the function ready to register.
func (g geoFunc[R]) scalar() *Scalar {
	geoParamsOf[g.name] = g.params
	return &Scalar{Name: g.name, Sig: g.sig, Doc: g.doc, Examples: g.examples,
		Naming: NameDefault, Bind: g.bind}
}

func (g geoFunc[R]) bind(args []ArgInfo) (data.Type, Kernel, error) {
	lo, hi := len(g.params)-g.optional, len(g.params)
	if len(args) < lo || len(args) > hi {
		want := fmt.Sprintf("%d", lo)
		if lo != hi {
			want = fmt.Sprintf("%d to %d", lo, hi)
		}
		return data.Unknown, nil, fmt.Errorf("function '%s' expects %s arguments, got %d",
			g.name, want, len(args))
	}
	for i, a := range args {
		if a.Star || !g.params[i].accepts(a.Type) {
			return data.Unknown, nil, g.typeError(args)
		}
	}
	return g.result, g.kernel, nil
}

func (g geoFunc[R]) typeError(args []ArgInfo) error {
	want := make([]string, len(g.params))
	for i, p := range g.params {
		want[i] = p.String()
		if i >= len(g.params)-g.optional {
			want[i] += "?"
		}
	}
	got := make([]string, len(args))
	for i, a := range args {
		got[i] = a.Type.String()
		if a.Star {
			got[i] = "*"
		}
	}
	return fmt.Errorf("function '%s' expects (%s), got (%s)", g.name,
		strings.Join(want, ", "), strings.Join(got, ", "))
}

func (g geoFunc[R]) kernel(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
	r := &geoRow{n: len(cols), cache: make([]geoCache, len(cols))}
	r.nums = make([]data.Reader[float64], len(cols))
	r.dyns = make([]data.Reader[data.Dyn], len(cols))
	r.strs = make([]data.Reader[string], len(cols))
	r.bools = make([]data.Reader[bool], len(cols))
	for k, c := range cols {
		switch g.params[k] {
		case gNum:
			r.nums[k] = data.NewReader[float64](Convert(c, data.Real))
		case gDyn:
			r.dyns[k] = data.NewReader[data.Dyn](c)
		case gStr:
			r.strs[k] = data.NewReader[string](c)
		case gBool:
			r.bools[k] = data.NewReader[bool](Convert(c, data.Bool))
		}
	}
	m := n
	if allConst(cols) {
		m = 1
	}
	w := data.NewWriter[R](g.result, m)
	for i := 0; i < m; i++ {
		r.i = i
		v, ok := g.eval(r)
		if !ok {
			w.SetNull(i)
			continue
		}
		w.Vals[i] = v
	}
	if m == 1 && n != 1 {
		return constResult(w.Column(), n), nil
	}
	return w.Column(), nil
}
