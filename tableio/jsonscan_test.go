package tableio

import (
	"math/rand/v2"
	"testing"
)

// refScan is a byte-by-byte reference for scanRaw: the offset of the
// closing quote of the string body starting at b[0], or -1 on an error.
func refScan(b []byte) (end int, esc, high bool) {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i, esc, high
		case c == '\\':
			if i+1 >= len(b) {
				return -1, false, false
			}
			n := b[i+1]
			if !validEscape[n] || n == 'u' && !isHex4(b[i+2:]) {
				return -1, false, false
			}
			esc = true
			i++
		case c >= 0x80:
			high = true
		}
	}
	return -1, false, false
}

func TestScanRawMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{'a', 'b', '\\', '\\', '"', 'n', 'u', '0', 'F', 0xc3, 0xa9, 'x', ' '}
	for n := 0; n < 100000; n++ {
		size := r.IntN(40)
		body := make([]byte, size)
		for i := range body {
			body[i] = alphabet[r.IntN(len(alphabet))]
		}
		in := append([]byte{'"'}, body...)
		wantEnd, wantEsc, wantHigh := refScan(body)
		var sc scanner
		sc.reset(in)
		decoded, errDecoded := sc.readString()
		decoded = append([]byte(nil), decoded...)
		sc.reset(in)
		appended, errAppended := sc.appendString([]byte("pre"))
		if (errDecoded == nil) != (errAppended == nil) ||
			errDecoded == nil && string(appended) != "pre"+string(decoded) {
			t.Fatalf("%q: appendString gave %q, %v; readString %q, %v", in, appended, errAppended,
				decoded, errDecoded)
		}
		sc.reset(in)
		start, end, flags, err := sc.scanRaw()
		if wantEnd < 0 {
			if err == nil {
				t.Fatalf("%q: got end %d, want an error", in, end)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: got %v, want end %d", in, err, wantEnd+1)
		}
		if start != 1 || end != wantEnd+1 || sc.i != wantEnd+2 {
			t.Fatalf("%q: got body %d..%d next %d, want 1..%d", in, start, end, sc.i, wantEnd+1)
		}
		if got := flags&strEsc != 0; got != wantEsc {
			t.Fatalf("%q: got escape flag %v, want %v", in, got, wantEsc)
		}
		if got := flags&strHigh != 0; got != wantHigh {
			t.Fatalf("%q: got high flag %v, want %v", in, got, wantHigh)
		}
	}
}

func TestEqMask(t *testing.T) {
	for c := 0; c < 256; c++ {
		for v := 0; v < 256; v++ {
			w := uint64(v)<<24 | uint64(c)<<8 | uint64(c)<<56
			m := eqMask(w, byte(c))
			want := uint64(0x80<<8 | 0x80<<56)
			if v == c {
				want |= 0x80 << 24
			}
			if c == 0 {
				want |= 0x80 | 0x80<<16 | 0x80<<32 | 0x80<<40 | 0x80<<48
				if v != 0 {
					want &^= 0x80 << 24
				}
			}
			if m != want {
				t.Fatalf("eqMask(%#x, %#x) = %#x, want %#x", w, c, m, want)
			}
		}
	}
}
