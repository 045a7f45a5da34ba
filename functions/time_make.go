package functions

import (
	"math"

	"github.com/kqlkit/kqlkit/data"
)

// Functions that build datetimes and timespans from numbers.

func init() {
	register(
		&Scalar{Name: "make_datetime",
			Sig: "make_datetime(year: int, month: int, day: int [, hour: int, minute: int " +
				"[, second: real]]): datetime\nmake_datetime(value: scalar): datetime",
			Doc: "Builds a datetime from its parts (the second may have a fraction). Parts " +
				"out of range (month 13, February 30, hour 24, …) or null give null. With one " +
				"argument it is todatetime().",
			Examples: []Example{{"print make_datetime(2017, 10, 1)", "2017-10-01T00:00:00Z"},
				{"print make_datetime(2017, 10, 1, 12, 11, 0.1234567)", "2017-10-01T12:11:00.1234567Z"}},
			Bind: bindMakeDatetime},
		&Scalar{Name: "make_timespan",
			Sig: "make_timespan(hour: int, minute: int [, second: real]): timespan\n" +
				"make_timespan(day: int, hour: int, minute: int, second: real): timespan\n" +
				"make_timespan(value: scalar): timespan",
			Doc: "Builds a timespan from days, hours (0-23), minutes (0-59) and seconds " +
				"(0 to 59.9999999); a part out of range or null gives null. With one argument " +
				"it is totimespan().",
			Examples: []Example{{"print make_timespan(1, 12, 30, 55.123)", "1.12:30:55.1230000"},
				{"print make_timespan(2, 30)", "02:30:00"}},
			Bind: bindMakeTimespan},
		unixtimeFunc("unixtime_seconds_todatetime", "seconds", data.Second,
			Example{"print unixtime_seconds_todatetime(1546300800)", "2019-01-01T00:00:00Z"}),
		unixtimeFunc("unixtime_milliseconds_todatetime", "milliseconds", data.Millisecond,
			Example{"print unixtime_milliseconds_todatetime(1546300800000)", "2019-01-01T00:00:00Z"}),
		unixtimeFunc("unixtime_microseconds_todatetime", "microseconds", data.Microsecond,
			Example{"print unixtime_microseconds_todatetime(1546300800000000)", "2019-01-01T00:00:00Z"}),
		unixtimeFunc("unixtime_nanoseconds_todatetime", "nanoseconds", 0,
			Example{"print unixtime_nanoseconds_todatetime(1546300800000000000)", "2019-01-01T00:00:00Z"}),
	)
	aliasOf("totime", "totimespan", "Same as totimespan(): ")
}

// numFloat returns a numeric value as a float64 (false for null or a
// non-number).
func numFloat(v data.Value) (float64, bool) {
	if v.IsNull() {
		return 0, false
	}
	switch v.Type() {
	case data.Int, data.Long:
		return float64(v.Int64()), true
	case data.Real:
		return v.Float64(), true
	case data.Decimal:
		return v.Decimal().Float64(), true
	}
	return 0, false
}

// numInt returns a numeric value truncated to an int64 (false for null,
// NaN or out of range).
func numInt(v data.Value) (int64, bool) {
	if v.Type() == data.Int || v.Type() == data.Long {
		return v.Int64(), !v.IsNull()
	}
	f, ok := numFloat(v)
	if !ok || math.IsNaN(f) || math.Abs(f) > 1e15 {
		return 0, false
	}
	return int64(f), true
}

func bindMakeDatetime(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "make_datetime"
	if len(args) == 1 {
		return convertBinder(data.DateTime)(args)
	}
	if err := numArity(name, args, 3, 6); err != nil {
		return data.Unknown, nil, err
	}
	for i, a := range args {
		if err := numWant(name, i, a); err != nil {
			return data.Unknown, nil, err
		}
	}
	return data.DateTime, MapValues(data.DateTime, makeDatetime), nil
}

func makeDatetime(vals []data.Value) data.Value {
	var p [5]int64
	for i := 0; i < len(vals) && i < 5; i++ {
		x, ok := numInt(vals[i])
		if !ok {
			return data.Null(data.DateTime)
		}
		p[i] = x
	}
	var frac float64
	if len(vals) == 6 {
		s, ok := numFloat(vals[5])
		if !ok || !(s >= 0 && s < 60) {
			return data.Null(data.DateTime)
		}
		frac = s
	}
	y, m, d, h, mi := p[0], p[1], p[2], p[3], p[4]
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > int64(tmMonthDays(int(y), int(m))) ||
		h < 0 || h > 23 || mi < 0 || mi > 59 {
		return data.Null(data.DateTime)
	}
	t := tmDaysFrom(int(y), int(m), int(d))*data.Day + h*data.Hour + mi*data.Minute +
		int64(math.Round(frac*float64(data.Second)))
	if !tmInRange(t) {
		return data.Null(data.DateTime)
	}
	return data.DateTimeValue(t)
}

func bindMakeTimespan(args []ArgInfo) (data.Type, Kernel, error) {
	const name = "make_timespan"
	if len(args) == 1 {
		return convertBinder(data.TimeSpan)(args)
	}
	if err := numArity(name, args, 2, 4); err != nil {
		return data.Unknown, nil, err
	}
	for i, a := range args {
		if err := numWant(name, i, a); err != nil {
			return data.Unknown, nil, err
		}
	}
	return data.TimeSpan, MapValues(data.TimeSpan, makeTimespan), nil
}

func makeTimespan(vals []data.Value) data.Value {
	null := data.Null(data.TimeSpan)
	var days int64
	if len(vals) == 4 {
		d, ok := numInt(vals[0])
		if !ok || d > 10_000_000 || d < -10_000_000 {
			return null
		}
		days, vals = d, vals[1:]
	}
	h, ok1 := numInt(vals[0])
	m, ok2 := numInt(vals[1])
	if !ok1 || !ok2 || h < 0 || h > 23 || m < 0 || m > 59 {
		return null
	}
	var sec float64
	if len(vals) == 3 {
		s, ok := numFloat(vals[2])
		if !ok || !(s >= 0 && s < 60) {
			return null
		}
		sec = s
	}
	t := days*data.Day + h*data.Hour + m*data.Minute + int64(math.Round(sec*float64(data.Second)))
	return data.TimeSpanValue(t)
}

// unixtimeFunc converts a count of units since the Unix epoch to a
// datetime; unit is the unit in ticks, or 0 for nanoseconds.
func unixtimeFunc(name, units string, unit int64, ex Example) *Scalar {
	fromInt := func(n int64) (int64, bool) {
		if unit == 0 {
			return n / 100, true
		}
		t, ok := tmMulTicks(n, unit)
		return t, ok && tmInRange(t)
	}
	scale := float64(unit)
	if unit == 0 {
		scale = 0.01
	}
	fromReal := func(x float64) (int64, bool) {
		t := math.Round(x * scale)
		if !(t >= float64(data.MinDateTime) && t <= float64(data.MaxDateTime)) {
			return 0, false
		}
		return int64(t), true
	}
	return &Scalar{Name: name, Sig: name + "(" + units + ": real): datetime",
		Doc: "Converts a number of " + units + " since 1970-01-01 (negative before it) to a " +
			"datetime. Null, NaN or a result outside the datetime range gives null.",
		Examples: []Example{ex},
		Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
			if err := numArity(name, args, 1, 1); err != nil {
				return data.Unknown, nil, err
			}
			if err := numWant(name, 0, args[0]); err != nil {
				return data.Unknown, nil, err
			}
			if args[0].Type.IsInteger() {
				return data.DateTime, Map1(data.DateTime, fromInt), nil
			}
			return data.DateTime, numKernel(data.Real, Map1(data.DateTime, fromReal)), nil
		}}
}
