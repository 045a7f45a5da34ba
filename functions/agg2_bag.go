package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	registerAgg(
		&Aggregate{Name: "make_bag", Sig: "make_bag(expr: dynamic [, maxSize: int]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "bag",
			Doc: "Merges the property bags of each group into one bag of at most maxSize keys (default 1048576). " +
				"Values that are not bags are skipped; when a key repeats, kqlkit keeps the first value it sees.",
			Examples: []Example{{"datatable(p:dynamic)[dynamic({'a':1}), dynamic({'b':2})] | summarize make_bag(p)", "{\"a\":1,\"b\":2}"}},
			Bind:     makeBagBinder("make_bag", false)},
		&Aggregate{Name: "make_bag_if", Sig: "make_bag_if(expr: dynamic, predicate: bool [, maxSize: int]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "bag",
			Doc:      "make_bag over the rows for which the predicate is true.",
			Examples: []Example{{"datatable(p:dynamic, f:bool)[dynamic({'a':1}), true, dynamic({'b':2}), false] | summarize make_bag_if(p, f)", "{\"a\":1}"}},
			Bind:     makeBagBinder("make_bag_if", true)},
		&Aggregate{Name: "make_dictionary", Sig: "make_dictionary(expr: dynamic [, maxSize: int]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "bag",
			Doc:      "Deprecated alias of make_bag.",
			Examples: []Example{{"datatable(p:dynamic)[dynamic({'a':1})] | summarize make_dictionary(p)", "{\"a\":1}"}},
			Bind:     makeBagBinder("make_dictionary", false)},
		&Aggregate{Name: "make_list_with_nulls", Sig: "make_list_with_nulls(expr: scalar): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "list",
			Doc:      "Returns a dynamic array of every value of expr in each group, nulls included, in input order.",
			Examples: []Example{{"datatable(x:int)[int(null), 4, 5] | summarize make_list_with_nulls(x)", "[null,4,5]"}},
			Bind: func(args []ArgInfo) (AggBinding, error) {
				if err := wantArgs("make_list_with_nulls", args, data.Unknown); err != nil {
					return AggBinding{}, err
				}
				return AggBinding{Types: []data.Type{data.Dynamic}, New: func() Agg { return &listNullsAgg{} }}, nil
			}},
	)
}

func makeBagBinder(name string, pred bool) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		need := 1
		if pred {
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
		if args[0].Type != data.Dynamic {
			return AggBinding{}, fmt.Errorf("%s() expects a dynamic property bag, got %s", name, args[0].Type)
		}
		if pred && args[1].Type != data.Bool {
			return AggBinding{}, fmt.Errorf("%s() expects a bool predicate as argument 2, got %s", name, args[1].Type)
		}
		limit := maxSetSize
		if len(args) == need+1 {
			a := args[need]
			if a.Const == nil || !a.Type.IsInteger() || a.Const.IsNull() {
				return AggBinding{}, fmt.Errorf("%s() expects a constant integer maxSize", name)
			}
			limit = int(min(max(a.Const.Int64(), 0), maxSetSize))
		}
		return AggBinding{Types: []data.Type{data.Dynamic}, New: func() Agg {
			return &bagAgg{pred: pred, limit: limit}
		}}, nil
	}
}

// bagAcc is one group's merged bag.
type bagAcc struct {
	keys []string
	vals []data.Dyn
	seen map[string]bool
}

func (b *bagAcc) add(limit int, k string, v data.Dyn) {
	if b.seen[k] || len(b.keys) >= limit {
		return
	}
	if b.seen == nil {
		b.seen = map[string]bool{}
	}
	b.seen[k] = true
	b.keys = append(b.keys, k)
	b.vals = append(b.vals, v)
}

type bagAgg struct {
	pred   bool
	limit  int
	groups []*bagAcc
}

func (a *bagAgg) acc(g uint32) *bagAcc {
	if a.groups[g] == nil {
		a.groups[g] = &bagAcc{}
	}
	return a.groups[g]
}

func (a *bagAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.groups = grow(a.groups, ng)
	ok := predicate(nil)
	if a.pred {
		ok = predicate(args[1])
	}
	r := data.NewReader[data.Dyn](args[0])
	for i, g := range groups {
		d := r.At(i)
		if d.Kind() != data.DynBag || !ok(i) {
			continue
		}
		b := a.acc(g)
		for k, key := range d.Keys() {
			b.add(a.limit, key, d.Items()[k])
		}
	}
	return nil
}

func (a *bagAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*bagAgg)
	a.groups = grow(a.groups, ng)
	for g, ob := range o.groups {
		if ob == nil {
			continue
		}
		b := a.acc(into[g])
		for k, key := range ob.keys {
			b.add(a.limit, key, ob.vals[k])
		}
	}
}

func (a *bagAgg) Result(ng int) []data.Column {
	a.groups = grow(a.groups, ng)
	out := make([]data.Dyn, ng)
	for g, b := range a.groups[:ng] {
		if b == nil {
			out[g] = data.DynBagOf(nil, nil)
			continue
		}
		out[g] = data.DynBagOf(append([]string(nil), b.keys...), append([]data.Dyn(nil), b.vals...))
	}
	return []data.Column{data.NewVec(data.Dynamic, out, nil)}
}

// listNullsAgg is make_list_with_nulls.
type listNullsAgg struct {
	items [][]data.Dyn
}

func (a *listNullsAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.items = grow(a.items, ng)
	col := args[0]
	for i, g := range groups {
		a.items[g] = append(a.items[g], col.Value(i).ToDyn())
	}
	return nil
}

func (a *listNullsAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*listNullsAgg)
	a.items = grow(a.items, ng)
	for g, its := range o.items {
		a.items[into[g]] = append(a.items[into[g]], its...)
	}
}

func (a *listNullsAgg) Result(ng int) []data.Column {
	a.items = grow(a.items, ng)
	out := make([]data.Dyn, ng)
	for g := range out {
		out[g] = data.DynArrayOf(append([]data.Dyn{}, a.items[g]...))
	}
	return []data.Column{data.NewVec(data.Dynamic, out, nil)}
}
