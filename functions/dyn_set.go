package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// dynMaxArray is the largest array range() and repeat() build, as in Kusto.
const dynMaxArray = 1048576

func init() {
	register(
		&Scalar{Name: "set_union", Sig: "set_union(set1: dynamic, set2: dynamic, ...): dynamic",
			Doc: "Returns the distinct values found in any of the arrays, in order of first appearance; " +
				"an argument that is not an array gives null.",
			Examples: []Example{{"print set_union(dynamic([1,2,1]), dynamic([2,8]))", "[1,2,8]"}},
			Bind:     setFuncBind("set_union", setUnion)},
		&Scalar{Name: "set_intersect", Sig: "set_intersect(set1: dynamic, set2: dynamic, ...): dynamic",
			Doc:      "Returns the distinct values of the first array that are in every other array.",
			Examples: []Example{{"print set_intersect(dynamic([1,2,3]), dynamic([3,1]))", "[1,3]"}},
			Bind:     setFuncBind("set_intersect", setIntersect)},
		&Scalar{Name: "set_difference", Sig: "set_difference(set1: dynamic, set2: dynamic, ...): dynamic",
			Doc:      "Returns the distinct values of the first array that are in none of the other arrays.",
			Examples: []Example{{"print set_difference(dynamic([1,2,3]), dynamic([2]))", "[1,3]"}},
			Bind:     setFuncBind("set_difference", setDifference)},
		&Scalar{Name: "set_has_element", Sig: "set_has_element(set: dynamic, value: scalar): bool",
			Doc:      "Reports whether the array contains the value; a value that is not an array gives null.",
			Examples: []Example{{"print set_has_element(dynamic([\"this\", \"is\", \"an\", \"example\"]), \"example\")", "true"}},
			Bind: dynBinder("set_has_element", 2, 2, []int{0}, nil, data.Bool,
				MapValues(data.Bool, func(row []data.Value) data.Value {
					items, ok := dynArray(dynOf(row[0]))
					if !ok {
						return data.Null(data.Bool)
					}
					want := dynOf(row[1])
					for _, it := range items {
						if it.Equal(want) {
							return data.BoolValue(true)
						}
					}
					return data.BoolValue(false)
				}))},
		&Scalar{Name: "set_equals", Sig: "set_equals(set1: dynamic, set2: dynamic): bool",
			Doc:      "Reports whether two arrays hold the same distinct values (in any order, any number of times); a value that is not an array gives null.",
			Examples: []Example{{"print set_equals(dynamic([1, 2, 3]), dynamic([3, 2, 1, 1]))", "true"}},
			Bind: dynBinder("set_equals", 2, 2, []int{0, 1}, nil, data.Bool,
				MapValues(data.Bool, func(row []data.Value) data.Value {
					a, ok1 := dynArray(dynOf(row[0]))
					b, ok2 := dynArray(dynOf(row[1]))
					if !ok1 || !ok2 {
						return data.Null(data.Bool)
					}
					return data.BoolValue(len(setDifference(a, [][]data.Dyn{b})) == 0 &&
						len(setDifference(b, [][]data.Dyn{a})) == 0)
				}))},
		&Scalar{Name: "jaccard_index", Sig: "jaccard_index(set1: dynamic, set2: dynamic): real",
			Doc:      "Returns |set1 ∩ set2| / |set1 ∪ set2| over the distinct values of two arrays; a value that is not an array gives null.",
			Examples: []Example{{"print jaccard_index(dynamic([1,2,3]), dynamic([1,2,3,4]))", "0.75"}},
			Bind: dynBinder("jaccard_index", 2, 2, []int{0, 1}, nil, data.Real,
				MapValues(data.Real, jaccardIndex))},
		&Scalar{Name: "zip", Sig: "zip(array1: dynamic, array2: dynamic, ...): dynamic",
			Doc: "Returns an array whose element i is the array of the elements i of each input array " +
				"(null where an array is shorter).",
			Examples: []Example{{"print zip(dynamic([1,3,5]), dynamic([2,4,6]))", "[[1,2],[3,4],[5,6]]"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynArity("zip", args, 2, 16); err != nil {
					return data.Unknown, nil, err
				}
				return data.Dynamic, dynRows(zipArrays), dynAllDynamic("zip", args)
			}},
		&Scalar{Name: "range", Sig: "range(start: scalar, stop: scalar [, step: scalar]): dynamic",
			Doc: "Returns the array start, start+step, … up to stop (at most 1048576 elements). The step defaults " +
				"to 1, or 1h for datetimes and timespans; a null argument or a zero step gives null.",
			Examples: []Example{{"print range(1, 8, 3)", "[1,4,7]"},
				{"print range(1h, 3h)", "[\"01:00:00\",\"02:00:00\",\"03:00:00\"]"}},
			Bind: rangeBind},
		&Scalar{Name: "repeat", Sig: "repeat(value: scalar, count: long): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "repeat",
			Doc:      "Returns an array holding value count times; a negative count gives null.",
			Examples: []Example{{"print repeat(1, 3)", "[1,1,1]"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynArity("repeat", args, 2, 2); err != nil {
					return data.Unknown, nil, err
				}
				if err := dynWantInteger("repeat", args, 1); err != nil {
					return data.Unknown, nil, err
				}
				return data.Dynamic, dynRows(func(row []data.Dyn) data.Dyn {
					n, ok := dynLong(row[1])
					if !ok || n < 0 {
						return data.Dyn{}
					}
					n = min(n, dynMaxArray)
					v := dynOf(row[0])
					out := make([]data.Dyn, n)
					for i := range out {
						out[i] = v
					}
					return data.DynArrayOf(out)
				}), nil
			}},
	)
}

func setFuncBind(name string, f func(first []data.Dyn, rest [][]data.Dyn) []data.Dyn) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := dynArity(name, args, 2, 64); err != nil {
			return data.Unknown, nil, err
		}
		if err := dynAllDynamic(name, args); err != nil {
			return data.Unknown, nil, err
		}
		return data.Dynamic, dynRows(func(row []data.Dyn) data.Dyn {
			arrays := make([][]data.Dyn, len(row))
			for i, v := range row {
				items, ok := dynArray(dynOf(v))
				if !ok {
					return data.Dyn{}
				}
				arrays[i] = items
			}
			return data.DynArrayOf(f(arrays[0], arrays[1:]))
		}), nil
	}
}

func setUnion(first []data.Dyn, rest [][]data.Dyn) []data.Dyn {
	seen := dynKeySet{}
	out := []data.Dyn{}
	for _, arr := range append([][]data.Dyn{first}, rest...) {
		for _, it := range arr {
			if seen.add(it) {
				out = append(out, it)
			}
		}
	}
	return out
}

func setIntersect(first []data.Dyn, rest [][]data.Dyn) []data.Dyn {
	others := make([]dynKeySet, len(rest))
	for i, arr := range rest {
		others[i] = dynKeySet{}
		for _, it := range arr {
			others[i].add(it)
		}
	}
	seen := dynKeySet{}
	out := []data.Dyn{}
next:
	for _, it := range first {
		for _, s := range others {
			if !s.has(it) {
				continue next
			}
		}
		if seen.add(it) {
			out = append(out, it)
		}
	}
	return out
}

func setDifference(first []data.Dyn, rest [][]data.Dyn) []data.Dyn {
	seen := dynKeySet{}
	for _, arr := range rest {
		for _, it := range arr {
			seen.add(it)
		}
	}
	out := []data.Dyn{}
	for _, it := range first {
		if seen.add(it) {
			out = append(out, it)
		}
	}
	return out
}

func jaccardIndex(row []data.Value) data.Value {
	a, ok1 := dynArray(dynOf(row[0]))
	b, ok2 := dynArray(dynOf(row[1]))
	if !ok1 || !ok2 {
		return data.Null(data.Real)
	}
	inter := len(setIntersect(a, [][]data.Dyn{b}))
	union := len(setUnion(a, [][]data.Dyn{b}))
	return data.RealValue(float64(inter) / float64(union))
}

func zipArrays(row []data.Dyn) data.Dyn {
	arrays := make([][]data.Dyn, len(row))
	n := 0
	for i, v := range row {
		items, ok := dynArray(dynOf(v))
		if !ok {
			return data.Dyn{}
		}
		arrays[i] = items
		n = max(n, len(items))
	}
	out := make([]data.Dyn, n)
	for i := range out {
		tuple := make([]data.Dyn, len(arrays))
		for j, arr := range arrays {
			if i < len(arr) {
				tuple[j] = arr[i]
			}
		}
		out[i] = data.DynArrayOf(tuple)
	}
	return data.DynArrayOf(out)
}

func rangeBind(args []ArgInfo) (data.Type, Kernel, error) {
	if err := dynArity("range", args, 2, 3); err != nil {
		return data.Unknown, nil, err
	}
	start, stop := args[0].Type, args[1].Type
	switch {
	case start.IsNumeric() && stop.IsNumeric():
		real := start == data.Real || stop == data.Real || start == data.Decimal || stop == data.Decimal
		if len(args) == 3 && !args[2].Type.IsNumeric() {
			return data.Unknown, nil, fmt.Errorf("function 'range' expects a numeric step, got %s", args[2].Type)
		}
		if real || (len(args) == 3 && (args[2].Type == data.Real || args[2].Type == data.Decimal)) {
			return data.Dynamic, dynRows(rangeReals), nil
		}
		return data.Dynamic, dynRows(rangeTicks(data.DynLongOf, 1)), nil
	case (start == data.DateTime && stop == data.DateTime) || (start == data.TimeSpan && stop == data.TimeSpan):
		if len(args) == 3 && args[2].Type != data.TimeSpan {
			return data.Unknown, nil, fmt.Errorf("function 'range' expects a timespan step, got %s", args[2].Type)
		}
		mk := data.DynTimeSpanOf
		if start == data.DateTime {
			mk = data.DynDateTimeOf
		}
		return data.Dynamic, dynRows(rangeTicks(mk, data.Hour)), nil
	}
	return data.Unknown, nil, fmt.Errorf("function 'range' cannot make a range from %s to %s", start, stop)
}

// rangeTicks builds int64-valued ranges (numbers, datetimes, timespans).
func rangeTicks(mk func(int64) data.Dyn, defStep int64) func([]data.Dyn) data.Dyn {
	return func(row []data.Dyn) data.Dyn {
		if row[0].IsNull() || row[1].IsNull() {
			return data.Dyn{}
		}
		start, stop, step := row[0].Long(), row[1].Long(), defStep
		if len(row) == 3 {
			s, ok := dynLong(row[2])
			if !ok {
				return data.Dyn{}
			}
			step = s
		}
		if step == 0 {
			return data.Dyn{}
		}
		out := []data.Dyn{}
		for v := start; (step > 0 && v <= stop) || (step < 0 && v >= stop); v += step {
			out = append(out, mk(v))
			if len(out) >= dynMaxArray || (step > 0 && v > stop-step) || (step < 0 && v < stop-step) {
				break
			}
		}
		return data.DynArrayOf(out)
	}
}

func rangeReals(row []data.Dyn) data.Dyn {
	start, ok1 := dynNumber(row[0])
	stop, ok2 := dynNumber(row[1])
	step, ok3 := 1.0, true
	if len(row) == 3 {
		step, ok3 = dynNumber(row[2])
	}
	if !ok1 || !ok2 || !ok3 || step == 0 || step != step {
		return data.Dyn{}
	}
	out := []data.Dyn{}
	for i := 0; i < dynMaxArray; i++ {
		v := start + float64(i)*step
		if (step > 0 && v > stop) || (step < 0 && v < stop) {
			break
		}
		out = append(out, data.DynRealOf(v))
	}
	return data.DynArrayOf(out)
}
