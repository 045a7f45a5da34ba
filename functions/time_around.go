package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// around(value, center, delta): whether a number, datetime or timespan
// lies within delta of center.

func init() {
	register(&Scalar{Name: "around",
		Sig: "around(value: number, center: number, delta: number): bool\n" +
			"around(value: datetime, center: datetime, delta: timespan): bool\n" +
			"around(value: timespan, center: timespan, delta: timespan): bool",
		Doc: "Reports whether value lies in [center - delta, center + delta]. Nulls give null.",
		Examples: []Example{{"print around(datetime(2021-01-01 01:29), datetime(2021-01-01 01:30), 1min)", "true"},
			{"print around(10, 12, 1)", "false"}},
		Bind: bindAround})
}

func bindAround(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "around"
	if err := numArity(name, args, 3, 3); err != nil {
		return data.Unknown, nil, err
	}
	v, c, d := args[0].Type, args[1].Type, args[2].Type
	switch {
	case (v == data.DateTime && c == data.DateTime || v == data.TimeSpan && c == data.TimeSpan) &&
		d == data.TimeSpan:
		return data.Bool, Map3(data.Bool, aroundTicks), nil
	case v == data.DateTime || v == data.TimeSpan || c == data.DateTime || c == data.TimeSpan:
		return data.Unknown, nil, fmt.Errorf("function '%s' expects (%s, %s, timespan), got (%s, %s, %s)",
			name, v, v, v, c, d)
	}
	t, err := numWidest(name, args)
	if err != nil {
		return data.Unknown, nil, err
	}
	if t == data.Long {
		return data.Bool, numKernel(t, Map3(data.Bool, aroundTicks)), nil
	}
	// Decimals are compared as reals.
	return data.Bool, numKernel(data.Real, Map3(data.Bool, func(v, c, d float64) (bool, bool) {
		return v >= c-d && v <= c+d, true
	})), nil
}

// aroundTicks compares without overflowing: |v - c| <= |d|.
func aroundTicks(v, c, d int64) (bool, bool) {
	ud := uint64(d)
	if d < 0 {
		ud = uint64(-(d + 1)) + 1
	}
	if v >= c {
		return uint64(v)-uint64(c) <= ud, true
	}
	return uint64(c)-uint64(v) <= ud, true
}
