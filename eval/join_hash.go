package eval

import (
	"hash/maphash"
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// keyVec is one join key column in a form that hashes and compares without
// boxing: integers (int, long, datetime, timespan, bool), reals, strings,
// or boxed values for the other types.
type keyVec struct {
	ints   []int64
	floats []float64
	strs   []string
	boxed  []data.Value
	nulls  data.Bitmap
}

// keyHashSeed seeds the string hashes of joins (one per process).
var keyHashSeed = maphash.MakeSeed()

// newKeyVec converts a key column whose values compare as type t.
func newKeyVec(c data.Column, t data.Type) keyVec {
	switch t {
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		v := data.Int64s(c)
		return keyVec{ints: v.Vals, nulls: v.Nulls}
	case data.Bool:
		v := data.Bools(c)
		ints := make([]int64, len(v.Vals))
		for i, b := range v.Vals {
			if b {
				ints[i] = 1
			}
		}
		return keyVec{ints: ints, nulls: v.Nulls}
	case data.Real:
		v := data.Float64s(c)
		return keyVec{floats: v.Vals, nulls: v.Nulls}
	case data.String:
		return keyVec{strs: data.Strings(c).Vals}
	}
	vals := make([]data.Value, c.Len())
	for i := range vals {
		vals[i] = c.Value(i)
	}
	return keyVec{boxed: vals}
}

const nullKeyHash = 0x6a09e667f3bcc909

// hashInto mixes the hash of every row of k into h.
func (k *keyVec) hashInto(h []uint64) {
	for i := range h {
		var x uint64
		switch {
		case k.nulls.Get(i):
			x = nullKeyHash
		case k.ints != nil:
			x = uint64(k.ints[i]) * 0x9e3779b97f4a7c15
		case k.floats != nil:
			x = math.Float64bits(canonFloat(k.floats[i])) * 0x9e3779b97f4a7c15
		case k.strs != nil:
			x = maphash.String(keyHashSeed, k.strs[i])
		default:
			v := k.boxed[i]
			if v.IsNull() {
				x = nullKeyHash
			} else {
				x = hashValue(v)
			}
		}
		h[i] = (h[i]^x)*0xbf58476d1ce4e5b9 + 0x94d049bb133111eb
		h[i] ^= h[i] >> 31
	}
}

// canonFloat maps the reals that compare equal to one bit pattern.
func canonFloat(f float64) float64 {
	switch {
	case f == 0:
		return 0
	case math.IsNaN(f):
		return math.NaN()
	}
	return f
}

// keyEqual compares row i of a with row j of b (nulls equal nulls).
func keyEqual(a *keyVec, i int, b *keyVec, j int) bool {
	na, nb := a.nulls.Get(i), b.nulls.Get(j)
	if na || nb {
		return na == nb
	}
	switch {
	case a.ints != nil:
		return a.ints[i] == b.ints[j]
	case a.floats != nil:
		x, y := a.floats[i], b.floats[j]
		return x == y || (math.IsNaN(x) && math.IsNaN(y))
	case a.strs != nil:
		return a.strs[i] == b.strs[j]
	}
	va, vb := a.boxed[i], b.boxed[j]
	if va.IsNull() || vb.IsNull() {
		return va.IsNull() == vb.IsNull()
	}
	return valuesEqual(va, vb)
}

// joinSide is the key columns of one side of a join and their row hashes.
type joinSide struct {
	keys []keyVec
	hash []uint64
}

func newJoinSide(cols []data.Column, types []data.Type, n int) *joinSide {
	s := &joinSide{keys: make([]keyVec, len(cols)), hash: make([]uint64, n)}
	for i, c := range cols {
		s.keys[i] = newKeyVec(c, types[i])
		s.keys[i].hashInto(s.hash)
	}
	return s
}

func (s *joinSide) equal(i int, o *joinSide, j int) bool {
	for k := range s.keys {
		if !keyEqual(&s.keys[k], i, &o.keys[k], j) {
			return false
		}
	}
	return true
}

// keyTable numbers the distinct keys of the build side of a join.
type keyTable struct {
	build *joinSide
	slots []int32 // key ids, -1 for an empty slot
	rep   []int32 // per key id: a build row holding it
	mask  uint64
}

// buildKeys numbers the keys of every build row (0, 1, … in order of first
// appearance) and returns the row ids.
func buildKeys(b *joinSide) (*keyTable, []int32) {
	t := &keyTable{build: b}
	t.resize(64)
	ids := make([]int32, len(b.hash))
	for i, h := range b.hash {
		slot := h & t.mask
		for {
			id := t.slots[slot]
			if id < 0 {
				id = int32(len(t.rep))
				t.rep = append(t.rep, int32(i))
				t.slots[slot] = id
				if len(t.rep)*2 > len(t.slots) {
					t.resize(len(t.slots) * 2)
				}
				ids[i] = id
				break
			}
			r := int(t.rep[id])
			if b.hash[r] == h && b.equal(r, b, i) {
				ids[i] = id
				break
			}
			slot = (slot + 1) & t.mask
		}
	}
	return t, ids
}

func (t *keyTable) resize(n int) {
	t.slots = make([]int32, n)
	for i := range t.slots {
		t.slots[i] = -1
	}
	t.mask = uint64(n - 1)
	for id, r := range t.rep {
		slot := t.build.hash[r] & t.mask
		for t.slots[slot] >= 0 {
			slot = (slot + 1) & t.mask
		}
		t.slots[slot] = int32(id)
	}
}

// probe returns the key id of every row of p, -1 where the build side does
// not have the key.
func (t *keyTable) probe(p *joinSide) []int32 {
	ids := make([]int32, len(p.hash))
	for i, h := range p.hash {
		slot := h & t.mask
		ids[i] = -1
		for {
			id := t.slots[slot]
			if id < 0 {
				break
			}
			r := int(t.rep[id])
			if t.build.hash[r] == h && t.build.equal(r, p, i) {
				ids[i] = id
				break
			}
			slot = (slot + 1) & t.mask
		}
	}
	return ids
}
