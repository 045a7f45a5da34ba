package eval

import (
	"github.com/kqlkit/kqlkit/data"
)

// rowNumber is row_number([start [, restart]]).
func rowNumber(n int, args []data.Column) data.Column {
	start := int64(1)
	if len(args) > 0 {
		if v := args[0].Value(0); !v.IsNull() {
			start = v.Int64()
		}
	}
	rs := restarts(args, 1)
	out := make([]int64, n)
	next := start
	for i := range out {
		if i > 0 && restartAt(rs, i) {
			next = start
		}
		out[i] = next
		next++
	}
	return data.NewVec(data.Long, out, nil)
}

// shiftFn is prev(col [, offset [, default]]) or next(...).
func shiftFn(forward bool, t data.Type) windowFn {
	return func(n int, args []data.Column) data.Column {
		off := 1
		if len(args) > 1 {
			off = int(args[1].Value(0).Int64())
		}
		if !forward {
			off = -off
		}
		idx := make([]int32, n)
		missing := false
		for i := range idx {
			j := i + off
			if j < 0 || j >= n {
				idx[i] = -1
				missing = true
				continue
			}
			idx[i] = int32(j)
		}
		col := gatherOrNull(args[0], t, idx)
		if !missing || len(args) < 3 {
			return col
		}
		return fillMissing(col, args[2], idx, t)
	}
}

// fillMissing puts the default value where idx is -1.
func fillMissing(col, def data.Column, idx []int32, t data.Type) data.Column {
	vals := make([]data.Value, len(idx))
	for i, j := range idx {
		if j < 0 {
			vals[i] = def.Value(i)
		} else {
			vals[i] = col.Value(i)
		}
	}
	return data.NewColumn(t, vals)
}

// cumsumInt is row_cumsum over integers; nulls add nothing.
func cumsumInt(n int, args []data.Column) data.Column {
	term := data.NewReader[int64](args[0])
	rs := restarts(args, 1)
	out := make([]int64, n)
	var sum int64
	for i := range out {
		if i > 0 && restartAt(rs, i) {
			sum = 0
		}
		if v, ok := term.Get(i); ok {
			sum += v
		}
		out[i] = sum
	}
	return data.NewVec(data.Long, out, nil)
}

// cumsumReal is row_cumsum over reals.
func cumsumReal(n int, args []data.Column) data.Column {
	term := data.NewReader[float64](args[0])
	rs := restarts(args, 1)
	out := make([]float64, n)
	var sum float64
	for i := range out {
		if i > 0 && restartAt(rs, i) {
			sum = 0
		}
		if v, ok := term.Get(i); ok {
			sum += v
		}
		out[i] = sum
	}
	return data.NewVec(data.Real, out, nil)
}

// cumsumDecimal is row_cumsum over decimals.
func cumsumDecimal(n int, args []data.Column) data.Column {
	term := data.NewReader[data.DecimalValue](args[0])
	rs := restarts(args, 1)
	out := make([]data.DecimalValue, n)
	var sum data.DecimalValue
	for i := range out {
		if i > 0 && restartAt(rs, i) {
			sum = data.DecimalValue{}
		}
		if v, ok := term.Get(i); ok {
			sum = sum.Add(v)
		}
		out[i] = sum
	}
	return data.NewVec(data.Decimal, out, nil)
}

// rankFn is row_rank_dense (equal neighbours share a rank, which grows by
// one at each change) or row_rank_min (equal neighbours share the position
// of the first of them).
func rankFn(dense bool) windowFn {
	return func(n int, args []data.Column) data.Column {
		rs := restarts(args, 1)
		term := args[0]
		out := make([]int64, n)
		var rank, pos int64
		for i := range out {
			pos++
			switch {
			case i == 0 || restartAt(rs, i):
				rank, pos = 1, 1
			case !sameValue(term, i, i-1):
				if dense {
					rank++
				} else {
					rank = pos
				}
			}
			out[i] = rank
		}
		return data.NewVec(data.Long, out, nil)
	}
}

// sameValue reports whether rows i and j of c hold equal values (two nulls
// are equal).
func sameValue(c data.Column, i, j int) bool {
	a, b := c.Value(i), c.Value(j)
	if a.IsNull() || b.IsNull() {
		return a.IsNull() == b.IsNull()
	}
	return a.Equal(b)
}

// windowSession is row_window_session(t, maxFromFirst, maxBetween [,
// restart]): the start of the session each row belongs to.
func windowSession(n int, args []data.Column) data.Column {
	t := data.NewReader[int64](args[0])
	first := data.NewReader[int64](args[1])
	between := data.NewReader[int64](args[2])
	rs := restarts(args, 3)
	w := data.NewWriter[int64](data.DateTime, n)
	var start, prev int64
	open := false
	for i := 0; i < n; i++ {
		v, ok := t.Get(i)
		if !ok {
			w.SetNull(i)
			open = false
			continue
		}
		maxFirst, ok1 := first.Get(i)
		maxBetween, ok2 := between.Get(i)
		if !open || restartAt(rs, i) || (ok1 && v >= start+maxFirst) || (ok2 && v >= prev+maxBetween) {
			start, open = v, true
		}
		w.Vals[i] = start
		prev = v
	}
	return w.Column()
}
