package functions

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"math"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "hash", Sig: "hash(source: scalar [, mod: long]): long",
			Doc: "Returns the xxhash64 of a value (strings as UTF-8, datetimes as .NET ticks, numbers as " +
				"little-endian bytes), or that hash modulo mod (0 to mod-1). Null gives null.",
			Examples: []Example{{"print hash(\"World\")", "1846988464401551951"}, {"print hash(\"World\", 100)", "51"}},
			Bind:     hashBinder("hash")},
		&Scalar{Name: "hash_xxhash64", Sig: "hash_xxhash64(source: scalar [, mod: long]): long",
			Doc:      "Returns the xxhash64 of a value, as hash() does, optionally modulo mod.",
			Examples: []Example{{"print hash_xxhash64(\"World\")", "1846988464401551951"}},
			Bind:     hashBinder("hash_xxhash64")},
		&Scalar{Name: "hash_md5", Sig: "hash_md5(source: scalar): string",
			Doc: "Returns the MD5 of a value's text (datetimes in ISO 8601 form with 7 " +
				"fractional digits), as lower-case hex.",
			Examples: []Example{{"print hash_md5(\"World\")", "\"f5a7924e621e84c9280a9a27e1bcb7f6\""}},
			Bind:     digestBinder("hash_md5", md5.New)},
		&Scalar{Name: "hash_sha1", Sig: "hash_sha1(source: scalar): string",
			Doc: "Returns the SHA-1 of a value's text (datetimes in ISO 8601 form with 7 " +
				"fractional digits), as lower-case hex.",
			Examples: []Example{{"print hash_sha1(\"World\")", "\"70c07ec18ef89c5309bbb0937f3a6342411e1fdd\""}},
			Bind:     digestBinder("hash_sha1", sha1.New)},
		&Scalar{Name: "hash_sha256", Sig: "hash_sha256(source: scalar): string",
			Doc: "Returns the SHA-256 of a value's text (datetimes in ISO 8601 form with 7 " +
				"fractional digits), as lower-case hex.",
			Examples: []Example{{"print hash_sha256(\"World\")", "\"78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524\""}},
			Bind:     digestBinder("hash_sha256", sha256.New)},
		notSupported("hash_combine", "hash_combine(h1: long, h2: long, ...): long",
			"Kusto's way of combining hashes is not documented, and kqlkit will not return different values"),
		notSupported("hash_many", "hash_many(s1: scalar, s2: scalar, ...): long",
			"it combines hashes as hash_combine does, whose method is not documented"),
	)
}

func hashBinder(name string) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		p := optional(name, 1, argAny, argInteger)
		if err := p.check(args); err != nil {
			return data.Unknown, nil, err
		}
		if args[0].Type == data.Dynamic {
			return data.Unknown, nil, fmt.Errorf("function '%s' cannot hash a dynamic value; convert it first", name)
		}
		k := func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			h := hashColumn(cols[0])
			if len(cols) == 1 {
				return h, nil
			}
			return Map2(data.Long, func(v, mod int64) (int64, bool) {
				if mod <= 0 {
					return 0, false
				}
				return int64(uint64(v) % uint64(mod)), true
			})(ctx, n, []data.Column{h, cols[1]})
		}
		return data.Long, p.wrap(args, k), nil
	}
}

// hashColumn computes hash() of every row of a column.
func hashColumn(c data.Column) data.Column {
	switch c.Type() {
	case data.String:
		return mapCol(c, data.Long, func(s string) (int64, bool) { return int64(xxhash64([]byte(s), 0)), true })
	case data.Real:
		return mapCol(c, data.Long, func(f float64) (int64, bool) { return hashUint64(math.Float64bits(f)), true })
	case data.Int:
		return mapCol(c, data.Long, func(v int64) (int64, bool) {
			var b [4]byte
			binary.LittleEndian.PutUint32(b[:], uint32(v))
			return int64(xxhash64(b[:], 0)), true
		})
	case data.DateTime:
		return mapCol(c, data.Long, func(v int64) (int64, bool) { return hashUint64(uint64(v + netEpochTicks)), true })
	case data.Long, data.TimeSpan:
		return mapCol(c, data.Long, func(v int64) (int64, bool) { return hashUint64(uint64(v)), true })
	case data.Bool:
		return mapCol(c, data.Long, func(b bool) (int64, bool) { return int64(xxhash64([]byte{byte(b2i(b))}, 0)), true })
	case data.GUID:
		return mapCol(c, data.Long, func(g data.GUIDValue) (int64, bool) {
			b := guidToNet(g)
			return int64(xxhash64(b[:], 0)), true
		})
	}
	return MapValuesCol(c, data.Long, func(v data.Value) data.Value {
		return data.LongValue(int64(xxhash64([]byte(v.String()), 0)))
	})
}

func hashUint64(v uint64) int64 {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	return int64(xxhash64(b[:], 0))
}

func digestBinder(name string, newHash func() hash.Hash) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		p := sig(name, argAny)
		if err := p.check(args); err != nil {
			return data.Unknown, nil, err
		}
		if args[0].Type == data.Dynamic {
			return data.Unknown, nil, fmt.Errorf("function '%s' cannot hash a dynamic value; convert it first", name)
		}
		return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			text := cols[0]
			if text.Type() == data.DateTime {
				text = mapCol(text, data.String, func(t int64) (string, bool) { return dateTimeRoundTrip(t), true })
			}
			text = Convert(text, data.String)
			h := newHash()
			return Map1(data.String, func(s string) (string, bool) {
				h.Reset()
				h.Write([]byte(s))
				return hex.EncodeToString(h.Sum(nil)), true
			})(ctx, n, []data.Column{text})
		}, nil
	}
}

// dateTimeRoundTrip formats a datetime as .NET's round-trip ("o") form:
// seven fractional digits and a Z.
func dateTimeRoundTrip(t int64) string {
	s := data.FormatDateTime(t - t%data.Second)
	frac := t % data.Second
	if frac < 0 {
		frac += data.Second
	}
	return fmt.Sprintf("%s.%07dZ", s[:19], frac)
}
