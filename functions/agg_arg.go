package functions

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	registerAgg(
		&Aggregate{Name: "arg_max", Sig: "arg_max(maximized: orderable, returned: scalar | * ...): the row of the maximum",
			Doc: "Finds the row of each group with the largest value of the first argument and returns that value " +
				"with the other arguments (`*` for every column) evaluated on that row.",
			Examples: []Example{{"datatable(k:string, v:long)['a',1,'a',3] | summarize arg_max(v, *) by k", "a, 3"}},
			Bind:     argBinder("arg_max", true)},
		&Aggregate{Name: "arg_min", Sig: "arg_min(minimized: orderable, returned: scalar | * ...): the row of the minimum",
			Doc:      "Like arg_max, for the smallest value.",
			Examples: []Example{{"datatable(k:string, v:long)['a',1,'a',3] | summarize arg_min(v, *) by k", "a, 1"}},
			Bind:     argBinder("arg_min", false)},
		&Aggregate{Name: "take_any", Sig: "take_any(expr: scalar | * ...): same types",
			Doc:      "Returns an arbitrary value of each group (kqlkit returns the first non-null one it sees).",
			Examples: []Example{{"datatable(x:long)[5] | summarize take_any(x)", "5"}},
			Bind:     anyBinder("take_any")},
		&Aggregate{Name: "any", Sig: "any(expr: scalar | * ...): same types", Naming: NamePrefixAndFirstArg, Prefix: "any",
			Doc:      "Deprecated alias of take_any.",
			Examples: []Example{{"datatable(x:long)[5] | summarize any(x)", "5"}},
			Bind:     anyBinder("any")},
	)
}

func argBinder(name string, isMax bool) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		if len(args) == 0 {
			return AggBinding{}, fmt.Errorf("%s() expects at least 1 argument", name)
		}
		if args[0].Type == data.Dynamic {
			return AggBinding{}, fmt.Errorf("%s() cannot order dynamic values; convert them first", name)
		}
		types := argTypes(args)
		return AggBinding{Types: types, New: func() Agg { return newArgAgg(types, isMax, false) }}, nil
	}
}

func anyBinder(name string) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		if len(args) == 0 {
			return AggBinding{}, fmt.Errorf("%s() expects at least 1 argument", name)
		}
		types := argTypes(args)
		return AggBinding{Types: types, New: func() Agg { return newArgAgg(types, false, true) }}, nil
	}
}

func argTypes(args []ArgInfo) []data.Type {
	types := make([]data.Type, len(args))
	for i, a := range args {
		types[i] = a.Type
	}
	return types
}

// newArgAgg returns the state of arg_max/arg_min (or take_any when first)
// over a first argument of type types[0], read unboxed.
func newArgAgg(types []data.Type, isMax, first bool) Agg {
	switch types[0] {
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		return &argAgg[int64]{types: types, max: isMax, any: first, cmp: cmp.Compare[int64]}
	case data.Real:
		return &argAgg[float64]{types: types, max: isMax, any: first, cmp: cmp.Compare[float64]}
	case data.String:
		// "" is Kusto's null string: arg_max/arg_min skip it, take_any does not
		return &argAgg[string]{types: types, max: isMax, any: first, cmp: strings.Compare,
			skip: func(s string) bool { return s == "" && !first }}
	case data.Bool:
		return &argAgg[bool]{types: types, max: isMax, any: first, cmp: cmpBool}
	case data.Decimal:
		return &argAgg[data.DecimalValue]{types: types, max: isMax, any: first, cmp: data.DecimalValue.Cmp}
	case data.GUID:
		return &argAgg[data.GUIDValue]{types: types, max: isMax, any: first, cmp: cmpGUID}
	}
	// dynamic: only take_any gets here (arg_max/arg_min reject it)
	return &argAgg[data.Dyn]{types: types, any: first, cmp: func(a, b data.Dyn) int { return 0 },
		skip: data.Dyn.IsNull}
}

// argAgg keeps, for each group, the values of the row that wins: the
// maximum (or minimum) of the first argument, or for take_any the first
// row whose first value is not null. The first argument is compared
// unboxed; the other arguments are boxed once per group and batch, for the
// row that wins the batch, not for every row.
type argAgg[T data.Elem] struct {
	types []data.Type
	max   bool
	any   bool
	cmp   func(a, b T) int
	skip  func(T) bool // values other than nulls that never win
	has   []bool
	best  []T
	rows  [][]data.Value // the winning row's arguments, once boxed
	win   []int32        // scratch: the batch row winning each group, or -1
}

func (a *argAgg[T]) grow(ng int) {
	a.has, a.best, a.rows = grow(a.has, ng), grow(a.best, ng), grow(a.rows, ng)
	for len(a.win) < ng {
		a.win = append(a.win, -1)
	}
}

// beats reports whether x replaces cur as the winner.
func (a *argAgg[T]) beats(x, cur T) bool {
	if a.any {
		return false
	}
	c := a.cmp(x, cur)
	if a.max {
		return c > 0
	}
	return c < 0
}

func (a *argAgg[T]) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.grow(ng)
	r := data.NewReader[T](args[0])
	var touched []uint32
	for i, g := range groups {
		x, valid := r.Get(i)
		if !valid || (a.skip != nil && a.skip(x)) {
			continue
		}
		if a.has[g] && !a.beats(x, a.best[g]) {
			continue
		}
		if a.win[g] < 0 {
			touched = append(touched, g)
		}
		a.has[g], a.best[g], a.win[g] = true, x, int32(i)
	}
	for _, g := range touched {
		i := int(a.win[g])
		row := make([]data.Value, len(args))
		for j, c := range args {
			row[j] = c.Value(i)
		}
		a.rows[g], a.win[g] = row, -1
	}
	return nil
}

func (a *argAgg[T]) Merge(other Agg, into []uint32, ng int) {
	o := other.(*argAgg[T])
	a.grow(ng)
	for g, h := range o.has {
		if !h {
			continue
		}
		t := into[g]
		if !a.has[t] || a.beats(o.best[g], a.best[t]) {
			a.has[t], a.best[t], a.rows[t] = true, o.best[g], o.rows[g]
		}
	}
}

func (a *argAgg[T]) Result(ng int) []data.Column {
	a.grow(ng)
	out := make([]data.Column, len(a.types))
	for j, t := range a.types {
		vals := make([]data.Value, ng)
		for g := 0; g < ng; g++ {
			if !a.has[g] {
				vals[g] = data.Null(t)
				continue
			}
			vals[g] = a.rows[g][j]
		}
		out[j] = data.NewColumn(t, vals)
	}
	return out
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
