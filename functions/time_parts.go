package functions

import (
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// Functions that take a datetime apart. Kusto's engine returns long for all
// of them (the language service declares int), so these return long.

func init() {
	register(
		datePartFunc("getyear", "Returns the year of a datetime.",
			Example{"print getyear(datetime(2015-10-12))", "2015"}, partYear),
		datePartFunc("getmonth", "Returns the month (1-12) of a datetime.",
			Example{"print getmonth(datetime(2015-10-12))", "10"}, partMonth),
		datePartFunc("monthofyear", "Returns the month (1-12) of a datetime.",
			Example{"print monthofyear(datetime(2015-12-14))", "12"}, partMonth),
		datePartFunc("dayofmonth", "Returns the day of the month (1-31) of a datetime.",
			Example{"print dayofmonth(datetime(2015-12-14))", "14"}, partDay),
		datePartFunc("dayofyear", "Returns the day of the year (1-366) of a datetime.",
			Example{"print dayofyear(datetime(2015-12-14))", "348"}, partDayOfYear),
		datePartFunc("hourofday", "Returns the hour (0-23) of a datetime.",
			Example{"print hourofday(datetime(2015-12-14 18:54))", "18"}, partHour),
		datePartFunc("week_of_year", "Returns the ISO 8601 week number (1-53) of a datetime: "+
			"weeks start on Monday and week 1 holds the year's first Thursday.",
			Example{"print week_of_year(datetime(2020-12-31))", "53"}, partWeekOfYear),
		&Scalar{Name: "dayofweek", Sig: "dayofweek(date: datetime): timespan",
			Doc: "Returns the number of whole days since the preceding Sunday, as a timespan; " +
				"null gives null.",
			Examples: []Example{{"print dayofweek(datetime(1970-05-11))", "1.00:00:00"}},
			Overloads: []Overload{{Params: []data.Type{data.DateTime}, Result: data.TimeSpan,
				Kernel: Map1(data.TimeSpan, func(t int64) (int64, bool) {
					return tmWeekday(tmDay(t)) * data.Day, true
				})}}},
		&Scalar{Name: "datetime_part", Sig: "datetime_part(part: string, date: datetime): long",
			Doc: "Extracts a part of a datetime as a number. The part is one of year, quarter, " +
				"month, week_of_year, day, dayofyear, hour, minute, second, millisecond, " +
				"microsecond, nanosecond (any case); an unknown constant part is an error.",
			Examples: []Example{
				{"print datetime_part('year', datetime(2017-10-30 01:02:03.7654321))", "2017"},
				{"print datetime_part('nanosecond', datetime(2017-10-30 01:02:03.7654321))", "765432100"}},
			Bind: bindDatetimePart("datetime_part")},
	)
	aliasOf("datepart", "datetime_part", "Obsolete name of datetime_part(): ")
}

// aliasOf registers another name for a built-in scalar, with its signature
// and doc naming it.
func aliasOf(name, target, docPrefix string) {
	f := *builtins.scalars[target]
	f.Name = name
	f.Sig = strings.ReplaceAll(f.Sig, target+"(", name+"(")
	f.Doc = docPrefix + f.Doc
	f.Examples = append([]Example(nil), f.Examples...)
	for i := range f.Examples {
		f.Examples[i].Query = strings.ReplaceAll(f.Examples[i].Query, target+"(", name+"(")
	}
	register(&f)
}

// partFunc extracts one part of a datetime given in ticks.
type partFunc func(t int64) int64

func partYear(t int64) int64 {
	y, _, _ := tmCivil(tmDay(t))
	return int64(y)
}

func partQuarter(t int64) int64 {
	_, m, _ := tmCivil(tmDay(t))
	return int64((m-1)/3 + 1)
}

func partMonth(t int64) int64 {
	_, m, _ := tmCivil(tmDay(t))
	return int64(m)
}

func partDay(t int64) int64 {
	_, _, d := tmCivil(tmDay(t))
	return int64(d)
}

func partDayOfYear(t int64) int64  { return int64(tmDayOfYear(tmDay(t))) }
func partWeekOfYear(t int64) int64 { return int64(tmISOWeek(tmDay(t))) }
func partHour(t int64) int64       { return tmFloorMod(t, data.Day) / data.Hour }
func partMinute(t int64) int64     { return tmFloorMod(t, data.Hour) / data.Minute }
func partSecond(t int64) int64     { return tmFloorMod(t, data.Minute) / data.Second }
func partMilli(t int64) int64      { return tmFloorMod(t, data.Second) / data.Millisecond }
func partMicro(t int64) int64      { return tmFloorMod(t, data.Second) / data.Microsecond }
func partNano(t int64) int64       { return tmFloorMod(t, data.Second) * 100 }

// dateParts maps the part names of datetime_part (lower case) to their
// extractors.
var dateParts = map[string]partFunc{
	"year": partYear, "quarter": partQuarter, "month": partMonth,
	"week_of_year": partWeekOfYear, "day": partDay, "dayofyear": partDayOfYear,
	"hour": partHour, "minute": partMinute, "second": partSecond,
	"millisecond": partMilli, "microsecond": partMicro, "nanosecond": partNano,
}

const datePartNames = "year, quarter, month, week_of_year, day, dayofyear, hour, minute, " +
	"second, millisecond, microsecond or nanosecond"

func datePartFunc(name, doc string, ex Example, f partFunc) *Scalar {
	return &Scalar{Name: name, Sig: name + "(date: datetime): long",
		Doc: doc + " Null gives null.", Examples: []Example{ex},
		Overloads: []Overload{{Params: []data.Type{data.DateTime}, Result: data.Long,
			Kernel: Map1(data.Long, func(t int64) (int64, bool) { return f(t), true })}}}
}

func bindDatetimePart(name string) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := tmWantTypes(name, args, data.String, data.DateTime); err != nil {
			return data.Unknown, nil, err
		}
		if c := args[0].Const; c != nil {
			f, ok := dateParts[strings.ToLower(c.Str())]
			if !ok {
				return data.Unknown, nil, fmt.Errorf("%s(): the part must be one of %s, got '%s'",
					name, datePartNames, c.Str())
			}
			k := Map1(data.Long, func(t int64) (int64, bool) { return f(t), true })
			return data.Long, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
				return k(ctx, n, cols[1:])
			}, nil
		}
		return data.Long, Map2(data.Long, func(p string, t int64) (int64, bool) {
			f, ok := dateParts[strings.ToLower(p)]
			if !ok {
				return 0, false
			}
			return f(t), true
		}), nil
	}
}

// tmWantTypes checks that a scalar call has exactly the given argument types
// (data.Unknown accepts any type); int arguments are accepted for long
// parameters and are widened by the caller when needed.
func tmWantTypes(name string, args []ArgInfo, types ...data.Type) error {
	if len(args) != len(types) {
		return fmt.Errorf("function '%s' expects %d arguments, got %d", name, len(types), len(args))
	}
	for i, t := range types {
		if err := tmWantType(name, i, args[i], t); err != nil {
			return err
		}
	}
	return nil
}

// tmWantType checks argument i against type t.
func tmWantType(name string, i int, a ArgInfo, t data.Type) error {
	if a.Star {
		return fmt.Errorf("function '%s' does not accept '*'", name)
	}
	if t == data.Unknown || a.Type == t || (t == data.Long && a.Type == data.Int) {
		return nil
	}
	return fmt.Errorf("function '%s' expects a %s for argument %d, got %s", name, t, i+1, a.Type)
}
