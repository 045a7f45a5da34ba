package functions

import (
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// Helpers shared by the dynamic, array and bag functions (dyn_*.go).

// dynArity checks that a call has between lo and hi arguments (hi < 0 for
// no upper bound) and no `*`.
func dynArity(name string, args []ArgInfo, lo, hi int) error {
	for _, a := range args {
		if a.Star {
			return fmt.Errorf("function '%s' does not accept '*'", name)
		}
	}
	if len(args) >= lo && (hi < 0 || len(args) <= hi) {
		return nil
	}
	switch {
	case hi < 0:
		return fmt.Errorf("function '%s' expects at least %d arguments, got %d", name, lo, len(args))
	case lo == hi && lo == 1:
		return fmt.Errorf("function '%s' expects 1 argument, got %d", name, len(args))
	case lo == hi:
		return fmt.Errorf("function '%s' expects %d arguments, got %d", name, lo, len(args))
	}
	return fmt.Errorf("function '%s' expects %d to %d arguments, got %d", name, lo, hi, len(args))
}

// dynWantDynamic checks that the arguments at the given positions are
// dynamic (Kusto rejects other types where it expects an array or a bag).
func dynWantDynamic(name string, args []ArgInfo, idx ...int) error {
	for _, i := range idx {
		if i < len(args) && args[i].Type != data.Dynamic {
			return fmt.Errorf("function '%s' expects a dynamic value as argument %d, got %s",
				name, i+1, args[i].Type)
		}
	}
	return nil
}

// dynWantInteger checks that the arguments at the given positions are int
// or long.
func dynWantInteger(name string, args []ArgInfo, idx ...int) error {
	for _, i := range idx {
		if i < len(args) && !args[i].Type.IsInteger() {
			return fmt.Errorf("function '%s' expects an integer as argument %d, got %s",
				name, i+1, args[i].Type)
		}
	}
	return nil
}

// dynWantScalar checks that the arguments at the given positions are not
// dynamic.
func dynWantScalar(name string, args []ArgInfo, idx ...int) error {
	for _, i := range idx {
		if i < len(args) && args[i].Type == data.Dynamic {
			return fmt.Errorf("function '%s' expects a scalar value as argument %d, got dynamic", name, i+1)
		}
	}
	return nil
}

// dynAllDynamic checks that every argument is dynamic.
func dynAllDynamic(name string, args []ArgInfo) error {
	for i := range args {
		if err := dynWantDynamic(name, args, i); err != nil {
			return err
		}
	}
	return nil
}

// dynBinder returns a Bind function that checks the arity, the positions
// that must be dynamic and those that must be integers, then uses k.
func dynBinder(name string, lo, hi int, dyn, ints []int, out data.Type, k Kernel) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := dynArity(name, args, lo, hi); err != nil {
			return data.Unknown, nil, err
		}
		if err := dynWantDynamic(name, args, dyn...); err != nil {
			return data.Unknown, nil, err
		}
		if err := dynWantInteger(name, args, ints...); err != nil {
			return data.Unknown, nil, err
		}
		return out, k, nil
	}
}

// dynRows builds a kernel over boxed row values that returns a dynamic
// value per row.
func dynRows(f func(row []data.Value) data.Dyn) Kernel {
	return MapValues(data.Dynamic, func(row []data.Value) data.Value {
		return data.DynamicValue(f(row))
	})
}

// dynOf returns the dynamic value of a boxed argument.
func dynOf(v data.Value) data.Dyn {
	if v.Type() == data.Dynamic {
		return v.Dyn()
	}
	return v.ToDyn()
}

// dynLong returns an integer argument's value; ok is false for null.
func dynLong(v data.Value) (int64, bool) {
	if v.IsNull() {
		return 0, false
	}
	switch v.Type() {
	case data.Int, data.Long:
		return v.Int64(), true
	case data.Real:
		return realToLong(v.Float64())
	case data.Dynamic:
		d := v.Dyn()
		switch d.Kind() {
		case data.DynInt, data.DynLong:
			return d.Long(), true
		case data.DynReal:
			return realToLong(d.Real())
		}
	}
	return 0, false
}

// dynArray returns the items of an array value, or ok false when d is not
// an array.
func dynArray(d data.Dyn) ([]data.Dyn, bool) {
	if d.Kind() != data.DynArray {
		return nil, false
	}
	return d.Items(), true
}

// dynNumber returns the value of a dynamic number (int, long, real or
// decimal) as a float64.
func dynNumber(d data.Dyn) (float64, bool) {
	switch d.Kind() {
	case data.DynInt, data.DynLong:
		return float64(d.Long()), true
	case data.DynReal:
		return d.Real(), true
	case data.DynDecimal:
		v, err := data.ParseDecimal(d.Str())
		if err != nil {
			return 0, false
		}
		return v.Float64(), true
	}
	return 0, false
}

// dynSortRank orders the kinds of values inside arrays the way Kusto's
// array_sort_asc does: numbers, datetimes and timespans, then strings, then
// guids, then everything else.
func dynSortRank(d data.Dyn) int {
	switch d.Kind() {
	case data.DynInt, data.DynLong, data.DynReal, data.DynDecimal, data.DynDateTime, data.DynTimeSpan:
		return 0
	case data.DynString:
		return 1
	case data.DynGUID:
		return 2
	}
	return 3
}

// dynCompare orders two non-null dynamic values by dynSortRank, then by
// value within numbers, strings (ordinal) and guids; other values compare
// equal.
func dynCompare(a, b data.Dyn) int {
	ra, rb := dynSortRank(a), dynSortRank(b)
	if ra != rb {
		return ra - rb
	}
	switch ra {
	case 0:
		return dynCompareNumbers(a, b)
	case 1, 2:
		return strings.Compare(a.Str(), b.Str())
	}
	return 0
}

func dynCompareNumbers(a, b data.Dyn) int {
	if dynIsIntegral(a) && dynIsIntegral(b) {
		return cmpInt(a.Long(), b.Long())
	}
	x, _ := dynNumber(a)
	y, _ := dynNumber(b)
	if dynIsIntegral(a) {
		x = float64(a.Long())
	}
	if dynIsIntegral(b) {
		y = float64(b.Long())
	}
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func dynIsIntegral(d data.Dyn) bool {
	switch d.Kind() {
	case data.DynInt, data.DynLong, data.DynDateTime, data.DynTimeSpan:
		return true
	}
	return false
}

// dynKeySet is a set of dynamic values, with equality as in Kusto's set
// functions (the canonical key of agg_set.go).
type dynKeySet map[setKey]struct{}

func (s dynKeySet) add(d data.Dyn) bool {
	k := keyOfDyn(d)
	if _, ok := s[k]; ok {
		return false
	}
	s[k] = struct{}{}
	return true
}

func (s dynKeySet) has(d data.Dyn) bool {
	_, ok := s[keyOfDyn(d)]
	return ok
}
