package functions

import (
	"fmt"
	"sort"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "array_length", Sig: "array_length(array: dynamic): long",
			Doc:      "Returns the number of elements of a dynamic array, or null when the value is not an array.",
			Examples: []Example{{"print array_length(dynamic([1, 2, 3, \"four\"]))", "4"}},
			Bind: dynBinder("array_length", 1, 1, []int{0}, nil, data.Long,
				Map1(data.Long, func(d data.Dyn) (int64, bool) {
					if d.Kind() != data.DynArray {
						return 0, false
					}
					return int64(d.Len()), true
				}))},
		&Scalar{Name: "array_concat", Sig: "array_concat(array: dynamic, ...): dynamic",
			Doc:      "Concatenates dynamic arrays into one array; any argument that is not an array gives null.",
			Examples: []Example{{"print array_concat(dynamic([1,2]), dynamic([3]))", "[1,2,3]"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynArity("array_concat", args, 1, 64); err != nil {
					return data.Unknown, nil, err
				}
				return data.Dynamic, dynRows(arrayConcat), dynAllDynamic("array_concat", args)
			}},
		&Scalar{Name: "array_slice", Sig: "array_slice(array: dynamic, start: long, end: long): dynamic",
			Doc: "Returns the elements of an array from index start to end, both inclusive; negative indices " +
				"count from the end. A value that is not an array, or a null index, gives null.",
			Examples: []Example{{"print array_slice(dynamic([1,2,3,4,5]), 2, -1)", "[3,4,5]"},
				{"print array_slice(dynamic([1,2,3,4,5]), -3, -2)", "[3,4]"}},
			Bind: dynBinder("array_slice", 3, 3, []int{0}, []int{1, 2}, data.Dynamic, dynRows(arraySlice))},
		&Scalar{Name: "array_index_of",
			Sig: "array_index_of(array: dynamic, value: scalar [, start: long [, length: long [, occurrence: long]]]): long",
			Doc: "Returns the zero-based position of value in the array (searching length elements from start, " +
				"negative start counting from the end, for the given occurrence), -1 when it is not found, " +
				"and null when the input is not an array or length < -1 or occurrence < 0.",
			Examples: []Example{{"print array_index_of(dynamic(['this', 'is', 'an', 'example']), 'an')", "2"}},
			Bind: dynBinder("array_index_of", 2, 5, []int{0}, []int{2, 3, 4}, data.Long,
				MapValues(data.Long, arrayIndexOf))},
		&Scalar{Name: "array_iff", Sig: "array_iff(condition_array: dynamic, when_true: scalar, when_false: scalar): dynamic",
			Doc: "Element-wise iff: for each element of the condition array (bool, or number where non-zero is true) " +
				"takes the element of when_true or when_false (arrays, or scalars used for every element). " +
				"Other conditions, and missing elements, give null.",
			Examples: []Example{{"print array_iff(dynamic([true,false,true]), dynamic([1,2,3]), dynamic([4,5,6]))", "[1,5,3]"}},
			Bind:     dynBinder("array_iff", 3, 3, []int{0}, nil, data.Dynamic, dynRows(arrayIff))},
		&Scalar{Name: "array_reverse", Sig: "array_reverse(value: dynamic): dynamic",
			Doc:      "Returns the elements of an array in reverse order; a value that is not an array gives null.",
			Examples: []Example{{"print array_reverse(dynamic([\"this\", \"is\", \"an\", \"example\"]))", "[\"example\",\"an\",\"is\",\"this\"]"}},
			Bind: dynBinder("array_reverse", 1, 1, []int{0}, nil, data.Dynamic,
				Map1(data.Dynamic, arrayReverse))},
		&Scalar{Name: "array_rotate_left", Sig: "array_rotate_left(array: dynamic, rotate_count: long): dynamic",
			Doc:      "Rotates the elements of an array to the left by rotate_count positions (to the right when negative).",
			Examples: []Example{{"print array_rotate_left(dynamic([1,2,3,4,5]), 2)", "[3,4,5,1,2]"}},
			Bind:     dynBinder("array_rotate_left", 2, 2, []int{0}, []int{1}, data.Dynamic, arrayRotate(1))},
		&Scalar{Name: "array_rotate_right", Sig: "array_rotate_right(array: dynamic, rotate_count: long): dynamic",
			Doc:      "Rotates the elements of an array to the right by rotate_count positions (to the left when negative).",
			Examples: []Example{{"print array_rotate_right(dynamic([1,2,3,4,5]), 2)", "[4,5,1,2,3]"}},
			Bind:     dynBinder("array_rotate_right", 2, 2, []int{0}, []int{1}, data.Dynamic, arrayRotate(-1))},
		&Scalar{Name: "array_shift_left", Sig: "array_shift_left(array: dynamic, shift_count: long [, default_value: scalar]): dynamic",
			Doc: "Shifts the elements of an array to the left by shift_count positions (to the right when negative), " +
				"filling the vacated positions with default_value (null by default).",
			Examples: []Example{{"print array_shift_left(dynamic([1,2,3,4,5]), 2)", "[3,4,5,null,null]"},
				{"print array_shift_left(dynamic([1,2,3,4,5]), 2, -1)", "[3,4,5,-1,-1]"}},
			Bind: dynBinder("array_shift_left", 2, 3, []int{0}, []int{1}, data.Dynamic, arrayShift(1))},
		&Scalar{Name: "array_shift_right", Sig: "array_shift_right(array: dynamic, shift_count: long [, default_value: scalar]): dynamic",
			Doc:      "Shifts the elements of an array to the right by shift_count positions (to the left when negative).",
			Examples: []Example{{"print array_shift_right(dynamic([1,2,3,4,5]), 2)", "[null,null,1,2,3]"}},
			Bind:     dynBinder("array_shift_right", 2, 3, []int{0}, []int{1}, data.Dynamic, arrayShift(-1))},
		&Scalar{Name: "array_split", Sig: "array_split(array: dynamic, indices: long | dynamic): dynamic",
			Doc: "Splits an array at the given index (or array of indices; negative ones count from the end) " +
				"and returns the array of the parts.",
			Examples: []Example{{"print array_split(dynamic([1,2,3,4,5]), dynamic([1,3]))", "[[1],[2,3],[4,5]]"}},
			Bind:     arraySplitBind},
		&Scalar{Name: "array_sum", Sig: "array_sum(array: dynamic): real",
			Doc:      "Sums the elements of an array as a real; an element that is not a number, or a value that is not an array, gives null.",
			Examples: []Example{{"print array_sum(dynamic([1,2,3,4]))", "10"}},
			Bind:     dynBinder("array_sum", 1, 1, []int{0}, nil, data.Real, Map1(data.Real, arraySum))},
		&Scalar{Name: "array_sort_asc", Sig: "array_sort_asc(array: dynamic [, nulls_last: bool]): dynamic",
			Doc: "Sorts an array in ascending order: numbers, datetimes and timespans first, then strings, guids " +
				"and other values; nulls last unless nulls_last is false. kqlkit sorts one array per call.",
			Examples: []Example{{"print array_sort_asc(dynamic([null,\"blue\",\"yellow\",\"green\",null]))", "[\"blue\",\"green\",\"yellow\",null,null]"}},
			Bind:     arraySortBind("array_sort_asc", false)},
		&Scalar{Name: "array_sort_desc", Sig: "array_sort_desc(array: dynamic [, nulls_last: bool]): dynamic",
			Doc:      "Sorts an array in descending order (see array_sort_asc); nulls last unless nulls_last is false.",
			Examples: []Example{{"print array_sort_desc(dynamic([1,3,2]))", "[3,2,1]"}},
			Bind:     arraySortBind("array_sort_desc", true)},
	)
	alias("array_iif", "array_iff")
	alias("arraylength", "array_length")
}

func arrayConcat(row []data.Dyn) data.Dyn {
	var out []data.Dyn
	for _, v := range row {
		items, ok := dynArray(dynOf(v))
		if !ok {
			return data.Dyn{}
		}
		out = append(out, items...)
	}
	return data.DynArrayOf(out)
}

func arraySlice(row []data.Dyn) data.Dyn {
	items, ok := dynArray(dynOf(row[0]))
	start, ok1 := dynLong(row[1])
	end, ok2 := dynLong(row[2])
	if !ok || !ok1 || !ok2 {
		return data.Dyn{}
	}
	n := int64(len(items))
	if start < 0 {
		start += n
	}
	if end < 0 {
		end += n
	}
	start = max(start, 0)
	end = min(end, n-1)
	if start > end {
		return data.DynArrayOf(nil)
	}
	return data.DynArrayOf(append([]data.Dyn(nil), items[start:end+1]...))
}

func arrayIndexOf(row []data.Value) data.Value {
	null := data.Null(data.Long)
	items, ok := dynArray(dynOf(row[0]))
	if !ok {
		return null
	}
	want := dynOf(row[1])
	n := int64(len(items))
	start, length, occ := int64(0), int64(-1), int64(1)
	var okArg bool
	if len(row) > 2 {
		if start, okArg = dynLong(row[2]); !okArg {
			return null
		}
	}
	if len(row) > 3 {
		if length, okArg = dynLong(row[3]); !okArg {
			return null
		}
	}
	if len(row) > 4 {
		if occ, okArg = dynLong(row[4]); !okArg {
			return null
		}
	}
	if length < -1 || occ < 0 {
		return null
	}
	if start < 0 {
		start = max(start+n, 0)
	}
	end := n
	if length >= 0 && length < n-start {
		end = start + length
	}
	seen := int64(0)
	for i := start; i < end; i++ {
		if items[i].Equal(want) {
			seen++
			if seen >= max(occ, 1) {
				return data.LongValue(i)
			}
		}
	}
	return data.LongValue(-1)
}

func arrayIff(row []data.Dyn) data.Dyn {
	conds, ok := dynArray(dynOf(row[0]))
	if !ok {
		return data.Dyn{}
	}
	pick := func(d data.Dyn, i int) data.Dyn {
		if d.Kind() != data.DynArray {
			return d
		}
		return d.Index(i)
	}
	out := make([]data.Dyn, len(conds))
	for i, c := range conds {
		var truth bool
		switch c.Kind() {
		case data.DynBool:
			truth = c.Bool()
		case data.DynInt, data.DynLong, data.DynReal, data.DynDecimal:
			f, _ := dynNumber(c)
			truth = f != 0
		default:
			continue
		}
		if truth {
			out[i] = pick(row[1], i)
		} else {
			out[i] = pick(row[2], i)
		}
	}
	return data.DynArrayOf(out)
}

func arrayReverse(d data.Dyn) (data.Dyn, bool) {
	items, ok := dynArray(d)
	if !ok {
		return data.Dyn{}, true
	}
	out := make([]data.Dyn, len(items))
	for i, it := range items {
		out[len(items)-1-i] = it
	}
	return data.DynArrayOf(out), true
}

// arrayRotate rotates left for dir 1 and right for dir -1.
func arrayRotate(dir int64) Kernel {
	return dynRows(func(row []data.Dyn) data.Dyn {
		items, ok := dynArray(dynOf(row[0]))
		k, ok1 := dynLong(row[1])
		if !ok || !ok1 {
			return data.Dyn{}
		}
		n := int64(len(items))
		out := make([]data.Dyn, n)
		if n == 0 {
			return data.DynArrayOf(out)
		}
		k = ((k*dir)%n + n) % n
		for i := int64(0); i < n; i++ {
			out[i] = items[(i+k)%n]
		}
		return data.DynArrayOf(out)
	})
}

// arrayShift shifts left for dir 1 and right for dir -1.
func arrayShift(dir int64) Kernel {
	return dynRows(func(row []data.Dyn) data.Dyn {
		items, ok := dynArray(dynOf(row[0]))
		k, ok1 := dynLong(row[1])
		if !ok || !ok1 {
			return data.Dyn{}
		}
		var fill data.Dyn
		if len(row) > 2 {
			fill = dynOf(row[2])
		}
		n := int64(len(items))
		k *= dir
		out := make([]data.Dyn, n)
		for i := int64(0); i < n; i++ {
			j := i + k
			if j >= 0 && j < n {
				out[i] = items[j]
			} else {
				out[i] = fill
			}
		}
		return data.DynArrayOf(out)
	})
}

func arraySplitBind(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "array_split"
	if err := dynArity(name, args, 2, 2); err != nil {
		return data.Unknown, nil, err
	}
	if err := dynWantDynamic(name, args, 0); err != nil {
		return data.Unknown, nil, err
	}
	if args[1].Type != data.Dynamic && !args[1].Type.IsInteger() {
		return data.Unknown, nil, fmt.Errorf("function '%s' expects an integer or a dynamic array as argument 2, got %s",
			name, args[1].Type)
	}
	return data.Dynamic, dynRows(arraySplit), nil
}

func arraySplit(row []data.Dyn) data.Dyn {
	items, ok := dynArray(dynOf(row[0]))
	if !ok {
		return data.Dyn{}
	}
	var cuts []int64
	if idx := dynOf(row[1]); idx.Kind() == data.DynArray {
		for _, it := range idx.Items() {
			c, ok := dynLong(data.DynamicValue(it))
			if !ok {
				return data.Dyn{}
			}
			cuts = append(cuts, c)
		}
	} else {
		c, ok := dynLong(row[1])
		if !ok {
			return data.Dyn{}
		}
		cuts = append(cuts, c)
	}
	n := int64(len(items))
	out := make([]data.Dyn, 0, len(cuts)+1)
	prev := int64(0)
	for _, c := range cuts {
		if c < 0 {
			c += n
		}
		c = min(max(c, prev), n)
		out = append(out, data.DynArrayOf(append([]data.Dyn(nil), items[prev:c]...)))
		prev = c
	}
	out = append(out, data.DynArrayOf(append([]data.Dyn(nil), items[prev:]...)))
	return data.DynArrayOf(out)
}

func arraySum(d data.Dyn) (float64, bool) {
	items, ok := dynArray(d)
	if !ok {
		return 0, false
	}
	sum := 0.0
	for _, it := range items {
		f, ok := dynNumber(it)
		if !ok {
			return 0, false
		}
		sum += f
	}
	return sum, true
}

func arraySortBind(name string, desc bool) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := dynArity(name, args, 1, 65); err != nil {
			return data.Unknown, nil, err
		}
		arrays := len(args)
		if arrays > 1 && args[arrays-1].Type == data.Bool {
			arrays--
		}
		if err := dynAllDynamic(name, args[:arrays]); err != nil {
			return data.Unknown, nil, err
		}
		if arrays > 1 {
			return data.Unknown, nil, fmt.Errorf("function '%s' with several arrays (one result column per array) is not supported", name)
		}
		withFlag := arrays < len(args)
		return data.Dynamic, dynRows(func(row []data.Dyn) data.Dyn {
			nullsLast := true
			if withFlag && !row[1].IsNull() {
				nullsLast = row[1].Bool()
			}
			return arraySort(dynOf(row[0]), desc, nullsLast)
		}), nil
	}
}

func arraySort(d data.Dyn, desc, nullsLast bool) data.Dyn {
	items, ok := dynArray(d)
	if !ok {
		return data.Dyn{}
	}
	out := make([]data.Dyn, len(items))
	for i, j := range arraySortOrder(items, desc, nullsLast) {
		out[i] = items[j]
	}
	return data.DynArrayOf(out)
}

// arraySortOrder returns the positions of items in sorted order: values by
// dynCompare (reversed within each kind for desc), stable, nulls last or
// first.
func arraySortOrder(items []data.Dyn, desc, nullsLast bool) []int {
	vals := make([]int, 0, len(items))
	var nulls []int
	for i, it := range items {
		if it.IsNull() {
			nulls = append(nulls, i)
			continue
		}
		vals = append(vals, i)
	}
	sort.SliceStable(vals, func(a, b int) bool {
		x, y := items[vals[a]], items[vals[b]]
		c := dynCompare(x, y)
		if desc && dynSortRank(x) == dynSortRank(y) {
			c = -c
		}
		return c < 0
	})
	if nullsLast {
		return append(vals, nulls...)
	}
	return append(nulls, vals...)
}
