package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "iff", Sig: "iff(if: bool, then: scalar, else: scalar): common type",
			Doc: "Returns then when the condition is true and else otherwise (a null condition counts as false). " +
				"Numeric branches widen to a common type; a dynamic branch takes the other branch's type.",
			Examples: []Example{{"print iff(2 > 1, \"yes\", \"no\")", "\"yes\""},
				{"print iff(bool(null), 1, 2.5)", "2.5"}},
			Bind: bindIff},
		&Scalar{Name: "case", Sig: "case(predicate1: bool, then1: scalar, [predicate2: bool, then2: scalar, ...] else: scalar): common type",
			Doc: "Returns the value paired with the first true predicate, or the last argument when none is true " +
				"(null predicates count as false). The values widen to a common type as in iff().",
			Examples: []Example{{"print case(5 <= 3, \"Small\", 5 <= 10, \"Medium\", \"Large\")", "\"Medium\""}},
			Bind:     bindCase},
		&Scalar{Name: "coalesce", Sig: "coalesce(arg1: scalar, arg2: scalar, ...): common type",
			Doc: "Returns the first argument that is not null (for strings: not empty); all arguments must have " +
				"a common type (numbers widen). Takes 2 to 64 arguments.",
			Examples: []Example{{"print coalesce(tolong(\"x\"), tolong(\"42\"), 33)", "42"},
				{"print coalesce(\"\", \"b\")", "\"b\""}},
			Bind: bindCoalesce},
	)
	alias("iif", "iff")
}

func bindIff(args []ArgInfo) (data.Type, Kernel, error) {
	if len(args) != 3 {
		return data.Unknown, nil, fmt.Errorf("function 'iff' expects 3 arguments, got %d", len(args))
	}
	return bindBranches("iff", args)
}

func bindCase(args []ArgInfo) (data.Type, Kernel, error) {
	if len(args) < 3 || len(args)%2 == 0 {
		return data.Unknown, nil, fmt.Errorf("function 'case' expects an odd number of arguments, at least 3 "+
			"(predicate, value pairs and an else value), got %d", len(args))
	}
	return bindBranches("case", args)
}

// bindBranches checks iff/case arguments laid out as predicate, value
// pairs followed by the else value.
func bindBranches(name string, args []ArgInfo) (data.Type, Kernel, error) {
	var values []data.Type
	for i, a := range args {
		if a.Star {
			return data.Unknown, nil, fmt.Errorf("function '%s' does not accept '*'", name)
		}
		if i%2 == 0 && i < len(args)-1 {
			if a.Type != data.Bool {
				return data.Unknown, nil, fmt.Errorf("function '%s' expects argument %d to be bool, got %s",
					name, i+1, a.Type)
			}
			continue
		}
		values = append(values, a.Type)
	}
	t := branchType(values)
	return t, caseKernel(t), nil
}

// branchType is the result type of iff and case: the common type of the
// values, where numbers widen and dynamic values take the type of the
// others; values with no common type give dynamic.
func branchType(ts []data.Type) data.Type {
	var plain []data.Type
	for _, t := range ts {
		if t != data.Dynamic {
			plain = append(plain, t)
		}
	}
	if len(plain) == 0 {
		return data.Dynamic
	}
	if t, ok := commonType(plain); ok {
		return t
	}
	return data.Dynamic
}

// commonType returns the type all of ts convert to implicitly: the shared
// type, or the widest numeric type when all are numbers.
func commonType(ts []data.Type) (data.Type, bool) {
	t := ts[0]
	for _, u := range ts[1:] {
		switch {
		case u == t:
		case Widens(t, u):
			t = u
		case Widens(u, t):
		default:
			return data.Unknown, false
		}
	}
	return t, true
}

// toType converts a column to the result type of a conditional function:
// numbers widen, dynamic values convert, anything becomes dynamic as is.
func toType(c data.Column, t data.Type) data.Column {
	from := c.Type()
	switch {
	case from == t:
		return c
	case t == data.Dynamic:
		return MapValuesCol(c, data.Dynamic, func(v data.Value) data.Value {
			return data.DynamicValue(v.ToDyn())
		})
	case Widens(from, t):
		return Widen(c, t)
	}
	return Convert(c, t)
}

// caseKernel selects, row by row, the value paired with the first true
// predicate (iff is a case with one pair).
func caseKernel(t data.Type) Kernel {
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		var preds, vals []data.Column
		for i, c := range cols {
			if i%2 == 0 && i < len(cols)-1 {
				preds = append(preds, c)
			} else {
				vals = append(vals, toType(c, t))
			}
		}
		if k, ok := constBranch(preds); ok {
			return vals[k], nil
		}
		m := nRows(n, cols)
		var out data.Column
		switch t {
		case data.Bool:
			out = caseRows[bool](t, m, preds, vals)
		case data.Int, data.Long, data.DateTime, data.TimeSpan:
			out = caseRows[int64](t, m, preds, vals)
		case data.Real:
			out = caseRows[float64](t, m, preds, vals)
		case data.Decimal:
			out = caseRows[data.DecimalValue](t, m, preds, vals)
		case data.String:
			out = caseRows[string](t, m, preds, vals)
		case data.GUID:
			out = caseRows[data.GUIDValue](t, m, preds, vals)
		default:
			out = caseRows[data.Dyn](t, m, preds, vals)
		}
		return finishRows(out, m, n), nil
	}
}

// constBranch reports which value is chosen when the predicates are
// constants up to the first true one.
func constBranch(preds []data.Column) (int, bool) {
	for j, p := range preds {
		k, ok := p.(*data.ConstCol)
		if !ok {
			return 0, false
		}
		if !k.V.IsNull() && k.V.Bool() {
			return j, true
		}
	}
	return len(preds), true
}

func caseRows[T data.Elem](t data.Type, m int, preds, vals []data.Column) data.Column {
	pr := make([]data.Reader[bool], len(preds))
	for j, p := range preds {
		pr[j] = data.NewReader[bool](p)
	}
	vr := make([]data.Reader[T], len(vals))
	for j, v := range vals {
		vr[j] = data.NewReader[T](v)
	}
	w := data.NewWriter[T](t, m)
	for i := 0; i < m; i++ {
		k := len(pr)
		for j := range pr {
			if b, ok := pr[j].Get(i); ok && b {
				k = j
				break
			}
		}
		x, ok := vr[k].Get(i)
		if !ok {
			w.SetNull(i)
			continue
		}
		w.Vals[i] = x
	}
	return w.Column()
}

func bindCoalesce(args []ArgInfo) (data.Type, Kernel, error) {
	if len(args) < 2 || len(args) > 64 {
		return data.Unknown, nil, fmt.Errorf("function 'coalesce' expects 2 to 64 arguments, got %d", len(args))
	}
	ts := make([]data.Type, len(args))
	for i, a := range args {
		if a.Star {
			return data.Unknown, nil, fmt.Errorf("function 'coalesce' does not accept '*'")
		}
		ts[i] = a.Type
	}
	t, ok := commonType(ts)
	if !ok {
		return data.Unknown, nil, fmt.Errorf("function 'coalesce' expects arguments of one type, got %s", typeList(ts))
	}
	return t, coalesceKernel(t), nil
}

func typeList(ts []data.Type) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += ", "
		}
		s += t.String()
	}
	return s
}

func coalesceKernel(t data.Type) Kernel {
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		vals := make([]data.Column, len(cols))
		for i, c := range cols {
			vals[i] = toType(c, t)
		}
		m := nRows(n, cols)
		var out data.Column
		switch t {
		case data.Bool:
			out = coalesceRows(t, m, vals, func(bool) bool { return true })
		case data.Int, data.Long, data.DateTime, data.TimeSpan:
			out = coalesceRows(t, m, vals, func(int64) bool { return true })
		case data.Real:
			out = coalesceRows(t, m, vals, func(float64) bool { return true })
		case data.Decimal:
			out = coalesceRows(t, m, vals, func(data.DecimalValue) bool { return true })
		case data.String:
			out = coalesceRows(t, m, vals, func(s string) bool { return s != "" })
		case data.GUID:
			out = coalesceRows(t, m, vals, func(data.GUIDValue) bool { return true })
		default:
			out = coalesceRows(t, m, vals, func(d data.Dyn) bool { return !d.IsNull() })
		}
		return finishRows(out, m, n), nil
	}
}

// coalesceRows takes, row by row, the first value that is not null and
// passes present.
func coalesceRows[T data.Elem](t data.Type, m int, vals []data.Column, present func(T) bool) data.Column {
	vr := make([]data.Reader[T], len(vals))
	for j, v := range vals {
		vr[j] = data.NewReader[T](v)
	}
	w := data.NewWriter[T](t, m)
	for i := 0; i < m; i++ {
		found := false
		for j := range vr {
			if x, ok := vr[j].Get(i); ok && present(x) {
				w.Vals[i] = x
				found = true
				break
			}
		}
		if !found {
			w.SetNull(i)
		}
	}
	return w.Column()
}
