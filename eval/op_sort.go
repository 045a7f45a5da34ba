package eval

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// sortKey is one compiled sort key.
type sortKey struct {
	x          *cexpr
	desc       bool
	nullsFirst bool
}

// sortStage orders rows by keys; with a limit it is `top`.
type sortStage struct {
	s     data.Schema
	keys  []sortKey
	limit *cexpr
}

func (c *compiler) sortKeys(sc *scope, in data.Schema, by []*ast.SortExpr) []sortKey {
	row := &rowCtx{schema: in}
	var keys []sortKey
	for _, k := range by {
		x := c.scalar(sc, row, k.X)
		desc := !strings.EqualFold(k.Order, "asc")
		nullsFirst := !desc
		switch strings.ToLower(k.Nulls) {
		case "first":
			nullsFirst = true
		case "last":
			nullsFirst = false
		}
		if x.typ == data.Dynamic {
			c.errorf(k.X, "cannot sort by a dynamic value; convert it first (tostring(), tolong(), …)")
		}
		keys = append(keys, sortKey{x: x, desc: desc, nullsFirst: nullsFirst})
	}
	return keys
}

func (c *compiler) sortOp(sc *scope, in data.Schema, by []*ast.SortExpr, count ast.Expr) stage {
	s := &sortStage{s: in, keys: c.sortKeys(sc, in, by)}
	if count != nil {
		s.limit = c.scalar(sc, nil, count)
		if !s.limit.typ.IsInteger() && s.limit.typ != data.Unknown {
			c.errorf(count, "top expects an integer count, found %s", s.limit.typ)
		}
	}
	return s
}

func (s *sortStage) outSchema() data.Schema { return s.s }

func (s *sortStage) run(x *execCtx, in *rel) (*rel, error) {
	n := in.rows()
	limit := n
	if s.limit != nil {
		v, err := evalScalar(x, s.limit)
		if err != nil {
			return nil, err
		}
		limit = int(max(0, min(int64(n), v.Int64())))
	}
	f := newFrame(x, in)
	cmps := make([]func(a, b int) int, len(s.keys))
	for i, k := range s.keys {
		col, err := k.x.eval(f)
		if err != nil {
			return nil, err
		}
		cmps[i] = comparer(col, k.desc, k.nullsFirst)
	}
	less := func(a, b int32) int {
		for _, c := range cmps {
			if r := c(int(a), int(b)); r != 0 {
				return r
			}
		}
		return cmp.Compare(a, b)
	}
	if limit < n/8 {
		return gatherRel(in, topIndexes(n, limit, less)), nil
	}
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, less)
	return gatherRel(in, idx[:limit]), nil
}

// topIndexes returns the first k row indexes of n in the order less,
// keeping a bounded heap instead of sorting every row.
func topIndexes(n, k int, less func(a, b int32) int) []int32 {
	if k == 0 {
		return []int32{}
	}
	h := make([]int32, 0, k) // max-heap by less: h[0] is the worst kept row
	down := func(i int) {
		for {
			l, worst := 2*i+1, i
			if l < len(h) && less(h[l], h[worst]) > 0 {
				worst = l
			}
			if r := l + 1; r < len(h) && less(h[r], h[worst]) > 0 {
				worst = r
			}
			if worst == i {
				return
			}
			h[i], h[worst] = h[worst], h[i]
			i = worst
		}
	}
	for i := 0; i < n; i++ {
		x := int32(i)
		if len(h) < k {
			h = append(h, x)
			for j := len(h) - 1; j > 0; {
				p := (j - 1) / 2
				if less(h[j], h[p]) <= 0 {
					break
				}
				h[j], h[p] = h[p], h[j]
				j = p
			}
			continue
		}
		if less(x, h[0]) < 0 {
			h[0] = x
			down(0)
		}
	}
	slices.SortFunc(h, less)
	return h
}

// gatherRel returns the active rows of r at positions idx (positions among
// the active rows).
func gatherRel(r *rel, idx []int32) *rel {
	phys := idx
	if r.sel != nil {
		phys = make([]int32, len(idx))
		for i, k := range idx {
			phys[i] = r.sel[k]
		}
	}
	return &rel{schema: r.schema, cols: r.cols, n: r.n, sel: phys}
}

// evalScalar evaluates an expression without rows.
func evalScalar(x *execCtx, e *cexpr) (data.Value, error) {
	col, err := e.eval(newFrame(x, &rel{n: 1}))
	if err != nil {
		return data.Value{}, err
	}
	return col.Value(0), nil
}

// comparer returns a three-way comparison of rows a and b of c, in the
// requested direction and null placement.
func comparer(c data.Column, desc, nullsFirst bool) func(a, b int) int {
	dir := 1
	if desc {
		dir = -1
	}
	nulls := func(na, nb bool) (int, bool) {
		switch {
		case na && nb:
			return 0, true
		case na:
			if nullsFirst {
				return -1, true
			}
			return 1, true
		case nb:
			if nullsFirst {
				return 1, true
			}
			return -1, true
		}
		return 0, false
	}
	switch c.Type() {
	case data.Bool:
		v := data.Bools(c)
		return func(a, b int) int {
			if r, done := nulls(v.Nulls.Get(a), v.Nulls.Get(b)); done {
				return r
			}
			return dir * cmp.Compare(b2i(v.Vals[a]), b2i(v.Vals[b]))
		}
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		v := data.Int64s(c)
		return func(a, b int) int {
			if r, done := nulls(v.Nulls.Get(a), v.Nulls.Get(b)); done {
				return r
			}
			return dir * cmp.Compare(v.Vals[a], v.Vals[b])
		}
	case data.Real:
		v := data.Float64s(c)
		return func(a, b int) int {
			na := v.Nulls.Get(a) || math.IsNaN(v.Vals[a])
			nb := v.Nulls.Get(b) || math.IsNaN(v.Vals[b])
			if r, done := nulls(na, nb); done {
				return r
			}
			return dir * cmp.Compare(v.Vals[a], v.Vals[b])
		}
	case data.String:
		v := data.Strings(c)
		return func(a, b int) int { return dir * strings.Compare(v.Vals[a], v.Vals[b]) }
	}
	return func(a, b int) int {
		va, vb := c.Value(a), c.Value(b)
		if r, done := nulls(va.IsNull(), vb.IsNull()); done {
			return r
		}
		return dir * compareValues(va, vb)
	}
}

// compareValues orders two non-null values of the same type.
func compareValues(a, b data.Value) int {
	switch a.Type() {
	case data.Decimal:
		return a.Decimal().Cmp(b.Decimal())
	case data.GUID:
		return strings.Compare(a.String(), b.String())
	}
	return strings.Compare(a.String(), b.String())
}
