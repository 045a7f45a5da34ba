package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	registerAgg(
		&Aggregate{Name: "count_distinct", Sig: "count_distinct(expr: scalar): long", Naming: NamePrefixAndFirstArg, Prefix: "count_distinct",
			Doc:      "Counts the distinct values of expr in each group exactly (nulls are skipped).",
			Examples: []Example{{"datatable(x:string)['a','b','a'] | summarize count_distinct(x)", "2"}},
			Bind:     countDistinctBinder("count_distinct", false)},
		&Aggregate{Name: "count_distinctif", Sig: "count_distinctif(expr: scalar, predicate: bool): long", Naming: NamePrefixAndFirstArg, Prefix: "count_distinctif",
			Doc:      "Counts the distinct values of expr among the rows for which the predicate is true.",
			Examples: []Example{{"datatable(x:string)['a','b','a'] | summarize count_distinctif(x, x != 'b')", "1"}},
			Bind:     countDistinctBinder("count_distinctif", true)},
		&Aggregate{Name: "binary_all_or", Sig: "binary_all_or(expr: long): long", Naming: NameFirstArg,
			Doc:      "Combines the values of each group with bitwise OR (nulls are skipped; an empty group gives null).",
			Examples: []Example{{"datatable(num:long)[0x88888008, 0x42000000, 0x00767000, 0x00000005] | summarize r = toupper(tohex(binary_all_or(num)))", "\"CAFEF00D\""}},
			Bind:     bitsBinder("binary_all_or", func(a, b int64) int64 { return a | b })},
		&Aggregate{Name: "binary_all_and", Sig: "binary_all_and(expr: long): long", Naming: NameFirstArg,
			Doc:      "Combines the values of each group with bitwise AND (nulls are skipped; an empty group gives null).",
			Examples: []Example{{"datatable(num:long)[0xFFFFFFFF, 0xFFFFF00F, 0xCFFFFFFD, 0xFAFEFFFF] | summarize r = toupper(tohex(binary_all_and(num)))", "\"CAFEF00D\""}},
			Bind:     bitsBinder("binary_all_and", func(a, b int64) int64 { return a & b })},
		&Aggregate{Name: "binary_all_xor", Sig: "binary_all_xor(expr: long): long", Naming: NameFirstArg,
			Doc:      "Combines the values of each group with bitwise XOR (nulls are skipped; an empty group gives null).",
			Examples: []Example{{"datatable(num:long)[0x44404440, 0x1E1E1E1E, 0x90ABBA09, 0x000B105A] | summarize r = toupper(tohex(binary_all_xor(num)))", "\"CAFEF00D\""}},
			Bind:     bitsBinder("binary_all_xor", func(a, b int64) int64 { return a ^ b })},
		&Aggregate{Name: "take_anyif", Sig: "take_anyif(expr: scalar, predicate: bool): same type", Naming: NameFirstArg,
			Doc: "Returns a value of expr from a row for which the predicate is true (kqlkit takes the first such " +
				"non-null, non-empty value it sees); null when there is none.",
			Examples: []Example{{"datatable(x:long)[1, 5, 7] | summarize take_anyif(x, x > 3)", "5"}},
			Bind:     anyIfBinder("take_anyif")},
		&Aggregate{Name: "anyif", Sig: "anyif(expr: scalar, predicate: bool): same type", Naming: NamePrefixAndFirstArg, Prefix: "anyif",
			Doc:      "Deprecated alias of take_anyif.",
			Examples: []Example{{"datatable(x:long)[1, 5, 7] | summarize anyif(x, x > 3)", "5"}},
			Bind:     anyIfBinder("anyif")},
	)
}

func countDistinctBinder(name string, pred bool) func([]ArgInfo) (AggBinding, error) {
	inner := setBinder(name, setCount, pred)
	return func(args []ArgInfo) (AggBinding, error) {
		want := 1
		if pred {
			want = 2
		}
		if len(args) != want {
			return AggBinding{}, fmt.Errorf("%s() expects %d arguments, got %d", name, want, len(args))
		}
		if args[0].Type == data.Dynamic {
			return AggBinding{}, fmt.Errorf("%s() cannot count dynamic values; convert them first", name)
		}
		return inner(args)
	}
}

func bitsBinder(name string, op func(a, b int64) int64) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		if len(args) != 1 || args[0].Star {
			return AggBinding{}, fmt.Errorf("%s() expects 1 argument", name)
		}
		t := args[0].Type
		if !t.IsInteger() {
			return AggBinding{}, fmt.Errorf("%s() expects an integer, got %s", name, t)
		}
		return AggBinding{Types: []data.Type{t}, New: func() Agg { return &bitsAgg{t: t, op: op} }}, nil
	}
}

type bitsAgg struct {
	t    data.Type
	op   func(a, b int64) int64
	vals []int64
	has  []bool
}

func (a *bitsAgg) fold(g uint32, x int64) {
	if a.has[g] {
		a.vals[g] = a.op(a.vals[g], x)
		return
	}
	a.vals[g], a.has[g] = x, true
}

func (a *bitsAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.vals, a.has = grow(a.vals, ng), grow(a.has, ng)
	r := data.NewReader[int64](args[0])
	for i, g := range groups {
		if x, ok := r.Get(i); ok {
			a.fold(g, x)
		}
	}
	return nil
}

func (a *bitsAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*bitsAgg)
	a.vals, a.has = grow(a.vals, ng), grow(a.has, ng)
	for g, h := range o.has {
		if h {
			a.fold(into[g], o.vals[g])
		}
	}
}

func (a *bitsAgg) Result(ng int) []data.Column {
	a.vals, a.has = grow(a.vals, ng), grow(a.has, ng)
	var nulls data.Bitmap
	for g := 0; g < ng; g++ {
		if !a.has[g] {
			if nulls == nil {
				nulls = data.NewBitmap(ng)
			}
			nulls.Set(g)
		}
	}
	return []data.Column{data.NewVec(a.t, append([]int64(nil), a.vals[:ng]...), nulls)}
}

func anyIfBinder(name string) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		if err := wantArgs(name, args, data.Unknown, data.Bool); err != nil {
			return AggBinding{}, err
		}
		t := args[0].Type
		return AggBinding{Types: []data.Type{t}, New: func() Agg { return &anyIfAgg{t: t} }}, nil
	}
}

// anyIfAgg keeps the first non-null (non-empty) value whose predicate holds.
type anyIfAgg struct {
	t    data.Type
	vals []data.Value
	has  []bool
}

func (a *anyIfAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.vals, a.has = grow(a.vals, ng), grow(a.has, ng)
	ok := predicate(args[1])
	for i, g := range groups {
		if a.has[g] || !ok(i) {
			continue
		}
		v := args[0].Value(i)
		if v.IsNull() || (v.Type() == data.String && v.Str() == "") {
			continue
		}
		a.vals[g], a.has[g] = v, true
	}
	return nil
}

func (a *anyIfAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*anyIfAgg)
	a.vals, a.has = grow(a.vals, ng), grow(a.has, ng)
	for g, h := range o.has {
		if t := into[g]; h && !a.has[t] {
			a.vals[t], a.has[t] = o.vals[g], true
		}
	}
}

func (a *anyIfAgg) Result(ng int) []data.Column {
	a.vals, a.has = grow(a.vals, ng), grow(a.has, ng)
	vals := make([]data.Value, ng)
	for g := range vals {
		if a.has[g] {
			vals[g] = a.vals[g]
		} else {
			vals[g] = data.Null(a.t)
		}
	}
	return []data.Column{data.NewColumn(a.t, vals)}
}
