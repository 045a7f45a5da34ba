package functions

import (
	"fmt"

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
		types := make([]data.Type, len(args))
		for i, a := range args {
			types[i] = a.Type
		}
		return AggBinding{Types: types, New: func() Agg {
			return &argAgg{types: types, max: isMax}
		}}, nil
	}
}

func anyBinder(name string) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		if len(args) == 0 {
			return AggBinding{}, fmt.Errorf("%s() expects at least 1 argument", name)
		}
		types := make([]data.Type, len(args))
		for i, a := range args {
			types[i] = a.Type
		}
		return AggBinding{Types: types, New: func() Agg { return &argAgg{types: types, any: true} }}, nil
	}
}

// argAgg keeps, for each group, the values of the row that wins: the
// maximum (or minimum) of the first argument, or for take_any the first
// row whose first value is not null.
type argAgg struct {
	types []data.Type
	max   bool
	any   bool
	rows  [][]data.Value
	best  []data.Value
}

func (a *argAgg) grow(ng int) {
	for len(a.rows) < ng {
		a.rows = append(a.rows, nil)
		a.best = append(a.best, data.Value{})
	}
}

func (a *argAgg) wins(x, cur data.Value) bool {
	c := compareBoxed(x, cur)
	if a.max {
		return c > 0
	}
	return c < 0
}

func (a *argAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.grow(ng)
	for i, g := range groups {
		x := args[0].Value(i)
		if x.IsNull() || (x.Type() == data.String && x.Str() == "" && !a.any) {
			continue
		}
		if a.rows[g] != nil && (a.any || !a.wins(x, a.best[g])) {
			continue
		}
		row := make([]data.Value, len(args))
		for j, c := range args {
			row[j] = c.Value(i)
		}
		a.rows[g], a.best[g] = row, x
	}
	return nil
}

func (a *argAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*argAgg)
	a.grow(ng)
	for g, row := range o.rows {
		if row == nil {
			continue
		}
		t := into[g]
		if a.rows[t] == nil || (!a.any && a.wins(o.best[g], a.best[t])) {
			a.rows[t], a.best[t] = row, o.best[g]
		}
	}
}

func (a *argAgg) Result(ng int) []data.Column {
	a.grow(ng)
	out := make([]data.Column, len(a.types))
	for j, t := range a.types {
		vals := make([]data.Value, ng)
		for g := 0; g < ng; g++ {
			if a.rows[g] == nil {
				vals[g] = data.Null(t)
				continue
			}
			vals[g] = a.rows[g][j]
		}
		out[j] = data.NewColumn(t, vals)
	}
	return out
}

// compareBoxed orders two non-null values of the same type.
func compareBoxed(x, y data.Value) int {
	switch x.Type() {
	case data.Int, data.Long, data.DateTime, data.TimeSpan, data.Bool:
		return cmpInt(x.Int64(), y.Int64())
	case data.Real:
		a, b := x.Float64(), y.Float64()
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	case data.Decimal:
		return x.Decimal().Cmp(y.Decimal())
	}
	a, b := x.String(), y.String()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
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
