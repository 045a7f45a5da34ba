package tableio

import (
	"math"
	"unsafe"

	"github.com/kqlkit/kqlkit/data"
)

// A merged string column is dictionary-encoded unless it is nearly unique:
// with more distinct values than half its rows (an eighth, when judged
// from a sample) it is a plain vector.
//
// Chunks whose first rows were nearly all distinct were stored plain. A
// chunk is small, so a column can look unique in each chunk and still
// repeat across the file (user names over a day of logs): when a sample of
// the column's rows says so, the plain pieces are hashed into the global
// dictionary too.

// uniqueSample is how many rows the sample of a column with plain pieces
// looks at.
const uniqueSample = 1 << 13

// mergeStrings joins the string pieces of a column; a nil piece is all "".
func mergeStrings(pieces []*strPart, parts []*chunkResult, rows int) data.Column {
	for _, sp := range pieces {
		if sp != nil && sp.isPlain {
			if mostlyUnique(pieces, parts) {
				return mergePlain(pieces, parts, rows)
			}
			break
		}
	}
	return mergeDict(pieces, parts, rows)
}

// mostlyUnique reports whether the column probably has more distinct
// values than an eighth of its rows: below that, values repeat eight times
// on average and a dictionary pays for the hashing it costs (functions of
// the column then run once per distinct value). It estimates the column's
// distinct count from its first rows, with the larger of two estimators:
// one that assumes values spread at random (d ≈ K(1 − e^(−m/K)) for d
// distinct among m rows), and Chao1 (d + f1²/2f2, from the values seen
// once and twice), which copes with skewed columns.
func mostlyUnique(pieces []*strPart, parts []*chunkResult) bool {
	seen := make(map[string]int, 1024)
	n, rows := 0, 0
	for k, p := range parts {
		rows += p.rows
		sp := pieces[k]
		for i := 0; i < p.rows && n < uniqueSample; i++ {
			v := ""
			if sp != nil {
				v = sp.value(i)
			}
			seen[v]++
			n++
		}
	}
	f1, f2 := 0, 0
	for _, c := range seen {
		switch c {
		case 1:
			f1++
		case 2:
			f2++
		}
	}
	est := max(estimateDistinct(len(seen), n), chao1(len(seen), f1, f2))
	return est > float64(rows)/8
}

// estimateDistinct solves d = K(1 − e^(−m/K)) for K, the number of
// distinct values behind a sample of m rows holding d of them; +Inf when
// every sampled value was distinct.
func estimateDistinct(d, m int) float64 {
	if d >= m {
		return math.Inf(1)
	}
	f := func(k float64) float64 { return k * (1 - math.Exp(-float64(m)/k)) }
	lo, hi := float64(d), float64(d)
	for f(hi) < float64(d) && hi < 1e15 {
		hi *= 2
	}
	for i := 0; i < 60; i++ {
		mid := (lo + hi) / 2
		if f(mid) < float64(d) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// chao1 is the Chao1 estimate of a distinct count.
func chao1(d, f1, f2 int) float64 {
	if f2 == 0 {
		return float64(d) + float64(f1)*float64(f1-1)/2
	}
	return float64(d) + float64(f1)*float64(f1)/(2*float64(f2))
}

// mergePlain joins pieces into one value per row.
func mergePlain(pieces []*strPart, parts []*chunkResult, rows int) data.Column {
	out := make([]string, rows)
	off := 0
	for k, p := range parts {
		switch sp := pieces[k]; {
		case sp == nil:
		case sp.isPlain:
			putStrings(out[off:], sp.buf, sp.spans)
		default:
			for i, c := range sp.codes {
				out[off+i] = sp.vals[c]
			}
		}
		pieces[k] = nil
		off += p.rows
	}
	return data.NewVec(data.String, out, nil)
}

// mergeDict joins dictionary pieces into one dictionary. The distinct
// values are copied into one compact buffer so that the chunks' buffers
// can be freed.
func mergeDict(pieces []*strPart, parts []*chunkResult, rows int) data.Column {
	index := map[string]uint32{}
	var vals []string
	var buf []byte
	add := func(v string) uint32 {
		if c, ok := index[v]; ok {
			return c
		}
		c := uint32(len(vals))
		vals = append(vals, v)
		index[v] = c
		return c
	}
	codes := make([]uint32, rows)
	off := 0
	for k, p := range parts {
		sp := pieces[k]
		if sp == nil {
			e := add("")
			for i := 0; i < p.rows; i++ {
				codes[off+i] = e
			}
			off += p.rows
			continue
		}
		if sp.isPlain {
			for i := 0; i < sp.rows; i++ {
				codes[off+i] = add(sp.value(i))
			}
		} else {
			remap := make([]uint32, len(sp.vals))
			for i, v := range sp.vals {
				remap[i] = add(v)
			}
			for i, c := range sp.codes {
				codes[off+i] = remap[c]
			}
		}
		pieces[k] = nil
		off += p.rows
	}
	if len(vals) > rows/2 {
		out := make([]string, rows)
		for i, c := range codes {
			out[i] = vals[c]
		}
		return data.NewVec(data.String, out, nil)
	}
	// compact the distinct values into one buffer
	size := 0
	for _, v := range vals {
		size += len(v)
	}
	buf = make([]byte, 0, size)
	for i, v := range vals {
		if v == "" {
			continue
		}
		start := len(buf)
		buf = append(buf, v...)
		vals[i] = unsafe.String(&buf[start], len(v)) // buf is never written again
	}
	return &data.DictCol{Codes: codes, Values: data.NewVec(data.String, vals, nil), Unique: true}
}
