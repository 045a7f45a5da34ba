package functions

import (
	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "now", Sig: "now([offset: timespan]): datetime", Now: true,
			Doc: "Returns the current instant of the run (the same for the whole query), plus an optional offset.",
			Examples: []Example{{"print now()", "the run's instant"},
				{"print now(-1d)", "one day before it"}},
			Overloads: []Overload{
				{Params: nil, Result: data.DateTime, Kernel: clockKernel(false)},
				{Params: []data.Type{data.TimeSpan}, Result: data.DateTime, Kernel: clockKernel(false)},
			}},
		&Scalar{Name: "ago", Sig: "ago(timespan: timespan): datetime", Now: true,
			Doc:      "Returns now() minus the timespan.",
			Examples: []Example{{"print ago(1h)", "one hour before the run's instant"}},
			Overloads: []Overload{
				{Params: []data.Type{data.TimeSpan}, Result: data.DateTime, Kernel: clockKernel(true)},
			}},
	)
}

// clockKernel computes now() + offset (or now() - offset for ago).
func clockKernel(minus bool) Kernel {
	return func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		now := ctx.Now
		if len(args) == 0 {
			return data.NewConst(data.DateTimeValue(now), n), nil
		}
		sign := int64(1)
		if minus {
			sign = -1
		}
		return Map1(data.DateTime, func(off int64) (int64, bool) {
			return now + sign*off, true
		})(ctx, n, args)
	}
}
