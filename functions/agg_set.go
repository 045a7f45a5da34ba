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
				"(default 1048576). Nulls are skipped; the elements of dynamic arrays are added one by one.",
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

// setAgg implements dcount, make_set and make_list. Values are keyed by a
// canonical form so that equal values of any type meet.
type setAgg struct {
	t     data.Type
	mode  setMode
	pred  bool
	limit int
	sets  []map[setKey]struct{}
	items [][]data.Dyn
	// strings are kept as Go strings until the result is built
	strSets  []map[string]struct{}
	strItems [][]string
}

// setKey is a comparable form of a value: numbers and strings directly,
// other values by their JSON text.
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

func (a *setAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.grow(ng)
	ok := predicate(nil)
	if a.pred {
		ok = predicate(args[1])
	}
	col := args[0]
	if a.t == data.String {
		return a.updateStrings(col, groups, ok)
	}
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
				a.addOne(g, it)
			}
			continue
		}
		a.addOne(g, d)
	}
	return nil
}

// updateStrings is the path for string columns: no boxing, and for a
// dictionary column each distinct string is looked up as a Go string.
func (a *setAgg) updateStrings(col data.Column, groups []uint32, ok func(int) bool) error {
	r := data.NewReader[string](col)
	for i, g := range groups {
		if ok(i) {
			a.addString(g, r.At(i))
		}
	}
	return nil
}

func (a *setAgg) addString(g uint32, s string) {
	switch a.mode {
	case setList:
		if len(a.strItems[g]) < a.limit {
			a.strItems[g] = append(a.strItems[g], s)
		}
		return
	case setDistinct:
		if len(a.strItems[g]) >= a.limit {
			return
		}
	}
	m := a.strSets[g]
	if m == nil {
		m = map[string]struct{}{}
		a.strSets[g] = m
	}
	if _, seen := m[s]; seen {
		return
	}
	m[s] = struct{}{}
	if a.mode == setDistinct {
		a.strItems[g] = append(a.strItems[g], s)
	}
}

func (a *setAgg) grow(ng int) {
	for len(a.sets) < ng {
		a.sets = append(a.sets, nil)
		a.items = append(a.items, nil)
		a.strSets = append(a.strSets, nil)
		a.strItems = append(a.strItems, nil)
	}
}

func (a *setAgg) addOne(g uint32, d data.Dyn) {
	if d.IsNull() {
		return
	}
	a.addKeyed(g, keyOfDyn(d), d)
}

func (a *setAgg) addKeyed(g uint32, k setKey, d data.Dyn) {
	switch a.mode {
	case setList:
		if len(a.items[g]) < a.limit {
			a.items[g] = append(a.items[g], d)
		}
		return
	case setDistinct:
		if len(a.items[g]) >= a.limit {
			return
		}
	}
	s := a.sets[g]
	if s == nil {
		s = map[setKey]struct{}{}
		a.sets[g] = s
	}
	if _, seen := s[k]; seen {
		return
	}
	s[k] = struct{}{}
	if a.mode == setDistinct {
		a.items[g] = append(a.items[g], d)
	}
}

func (a *setAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*setAgg)
	a.grow(ng)
	for g := range o.strSets {
		t := into[g]
		if a.mode == setCount {
			for k := range o.strSets[g] {
				a.addString(t, k)
			}
			continue
		}
		for _, it := range o.strItems[g] {
			a.addString(t, it)
		}
	}
	for g := range o.sets {
		t := into[g]
		switch a.mode {
		case setCount:
			for k := range o.sets[g] {
				if a.sets[t] == nil {
					a.sets[t] = map[setKey]struct{}{}
				}
				a.sets[t][k] = struct{}{}
			}
		default:
			for _, d := range o.items[g] {
				a.addOne(t, d)
			}
		}
	}
}

func (a *setAgg) Result(ng int) []data.Column {
	a.grow(ng)
	if a.mode == setCount {
		out := make([]int64, ng)
		for g := range out {
			out[g] = int64(len(a.sets[g]) + len(a.strSets[g]))
		}
		return []data.Column{data.NewVec(data.Long, out, nil)}
	}
	out := make([]data.Dyn, ng)
	for g := range out {
		items := append([]data.Dyn{}, a.items[g]...)
		for _, s := range a.strItems[g] {
			items = append(items, data.DynStringOf(s))
		}
		out[g] = data.DynArrayOf(items)
	}
	return []data.Column{data.NewVec(data.Dynamic, out, nil)}
}
