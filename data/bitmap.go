package data

// Bitmap is a set of row positions, one bit per row. A nil Bitmap is empty.
// In a column a set bit marks a null.
type Bitmap []uint64

// NewBitmap returns an empty bitmap with room for n bits.
func NewBitmap(n int) Bitmap { return make(Bitmap, (n+63)/64) }

// Get reports whether bit i is set. Bits beyond the bitmap are clear.
func (b Bitmap) Get(i int) bool {
	w := i >> 6
	return w < len(b) && b[w]&(1<<(uint(i)&63)) != 0
}

// Set sets bit i; the bitmap must have room for it.
func (b Bitmap) Set(i int) { b[i>>6] |= 1 << (uint(i) & 63) }

// Clear clears bit i; the bitmap must have room for it.
func (b Bitmap) Clear(i int) { b[i>>6] &^= 1 << (uint(i) & 63) }

// Any reports whether any bit is set.
func (b Bitmap) Any() bool {
	for _, w := range b {
		if w != 0 {
			return true
		}
	}
	return false
}

// Gather returns the bitmap of positions idx: bit k of the result is bit
// idx[k] of b. A nil b gives nil.
func (b Bitmap) Gather(idx []int32) Bitmap {
	if b == nil {
		return nil
	}
	var out Bitmap
	for k, i := range idx {
		if b.Get(int(i)) {
			if out == nil {
				out = NewBitmap(len(idx))
			}
			out.Set(k)
		}
	}
	return out
}

// Slice returns the bits lo..hi-1 as a new bitmap starting at 0.
func (b Bitmap) Slice(lo, hi int) Bitmap {
	if b == nil {
		return nil
	}
	if lo&63 == 0 {
		end := (hi + 63) >> 6
		if end > len(b) {
			end = len(b)
		}
		if lo>>6 >= end {
			return nil
		}
		out := append(Bitmap(nil), b[lo>>6:end]...)
		if r := (hi - lo) & 63; r != 0 && len(out) == (hi-lo+63)>>6 {
			out[len(out)-1] &= (1 << uint(r)) - 1
		}
		return out
	}
	var out Bitmap
	for i := lo; i < hi; i++ {
		if b.Get(i) {
			if out == nil {
				out = NewBitmap(hi - lo)
			}
			out.Set(i - lo)
		}
	}
	return out
}

// Or returns the union of a and b, for n bits; nil when both are nil.
func (b Bitmap) Or(o Bitmap, n int) Bitmap {
	if b == nil {
		return o
	}
	if o == nil {
		return b
	}
	out := NewBitmap(n)
	for i := range out {
		var x, y uint64
		if i < len(b) {
			x = b[i]
		}
		if i < len(o) {
			y = o[i]
		}
		out[i] = x | y
	}
	return out
}
