package functions

import (
	"math"
	"strconv"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// AggColumnNames returns the names Kusto gives the output columns of an
// unnamed call of the aggregate fn, for the aggregates whose names do not
// follow their Naming rule: percentile(x, 95) gives percentile_x_95 (one
// column per percentile for percentiles and percentilesw; 99.9 gives
// 99_9), and covariance(x, y) gives covariance_x_y. argNames are the derived
// names of the arguments ("" when one has none) and args the checked
// arguments. ok is false for other aggregates, whose Naming applies.
func AggColumnNames(fn string, argNames []string, args []ArgInfo) (names []string, ok bool) {
	arg := func(i int) string {
		if i < len(argNames) {
			return argNames[i]
		}
		return ""
	}
	switch fn {
	case "percentile", "percentiles", "percentilew", "percentilesw":
		first := 1
		if strings.HasSuffix(fn, "w") {
			first = 2
		}
		for _, a := range args[min(first, len(args)):] {
			p := "" // a non-constant percentile does not bind anyway
			if a.Const != nil {
				p = pctColumnSuffix(ConvertValue(*a.Const, data.Real).Float64())
			}
			names = append(names, "percentile_"+arg(0)+"_"+p)
		}
		return names, true
	case "covariance", "covariancep", "covarianceif", "covariancepif":
		return []string{fn + "_" + arg(0) + "_" + arg(1)}, true
	}
	return nil, false
}

// pctColumnSuffix formats a percentile for a column name: 95 → "95",
// 99.9 → "99_9".
func pctColumnSuffix(p float64) string {
	if p == math.Trunc(p) && math.Abs(p) < 1e15 {
		return strconv.FormatInt(int64(p), 10)
	}
	return strings.ReplaceAll(strconv.FormatFloat(p, 'f', -1, 64), ".", "_")
}

// ArraySortMany sorts the first array the way array_sort_asc (or, with desc,
// array_sort_desc) does and orders the other arrays to match. An array
// whose length differs from the first one's, or that is not an array, gives
// null; so do all of them when the first is not an array. It is for the
// evaluator, which gives array_sort_asc(a1, a2, …) one column per array.
func ArraySortMany(arrays []data.Dyn, desc, nullsLast bool) []data.Dyn {
	out := make([]data.Dyn, len(arrays))
	if len(arrays) == 0 {
		return out
	}
	first, ok := dynArray(arrays[0])
	if !ok {
		return out
	}
	order := arraySortOrder(first, desc, nullsLast)
	for k, a := range arrays {
		items, ok := dynArray(a)
		if !ok || len(items) != len(first) {
			continue
		}
		sorted := make([]data.Dyn, len(items))
		for i, j := range order {
			sorted[i] = items[j]
		}
		out[k] = data.DynArrayOf(sorted)
	}
	return out
}
