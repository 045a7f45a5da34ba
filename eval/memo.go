package eval

import (
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// dictMemo remembers an expression's result for each code of one
// dictionary during a run.
type dictMemo struct {
	idx  []int32 // per dictionary code: index into vals, or -1
	vals []data.Value
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
		for j, code := range missing {
			m.idx[code] = int32(len(m.vals))
			m.vals = append(m.vals, r.Value(j))
		}
	}
	// chunk-local dictionary of the results
	local := map[int32]uint32{}
	var vals []data.Value
	codes := make([]uint32, len(d.Codes))
	for i, code := range d.Codes {
		vi := m.idx[code]
		lc, ok := local[vi]
		if !ok {
			lc = uint32(len(vals))
			local[vi] = lc
			vals = append(vals, m.vals[vi])
		}
		codes[i] = lc
	}
	return &data.DictCol{Codes: codes, Values: data.NewColumn(e.typ, vals)}, true, nil
}

// memo returns the goroutine's memo for key, creating it.
func (x *execCtx) memo(key memoKey, n int) *dictMemo {
	if x.memos == nil {
		x.memos = map[memoKey]*dictMemo{}
	}
	m := x.memos[key]
	if m == nil {
		m = &dictMemo{idx: make([]int32, n)}
		for i := range m.idx {
			m.idx[i] = -1
		}
		x.memos[key] = m
	}
	return m
}
