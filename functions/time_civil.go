package functions

import (
	"github.com/kqlkit/kqlkit/data"
)

// Calendar arithmetic on datetime ticks (100 ns since the Unix epoch, UTC,
// proleptic Gregorian calendar), without going through time.Time.

// netEpochDays is the number of days from 0001-01-01 (a Monday) to the Unix
// epoch; Kusto bins datetimes on .NET ticks, which count from 0001-01-01.
const netEpochDays = netEpochTicks / data.Day

// tmFloorDiv divides rounding towards minus infinity.
func tmFloorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// tmFloorMod is a - tmFloorDiv(a, b)*b.
func tmFloorMod(a, b int64) int64 { return a - tmFloorDiv(a, b)*b }

// tmDay returns the day number (days since 1970-01-01) of ticks.
func tmDay(t int64) int64 { return tmFloorDiv(t, data.Day) }

// tmCivil returns the year, month (1-12) and day (1-31) of a day number.
func tmCivil(days int64) (y, m, d int) {
	z := days + 719468
	era := tmFloorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, d
}

// tmDaysFrom returns the day number of a proleptic Gregorian date.
func tmDaysFrom(y, m, d int) int64 {
	yy := int64(y)
	if m <= 2 {
		yy--
	}
	era := tmFloorDiv(yy, 400)
	yoe := yy - era*400
	mp := int64((m + 9) % 12)
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func tmIsLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// tmMonthDays returns the number of days of month m of year y.
func tmMonthDays(y, m int) int {
	switch m {
	case 2:
		if tmIsLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// tmWeekday returns 0 for Sunday through 6 for Saturday.
func tmWeekday(days int64) int64 { return tmFloorMod(days+4, 7) }

// tmDayOfYear returns the 1-based day of the year of a day number.
func tmDayOfYear(days int64) int {
	y, _, _ := tmCivil(days)
	return int(days-tmDaysFrom(y, 1, 1)) + 1
}

// tmISOWeek returns the ISO 8601 week number (weeks start on Monday; week 1
// holds the year's first Thursday).
func tmISOWeek(days int64) int {
	wd := tmFloorMod(days+3, 7) // 0 = Monday
	thursday := days - wd + 3
	y, _, _ := tmCivil(thursday)
	return int((thursday-tmDaysFrom(y, 1, 1))/7) + 1
}

// tmInRange reports whether ticks is a valid Kusto datetime.
func tmInRange(t int64) bool { return t >= data.MinDateTime && t <= data.MaxDateTime }

// tmAddMonths adds n months to ticks the way .NET's DateTime.AddMonths does:
// the day is clamped to the last day of the target month and the time of
// day is kept. It reports false when the result is out of range.
func tmAddMonths(t int64, n int64) (int64, bool) {
	if n > 120000 || n < -120000 {
		return 0, false
	}
	days := tmDay(t)
	tod := t - days*data.Day
	y, m, d := tmCivil(days)
	total := int64(y)*12 + int64(m-1) + n
	ny, nm := int(tmFloorDiv(total, 12)), int(tmFloorMod(total, 12))+1
	if ny < 1 || ny > 9999 {
		return 0, false
	}
	d = min(d, tmMonthDays(ny, nm))
	r := tmDaysFrom(ny, nm, d)*data.Day + tod
	return r, tmInRange(r)
}

// tmMulTicks multiplies n by a unit in ticks, reporting false on overflow.
func tmMulTicks(n, unit int64) (int64, bool) {
	if unit == 0 {
		return 0, true
	}
	r := n * unit
	if r/unit != n {
		return 0, false
	}
	return r, true
}
