package eval

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// maxJoinRows bounds the rows a join may produce.
const maxJoinRows = 200_000_000

// joinMatch is the result of matching the keys of both sides: a key id
// per row (equal keys, nulls included, share an id; -1 for a key the other
// side does not have) and the right rows bucketed by key.
type joinMatch struct {
	gl, gr  []int32
	start   []int32 // right rows of key g: order[start[g]:start[g+1]]
	order   []int32
	hasLeft []bool // per key: some left row has it
}

func (j *joinStage) run(x *execCtx, in *rel) (*rel, error) {
	right, err := j.right.exec(x)
	if err != nil {
		return nil, err
	}
	if err := x.check(); err != nil {
		return nil, err
	}
	m := j.match(in, right)
	switch j.kind {
	case joinLeftSemi, joinLeftAnti:
		return selectRows(in, m.semi(j.kind == joinLeftSemi)), nil
	case joinRightSemi, joinRightAnti:
		return selectRows(right, m.rightSemi(j.kind == joinRightSemi)), nil
	}
	li, ri, err := m.pairs(j.kind)
	if err != nil {
		return nil, err
	}
	return j.output(in, right, li, ri), nil
}

// match numbers the keys of the smaller side in a hash table, looks the
// other side's keys up in it, and buckets the right rows by key.
func (j *joinStage) match(l, r *rel) *joinMatch {
	nl, nr := l.rows(), r.rows()
	lk := make([]data.Column, len(j.lkeys))
	rk := make([]data.Column, len(j.rkeys))
	for i := range j.lkeys {
		lk[i] = l.col(j.lkeys[i])
		rk[i] = r.col(j.rkeys[i])
	}
	ls := newJoinSide(lk, j.keyType, nl)
	rs := newJoinSide(rk, j.keyType, nr)
	m := &joinMatch{}
	var t *keyTable
	if nr <= nl {
		t, m.gr = buildKeys(rs)
		m.gl = t.probe(ls)
	} else {
		t, m.gl = buildKeys(ls)
		m.gr = t.probe(rs)
	}
	ng := len(t.rep)
	// counting sort of the right rows by bucket b = key+1 (b = 0: no key)
	pos := make([]int32, ng+2)
	for _, g := range m.gr {
		pos[g+2]++
	}
	for i := 1; i < len(pos); i++ {
		pos[i] += pos[i-1]
	}
	next := append([]int32(nil), pos[:ng+1]...)
	m.order = make([]int32, nr)
	for r, g := range m.gr {
		m.order[next[g+1]] = int32(r)
		next[g+1]++
	}
	m.start = pos[1:] // key g: order[start[g]:start[g+1]]
	m.hasLeft = make([]bool, ng)
	for _, g := range m.gl {
		if g >= 0 {
			m.hasLeft[g] = true
		}
	}
	return m
}

func (m *joinMatch) bucket(g int32) []int32 {
	if g < 0 {
		return nil
	}
	return m.order[m.start[g]:m.start[g+1]]
}

// semi returns the left rows with (or, for anti, without) a match.
func (m *joinMatch) semi(matched bool) []int32 {
	var out []int32
	for i, g := range m.gl {
		if (len(m.bucket(g)) > 0) == matched {
			out = append(out, int32(i))
		}
	}
	return out
}

// rightSemi returns the right rows with (or without) a match.
func (m *joinMatch) rightSemi(matched bool) []int32 {
	var out []int32
	for r, g := range m.gr {
		if (g >= 0 && m.hasLeft[g]) == matched {
			out = append(out, int32(r))
		}
	}
	return out
}

// pairs lists the matched row pairs (positions among the active rows; -1
// for the missing side of an outer join), left rows in order.
func (m *joinMatch) pairs(kind joinKind) (li, ri []int32, err error) {
	n := len(m.gl)
	li = make([]int32, 0, n)
	ri = make([]int32, 0, n)
	var seen []bool
	if kind == joinInnerUnique {
		seen = make([]bool, len(m.hasLeft))
	}
	outer := kind == joinLeftOuter || kind == joinFullOuter
	for i, g := range m.gl {
		if seen != nil && g >= 0 {
			if seen[g] {
				continue
			}
			seen[g] = true
		}
		b := m.bucket(g)
		if len(b) == 0 {
			if outer {
				li = append(li, int32(i))
				ri = append(ri, -1)
			}
			continue
		}
		if len(li)+len(b) > maxJoinRows {
			return nil, nil, &RunError{Msg: fmt.Sprintf("join: more than %d rows", maxJoinRows)}
		}
		for _, r := range b {
			li = append(li, int32(i))
			ri = append(ri, r)
		}
	}
	if kind == joinRightOuter || kind == joinFullOuter {
		for r, g := range m.gr {
			if g < 0 || !m.hasLeft[g] {
				li = append(li, -1)
				ri = append(ri, int32(r))
			}
		}
	}
	return li, ri, nil
}

// output builds the joined rows.
func (j *joinStage) output(l, r *rel, li, ri []int32) *rel {
	out := &rel{schema: j.s, cols: make([]data.Column, len(j.s)), n: len(li)}
	if l.sel == nil && isIdentity(li, l.n) {
		copy(out.cols, l.cols)
		for i := j.nleft; i < len(out.cols); i++ {
			out.cols[i] = nil
		}
	} else {
		pl := physical(l, li)
		for i := 0; i < j.nleft; i++ {
			if j.isLive(i) && l.cols[i] != nil {
				out.cols[i] = gatherOrNull(l.cols[i], l.schema[i].Type, pl)
			}
		}
	}
	pr := physical(r, ri)
	for k, c := range j.rcols {
		o := j.nleft + k
		if j.isLive(o) && r.cols[c] != nil {
			out.cols[o] = gatherOrNull(r.cols[c], r.schema[c].Type, pr)
		}
	}
	return out
}

// isIdentity reports whether idx is 0, 1, …, n-1.
func isIdentity(idx []int32, n int) bool {
	if len(idx) != n {
		return false
	}
	for i, v := range idx {
		if int(v) != i {
			return false
		}
	}
	return true
}

// physical maps positions among the active rows to physical rows (-1
// stays -1).
func physical(r *rel, idx []int32) []int32 {
	if r.sel == nil {
		return idx
	}
	out := make([]int32, len(idx))
	for k, i := range idx {
		if i < 0 {
			out[k] = -1
			continue
		}
		out[k] = r.sel[i]
	}
	return out
}

// selectRows keeps the active rows at positions idx (ascending).
func selectRows(r *rel, idx []int32) *rel {
	if idx == nil {
		idx = []int32{}
	}
	return &rel{schema: r.schema, cols: r.cols, n: r.n, sel: physical(r, idx)}
}

// gatherOrNull gathers rows idx of c, a null where idx is -1.
func gatherOrNull(c data.Column, t data.Type, idx []int32) data.Column {
	neg := false
	for _, i := range idx {
		if i < 0 {
			neg = true
			break
		}
	}
	if !neg {
		return c.Gather(idx)
	}
	if c.Len() == 0 {
		return data.NullColumn(t, len(idx))
	}
	switch v := data.Materialize(c).(type) {
	case *data.Vec[bool]:
		return gatherVecNull(v, idx)
	case *data.Vec[int64]:
		return gatherVecNull(v, idx)
	case *data.Vec[float64]:
		return gatherVecNull(v, idx)
	case *data.Vec[string]:
		return gatherVecNull(v, idx)
	case *data.Vec[data.GUIDValue]:
		return gatherVecNull(v, idx)
	case *data.Vec[data.DecimalValue]:
		return gatherVecNull(v, idx)
	case *data.Vec[data.Dyn]:
		return gatherVecNull(v, idx)
	}
	vals := make([]data.Value, len(idx))
	for k, i := range idx {
		if i < 0 {
			vals[k] = data.Null(t)
		} else {
			vals[k] = c.Value(int(i))
		}
	}
	return data.NewColumn(t, vals)
}

func gatherVecNull[T data.Elem](v *data.Vec[T], idx []int32) data.Column {
	out := make([]T, len(idx))
	noBitmap := v.T == data.String || v.T == data.Dynamic
	var nulls data.Bitmap
	if !noBitmap {
		nulls = data.NewBitmap(len(idx))
	}
	for k, i := range idx {
		if i < 0 {
			if !noBitmap {
				nulls.Set(k)
			}
			continue
		}
		out[k] = v.Vals[i]
		if !noBitmap && v.Nulls.Get(int(i)) {
			nulls.Set(k)
		}
	}
	return data.NewVec(v.T, out, nulls)
}
