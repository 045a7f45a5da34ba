package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// maxSetSize is the default and largest maxSize of make_set and make_list.
const maxSetSize = 1048576

func init() {
	registerAgg(
		&Aggregate{Name: "dcount", Sig: "dcount(expr: scalar [, accuracy: int]): long", Naming: NamePrefixAndFirstArg, Prefix: "dcount",
			Doc: "Counts the distinct values of expr in each group (nulls are skipped). kqlkit counts exactly, " +
				"where Kusto estimates with HyperLogLog; the two agree for small sets and differ by at most " +
				"Kusto's estimation error otherwise. The accuracy argument is accepted and ignored.",
			Examples: []Example{{"datatable(x:string)['a','b','a'] | summarize dcount(x)", "2"}},
			Bind:     setBinder("dcount", setCount, false)},
		&Aggregate{Name: "dcountif", Sig: "dcountif(expr: scalar, predicate: bool [, accuracy: int]): long", Naming: NamePrefixAndFirstArg, Prefix: "dcountif",
			Doc:      "Counts the distinct values of expr among the rows for which the predicate is true (exactly; see dcount).",
			Examples: []Example{{"datatable(x:string)['a','b','a'] | summarize dcountif(x, x != 'b')", "1"}},
			Bind:     setBinder("dcountif", setCount, true)},
		&Aggregate{Name: "make_set", Sig: "make_set(expr: scalar [, maxSize: int]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "set",
			Doc: "Returns a dynamic array of the distinct values of expr in each group, in order of first appearance, " +
				"at most maxSize (default 1048576) of them. Nulls are skipped; the elements of dynamic arrays are added one by one.",
			Examples: []Example{{"datatable(x:string)['a','b','a'] | summarize make_set(x)", "[\"a\",\"b\"]"}},
			Bind:     setBinder("make_set", setDistinct, false)},
		&Aggregate{Name: "make_set_if", Sig: "make_set_if(expr: scalar, predicate: bool [, maxSize: int]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "set",
			Doc:      "make_set over the rows for which the predicate is true.",
			Examples: []Example{{"datatable(x:long)[1,2,3] | summarize make_set_if(x, x > 1)", "[2,3]"}},
			Bind:     setBinder("make_set_if", setDistinct, true)},
		&Aggregate{Name: "make_list", Sig: "make_list(expr: scalar [, maxSize: int]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "list",
			Doc: "Returns a dynamic array of the values of expr in each group, in input order, at most maxSize " +
				"(default 1048576). Nulls are skipped; the elements of a dynamic array are added one by one " +
				"(the real engine flattens them, see the geo-h3cell-rings conformance case).",
			Examples: []Example{{"datatable(x:long)[1,2,1] | summarize make_list(x)", "[1,2,1]"}},
			Bind:     setBinder("make_list", setList, false)},
		&Aggregate{Name: "make_list_if", Sig: "make_list_if(expr: scalar, predicate: bool [, maxSize: int]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "list",
			Doc:      "make_list over the rows for which the predicate is true.",
			Examples: []Example{{"datatable(x:long)[1,2,3] | summarize make_list_if(x, x > 1)", "[2,3]"}},
			Bind:     setBinder("make_list_if", setList, true)},
	)
	registerAggAlias("makeset", "make_set", 128)
	registerAggAlias("makelist", "make_list", 128)
}

// registerAggAlias registers a deprecated spelling with its own default
// maxSize.
func registerAggAlias(name, target string, defMax int) {
	t := builtins.aggs[target]
	a := *t
	a.Name = name
	mode := setDistinct
	if target == "make_list" {
		mode = setList
	}
	a.Bind = setBinderMax(name, mode, false, defMax)
	builtins.aggs[name] = &a
}

type setMode int

const (
	setCount setMode = iota
	setDistinct
	setList
)

func setBinder(name string, mode setMode, withPred bool) func([]ArgInfo) (AggBinding, error) {
	return setBinderMax(name, mode, withPred, maxSetSize)
}

func setBinderMax(name string, mode setMode, withPred bool, defMax int) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		need := 1
		if withPred {
			need = 2
		}
		if len(args) < need || len(args) > need+1 {
			return AggBinding{}, fmt.Errorf("%s() expects %d or %d arguments, got %d", name, need, need+1, len(args))
		}
		for _, a := range args {
			if a.Star {
				return AggBinding{}, fmt.Errorf("%s() does not accept '*'", name)
			}
		}
		if withPred && args[1].Type != data.Bool {
			return AggBinding{}, fmt.Errorf("%s() expects a bool predicate as argument 2, got %s", name, args[1].Type)
		}
		limit := defMax
		if len(args) == need+1 {
			extra := args[need]
			if mode == setCount {
				// dcount accuracy level: accepted, counts are exact anyway
			} else {
				if !extra.Type.IsInteger() || extra.Const == nil {
					return AggBinding{}, fmt.Errorf("%s() expects a constant integer maxSize", name)
				}
				limit = int(min(max(extra.Const.Int64(), 0), maxSetSize))
			}
		}
		t := args[0].Type
		out := data.Dynamic
		if mode == setCount {
			out = data.Long
		}
		return AggBinding{Types: []data.Type{out}, New: func() Agg {
			return &setAgg{t: t, mode: mode, pred: withPred, limit: limit}
		}}, nil
	}
}

// setAgg implements dcount, make_set and make_list. Strings, integers
// (and datetimes, timespans, bools) and reals are kept in typed sets without
// boxing; other values are keyed by a canonical form.
type setAgg struct {
	t     data.Type
	mode  setMode
	pred  bool
	limit int
	str   typedSet[string]
	// codes holds strings of a unique dictionary column (dict) by code,
	// which avoids hashing the strings; when another dictionary or a plain
	// column arrives, the codes are turned into strings.
	codes   typedSet[uint32]
	dict    data.Column
	strUsed bool // some group holds strings outside the code sets
	i64     typedSet[int64]
	f64     typedSet[float64]
	dyn     typedSet[setKey]
	dyns    [][]data.Dyn // values of dyn, in the order of dyn.items
}

// smallSet is the number of distinct items make_set keeps in a plain list
// before it indexes them.
const smallSet = 8

// typedSet holds, per group, the distinct values (or for make_list all
// values) seen, in order of arrival.
type typedSet[T comparable] struct {
	sets  []map[T]struct{}
	items [][]T
}

func (s *typedSet[T]) grow(ng int) {
	for len(s.sets) < ng {
		s.sets = append(s.sets, nil)
		s.items = append(s.items, nil)
	}
}

// add records x for group g; it reports whether x was kept as an item.
func (s *typedSet[T]) add(g uint32, x T, mode setMode, limit int) bool {
	switch mode {
	case setList:
		if len(s.items[g]) >= limit {
			return false
		}
		s.items[g] = append(s.items[g], x)
		return true
	case setDistinct:
		items := s.items[g]
		if len(items) >= limit {
			return false
		}
		if s.sets[g] == nil && len(items) < smallSet {
			// a few items: a linear scan beats hashing
			for _, it := range items {
				if it == x {
					return false
				}
			}
			s.items[g] = append(items, x)
			return true
		}
	}
	m := s.sets[g]
	if m == nil {
		m = make(map[T]struct{}, len(s.items[g])+1)
		for _, it := range s.items[g] {
			m[it] = struct{}{}
		}
		s.sets[g] = m
	}
	if _, seen := m[x]; seen {
		return false
	}
	m[x] = struct{}{}
	if mode == setDistinct {
		s.items[g] = append(s.items[g], x)
		return true
	}
	return false
}

// size is the number of distinct values (dcount) or items of group g.
func (s *typedSet[T]) size(g int, mode setMode) int {
	if g >= len(s.sets) {
		return 0
	}
	if mode == setCount {
		return len(s.sets[g])
	}
	return len(s.items[g])
}

// each calls f with the values other's group g holds, in order.
func (s *typedSet[T]) each(g int, mode setMode, f func(T)) {
	if g >= len(s.sets) {
		return
	}
	if mode == setCount {
		for x := range s.sets[g] {
			f(x)
		}
		return
	}
	for _, x := range s.items[g] {
		f(x)
	}
}

// setKey is a comparable form of a dynamic value.
type setKey struct {
	kind byte
	n    uint64
	s    string
}

func keyOfDyn(d data.Dyn) setKey {
	switch d.Kind() {
	case data.DynString:
		return setKey{kind: 's', s: d.Str()}
	case data.DynLong, data.DynInt:
		return setKey{kind: 'l', n: uint64(d.Long())}
	case data.DynBool, data.DynDateTime, data.DynTimeSpan:
		return setKey{kind: byte('a' + d.Kind()), n: uint64(d.Long())}
	}
	return setKey{kind: 'j', s: d.String()}
}

func (a *setAgg) grow(ng int) {
	a.str.grow(ng)
	a.codes.grow(ng)
	a.i64.grow(ng)
	a.f64.grow(ng)
	a.dyn.grow(ng)
	for len(a.dyns) < ng {
		a.dyns = append(a.dyns, nil)
	}
}

func (a *setAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.grow(ng)
	ok := predicate(nil)
	if a.pred {
		ok = predicate(args[1])
	}
	col := args[0]
	switch a.t {
	case data.String:
		if d, isDict := col.(*data.DictCol); isDict && d.Unique && (a.dict == nil || a.dict == d.Values) && !a.hasStrings() {
			a.dict = d.Values
			for i, g := range groups {
				if ok(i) {
					a.codes.add(g, d.Codes[i], a.mode, a.limit)
				}
			}
			return nil
		}
		a.codesToStrings()
		a.strUsed = true
		r := data.NewReader[string](col)
		for i, g := range groups {
			if ok(i) {
				a.str.add(g, r.At(i), a.mode, a.limit)
			}
		}
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		r := data.NewReader[int64](col)
		for i, g := range groups {
			if x, valid := r.Get(i); valid && ok(i) {
				a.i64.add(g, x, a.mode, a.limit)
			}
		}
	case data.Bool:
		r := data.NewReader[bool](col)
		for i, g := range groups {
			if x, valid := r.Get(i); valid && ok(i) {
				a.i64.add(g, int64(b2i(x)), a.mode, a.limit)
			}
		}
	case data.Real:
		r := data.NewReader[float64](col)
		for i, g := range groups {
			if x, valid := r.Get(i); valid && ok(i) {
				a.f64.add(g, x, a.mode, a.limit)
			}
		}
	default:
		for i, g := range groups {
			if !ok(i) {
				continue
			}
			v := col.Value(i)
			if v.IsNull() {
				continue
			}
			d := v.ToDyn()
			if d.Kind() == data.DynArray && a.mode != setCount {
				for _, it := range d.Items() {
					a.addDyn(g, it)
				}
				continue
			}
			a.addDyn(g, d)
		}
	}
	return nil
}

func (a *setAgg) addDyn(g uint32, d data.Dyn) {
	if d.IsNull() {
		return
	}
	if a.dyn.add(g, keyOfDyn(d), a.mode, a.limit) {
		a.dyns[g] = append(a.dyns[g], d)
	}
}

func (a *setAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*setAgg)
	a.grow(ng)
	if o.dict != nil && a.dict == o.dict && !a.hasStrings() && !o.hasStrings() {
		for g := range o.codes.sets {
			t := into[g]
			o.codes.each(g, a.mode, func(c uint32) { a.codes.add(t, c, a.mode, a.limit) })
		}
	} else {
		a.codesToStrings()
		o.codesToStrings()
	}
	for g := range o.str.sets {
		t := into[g]
		o.str.each(g, a.mode, func(s string) { a.str.add(t, s, a.mode, a.limit) })
		o.i64.each(g, a.mode, func(x int64) { a.i64.add(t, x, a.mode, a.limit) })
		o.f64.each(g, a.mode, func(x float64) { a.f64.add(t, x, a.mode, a.limit) })
		if a.mode == setCount {
			o.dyn.each(g, a.mode, func(k setKey) { a.dyn.add(t, k, a.mode, a.limit) })
			continue
		}
		for _, d := range o.dyns[g] {
			a.addDyn(t, d)
		}
	}
}

// hasStrings reports whether any group holds strings outside the code sets.
func (a *setAgg) hasStrings() bool { return a.strUsed }

// codesToStrings turns the code sets into string sets, keeping order.
func (a *setAgg) codesToStrings() {
	if a.dict == nil {
		return
	}
	vals := data.Strings(a.dict).Vals
	a.strUsed = true
	a.str.grow(len(a.codes.sets))
	for g := range a.codes.sets {
		a.codes.each(g, a.mode, func(c uint32) { a.str.add(uint32(g), vals[c], a.mode, a.limit) })
		a.codes.sets[g], a.codes.items[g] = nil, nil
	}
	a.dict = nil
}

func (a *setAgg) Result(ng int) []data.Column {
	a.grow(ng)
	a.codesToStrings()
	if a.mode == setCount {
		out := make([]int64, ng)
		for g := range out {
			out[g] = int64(a.str.size(g, a.mode) + a.i64.size(g, a.mode) + a.f64.size(g, a.mode) + a.dyn.size(g, a.mode))
		}
		return []data.Column{data.NewVec(data.Long, out, nil)}
	}
	out := make([]data.Dyn, ng)
	for g := range out {
		items := append([]data.Dyn{}, a.dyns[g]...)
		a.str.each(g, a.mode, func(s string) { items = append(items, data.DynStringOf(s)) })
		a.i64.each(g, a.mode, func(x int64) { items = append(items, data.Box(a.t, x).ToDyn()) })
		a.f64.each(g, a.mode, func(x float64) { items = append(items, data.DynRealOf(x)) })
		out[g] = data.DynArrayOf(items)
	}
	return []data.Column{data.NewVec(data.Dynamic, out, nil)}
}
