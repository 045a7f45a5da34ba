package functions

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// tmCase is one call of a scalar function and its expected result; an
// invalid want (the zero Value) expects a bind or run error.
type tmCase struct {
	fn   string
	args []data.Value
	want data.Value
}

// runTmCases calls each function twice: with constant arguments (as
// literals are) and with plain one-row columns. An expected error must come
// from the constant call; the other may give null instead.
func runTmCases(t *testing.T, cases []tmCase) {
	t.Helper()
	for _, c := range cases {
		name := fmt.Sprintf("%s%v", c.fn, c.args)
		t.Run(name, func(t *testing.T) {
			for _, konst := range []bool{true, false} {
				got, err := tmCall(c.fn, konst, c.args...)
				if c.want.Type() == data.Unknown {
					if err == nil && (konst || !got.IsNull()) {
						t.Errorf("const=%v: got %v, want an error", konst, got)
					}
					continue
				}
				if err != nil {
					t.Fatalf("const=%v: got error %v, want %v", konst, err, c.want)
				}
				if !got.Equal(c.want) && !tmClose(got, c.want) {
					t.Errorf("const=%v: got %v (%s), want %v (%s)", konst, got, got.Type(),
						c.want, c.want.Type())
				}
			}
		})
	}
}

// tmCall is tryScalar with the arguments optionally marked constant.
func tmCall(name string, konst bool, args ...data.Value) (data.Value, error) {
	if !konst {
		return tryScalar(name, args...)
	}
	f, ok := Builtins().Scalar(name)
	if !ok {
		return data.Value{}, errUnknown(name)
	}
	infos := make([]ArgInfo, len(args))
	cols := make([]data.Column, len(args))
	for i := range args {
		infos[i] = ArgInfo{Type: args[i].Type(), Const: &args[i]}
		cols[i] = data.NewConst(args[i], 1)
	}
	_, k, err := f.BindCall(infos)
	if err != nil {
		return data.Value{}, err
	}
	col, err := k(&Ctx{Now: testNow}, 1, cols)
	if err != nil {
		return data.Value{}, err
	}
	if col.Len() != 1 {
		return data.Value{}, fmt.Errorf("%s returned %d rows, want 1", name, col.Len())
	}
	return col.Value(0), nil
}

func tmClose(a, b data.Value) bool {
	if a.Type() != data.Real || b.Type() != data.Real || a.IsNull() || b.IsNull() {
		return false
	}
	x, y := a.Float64(), b.Float64()
	return math.Abs(x-y) <= 1e-12*math.Max(1, math.Abs(y))
}

// Shorthands for values in tests.
func tmDT(s string) data.Value { return data.DateTimeValue(mustTicks(s)) }
func tmTS(s string) data.Value {
	t, err := data.ParseTimeSpan(s)
	if err != nil {
		panic(err)
	}
	return data.TimeSpanValue(t)
}
func tmL(x int64) data.Value        { return data.LongValue(x) }
func tmI(x int32) data.Value        { return data.IntValue(x) }
func tmR(x float64) data.Value      { return data.RealValue(x) }
func tmS(s string) data.Value       { return data.StringValue(s) }
func tmB(b bool) data.Value         { return data.BoolValue(b) }
func tmNull(t data.Type) data.Value { return data.Null(t) }

var tmErr = data.Value{}

func TestDateParts(t *testing.T) {
	dt := tmDT("2017-10-30 01:02:03.7654321")
	part := func(p string, want int64) tmCase {
		return tmCase{"datetime_part", []data.Value{tmS(p), dt}, tmL(want)}
	}
	runTmCases(t, []tmCase{
		part("year", 2017), part("quarter", 4), part("month", 10), part("week_of_year", 44),
		part("day", 30), part("dayOfYear", 303), part("hour", 1), part("minute", 2),
		part("second", 3), part("millisecond", 765), part("microsecond", 765432),
		part("nanosecond", 765432100), part("YEAR", 2017),
		{"datepart", []data.Value{tmS("month"), dt}, tmL(10)},
		{"datetime_part", []data.Value{tmS("weeks"), dt}, tmErr},
		{"datetime_part", []data.Value{tmS("year"), tmNull(data.DateTime)}, tmNull(data.Long)},
		{"datetime_part", []data.Value{tmS("year"), tmL(1)}, tmErr},
		{"getyear", []data.Value{tmDT("2015-10-12")}, tmL(2015)},
		{"getyear", []data.Value{tmDT("0001-01-01")}, tmL(1)},
		{"getyear", []data.Value{tmDT("9999-12-31 23:59:59.9999999")}, tmL(9999)},
		{"getyear", []data.Value{tmDT("1969-12-31 23:59:59")}, tmL(1969)},
		{"getmonth", []data.Value{tmDT("2015-10-12")}, tmL(10)},
		{"monthofyear", []data.Value{tmDT("2015-12-14")}, tmL(12)},
		{"dayofmonth", []data.Value{tmDT("2015-12-14")}, tmL(14)},
		{"dayofyear", []data.Value{tmDT("2016-12-31")}, tmL(366)},
		{"hourofday", []data.Value{tmDT("2015-12-14 18:54")}, tmL(18)},
		{"hourofday", []data.Value{tmDT("1960-12-14 18:54")}, tmL(18)},
		{"hourofday", []data.Value{tmNull(data.DateTime)}, tmNull(data.Long)},
		{"hourofday", []data.Value{tmS("2015-12-14")}, tmErr},
		{"week_of_year", []data.Value{tmDT("2020-12-31")}, tmL(53)},
		{"week_of_year", []data.Value{tmDT("2020-06-15")}, tmL(25)},
		{"week_of_year", []data.Value{tmDT("1970-01-01")}, tmL(1)},
		{"week_of_year", []data.Value{tmDT("2000-01-01")}, tmL(52)},
		{"week_of_year", []data.Value{tmDT("2018-12-31")}, tmL(1)},
		{"dayofweek", []data.Value{tmDT("1947-11-30 10:00:05")}, tmTS("0:00:00")},
		{"dayofweek", []data.Value{tmDT("1970-05-11")}, tmTS("1.00:00:00")},
		{"dayofweek", []data.Value{tmDT("1970-5-12")}, tmTS("2.00:00:00")},
	})
}

func TestStartEndOf(t *testing.T) {
	d := tmDT("2017-01-01 10:10:17")
	var cases []tmCase
	for _, c := range []struct {
		fn   string
		want [3]string
	}{
		{"startofday", [3]string{"2016-12-31", "2017-01-01", "2017-01-02"}},
		{"startofweek", [3]string{"2016-12-25", "2017-01-01", "2017-01-08"}},
		{"startofmonth", [3]string{"2016-12-01", "2017-01-01", "2017-02-01"}},
		{"startofyear", [3]string{"2016-01-01", "2017-01-01", "2018-01-01"}},
		{"endofday", [3]string{"2016-12-31 23:59:59.9999999", "2017-01-01 23:59:59.9999999",
			"2017-01-02 23:59:59.9999999"}},
		{"endofweek", [3]string{"2016-12-31 23:59:59.9999999", "2017-01-07 23:59:59.9999999",
			"2017-01-14 23:59:59.9999999"}},
		{"endofmonth", [3]string{"2016-12-31 23:59:59.9999999", "2017-01-31 23:59:59.9999999",
			"2017-02-28 23:59:59.9999999"}},
		{"endofyear", [3]string{"2016-12-31 23:59:59.9999999", "2017-12-31 23:59:59.9999999",
			"2018-12-31 23:59:59.9999999"}},
	} {
		for i, w := range c.want {
			cases = append(cases, tmCase{c.fn, []data.Value{d, tmL(int64(i - 1))}, tmDT(w)})
		}
		cases = append(cases,
			tmCase{c.fn, []data.Value{d}, tmDT(c.want[1])},
			tmCase{c.fn, []data.Value{d, tmI(0)}, tmDT(c.want[1])},
			tmCase{c.fn, []data.Value{tmNull(data.DateTime)}, tmNull(data.DateTime)},
			tmCase{c.fn, []data.Value{d, tmNull(data.Long)}, tmNull(data.DateTime)},
			tmCase{c.fn, []data.Value{d, tmL(1 << 40)}, tmNull(data.DateTime)},
			tmCase{c.fn, []data.Value{d, tmR(1.5)}, tmErr},
			tmCase{c.fn, []data.Value{tmS("2017-01-01")}, tmErr},
		)
	}
	cases = append(cases,
		tmCase{"endofyear", []data.Value{tmDT("9999-06-01")}, tmDT("9999-12-31 23:59:59.9999999")},
		tmCase{"startofyear", []data.Value{tmDT("0001-06-01"), tmL(-1)}, tmNull(data.DateTime)},
		tmCase{"startofweek", []data.Value{tmDT("1969-12-31")}, tmDT("1969-12-28")},
	)
	runTmCases(t, cases)
}

func TestBin(t *testing.T) {
	runTmCases(t, []tmCase{
		{"bin", []data.Value{tmR(4.5), tmL(1)}, tmR(4)},
		{"bin", []data.Value{tmL(7), tmL(5)}, tmL(5)},
		{"bin", []data.Value{tmL(-1), tmL(5)}, tmL(-5)},
		{"bin", []data.Value{tmI(7), tmI(5)}, tmL(5)},
		{"bin", []data.Value{tmL(7), tmR(2.5)}, tmR(5)},
		{"bin", []data.Value{tmR(-0.5), tmR(1)}, tmR(-1)},
		{"bin", []data.Value{tmL(7), tmL(0)}, tmNull(data.Long)},
		{"bin", []data.Value{tmL(7), tmL(-1)}, tmNull(data.Long)},
		{"bin", []data.Value{tmR(7), tmR(0)}, tmNull(data.Real)},
		{"bin", []data.Value{tmNull(data.Long), tmL(1)}, tmNull(data.Long)},
		{"bin", []data.Value{tmTS("16d"), tmTS("7d")}, tmTS("14d")},
		{"bin", []data.Value{tmTS("-01:00:00"), tmTS("1d")}, tmTS("-1.00:00:00")},
		{"bin", []data.Value{tmDT("1970-05-11 13:45:07"), tmTS("1d")}, tmDT("1970-05-11")},
		{"bin", []data.Value{tmDT("1969-05-11 13:45:07"), tmTS("1h")}, tmDT("1969-05-11 13:00")},
		// 7-day bins start on Mondays (0001-01-01 was one).
		{"bin", []data.Value{tmDT("2017-05-17 10:20"), tmTS("7d")}, tmDT("2017-05-15")},
		{"bin", []data.Value{tmDT("2017-05-17"), tmTS("00:00:00")}, tmNull(data.DateTime)},
		{"bin", []data.Value{tmDT("2017-05-17"), tmL(1)}, tmErr},
		{"bin", []data.Value{tmS("x"), tmL(1)}, tmErr},
		{"bin", []data.Value{tmL(1)}, tmErr},
		{"floor", []data.Value{tmR(4.5), tmL(1)}, tmR(4)},
		{"floor", []data.Value{tmDT("1970-05-11 13:45:07"), tmTS("1d")}, tmDT("1970-05-11")},
		{"bin_at", []data.Value{tmR(6.5), tmR(2.5), tmL(7)}, tmR(4.5)},
		{"bin_at", []data.Value{tmL(6), tmL(5), tmL(7)}, tmL(2)},
		{"bin_at", []data.Value{tmTS("1h"), tmTS("1d"), tmTS("12h")}, tmTS("-12:00:00")},
		{"bin_at", []data.Value{tmDT("2017-05-15 10:20"), tmTS("1d"), tmDT("1970-01-01 12:00")},
			tmDT("2017-05-14 12:00")},
		{"bin_at", []data.Value{tmDT("2017-05-17 10:20"), tmTS("7d"), tmDT("2017-06-04")},
			tmDT("2017-05-14")},
		{"bin_at", []data.Value{tmDT("2017-05-17 10:20"), tmTS("7d"), tmNull(data.DateTime)},
			tmNull(data.DateTime)},
		{"bin_at", []data.Value{tmDT("2017-05-17 10:20"), tmL(7), tmDT("2017-06-04")}, tmErr},
	})
}

func TestBinColumns(t *testing.T) {
	ticks := []int64{mustTicks("2024-01-01 10:20"), 0, mustTicks("1960-01-01 00:30")}
	nulls := data.NewBitmap(3)
	nulls.Set(1)
	col := data.NewVec(data.DateTime, ticks, nulls)
	f, _ := Builtins().Scalar("bin")
	_, k, err := f.BindCall([]ArgInfo{{Type: data.DateTime}, {Type: data.TimeSpan}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := k(&Ctx{}, 3, []data.Column{col, data.NewConst(data.TimeSpanValue(data.Hour), 3)})
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Value{tmDT("2024-01-01 10:00"), tmNull(data.DateTime), tmDT("1960-01-01 00:00")}
	for i, w := range want {
		if got := out.Value(i); !got.Equal(w) {
			t.Errorf("row %d: got %v, want %v", i, got, w)
		}
	}
}

func TestDatetimeAddDiff(t *testing.T) {
	base := tmDT("2017-01-01")
	add := func(p string, n int64, want string) tmCase {
		return tmCase{"datetime_add", []data.Value{tmS(p), tmL(n), base}, tmDT(want)}
	}
	diff := func(p, a, b string, want int64) tmCase {
		return tmCase{"datetime_diff", []data.Value{tmS(p), tmDT(a), tmDT(b)}, tmL(want)}
	}
	runTmCases(t, []tmCase{
		add("year", 1, "2018-01-01"), add("quarter", 1, "2017-04-01"), add("month", 1, "2017-02-01"),
		add("week", 1, "2017-01-08"), add("day", 1, "2017-01-02"), add("hour", 1, "2017-01-01 01:00"),
		add("minute", 1, "2017-01-01 00:01"), add("second", 1, "2017-01-01 00:00:01"),
		add("Millisecond", 1, "2017-01-01 00:00:00.001"), add("microsecond", 1, "2017-01-01 00:00:00.000001"),
		add("nanosecond", 100, "2017-01-01 00:00:00.0000001"),
		add("year", -5, "2012-01-01"), add("quarter", 12, "2020-01-01"), add("month", -15, "2015-10-01"),
		add("week", 100, "2018-12-02"),
		{"datetime_add", []data.Value{tmS("month"), tmL(1), tmDT("2017-01-31 10:00")}, tmDT("2017-02-28 10:00")},
		{"datetime_add", []data.Value{tmS("year"), tmL(1), tmDT("2016-02-29")}, tmDT("2017-02-28")},
		{"datetime_add", []data.Value{tmS("year"), tmL(10000), base}, tmNull(data.DateTime)},
		{"datetime_add", []data.Value{tmS("day"), tmL(math.MaxInt64), base}, tmNull(data.DateTime)},
		{"datetime_add", []data.Value{tmS("day"), tmI(2), base}, tmDT("2017-01-03")},
		{"datetime_add", []data.Value{tmS("day"), tmNull(data.Long), base}, tmNull(data.DateTime)},
		{"datetime_add", []data.Value{tmS("days"), tmL(1), base}, tmErr},
		{"datetime_add", []data.Value{tmS("day"), tmR(1.5), base}, tmErr},
		diff("year", "2017-01-01", "2000-12-31", 17),
		diff("quarter", "2017-07-01", "2017-03-30", 2),
		diff("month", "2017-01-01", "2015-12-30", 13),
		diff("week", "2017-10-29 00:00", "2017-09-30 23:59", 5),
		diff("day", "2017-10-29 00:00", "2017-09-30 23:59", 29),
		diff("hour", "2017-10-31 01:00", "2017-10-30 23:59", 2),
		diff("minute", "2017-10-30 23:05:01", "2017-10-30 23:00:59", 5),
		diff("second", "2017-10-30 23:00:10.100", "2017-10-30 23:00:00.900", 10),
		diff("millisecond", "2017-10-30 23:00:00.200100", "2017-10-30 23:00:00.100900", 100),
		diff("microsecond", "2017-10-30 23:00:00.1009001", "2017-10-30 23:00:00.1008009", 100),
		diff("nanosecond", "2017-10-30 23:00:00.0000000", "2017-10-30 23:00:00.0000007", -700),
		diff("day", "1969-12-31 23:00", "1970-01-01 01:00", -1),
		diff("week", "1970-01-04", "1970-01-03", 1),
		{"datetime_diff", []data.Value{tmS("day"), tmNull(data.DateTime), base}, tmNull(data.Long)},
		{"datetime_diff", []data.Value{tmS("fortnight"), base, base}, tmErr},
		{"datetime_diff", []data.Value{tmS("day"), base, tmTS("1h")}, tmErr},
	})
}

func TestMakeAndUnixtime(t *testing.T) {
	runTmCases(t, []tmCase{
		{"make_datetime", []data.Value{tmL(2017), tmL(10), tmL(1)}, tmDT("2017-10-01")},
		{"make_datetime", []data.Value{tmL(2017), tmL(10), tmL(1), tmL(12), tmL(10)}, tmDT("2017-10-01 12:10")},
		{"make_datetime", []data.Value{tmL(2017), tmL(10), tmL(1), tmL(12), tmL(11), tmR(0.1234567)},
			tmDT("2017-10-01 12:11:00.1234567")},
		{"make_datetime", []data.Value{tmI(2017), tmI(2), tmI(29)}, tmNull(data.DateTime)},
		{"make_datetime", []data.Value{tmL(2016), tmL(2), tmL(29)}, tmDT("2016-02-29")},
		{"make_datetime", []data.Value{tmL(2017), tmL(13), tmL(1)}, tmNull(data.DateTime)},
		{"make_datetime", []data.Value{tmL(0), tmL(1), tmL(1)}, tmNull(data.DateTime)},
		{"make_datetime", []data.Value{tmL(2017), tmL(1), tmL(1), tmL(24), tmL(0)}, tmNull(data.DateTime)},
		{"make_datetime", []data.Value{tmL(2017), tmNull(data.Long), tmL(1)}, tmNull(data.DateTime)},
		{"make_datetime", []data.Value{tmS("2017-10-01")}, tmDT("2017-10-01")},
		{"make_datetime", []data.Value{tmS("2017"), tmL(1), tmL(1)}, tmErr},
		{"make_datetime", []data.Value{tmL(2017), tmL(1)}, tmErr},
		{"make_timespan", []data.Value{tmL(1), tmL(12), tmL(30), tmR(55.123)}, tmTS("1.12:30:55.123")},
		{"make_timespan", []data.Value{tmL(2), tmL(30)}, tmTS("02:30:00")},
		{"make_timespan", []data.Value{tmL(2), tmL(30), tmL(15)}, tmTS("02:30:15")},
		{"make_timespan", []data.Value{tmL(24), tmL(30)}, tmNull(data.TimeSpan)},
		{"make_timespan", []data.Value{tmS("1.00:00:00")}, tmTS("1d")},
		{"unixtime_seconds_todatetime", []data.Value{tmL(1546300800)}, tmDT("2019-01-01")},
		{"unixtime_seconds_todatetime", []data.Value{tmR(1546300800.5)}, tmDT("2019-01-01 00:00:00.5")},
		{"unixtime_seconds_todatetime", []data.Value{tmL(-1)}, tmDT("1969-12-31 23:59:59")},
		{"unixtime_seconds_todatetime", []data.Value{tmL(1 << 62)}, tmNull(data.DateTime)},
		{"unixtime_seconds_todatetime", []data.Value{tmR(math.NaN())}, tmNull(data.DateTime)},
		{"unixtime_milliseconds_todatetime", []data.Value{tmL(1546300800000)}, tmDT("2019-01-01")},
		{"unixtime_microseconds_todatetime", []data.Value{tmL(1546300800000000)}, tmDT("2019-01-01")},
		{"unixtime_nanoseconds_todatetime", []data.Value{tmL(1546300800000000000)}, tmDT("2019-01-01")},
		{"unixtime_nanoseconds_todatetime", []data.Value{tmR(1546300800000000000)}, tmDT("2019-01-01")},
		{"unixtime_seconds_todatetime", []data.Value{tmS("1")}, tmErr},
		{"totime", []data.Value{tmS("0.00:03:00")}, tmTS("00:03:00")},
	})
}

func TestFormatDatetime(t *testing.T) {
	dt := tmDT("2017-01-29 09:00:05")
	f := func(format, want string) tmCase {
		return tmCase{"format_datetime", []data.Value{dt, tmS(format)}, tmS(want)}
	}
	frac := tmDT("2009-06-15 13:45:30.6170000")
	ff := func(format, want string) tmCase {
		return tmCase{"format_datetime", []data.Value{frac, tmS(format)}, tmS(want)}
	}
	runTmCases(t, []tmCase{
		f("yy-MM-dd [HH:mm:ss]", "17-01-29 [09:00:05]"),
		f("yyyy-M-dd [H:mm:ss]", "2017-1-29 [9:00:05]"),
		f("yy-MM-dd [hh:mm:ss tt]", "17-01-29 [09:00:05 AM]"),
		f("dd-MM-yyyy", "29-01-2017"),
		f("MM/dd/yyyy HH:mm", "01/29/2017 09:00"),
		f("y-M-d", "17-1-29"),
		f("ddd, dd MMM yyyy", "Sun, 29 Jan 2017"),
		f("dddd MMMM", "Sunday January"),
		f("yyyy-MM-dd'T'HH:mm:ss", "2017-01-29T09:00:05"),
		f("", ""),
		ff("ss.f|ss.ff|fff|fffffff", "30.6|30.61|617|6170000"),
		ff("F|FF|FFFF|FFFFFFF", "6|61|617|617"),
		ff("h tt", "1 PM"),
		{"format_datetime", []data.Value{tmDT("2009-06-15 13:45:30"), tmS("ss.FFF")}, tmS("30")},
		{"format_datetime", []data.Value{tmDT("2009-06-15 13:45:30.0001150"), tmS("FFFFFFF")}, tmS("000115")},
		{"format_datetime", []data.Value{tmDT("0900-01-01"), tmS("y|yy|yyyy")}, tmS("0|00|0900")},
		{"format_datetime", []data.Value{tmDT("2009-06-15 00:45:30"), tmS("hh")}, tmS("12")},
		{"format_datetime", []data.Value{tmNull(data.DateTime), tmS("yyyy")}, tmS("")},
		{"format_datetime", []data.Value{tmS("2017-01-01"), tmS("yyyy")}, tmErr},
		{"format_timespan", []data.Value{tmTS("29.09:00:05.12345"), tmS("dd.hh:mm:ss:FF")}, tmS("29.09:00:05:12")},
		{"format_timespan", []data.Value{tmTS("29.09:00:05.12345"), tmS("ddd.h:mm:ss [fffffff]")},
			tmS("029.9:00:05 [1234500]")},
		{"format_timespan", []data.Value{tmTS("15.13:45:30"), tmS("d")}, tmS("15")},
		{"format_timespan", []data.Value{tmTS("-01:02:03"), tmS("hh:mm:ss")}, tmS("01:02:03")},
		{"format_timespan", []data.Value{tmNull(data.TimeSpan), tmS("hh")}, tmS("")},
	})
}

func TestTimeZones(t *testing.T) {
	brussels := tmS("Europe/Brussels")
	runTmCases(t, []tmCase{
		{"datetime_local_to_utc", []data.Value{tmDT("2022-03-27 01:00"), brussels}, tmDT("2022-03-27 00:00")},
		{"datetime_local_to_utc", []data.Value{tmDT("2022-03-27 02:00"), brussels}, tmDT("2022-03-27 00:00")},
		{"datetime_local_to_utc", []data.Value{tmDT("2022-03-27 03:00"), brussels}, tmDT("2022-03-27 01:00")},
		{"datetime_local_to_utc", []data.Value{tmDT("2022-03-27 04:00"), brussels}, tmDT("2022-03-27 02:00")},
		{"datetime_utc_to_local", []data.Value{tmDT("2022-03-27 00:00"), brussels}, tmDT("2022-03-27 01:00")},
		{"datetime_utc_to_local", []data.Value{tmDT("2022-03-27 01:00"), brussels}, tmDT("2022-03-27 03:00")},
		{"datetime_local_to_utc", []data.Value{tmDT("2020-02-02 20:02:20"), tmS("US/Pacific")},
			tmDT("2020-02-03 04:02:20")},
		{"datetime_local_to_utc", []data.Value{tmDT("2020-02-02 20:02:20"), tmS("America/Chicago")},
			tmDT("2020-02-03 02:02:20")},
		{"datetime_utc_to_local", []data.Value{tmDT("2022-07-11 22:18:48.467862"), tmS("Australia/Canberra")},
			tmDT("2022-07-12 08:18:48.467862")},
		{"datetime_utc_to_local", []data.Value{tmDT("2022-07-11 22:18"), tmS("No/Where")}, tmNull(data.DateTime)},
		{"datetime_utc_to_local", []data.Value{tmDT("2022-07-11 22:18"), tmS("../../etc/passwd")},
			tmNull(data.DateTime)},
		{"datetime_utc_to_local", []data.Value{tmNull(data.DateTime), brussels}, tmNull(data.DateTime)},
		{"datetime_utc_to_local", []data.Value{tmDT("2022-07-11 22:18"), tmL(1)}, tmErr},
	})
}

func TestTimeSignaturesDocumented(t *testing.T) {
	for _, name := range []string{"bin", "floor", "bin_at", "datetime_add", "datetime_diff",
		"format_datetime", "startofday", "endofyear", "make_datetime", "datetime_utc_to_local"} {
		f, ok := Builtins().Scalar(name)
		if !ok {
			t.Fatalf("%s is not registered", name)
		}
		if !strings.HasPrefix(f.Sig, name+"(") || f.Doc == "" || len(f.Examples) == 0 {
			t.Errorf("%s: incomplete documentation", name)
		}
	}
}
