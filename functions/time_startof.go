package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// startof*/endof*: the start or end of the day, week (from Sunday), month or
// year holding a datetime, shifted by a number of those periods.

func init() {
	register(
		periodFunc("startofday", "day", false, NameFirstArg, tmStartOfDay,
			Example{"print startofday(datetime(2017-01-01 10:10:17), -1)", "2016-12-31T00:00:00Z"}),
		periodFunc("startofweek", "week (weeks start on Sunday)", false, NameDefault, tmStartOfWeek,
			Example{"print startofweek(datetime(2017-01-01 10:10:17), 1)", "2017-01-08T00:00:00Z"}),
		periodFunc("startofmonth", "month", false, NameDefault, tmStartOfMonth,
			Example{"print startofmonth(datetime(2017-01-01 10:10:17), -1)", "2016-12-01T00:00:00Z"}),
		periodFunc("startofyear", "year", false, NameDefault, tmStartOfYear,
			Example{"print startofyear(datetime(2017-01-01 10:10:17), 1)", "2018-01-01T00:00:00Z"}),
		periodFunc("endofday", "day", true, NameDefault, tmStartOfDay,
			Example{"print endofday(datetime(2017-01-01 10:10:17), 1)", "2017-01-02T23:59:59.9999999Z"}),
		periodFunc("endofweek", "week (weeks end on Saturday)", true, NameDefault, tmStartOfWeek,
			Example{"print endofweek(datetime(2017-01-01 10:10:17))", "2017-01-07T23:59:59.9999999Z"}),
		periodFunc("endofmonth", "month", true, NameDefault, tmStartOfMonth,
			Example{"print endofmonth(datetime(2017-01-01 10:10:17), 1)", "2017-02-28T23:59:59.9999999Z"}),
		periodFunc("endofyear", "year", true, NameDefault, tmStartOfYear,
			Example{"print endofyear(datetime(2017-01-01 10:10:17))", "2017-12-31T23:59:59.9999999Z"}),
	)
}

// startFunc returns the start of the period holding t, shifted by off
// periods; false when the result is not a valid datetime.
type startFunc func(t, off int64) (int64, bool)

// maxShift bounds period offsets so that the arithmetic cannot overflow;
// larger shifts are out of the datetime range anyway.
const maxShift = 4_000_000

func tmStartOfDay(t, off int64) (int64, bool) {
	if off > maxShift || off < -maxShift {
		return 0, false
	}
	r := (tmDay(t) + off) * data.Day
	return r, tmInRange(r)
}

func tmStartOfWeek(t, off int64) (int64, bool) {
	if off > maxShift || off < -maxShift {
		return 0, false
	}
	d := tmDay(t)
	r := (d - tmWeekday(d) + 7*off) * data.Day
	return r, tmInRange(r)
}

func tmStartOfMonth(t, off int64) (int64, bool) {
	if off > maxShift || off < -maxShift {
		return 0, false
	}
	y, m, _ := tmCivil(tmDay(t))
	total := int64(y)*12 + int64(m-1) + off
	ny, nm := tmFloorDiv(total, 12), int(tmFloorMod(total, 12))+1
	if ny < 1 || ny > 9999 {
		return 0, false
	}
	return tmDaysFrom(int(ny), nm, 1) * data.Day, true
}

func tmStartOfYear(t, off int64) (int64, bool) {
	if off > maxShift || off < -maxShift {
		return 0, false
	}
	y, _, _ := tmCivil(tmDay(t))
	ny := int64(y) + off
	if ny < 1 || ny > 9999 {
		return 0, false
	}
	return tmDaysFrom(int(ny), 1, 1) * data.Day, true
}

// periodFunc builds startofX or endofX (end is the last tick of the
// period: the start of the next one minus one tick).
func periodFunc(name, period string, end bool, naming Naming, start startFunc, ex Example) *Scalar {
	f := start
	what := "start"
	if end {
		what = "end"
		f = func(t, off int64) (int64, bool) {
			r, ok := start(t, off+1)
			if !ok {
				// The period may end exactly at the top of the range.
				if s, ok2 := start(t, off); ok2 && s <= data.MaxDateTime {
					return data.MaxDateTime, true
				}
				return 0, false
			}
			return r - 1, tmInRange(r - 1)
		}
	}
	return &Scalar{Name: name, Sig: name + "(date: datetime [, offset: long]): datetime",
		Doc: fmt.Sprintf("Returns the %s of the %s holding the date, shifted by offset %ss "+
			"(default 0). Null gives null, and so does a result outside the datetime range.",
			what, period, periodUnit(period)),
		Examples: []Example{ex},
		Naming:   naming,
		Overloads: []Overload{
			{Params: []data.Type{data.DateTime}, Result: data.DateTime,
				Kernel: Map1(data.DateTime, func(t int64) (int64, bool) { return f(t, 0) })},
			{Params: []data.Type{data.DateTime, data.Long}, Result: data.DateTime,
				Kernel: Map2(data.DateTime, f)},
		}}
}

func periodUnit(period string) string {
	for i := 0; i < len(period); i++ {
		if period[i] == ' ' {
			return period[:i]
		}
	}
	return period
}
