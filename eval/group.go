package eval

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// keyIndex numbers the distinct values of one key column: kid 0, 1, 2, …
// in order of first appearance. Values are boxed once per distinct value.
type keyIndex struct {
	t      data.Type
	vals   []data.Value
	ints   map[int64]uint32
	reals  map[uint64]uint32
	strs   map[string]uint32
	other  map[uint64][]uint32 // hash → kids, for dynamic, guid, decimal
	null   int32               // kid of null, -1 when not seen
	dict   data.Column         // values column of the last dictionary seen
	dictID []int32             // kid per code of dict (-1 unknown)
}

func newKeyIndex(t data.Type) *keyIndex {
	k := &keyIndex{t: t, null: -1}
	switch t {
	case data.Bool, data.Int, data.Long, data.DateTime, data.TimeSpan:
		k.ints = map[int64]uint32{}
	case data.Real:
		k.reals = map[uint64]uint32{}
	case data.String:
		k.strs = map[string]uint32{}
	default:
		k.other = map[uint64][]uint32{}
	}
	return k
}

func (k *keyIndex) add(v data.Value) uint32 {
	id := uint32(len(k.vals))
	k.vals = append(k.vals, v)
	return id
}

// id returns the kid of a boxed value, adding it when new.
func (k *keyIndex) id(v data.Value) uint32 {
	if v.IsNull() && k.t != data.String {
		if k.null < 0 {
			k.null = int32(k.add(data.Null(k.t)))
		}
		return uint32(k.null)
	}
	switch {
	case k.ints != nil:
		return k.idInt(v.Int64(), v)
	case k.reals != nil:
		return k.idReal(v.Float64())
	case k.strs != nil:
		return k.idStr(v.Str())
	}
	h := hashValue(v)
	for _, id := range k.other[h] {
		if valuesEqual(k.vals[id], v) {
			return id
		}
	}
	id := k.add(v)
	k.other[h] = append(k.other[h], id)
	return id
}

func (k *keyIndex) idInt(x int64, v data.Value) uint32 {
	if id, ok := k.ints[x]; ok {
		return id
	}
	id := k.add(v)
	k.ints[x] = id
	return id
}

func (k *keyIndex) idReal(f float64) uint32 {
	bits := math.Float64bits(f)
	if f == 0 {
		bits = 0
	} else if math.IsNaN(f) {
		bits = math.Float64bits(math.NaN())
	}
	if id, ok := k.reals[bits]; ok {
		return id
	}
	id := k.add(data.RealValue(f))
	k.reals[bits] = id
	return id
}

func (k *keyIndex) idStr(s string) uint32 {
	if id, ok := k.strs[s]; ok {
		return id
	}
	id := k.add(data.StringValue(s))
	k.strs[s] = id
	return id
}

func hashValue(v data.Value) uint64 {
	switch v.Type() {
	case data.Dynamic:
		return v.Dyn().Hash(1)
	case data.GUID:
		g := v.GUID()
		return data.HashString(2, string(g[:]))
	}
	return data.HashString(3, v.String())
}

// ids numbers every row of c into out.
func (k *keyIndex) ids(c data.Column, out []uint32) {
	n := len(out)
	switch c := c.(type) {
	case *data.ConstCol:
		id := k.id(c.V)
		for i := range out {
			out[i] = id
		}
		return
	case *data.DictCol:
		if c.Values != k.dict {
			k.dict = c.Values
			k.dictID = make([]int32, c.Values.Len())
			for i := range k.dictID {
				k.dictID[i] = -1
			}
		}
		for i, code := range c.Codes {
			id := k.dictID[code]
			if id < 0 {
				id = int32(k.id(c.Values.Value(int(code))))
				k.dictID[code] = id
			}
			out[i] = uint32(id)
		}
		return
	}
	switch {
	case k.t == data.Bool:
		v := data.Bools(c)
		for i := 0; i < n; i++ {
			if v.Nulls != nil && v.Nulls.Get(i) {
				out[i] = k.id(data.Null(k.t))
				continue
			}
			out[i] = k.idInt(int64(b2i(v.Vals[i])), data.BoolValue(v.Vals[i]))
		}
	case k.ints != nil:
		v := data.Int64s(c)
		for i, x := range v.Vals[:n] {
			if v.Nulls != nil && v.Nulls.Get(i) {
				out[i] = k.id(data.Null(k.t))
				continue
			}
			if id, ok := k.ints[x]; ok {
				out[i] = id
				continue
			}
			out[i] = k.idInt(x, data.Box(k.t, x))
		}
	case k.strs != nil:
		v := data.Strings(c)
		for i, s := range v.Vals[:n] {
			if id, ok := k.strs[s]; ok {
				out[i] = id
				continue
			}
			out[i] = k.idStr(s)
		}
	case k.reals != nil:
		v := data.Float64s(c)
		for i, f := range v.Vals[:n] {
			if v.Nulls != nil && v.Nulls.Get(i) {
				out[i] = k.id(data.Null(k.t))
				continue
			}
			out[i] = k.idReal(f)
		}
	default:
		for i := 0; i < n; i++ {
			out[i] = k.id(c.Value(i))
		}
	}
}

// grouper assigns group numbers to rows from their key columns.
type grouper struct {
	keys  []*keyIndex
	pairs []map[uint64]uint32 // prefix group × next kid → prefix group
	// kids holds, for each group, the kid of every key (nkeys per group).
	kids    []uint32
	ngroups int
	scratch [][]uint32
}

func newGrouper(types []data.Type) *grouper {
	g := &grouper{}
	for _, t := range types {
		g.keys = append(g.keys, newKeyIndex(t))
	}
	for i := 1; i < len(types); i++ {
		g.pairs = append(g.pairs, map[uint64]uint32{})
	}
	if len(types) == 0 {
		g.ngroups = 1
	}
	return g
}

// groups numbers the rows of the key columns cols (n rows) into out.
func (g *grouper) groups(cols []data.Column, n int, out []uint32) {
	if len(g.keys) == 0 {
		for i := range out {
			out[i] = 0
		}
		return
	}
	for len(g.scratch) < len(cols) {
		g.scratch = append(g.scratch, nil)
	}
	for j, c := range cols {
		if cap(g.scratch[j]) < n {
			g.scratch[j] = make([]uint32, n)
		}
		g.scratch[j] = g.scratch[j][:n]
		g.keys[j].ids(c, g.scratch[j])
	}
	if len(cols) == 1 {
		ids := g.scratch[0]
		for i, id := range ids {
			for int(id) >= g.ngroups {
				g.kids = append(g.kids, uint32(g.ngroups))
				g.ngroups++
			}
			out[i] = id
		}
		return
	}
	for i := 0; i < n; i++ {
		out[i] = g.lookup(i)
	}
}

// lookup finds or creates the group of row i of the scratch kids.
func (g *grouper) lookup(i int) uint32 {
	cur := g.scratch[0][i]
	for j := 1; j < len(g.keys); j++ {
		key := uint64(cur)<<32 | uint64(g.scratch[j][i])
		next, ok := g.pairs[j-1][key]
		if !ok {
			if j == len(g.keys)-1 {
				next = uint32(g.ngroups)
				g.ngroups++
				for k := range g.keys {
					g.kids = append(g.kids, g.scratch[k][i])
				}
			} else {
				next = uint32(len(g.pairs[j-1]))
			}
			g.pairs[j-1][key] = next
		}
		cur = next
	}
	return cur
}

// groupOf finds or creates the group for boxed key values (merging).
func (g *grouper) groupOf(vals []data.Value) uint32 {
	if len(g.keys) == 0 {
		return 0
	}
	for len(g.scratch) < len(g.keys) {
		g.scratch = append(g.scratch, nil)
	}
	for j, v := range vals {
		g.scratch[j] = append(g.scratch[j][:0], g.keys[j].id(v))
	}
	if len(g.keys) == 1 {
		id := g.scratch[0][0]
		for int(id) >= g.ngroups {
			g.kids = append(g.kids, uint32(g.ngroups))
			g.ngroups++
		}
		return id
	}
	return g.lookup(0)
}

// keyValues returns the key values of group gr.
func (g *grouper) keyValues(gr int) []data.Value {
	out := make([]data.Value, len(g.keys))
	for j, k := range g.keys {
		out[j] = k.vals[g.kids[gr*len(g.keys)+j]]
	}
	return out
}

// keyColumns returns one column per key with a row per group.
func (g *grouper) keyColumns() []data.Column {
	cols := make([]data.Column, len(g.keys))
	for j, k := range g.keys {
		vals := make([]data.Value, g.ngroups)
		for gr := 0; gr < g.ngroups; gr++ {
			vals[gr] = k.vals[g.kids[gr*len(g.keys)+j]]
		}
		cols[j] = data.NewColumn(k.t, vals)
	}
	return cols
}
