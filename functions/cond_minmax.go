package functions

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "max_of", Sig: "max_of(arg1: orderable, arg2: orderable, ...): common type",
			Doc: "Returns the largest of 2 to 64 values of one orderable type (numbers widen); null arguments " +
				"are ignored and the result is null only when all are null.",
			Examples: []Example{{"print max_of(10, 1, -3, 17)", "17"},
				{"print max_of(int(null), 2)", "2"}},
			Bind: extremeBinder("max_of", true)},
		&Scalar{Name: "min_of", Sig: "min_of(arg1: orderable, arg2: orderable, ...): common type",
			Doc: "Returns the smallest of 2 to 64 values of one orderable type (numbers widen); null arguments " +
				"are ignored and the result is null only when all are null.",
			Examples: []Example{{"print min_of(10, 1, -3, 17)", "-3"},
				{"print min_of(\"b\", \"a\")", "\"a\""}},
			Bind: extremeBinder("min_of", false)},
	)
}

func orderable(t data.Type) bool {
	switch t {
	case data.Bool, data.Int, data.Long, data.Real, data.Decimal, data.String, data.DateTime, data.TimeSpan:
		return true
	}
	return false
}

func extremeBinder(name string, isMax bool) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if len(args) < 2 || len(args) > 64 {
			return data.Unknown, nil, fmt.Errorf("function '%s' expects 2 to 64 arguments, got %d", name, len(args))
		}
		ts := make([]data.Type, len(args))
		for i, a := range args {
			if a.Star {
				return data.Unknown, nil, fmt.Errorf("function '%s' does not accept '*'", name)
			}
			if !orderable(a.Type) {
				return data.Unknown, nil, fmt.Errorf("function '%s' expects orderable arguments (a number, "+
					"string, bool, datetime or timespan), argument %d is %s", name, i+1, a.Type)
			}
			ts[i] = a.Type
		}
		t, ok := commonType(ts)
		if !ok {
			return data.Unknown, nil, fmt.Errorf("function '%s' expects arguments of one type, got %s", name, typeList(ts))
		}
		return t, extremeKernel(t, isMax), nil
	}
}

func extremeKernel(t data.Type, isMax bool) Kernel {
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		vals := make([]data.Column, len(cols))
		for i, c := range cols {
			vals[i] = toType(c, t)
		}
		m := nRows(n, cols)
		var out data.Column
		switch t {
		case data.Bool:
			out = extremeRows(t, m, vals, isMax, func(a, b bool) int { return cmp.Compare(b2i(a), b2i(b)) })
		case data.Real:
			out = extremeRows(t, m, vals, isMax, cmp.Compare[float64])
		case data.Decimal:
			out = extremeRows(t, m, vals, isMax, data.DecimalValue.Cmp)
		case data.String:
			out = extremeRows(t, m, vals, isMax, strings.Compare)
		default:
			out = extremeRows(t, m, vals, isMax, cmp.Compare[int64])
		}
		return finishRows(out, m, n), nil
	}
}

// extremeRows takes, row by row, the largest (or smallest) non-null value.
func extremeRows[T data.Elem](t data.Type, m int, vals []data.Column, isMax bool, compare func(a, b T) int) data.Column {
	vr := make([]data.Reader[T], len(vals))
	for j, v := range vals {
		vr[j] = data.NewReader[T](v)
	}
	w := data.NewWriter[T](t, m)
	for i := 0; i < m; i++ {
		var best T
		found := false
		for j := range vr {
			x, ok := vr[j].Get(i)
			if !ok {
				continue
			}
			if !found {
				best, found = x, true
				continue
			}
			if c := compare(x, best); (isMax && c > 0) || (!isMax && c < 0) {
				best = x
			}
		}
		if !found {
			w.SetNull(i)
			continue
		}
		w.Vals[i] = best
	}
	return w.Column()
}
