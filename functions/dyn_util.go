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

// dynRows builds a kernel that computes a dynamic value per row from the
// dynamic forms of the arguments (read without boxing).
func dynRows(f func(row []data.Dyn) data.Dyn) Kernel {
	return func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		m := n
		if allConst(args) {
			m = 1
		}
		get := make([]func(int) data.Dyn, len(args))
		for j, c := range args {
			get[j] = dynGetter(c)
		}
		out := make([]data.Dyn, m)
		row := make([]data.Dyn, len(args))
		for i := range out {
			for j, g := range get {
				row[j] = g(i)
			}
			out[i] = f(row)
		}
		return dynResult(out, n), nil
	}
}

// dynResult wraps computed dynamic values: one value for n rows becomes a
// constant column.
func dynResult(out []data.Dyn, n int) data.Column {
	if len(out) == 1 && n != 1 {
		return data.NewConst(data.DynamicValue(out[0]), n)
	}
	return data.NewVec(data.Dynamic, out, nil)
}

// dynGetter returns a function giving the dynamic form of row i of c.
func dynGetter(c data.Column) func(int) data.Dyn {
	switch c := c.(type) {
	case *data.ConstCol:
		d := c.V.ToDyn()
		return func(int) data.Dyn { return d }
	case *data.DictCol:
		vals := dynGetter(c.Values)
		cache := make([]data.Dyn, c.Values.Len())
		done := make([]bool, len(cache))
		return func(i int) data.Dyn {
			k := c.Codes[i]
			if !done[k] {
				cache[k], done[k] = vals(int(k)), true
			}
			return cache[k]
		}
	case *data.Vec[data.Dyn]:
		return func(i int) data.Dyn { return c.Vals[i] }
	case *data.Vec[string]:
		return func(i int) data.Dyn { return data.DynStringOf(c.Vals[i]) }
	case *data.Vec[int64]:
		var mk func(int64) data.Dyn
		switch c.T {
		case data.Int:
			mk = func(x int64) data.Dyn { return data.DynIntOf(int32(x)) }
		case data.DateTime:
			mk = data.DynDateTimeOf
		case data.TimeSpan:
			mk = data.DynTimeSpanOf
		default:
			mk = data.DynLongOf
		}
		return func(i int) data.Dyn {
			if c.Nulls.Get(i) {
				return data.Dyn{}
			}
			return mk(c.Vals[i])
		}
	case *data.Vec[float64]:
		return func(i int) data.Dyn {
			if c.Nulls.Get(i) {
				return data.Dyn{}
			}
			return data.DynRealOf(c.Vals[i])
		}
	}
	return func(i int) data.Dyn { return c.Value(i).ToDyn() }
}

// dynOf returns the dynamic form of an argument.
func dynOf[T data.Value | data.Dyn](v T) data.Dyn {
	switch v := any(v).(type) {
	case data.Value:
		if v.Type() == data.Dynamic {
			return v.Dyn()
		}
		return v.ToDyn()
	case data.Dyn:
		return v
	}
	return data.Dyn{}
}

// dynLong returns an integer argument's value; ok is false for null and
// for values that are not numbers.
func dynLong[T data.Value | data.Dyn](v T) (int64, bool) {
	d := dynOf(v)
	switch d.Kind() {
	case data.DynInt, data.DynLong, data.DynDateTime, data.DynTimeSpan:
		return d.Long(), true
	case data.DynReal:
		return realToLong(d.Real())
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
