package functions

import (
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// datetime_add and datetime_diff: calendar arithmetic by named period.

func init() {
	register(
		&Scalar{Name: "datetime_add",
			Sig: "datetime_add(period: string, amount: long, datetime: datetime): datetime",
			Doc: "Adds amount periods (year, quarter, month, week, day, hour, minute, second, " +
				"millisecond, microsecond or nanosecond, any case) to a datetime. Adding months " +
				"keeps the day, clamped to the month's last day. Nulls, or a result outside the " +
				"datetime range, give null.",
			Examples: []Example{
				{"print datetime_add('month', 1, datetime(2017-01-31))", "2017-02-28T00:00:00Z"},
				{"print datetime_add('week', 100, make_datetime(2017,1,1))", "2018-12-02T00:00:00Z"}},
			Bind: bindDatetimeAdd},
		&Scalar{Name: "datetime_diff",
			Sig: "datetime_diff(period: string, datetime1: datetime, datetime2: datetime): long",
			Doc: "Returns the number of period boundaries crossed from datetime2 to datetime1 " +
				"(datetime1 - datetime2 counted in whole calendar periods: years, quarters, " +
				"months, weeks from Sunday, days, hours, … nanoseconds). Nulls give null.",
			Examples: []Example{
				{"print datetime_diff('year', datetime(2017-01-01), datetime(2000-12-31))", "17"},
				{"print datetime_diff('week', datetime(2017-10-29), datetime(2017-09-30 23:59))", "5"}},
			Bind: bindDatetimeDiff},
	)
}

// addFunc adds n periods to datetime ticks t.
type addFunc func(t, n int64) (int64, bool)

func addMonthsBy(k int64) addFunc {
	return func(t, n int64) (int64, bool) {
		m, ok := tmMulTicks(n, k)
		if !ok {
			return 0, false
		}
		return tmAddMonths(t, m)
	}
}

func addTicksBy(unit int64) addFunc {
	return func(t, n int64) (int64, bool) {
		d, ok := tmMulTicks(n, unit)
		if !ok {
			return 0, false
		}
		r := t + d
		if (d > 0 && r < t) || (d < 0 && r > t) {
			return 0, false
		}
		return r, tmInRange(r)
	}
}

var addPeriods = map[string]addFunc{
	"year": addMonthsBy(12), "quarter": addMonthsBy(3), "month": addMonthsBy(1),
	"week": addTicksBy(7 * data.Day), "day": addTicksBy(data.Day), "hour": addTicksBy(data.Hour),
	"minute": addTicksBy(data.Minute), "second": addTicksBy(data.Second),
	"millisecond": addTicksBy(data.Millisecond), "microsecond": addTicksBy(data.Microsecond),
	"nanosecond": func(t, n int64) (int64, bool) { return addTicksBy(1)(t, n/100) },
}

const periodNames = "year, quarter, month, week, day, hour, minute, second, millisecond, " +
	"microsecond or nanosecond"

// lookupPeriod finds a period by its case-insensitive name in m; for a
// constant name that is not a period it returns an error.
func lookupPeriod[F any](name string, m map[string]F, a ArgInfo) (F, bool, error) {
	var zero F
	if a.Const == nil {
		return zero, false, nil
	}
	f, ok := m[strings.ToLower(a.Const.Str())]
	if !ok {
		return zero, false, fmt.Errorf("%s(): the period must be one of %s, got '%s'",
			name, periodNames, a.Const.Str())
	}
	return f, true, nil
}

func bindDatetimeAdd(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "datetime_add"
	if err := tmWantTypes(name, args, data.String, data.Long, data.DateTime); err != nil {
		return data.Unknown, nil, err
	}
	f, ok, err := lookupPeriod(name, addPeriods, args[0])
	if err != nil {
		return data.Unknown, nil, err
	}
	if ok {
		k := Map2(data.DateTime, func(n, t int64) (int64, bool) { return f(t, n) })
		return data.DateTime, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			return k(ctx, n, cols[1:])
		}, nil
	}
	return data.DateTime, Map3(data.DateTime, func(p string, n, t int64) (int64, bool) {
		f, ok := addPeriods[strings.ToLower(p)]
		if !ok {
			return 0, false
		}
		return f(t, n)
	}), nil
}

// diffFunc returns the number of periods from t2 to t1.
type diffFunc func(t1, t2 int64) int64

func diffMonths(k int) diffFunc {
	return func(t1, t2 int64) int64 {
		y1, m1, _ := tmCivil(tmDay(t1))
		y2, m2, _ := tmCivil(tmDay(t2))
		a := int64(y1)*12 + int64(m1-1)
		b := int64(y2)*12 + int64(m2-1)
		return tmFloorDiv(a, int64(k)) - tmFloorDiv(b, int64(k))
	}
}

func diffUnits(unit, origin int64) diffFunc {
	return func(t1, t2 int64) int64 {
		return tmFloorDiv(t1+origin, unit) - tmFloorDiv(t2+origin, unit)
	}
}

var diffPeriods = map[string]diffFunc{
	"year": diffMonths(12), "quarter": diffMonths(3), "month": diffMonths(1),
	// Weeks start on Sunday: day 3 of the epoch (1970-01-04) was one.
	"week":   diffUnits(7*data.Day, 4*data.Day),
	"day":    diffUnits(data.Day, 0),
	"hour":   diffUnits(data.Hour, 0),
	"minute": diffUnits(data.Minute, 0), "second": diffUnits(data.Second, 0),
	"millisecond": diffUnits(data.Millisecond, 0), "microsecond": diffUnits(data.Microsecond, 0),
	"nanosecond": func(t1, t2 int64) int64 { return (t1 - t2) * 100 },
}

func bindDatetimeDiff(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "datetime_diff"
	if err := tmWantTypes(name, args, data.String, data.DateTime, data.DateTime); err != nil {
		return data.Unknown, nil, err
	}
	f, ok, err := lookupPeriod(name, diffPeriods, args[0])
	if err != nil {
		return data.Unknown, nil, err
	}
	if ok {
		k := Map2(data.Long, func(t1, t2 int64) (int64, bool) { return f(t1, t2), true })
		return data.Long, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			return k(ctx, n, cols[1:])
		}, nil
	}
	return data.Long, Map3(data.Long, func(p string, t1, t2 int64) (int64, bool) {
		f, ok := diffPeriods[strings.ToLower(p)]
		if !ok {
			return 0, false
		}
		return f(t1, t2), true
	}), nil
}
