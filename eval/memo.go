package eval

import (
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// dictMemo remembers an expression's result for each code of one
// dictionary during a run.
type dictMemo struct {
	idx   []int32 // per dictionary code: row of vals, or -1
	vals  data.Appender
	local []int32 // scratch: row of vals → code in the current chunk's dictionary, or -1
}

type memoKey struct {
	e    *cexpr
	dict data.Column
}

// maxMemoDict bounds the dictionaries that get a memo (the memo holds one
// boxed value per distinct value).
const maxMemoDict = 1 << 20

// memoDictArg applies k through the memo of e when exactly one argument is
// a dictionary column (the others constant) and its dictionary is larger
// than one chunk's share, i.e. shared by the chunks of a loaded table.
func memoDictArg(f *frame, e *cexpr, k functions.Kernel, cols []data.Column) (data.Column, bool, error) {
	di := -1
	for i, col := range cols {
		switch col.(type) {
		case *data.ConstCol:
		case *data.DictCol:
			if di >= 0 {
				return nil, false, nil
			}
			di = i
		default:
			return nil, false, nil
		}
	}
	if di < 0 {
		return nil, false, nil
	}
	d := cols[di].(*data.DictCol)
	nv := d.Values.Len()
	if nv > maxMemoDict || nv < 64 {
		return nil, false, nil // small dictionaries are cheaper to recompute
	}
	m := f.x.memo(memoKey{e, d.Values}, nv)
	// codes of this chunk not computed yet
	var missing []int32
	for _, code := range d.Codes {
		if m.idx[code] == -1 {
			m.idx[code] = -2
			missing = append(missing, int32(code))
		}
	}
	if len(missing) > 0 {
		args := make([]data.Column, len(cols))
		for i, col := range cols {
			if i == di {
				args[i] = d.Values.Gather(missing)
			} else {
				args[i] = data.NewConst(col.Value(0), len(missing))
			}
		}
		r, err := k(f.x.fctx, len(missing), args)
		if err != nil {
			for _, code := range missing {
				m.idx[code] = -1
			}
			return nil, true, err
		}
		base := int32(m.vals.Len())
		m.vals.Append(r)
		for j, code := range missing {
			m.idx[code] = base + int32(j)
		}
	}
	// chunk-local dictionary of the results
	for len(m.local) < m.vals.Len() {
		m.local = append(m.local, -1)
	}
	var used []int32
	codes := make([]uint32, len(d.Codes))
	for i, code := range d.Codes {
		vi := m.idx[code]
		lc := m.local[vi]
		if lc < 0 {
			lc = int32(len(used))
			m.local[vi] = lc
			used = append(used, vi)
		}
		codes[i] = uint32(lc)
	}
	for _, vi := range used {
		m.local[vi] = -1
	}
	return &data.DictCol{Codes: codes, Values: m.vals.Gather(used)}, true, nil
}

// memo returns the goroutine's memo for key, creating it.
func (x *execCtx) memo(key memoKey, n int) *dictMemo {
	if x.memos == nil {
		x.memos = map[memoKey]*dictMemo{}
	}
	m := x.memos[key]
	if m == nil {
		m = &dictMemo{idx: make([]int32, n), vals: data.NewAppender(key.e.typ)}
		for i := range m.idx {
			m.idx[i] = -1
		}
		x.memos[key] = m
	}
	return m
}
