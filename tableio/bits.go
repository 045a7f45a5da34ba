package tableio

import (
	mbits "math/bits"

	"github.com/kqlkit/kqlkit/data"
)

// bits is a growable bitmap used while a column is being built.
type bits struct {
	w   []uint64
	any bool
}

// set sets bit i, growing the bitmap as needed.
func (b *bits) set(i int) {
	k := i >> 6
	for k >= len(b.w) {
		b.w = append(b.w, 0)
	}
	b.w[k] |= 1 << (uint(i) & 63)
	b.any = true
}

// get reports whether bit i is set.
func (b *bits) get(i int) bool {
	k := i >> 6
	return k < len(b.w) && b.w[k]&(1<<(uint(i)&63)) != 0
}

// clear clears bit i.
func (b *bits) clear(i int) {
	if k := i >> 6; k < len(b.w) {
		b.w[k] &^= 1 << (uint(i) & 63)
	}
}

// bitmap returns the bits as a data.Bitmap for n rows, nil when none is set.
func (b *bits) bitmap(n int) data.Bitmap {
	if !b.any {
		return nil
	}
	out := data.NewBitmap(n)
	copy(out, b.w)
	if !out.Any() {
		return nil
	}
	return out
}

// appendBits sets in dst, at offset off, the bits of src below n.
func appendBits(dst data.Bitmap, off int, src []uint64, n int) {
	for wi, v := range src {
		for v != 0 {
			i := wi*64 + mbits.TrailingZeros64(v)
			if i >= n {
				return
			}
			dst.Set(off + i)
			v &= v - 1
		}
	}
}
