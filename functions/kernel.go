package functions

import (
	"github.com/kqlkit/kqlkit/data"
)

func isConstCol(c data.Column) bool {
	_, ok := c.(*data.ConstCol)
	return ok
}

func allConst(cols []data.Column) bool {
	for _, c := range cols {
		if !isConstCol(c) {
			return false
		}
	}
	return true
}

// constResult turns a one-row result into a constant column of n rows.
func constResult(c data.Column, n int) data.Column {
	return data.NewConst(c.Value(0), n)
}

// onDict applies k to the distinct values of a dictionary column and keeps
// the codes, when that is less work than applying it to every row. It
// reports false when c is not a (worthwhile) dictionary column.
func onDict(c data.Column, k func(data.Column) (data.Column, error)) (data.Column, bool, error) {
	d, ok := c.(*data.DictCol)
	if !ok || d.Values.Len() > len(d.Codes) {
		return nil, false, nil
	}
	vals, err := k(d.Values)
	if err != nil {
		return nil, true, err
	}
	return &data.DictCol{Codes: d.Codes, Values: vals}, true, nil
}

// Map1 builds a kernel from a function of one value. f reports false for a
// null result; a null argument gives a null result without calling f.
func Map1[A, R data.Elem](out data.Type, f func(A) (R, bool)) Kernel {
	var k Kernel
	k = func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		if r, ok, err := onDict(args[0], func(v data.Column) (data.Column, error) {
			return k(ctx, v.Len(), []data.Column{v})
		}); ok {
			return r, err
		}
		a := data.NewReader[A](args[0])
		m := n
		if a.IsConst() {
			m = 1
		}
		w := data.NewWriter[R](out, m)
		for i := 0; i < m; i++ {
			x, ok := a.Get(i)
			if !ok {
				w.SetNull(i)
				continue
			}
			r, ok := f(x)
			if !ok {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = r
		}
		if m == 1 && a.IsConst() {
			return constResult(w.Column(), n), nil
		}
		return w.Column(), nil
	}
	return k
}

// Map2 builds a kernel from a function of two values, with null
// propagation as in Map1.
func Map2[A, B, R data.Elem](out data.Type, f func(A, B) (R, bool)) Kernel {
	var k Kernel
	k = func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		if isConstCol(args[1]) {
			if r, ok, err := onDict(args[0], func(v data.Column) (data.Column, error) {
				return k(ctx, v.Len(), []data.Column{v, resize(args[1], v.Len())})
			}); ok {
				return r, err
			}
		}
		a, b := data.NewReader[A](args[0]), data.NewReader[B](args[1])
		m := n
		if a.IsConst() && b.IsConst() {
			m = 1
		}
		w := data.NewWriter[R](out, m)
		for i := 0; i < m; i++ {
			x, okx := a.Get(i)
			y, oky := b.Get(i)
			if !okx || !oky {
				w.SetNull(i)
				continue
			}
			r, ok := f(x, y)
			if !ok {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = r
		}
		if m == 1 && n != 1 {
			return constResult(w.Column(), n), nil
		}
		return w.Column(), nil
	}
	return k
}

// Map3 builds a kernel from a function of three values, with null
// propagation as in Map1.
func Map3[A, B, C, R data.Elem](out data.Type, f func(A, B, C) (R, bool)) Kernel {
	return func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		a, b, c := data.NewReader[A](args[0]), data.NewReader[B](args[1]), data.NewReader[C](args[2])
		m := n
		if allConst(args) {
			m = 1
		}
		w := data.NewWriter[R](out, m)
		for i := 0; i < m; i++ {
			x, okx := a.Get(i)
			y, oky := b.Get(i)
			z, okz := c.Get(i)
			if !okx || !oky || !okz {
				w.SetNull(i)
				continue
			}
			r, ok := f(x, y, z)
			if !ok {
				w.SetNull(i)
				continue
			}
			w.Vals[i] = r
		}
		if m == 1 && n != 1 {
			return constResult(w.Column(), n), nil
		}
		return w.Column(), nil
	}
}

// MapValues builds a kernel from a function of boxed values, for functions
// with many or variadic arguments where per-row boxing is acceptable. f gets
// the row's arguments (nulls included) and returns the result.
func MapValues(out data.Type, f func(args []data.Value) data.Value) Kernel {
	return func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		m := n
		if allConst(args) {
			m = 1
		}
		vals := make([]data.Value, m)
		row := make([]data.Value, len(args))
		for i := 0; i < m; i++ {
			for j, c := range args {
				if isConstCol(c) {
					row[j] = c.Value(0)
				} else {
					row[j] = c.Value(i)
				}
			}
			vals[i] = f(row)
		}
		col := data.NewColumn(out, vals)
		if m == 1 && n != 1 {
			return constResult(col, n), nil
		}
		return col, nil
	}
}

// resize returns a constant column with n rows.
func resize(c data.Column, n int) data.Column {
	return data.NewConst(c.Value(0), n)
}

// Widen converts an int, long or real column to a wider numeric type.
func Widen(c data.Column, to data.Type) data.Column {
	from := c.Type()
	if from == to {
		return c
	}
	switch to {
	case data.Long:
		if from == data.Int {
			return retype(c, data.Long)
		}
	case data.Real:
		if from == data.Int || from == data.Long {
			if k, ok := c.(*data.ConstCol); ok {
				if k.V.IsNull() {
					return data.NullColumn(data.Real, k.N)
				}
				return data.NewConst(data.RealValue(float64(k.V.Int64())), k.N)
			}
			v := data.Int64s(c)
			out := make([]float64, len(v.Vals))
			for i, x := range v.Vals {
				out[i] = float64(x)
			}
			return data.NewVec(data.Real, out, v.Nulls)
		}
	case data.Decimal:
		return MapValuesCol(c, data.Decimal, func(v data.Value) data.Value {
			switch v.Type() {
			case data.Int, data.Long:
				return data.DecimalValueOf(data.DecimalFromInt(v.Int64()))
			case data.Real:
				d, ok := data.DecimalFromFloat(v.Float64())
				if !ok {
					return data.Null(data.Decimal)
				}
				return data.DecimalValueOf(d)
			}
			return data.Null(data.Decimal)
		})
	}
	return c
}

// retype relabels an int64-backed column with another int64-backed type.
func retype(c data.Column, t data.Type) data.Column {
	if k, ok := c.(*data.ConstCol); ok {
		if k.V.IsNull() {
			return data.NullColumn(t, k.N)
		}
		return data.NewConst(data.Box(t, k.V.Int64()), k.N)
	}
	v := data.Int64s(c)
	return data.NewVec(t, v.Vals, v.Nulls)
}

// MapValuesCol maps each non-null value of c through f (nulls stay null of
// type out). It boxes values and is meant for rare types and slow paths.
func MapValuesCol(c data.Column, out data.Type, f func(data.Value) data.Value) data.Column {
	n := c.Len()
	vals := make([]data.Value, n)
	for i := 0; i < n; i++ {
		v := c.Value(i)
		if v.IsNull() && v.Type() != data.String {
			vals[i] = data.Null(out)
			continue
		}
		vals[i] = f(v)
	}
	return data.NewColumn(out, vals)
}
