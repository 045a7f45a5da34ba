package functions

import (
	"github.com/kqlkit/kqlkit/data"
)

// schemaIndexer is the key buildschema uses for the elements of arrays.
const schemaIndexer = "`indexer`"

func init() {
	registerAgg(&Aggregate{Name: "buildschema", Sig: "buildschema(expr: dynamic): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "schema",
		Doc: "Returns the smallest schema that admits every value of expr: type names for scalars, a bag of " +
			"property schemas for bags, {\"`indexer`\": schema} for arrays, and an array of the alternatives " +
			"when a property takes several forms. Null for an empty group.",
		Examples: []Example{{"datatable(v:dynamic)[dynamic({'x':1}), dynamic({'x':'a'})] | summarize buildschema(v)", "{\"x\":[\"long\",\"string\"]}"}},
		Bind: func(args []ArgInfo) (AggBinding, error) {
			if err := wantArgs("buildschema", args, data.Unknown); err != nil {
				return AggBinding{}, err
			}
			return AggBinding{Types: []data.Type{data.Dynamic}, New: func() Agg { return &schemaAgg{} }}, nil
		}})
}

// schemaNode is the schema of the values seen at one place: the scalar
// type names, the properties of bags and the elements of arrays.
type schemaNode struct {
	types    []string
	keys     []string
	props    map[string]*schemaNode
	elements *schemaNode
	isBag    bool
	isArray  bool
}

func schemaTypeName(d data.Dyn) string {
	switch d.Kind() {
	case data.DynBool:
		return "bool"
	case data.DynInt:
		return "int"
	case data.DynLong:
		return "long"
	case data.DynReal:
		return "double"
	case data.DynDecimal:
		return "decimal"
	case data.DynDateTime:
		return "datetime"
	case data.DynTimeSpan:
		return "timespan"
	case data.DynGUID:
		return "guid"
	}
	return "string"
}

func (s *schemaNode) addType(name string) {
	for _, t := range s.types {
		if t == name {
			return
		}
	}
	s.types = append(s.types, name)
}

func (s *schemaNode) prop(k string) *schemaNode {
	if s.props == nil {
		s.props = map[string]*schemaNode{}
	}
	p, ok := s.props[k]
	if !ok {
		p = &schemaNode{}
		s.props[k] = p
		s.keys = append(s.keys, k)
	}
	return p
}

// add folds a value into the schema; depth bounds the recursion.
func (s *schemaNode) add(d data.Dyn, depth int) {
	if depth > 256 {
		return
	}
	switch d.Kind() {
	case data.DynNull:
	case data.DynBag:
		s.isBag = true
		for i, k := range d.Keys() {
			s.prop(k).add(d.Items()[i], depth+1)
		}
	case data.DynArray:
		s.isArray = true
		if s.elements == nil {
			s.elements = &schemaNode{}
		}
		for _, it := range d.Items() {
			s.elements.add(it, depth+1)
		}
	default:
		s.addType(schemaTypeName(d))
	}
}

// merge folds o into s.
func (s *schemaNode) merge(o *schemaNode) {
	for _, t := range o.types {
		s.addType(t)
	}
	s.isBag = s.isBag || o.isBag
	for _, k := range o.keys {
		s.prop(k).merge(o.props[k])
	}
	if o.isArray {
		s.isArray = true
		if s.elements == nil {
			s.elements = &schemaNode{}
		}
		s.elements.merge(o.elements)
	}
}

func (s *schemaNode) empty() bool { return !s.isBag && !s.isArray && len(s.types) == 0 }

// value renders the schema.
func (s *schemaNode) value() data.Dyn {
	var alts []data.Dyn
	if s.isBag {
		keys := append([]string(nil), s.keys...)
		vals := make([]data.Dyn, len(keys))
		for i, k := range keys {
			vals[i] = s.props[k].value()
		}
		alts = append(alts, data.DynBagOf(keys, vals))
	}
	if s.isArray {
		alts = append(alts, data.DynBagOf([]string{schemaIndexer}, []data.Dyn{s.elements.value()}))
	}
	for _, t := range s.types {
		alts = append(alts, data.DynStringOf(t))
	}
	switch len(alts) {
	case 0:
		return data.Dyn{}
	case 1:
		return alts[0]
	}
	return data.DynArrayOf(alts)
}

type schemaAgg struct {
	groups []*schemaNode
}

func (a *schemaAgg) node(g uint32) *schemaNode {
	if a.groups[g] == nil {
		a.groups[g] = &schemaNode{}
	}
	return a.groups[g]
}

func (a *schemaAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.groups = grow(a.groups, ng)
	col := args[0]
	for i, g := range groups {
		v := col.Value(i)
		if v.IsNull() {
			continue
		}
		a.node(g).add(v.ToDyn(), 0)
	}
	return nil
}

func (a *schemaAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*schemaAgg)
	a.groups = grow(a.groups, ng)
	for g, n := range o.groups {
		if n != nil {
			a.node(into[g]).merge(n)
		}
	}
}

func (a *schemaAgg) Result(ng int) []data.Column {
	a.groups = grow(a.groups, ng)
	out := make([]data.Dyn, ng)
	for g, n := range a.groups[:ng] {
		if n != nil && !n.empty() {
			out[g] = n.value()
		}
	}
	return []data.Column{data.NewVec(data.Dynamic, out, nil)}
}
