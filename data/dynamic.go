package data

import (
	"math"
	"sort"
)

// DynKind is the kind of value a Dynamic holds.
type DynKind uint8

// The kinds of dynamic values. Besides JSON's null, bool, number, string,
// array and object (property bag), a dynamic value can hold any Kusto scalar.
const (
	DynNull DynKind = iota
	DynBool
	DynInt
	DynLong
	DynReal
	DynDecimal
	DynString
	DynDateTime
	DynTimeSpan
	DynGUID
	DynArray
	DynBag
)

// Dyn is an immutable Kusto dynamic value: a tree of scalars, arrays and
// property bags. The zero value is null. Property bags keep their keys in
// insertion order.
type Dyn struct {
	k DynKind
	n uint64 // bool, int, long, real bits, datetime and timespan ticks
	s string // string; guid and decimal in canonical text form
	c *container
}

type container struct {
	items []Dyn
	keys  []string       // bag keys, parallel to items; nil for arrays
	index map[string]int // for larger bags
}

// bagIndexMin is the size from which a bag gets a hash index.
const bagIndexMin = 12

// Scalar constructors.

// DynBoolOf returns a dynamic bool.
func DynBoolOf(b bool) Dyn {
	if b {
		return Dyn{k: DynBool, n: 1}
	}
	return Dyn{k: DynBool}
}

// DynLongOf returns a dynamic long.
func DynLongOf(v int64) Dyn { return Dyn{k: DynLong, n: uint64(v)} }

// DynIntOf returns a dynamic int.
func DynIntOf(v int32) Dyn { return Dyn{k: DynInt, n: uint64(int64(v))} }

// DynRealOf returns a dynamic real.
func DynRealOf(f float64) Dyn { return Dyn{k: DynReal, n: math.Float64bits(f)} }

// DynStringOf returns a dynamic string.
func DynStringOf(s string) Dyn { return Dyn{k: DynString, s: s} }

// DynDateTimeOf returns a dynamic datetime.
func DynDateTimeOf(ticks int64) Dyn { return Dyn{k: DynDateTime, n: uint64(ticks)} }

// DynTimeSpanOf returns a dynamic timespan.
func DynTimeSpanOf(ticks int64) Dyn { return Dyn{k: DynTimeSpan, n: uint64(ticks)} }

// DynGUIDOf returns a dynamic guid.
func DynGUIDOf(g GUIDValue) Dyn { return Dyn{k: DynGUID, s: g.String()} }

// DynDecimalOf returns a dynamic decimal.
func DynDecimalOf(d DecimalValue) Dyn { return Dyn{k: DynDecimal, s: d.String()} }

// DynArrayOf returns a dynamic array holding items (the slice is kept, not
// copied: the caller must not change it afterwards).
func DynArrayOf(items []Dyn) Dyn {
	if items == nil {
		items = []Dyn{}
	}
	return Dyn{k: DynArray, c: &container{items: items}}
}

// DynBagOf returns a property bag with the given keys and values (parallel
// slices, kept, not copied). A repeated key keeps its last value.
func DynBagOf(keys []string, values []Dyn) Dyn {
	if keys == nil {
		keys = []string{}
	}
	c := &container{items: values, keys: keys}
	if hasDuplicate(keys) {
		c = dedupBag(keys, values)
	}
	if len(c.keys) >= bagIndexMin {
		c.index = make(map[string]int, len(c.keys))
		for i, k := range c.keys {
			c.index[k] = i
		}
	}
	return Dyn{k: DynBag, c: c}
}

func hasDuplicate(keys []string) bool {
	if len(keys) < 2 {
		return false
	}
	if len(keys) < 16 {
		for i := 1; i < len(keys); i++ {
			for j := 0; j < i; j++ {
				if keys[i] == keys[j] {
					return true
				}
			}
		}
		return false
	}
	seen := make(map[string]struct{}, len(keys))
	for _, k := range keys {
		if _, ok := seen[k]; ok {
			return true
		}
		seen[k] = struct{}{}
	}
	return false
}

func dedupBag(keys []string, values []Dyn) *container {
	pos := make(map[string]int, len(keys))
	c := &container{}
	for i, k := range keys {
		if j, ok := pos[k]; ok {
			c.items[j] = values[i]
			continue
		}
		pos[k] = len(c.keys)
		c.keys = append(c.keys, k)
		c.items = append(c.items, values[i])
	}
	return c
}

// Kind returns the kind of value held.
func (d Dyn) Kind() DynKind { return d.k }

// IsNull reports whether d is null.
func (d Dyn) IsNull() bool { return d.k == DynNull }

// Bool returns the value of a dynamic bool.
func (d Dyn) Bool() bool { return d.n != 0 }

// Long returns the value of a dynamic int or long (or ticks of a datetime
// or timespan).
func (d Dyn) Long() int64 { return int64(d.n) }

// Real returns the value of a dynamic real.
func (d Dyn) Real() float64 { return math.Float64frombits(d.n) }

// Str returns the text of a dynamic string, guid or decimal.
func (d Dyn) Str() string { return d.s }

// Len returns the number of elements of an array or entries of a bag, and 0
// for anything else.
func (d Dyn) Len() int {
	if d.c == nil {
		return 0
	}
	return len(d.c.items)
}

// Index returns element i of an array (negative i counts from the end), or
// null when d is not an array or i is out of range.
func (d Dyn) Index(i int) Dyn {
	if d.k != DynArray {
		return Dyn{}
	}
	if i < 0 {
		i += len(d.c.items)
	}
	if i < 0 || i >= len(d.c.items) {
		return Dyn{}
	}
	return d.c.items[i]
}

// Get returns the value of key in a bag. Keys are case-sensitive.
func (d Dyn) Get(key string) (Dyn, bool) {
	if d.k != DynBag {
		return Dyn{}, false
	}
	if d.c.index != nil {
		i, ok := d.c.index[key]
		if !ok {
			return Dyn{}, false
		}
		return d.c.items[i], true
	}
	for i, k := range d.c.keys {
		if k == key {
			return d.c.items[i], true
		}
	}
	return Dyn{}, false
}

// Items returns the elements of an array or the values of a bag. The slice
// must not be modified.
func (d Dyn) Items() []Dyn {
	if d.c == nil {
		return nil
	}
	return d.c.items
}

// Keys returns the keys of a bag in insertion order. The slice must not be
// modified.
func (d Dyn) Keys() []string {
	if d.k != DynBag {
		return nil
	}
	return d.c.keys
}

// SortedKeys returns a new slice of the bag's keys in ascending order.
func (d Dyn) SortedKeys() []string {
	ks := append([]string(nil), d.Keys()...)
	sort.Strings(ks)
	return ks
}

// Equal reports whether two dynamic values are equal: same kind and value,
// arrays element by element, bags with the same keys and values in any order.
func (d Dyn) Equal(e Dyn) bool {
	if d.k != e.k {
		if d.isNumber() && e.isNumber() {
			return d.asFloat() == e.asFloat()
		}
		return false
	}
	switch d.k {
	case DynNull:
		return true
	case DynString, DynGUID, DynDecimal:
		return d.s == e.s
	case DynReal:
		return d.Real() == e.Real()
	case DynArray:
		if len(d.c.items) != len(e.c.items) {
			return false
		}
		for i := range d.c.items {
			if !d.c.items[i].Equal(e.c.items[i]) {
				return false
			}
		}
		return true
	case DynBag:
		if len(d.c.items) != len(e.c.items) {
			return false
		}
		for i, k := range d.c.keys {
			v, ok := e.Get(k)
			if !ok || !d.c.items[i].Equal(v) {
				return false
			}
		}
		return true
	}
	return d.n == e.n
}

func (d Dyn) isNumber() bool { return d.k == DynInt || d.k == DynLong || d.k == DynReal }

func (d Dyn) asFloat() float64 {
	if d.k == DynReal {
		return d.Real()
	}
	return float64(d.Long())
}

// IsScalar reports whether d is neither an array nor a bag.
func (d Dyn) IsScalar() bool { return d.k != DynArray && d.k != DynBag }

// Hash returns a hash of the value, consistent with Equal for values of the
// same kind.
func (d Dyn) Hash(seed uint64) uint64 {
	h := seed ^ uint64(d.k)*0x9E3779B97F4A7C15
	switch d.k {
	case DynString, DynGUID, DynDecimal:
		return HashString(h, d.s)
	case DynArray:
		for _, it := range d.c.items {
			h = it.Hash(h)
		}
		return h
	case DynBag:
		// order-independent combination
		var acc uint64
		for i, k := range d.c.keys {
			acc += d.c.items[i].Hash(HashString(seed, k))
		}
		return mix(h ^ acc)
	case DynInt, DynLong:
		return mix(seed ^ math.Float64bits(float64(int64(d.n))))
	case DynReal:
		return mix(seed ^ d.n)
	}
	return mix(h ^ d.n)
}

// HashString is a fast non-cryptographic hash of s (FNV-1a mixed).
func HashString(seed uint64, s string) uint64 {
	h := seed ^ 14695981039346656037
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix(h)
}

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}
