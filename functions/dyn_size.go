package functions

import (
	"crypto/rand"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "estimate_data_size", Sig: "estimate_data_size(column: scalar, ...): long",
			Doc: "Estimates the size in bytes of the given values (`*` for every column of the row): " +
				"8 for long, real, datetime and timespan, 4 for int, 1 for bool, 16 for guid and decimal, " +
				"the UTF-8 length for strings and the JSON length for dynamic values; nulls count 0.",
			Examples: []Example{{"print estimate_data_size(1, '1234567890')", "18"}},
			Overloads: []Overload{{Params: []data.Type{data.Unknown}, Variadic: true, Result: data.Long,
				Kernel: MapValues(data.Long, func(args []data.Value) data.Value {
					var n int64
					for _, v := range args {
						n += valueSize(v)
					}
					return data.LongValue(n)
				})}}},
		&Scalar{Name: "new_guid", Sig: "new_guid(): guid", Volatile: true,
			Doc:      "Returns a new random (version 4) guid for each row.",
			Examples: []Example{{"print new_guid()", "a random guid"}},
			Overloads: []Overload{{Result: data.GUID, Kernel: func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
				out := make([]data.GUIDValue, n)
				for i := range out {
					_, _ = rand.Read(out[i][:])
					out[i][6] = out[i][6]&0x0f | 0x40
					out[i][8] = out[i][8]&0x3f | 0x80
				}
				return data.NewVec(data.GUID, out, nil), nil
			}}}},
	)
}

func valueSize(v data.Value) int64 {
	if v.IsNull() {
		return 0
	}
	switch v.Type() {
	case data.Bool:
		return 1
	case data.Int:
		return 4
	case data.GUID, data.Decimal:
		return 16
	case data.String:
		return int64(len(v.Str()))
	case data.Dynamic:
		return int64(len(v.Dyn().AppendJSON(nil)))
	}
	return 8
}
