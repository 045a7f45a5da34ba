package functions

import (
	"fmt"
	"math"
	"math/big"

	"github.com/kqlkit/kqlkit/data"
)

// bin (alias floor) and bin_at: round values down to a multiple of a bin
// size, for numbers, timespans and datetimes.

func init() {
	register(
		&Scalar{Name: "bin", Naming: NameFirstArg,
			Sig: "bin(value: number, roundTo: number): number\n" +
				"bin(value: timespan, roundTo: timespan): timespan\n" +
				"bin(value: datetime, roundTo: timespan): datetime",
			Doc: "Rounds a value down to a multiple of the bin size. Datetimes are binned from " +
				"0001-01-01 (so 7d bins start on Mondays). A null value, or a null, zero or " +
				"negative bin size, gives null.",
			Examples: []Example{{"print bin(4.5, 1)", "4.0"},
				{"print bin(datetime(1970-05-11 13:45:07), 1d)", "1970-05-11T00:00:00Z"}},
			Bind: bindBin("bin")},
		&Scalar{Name: "bin_at", Naming: NameFirstArg,
			Sig: "bin_at(value: number, bin_size: number, fixed_point: number): number\n" +
				"bin_at(value: timespan, bin_size: timespan, fixed_point: timespan): timespan\n" +
				"bin_at(value: datetime, bin_size: timespan, fixed_point: datetime): datetime",
			Doc: "Rounds a value down to a multiple of the bin size, with bins aligned so that " +
				"one starts at fixed_point. Nulls, or a zero or negative bin size, give null.",
			Examples: []Example{{"print bin_at(6.5, 2.5, 7)", "4.5"},
				{"print bin_at(datetime(2017-05-15 10:20:00), 1d, datetime(1970-01-01 12:00:00))",
					"2017-05-14T12:00:00Z"}},
			Bind: bindBinAt},
	)
	register(floorFunc())
}

// floorFunc is bin under the name floor (a separate Scalar so that its
// signature text and errors name it).
func floorFunc() *Scalar {
	f := *builtins.scalars["bin"]
	f.Name = "floor"
	f.Sig = "floor(value: number, roundTo: number): number\n" +
		"floor(value: timespan, roundTo: timespan): timespan\n" +
		"floor(value: datetime, roundTo: timespan): datetime"
	f.Doc = "Same as bin(): " + f.Doc
	f.Examples = []Example{{"print floor(4.5, 1)", "4.0"}}
	f.Bind = bindBin("floor")
	return &f
}

func bindBin(name string) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := numArity(name, args, 2, 2); err != nil {
			return data.Unknown, nil, err
		}
		v, s := args[0], args[1]
		switch {
		case v.Type == data.DateTime && s.Type == data.TimeSpan:
			return data.DateTime, binTicks(data.DateTime, netEpochTicks), nil
		case v.Type == data.TimeSpan && s.Type == data.TimeSpan:
			return data.TimeSpan, binTicks(data.TimeSpan, 0), nil
		case v.Type == data.DateTime || v.Type == data.TimeSpan:
			return data.Unknown, nil, fmt.Errorf(
				"function '%s' expects a timespan bin size for a %s value, got %s", name, v.Type, s.Type)
		}
		t, err := numWidest(name, args)
		if err != nil {
			return data.Unknown, nil, err
		}
		return t, numKernel(t, binNumber(t)), nil
	}
}

// binTicks bins int64 ticks: floor((v+origin)/size)*size - origin.
func binTicks(t data.Type, origin int64) Kernel {
	f := func(v, size int64) (int64, bool) {
		if size <= 0 {
			return 0, false
		}
		return tmFloorDiv(v+origin, size)*size - origin, true
	}
	slow := Map2(t, f)
	return func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		k, ok := args[1].(*data.ConstCol)
		if !ok || isConstCol(args[0]) {
			return slow(ctx, n, args)
		}
		if _, dict := args[0].(*data.DictCol); dict || k.V.IsNull() || k.V.Int64() <= 0 {
			return slow(ctx, n, args)
		}
		return binTicksConst(t, args[0], k.V.Int64(), origin), nil
	}
}

// binTicksConst is the hot loop of summarize … by bin(Timestamp, 1h).
func binTicksConst(t data.Type, c data.Column, size, origin int64) data.Column {
	in := data.Int64s(c)
	out := make([]int64, len(in.Vals))
	for i, v := range in.Vals {
		x := v + origin
		q := x / size
		if x%size < 0 {
			q--
		}
		out[i] = q*size - origin
	}
	return data.NewVec(t, out, in.Nulls)
}

// binNumber bins numbers of type t (long, real or decimal).
func binNumber(t data.Type) Kernel {
	switch t {
	case data.Long:
		return Map2(data.Long, func(v, s int64) (int64, bool) {
			if s <= 0 {
				return 0, false
			}
			return tmFloorDiv(v, s) * s, true
		})
	case data.Real:
		return Map2(data.Real, binReal)
	}
	return Map2(data.Decimal, func(v, s data.DecimalValue) (data.DecimalValue, bool) {
		return binDecimal(v, s, data.DecimalFromInt(0))
	})
}

func binReal(v, s float64) (float64, bool) {
	if !(s > 0) {
		return 0, false
	}
	return math.Floor(v/s) * s, true
}

// binDecimal returns fixed + floor((v-fixed)/s)*s in exact arithmetic.
func binDecimal(v, s, fixed data.DecimalValue) (data.DecimalValue, bool) {
	sr := s.Rat()
	if sr.Sign() <= 0 {
		return data.DecimalValue{}, false
	}
	q := new(big.Rat).Quo(new(big.Rat).Sub(v.Rat(), fixed.Rat()), sr)
	fl := new(big.Int).Div(q.Num(), q.Denom()) // Euclidean: floor for a positive denominator
	r := new(big.Rat).Mul(new(big.Rat).SetInt(fl), sr)
	return data.DecimalFromRat(r.Add(r, fixed.Rat())), true
}

func bindBinAt(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "bin_at"
	if err := numArity(name, args, 3, 3); err != nil {
		return data.Unknown, nil, err
	}
	v, s, p := args[0].Type, args[1].Type, args[2].Type
	switch {
	case v == data.DateTime && s == data.TimeSpan && p == data.DateTime:
		return data.DateTime, Map3(data.DateTime, func(v, s, p int64) (int64, bool) {
			r, ok := binAtTicks(v, s, p)
			return r, ok && tmInRange(r)
		}), nil
	case v == data.TimeSpan && s == data.TimeSpan && p == data.TimeSpan:
		return data.TimeSpan, Map3(data.TimeSpan, binAtTicks), nil
	case v == data.DateTime || v == data.TimeSpan:
		return data.Unknown, nil, fmt.Errorf("function '%s' expects (%s, timespan, %s), got (%s, %s, %s)",
			name, v, v, v, s, p)
	}
	t, err := numWidest(name, args)
	if err != nil {
		return data.Unknown, nil, err
	}
	switch t {
	case data.Long:
		return t, numKernel(t, Map3(data.Long, binAtTicks)), nil
	case data.Real:
		return t, numKernel(t, Map3(data.Real, func(v, s, p float64) (float64, bool) {
			r, ok := binReal(v-p, s)
			return r + p, ok
		})), nil
	}
	return t, numKernel(t, Map3(data.Decimal, binDecimal)), nil
}

// binAtTicks returns p + floor((v-p)/s)*s for integers.
func binAtTicks(v, s, p int64) (int64, bool) {
	if s <= 0 {
		return 0, false
	}
	d := v - p
	if (v >= p) != (d >= 0) { // overflow
		return 0, false
	}
	return p + tmFloorDiv(d, s)*s, true
}
