package functions

import (
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// format_datetime and format_timespan with .NET-style custom format strings
// (the elements Kusto documents, plus ddd/dddd/MMM/MMMM names and quoted
// literals). A constant format is parsed once.

func init() {
	register(
		&Scalar{Name: "format_datetime", Naming: NameFirstArg,
			Sig: "format_datetime(date: datetime, format: string): string",
			Doc: "Formats a datetime with a format of d, dd, f…fffffff, F…FFFFFFF, h, hh, H, HH, " +
				"m, mm, M, MM, s, ss, y, yy, yyyy and tt elements; other characters are copied. " +
				"Null gives the empty string.",
			Examples: []Example{
				{"print format_datetime(datetime(2017-01-29 09:00:05), 'yy-MM-dd [HH:mm:ss]')",
					"\"17-01-29 [09:00:05]\""},
				{"print format_datetime(datetime(2017-01-29 09:00:05), 'yy-MM-dd [hh:mm:ss tt]')",
					"\"17-01-29 [09:00:05 AM]\""}},
			Bind: bindFormat("format_datetime", data.DateTime)},
		&Scalar{Name: "format_timespan", Naming: NameFirstArg,
			Sig: "format_timespan(timespan: timespan, format: string): string",
			Doc: "Formats a timespan with a format of d…dddddddd (days), h/H, hh/HH, m, mm, s, " +
				"ss, f…fffffff and F…FFFFFFF elements; other characters are copied. The sign is " +
				"not written. Null gives the empty string.",
			Examples: []Example{
				{"print format_timespan(time(29.09:00:05.12345), 'dd.hh:mm:ss:FF')", "\"29.09:00:05:12\""},
				{"print format_timespan(time(29.09:00:05.12345), 'ddd.h:mm:ss [fffffff]')",
					"\"029.9:00:05 [1234500]\""}},
			Bind: bindFormat("format_timespan", data.TimeSpan)},
	)
}

// fmtElem is one element of a parsed format: a run of n copies of a
// format letter, or literal text when letter is 0.
type fmtElem struct {
	letter byte
	n      int
	lit    string
}

// parseFormat splits a .NET-style custom format into elements.
func parseFormat(f string) []fmtElem {
	var out []fmtElem
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			out = append(out, fmtElem{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(f); {
		c := f[i]
		switch {
		case strings.IndexByte("dfFhHmMsyt", c) >= 0:
			j := i
			for j < len(f) && f[j] == c {
				j++
			}
			flush()
			out = append(out, fmtElem{letter: c, n: j - i})
			i = j
		case c == '\'' || c == '"':
			j := strings.IndexByte(f[i+1:], c)
			if j < 0 {
				lit.WriteString(f[i+1:])
				i = len(f)
				continue
			}
			lit.WriteString(f[i+1 : i+1+j])
			i += j + 2
		case c == '\\' && i+1 < len(f):
			lit.WriteByte(f[i+1])
			i += 2
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flush()
	return out
}

// formatTicks formats datetime or timespan ticks; the bytes are built in a
// stack buffer when they fit.
func formatTicks(t data.Type, v int64, elems []fmtElem) string {
	var buf [64]byte
	if t == data.DateTime {
		return string(appendDateTimeFormat(buf[:0], v, elems))
	}
	return string(appendTimeSpanFormat(buf[:0], v, elems))
}

func bindFormat(name string, t data.Type) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := tmWantTypes(name, args, t, data.String); err != nil {
			return data.Unknown, nil, err
		}
		if c := args[1].Const; c != nil {
			elems := parseFormat(c.Str())
			k := Map1(data.String, func(v int64) (string, bool) {
				return formatTicks(t, v, elems), true
			})
			return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
				return k(ctx, n, cols[:1])
			}, nil
		}
		return data.String, Map2(data.String, func(v int64, f string) (string, bool) {
			return formatTicks(t, v, parseFormat(f)), true
		}), nil
	}
}

var (
	monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	dayNames = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday"}
)

func appendDateTimeFormat(dst []byte, t int64, elems []fmtElem) []byte {
	days := tmDay(t)
	y, mo, d := tmCivil(days)
	tod := t - days*data.Day
	h := int(tod / data.Hour)
	mi := int(tod % data.Hour / data.Minute)
	s := int(tod % data.Minute / data.Second)
	frac := int(tod % data.Second)
	for _, e := range elems {
		switch e.letter {
		case 0:
			dst = append(dst, e.lit...)
		case 'd':
			switch {
			case e.n <= 2:
				dst = appendPadded(dst, d, e.n)
			case e.n == 3:
				dst = append(dst, dayNames[tmWeekday(days)][:3]...)
			default:
				dst = append(dst, dayNames[tmWeekday(days)]...)
			}
		case 'M':
			switch {
			case e.n <= 2:
				dst = appendPadded(dst, mo, e.n)
			case e.n == 3:
				dst = append(dst, monthNames[mo-1][:3]...)
			default:
				dst = append(dst, monthNames[mo-1]...)
			}
		case 'y':
			if e.n <= 2 {
				dst = appendPadded(dst, y%100, e.n)
			} else {
				dst = appendPadded(dst, y, e.n)
			}
		case 'h':
			dst = appendPadded(dst, (h+11)%12+1, min(e.n, 2))
		case 'H':
			dst = appendPadded(dst, h, min(e.n, 2))
		case 'm':
			dst = appendPadded(dst, mi, min(e.n, 2))
		case 's':
			dst = appendPadded(dst, s, min(e.n, 2))
		case 'f', 'F':
			dst = appendFracFormat(dst, frac, e)
		case 't':
			ampm := "AM"
			if h >= 12 {
				ampm = "PM"
			}
			dst = append(dst, ampm[:min(e.n, 2)]...)
		}
	}
	return dst
}

func appendTimeSpanFormat(dst []byte, t int64, elems []fmtElem) []byte {
	u := uint64(t)
	if t < 0 {
		u = uint64(-t)
	}
	days := u / uint64(data.Day)
	tod := int64(u % uint64(data.Day))
	for _, e := range elems {
		switch e.letter {
		case 0:
			dst = append(dst, e.lit...)
		case 'd':
			dst = appendPaddedU(dst, days, e.n)
		case 'h', 'H':
			dst = appendPadded(dst, int(tod/data.Hour), min(e.n, 2))
		case 'm':
			dst = appendPadded(dst, int(tod%data.Hour/data.Minute), min(e.n, 2))
		case 's':
			dst = appendPadded(dst, int(tod%data.Minute/data.Second), min(e.n, 2))
		case 'f', 'F':
			dst = appendFracFormat(dst, int(tod%data.Second), e)
		default:
			// Letters that mean nothing for a timespan (M, y, t) are copied.
			for i := 0; i < e.n; i++ {
				dst = append(dst, e.letter)
			}
		}
	}
	return dst
}

// appendFracFormat writes the first n digits of a seven-digit fraction of
// a second; F drops trailing zeros, and when nothing is left it also drops
// a '.' written just before it.
func appendFracFormat(dst []byte, frac int, e fmtElem) []byte {
	n := min(e.n, 7)
	var buf [7]byte
	for i := 6; i >= 0; i-- {
		buf[i] = byte('0' + frac%10)
		frac /= 10
	}
	digits := buf[:n]
	if e.letter == 'F' {
		for len(digits) > 0 && digits[len(digits)-1] == '0' {
			digits = digits[:len(digits)-1]
		}
		if len(digits) == 0 {
			if len(dst) > 0 && dst[len(dst)-1] == '.' {
				dst = dst[:len(dst)-1]
			}
			return dst
		}
	}
	return append(dst, digits...)
}

// appendPadded writes v with at least width digits.
func appendPadded(dst []byte, v, width int) []byte {
	if v < 0 {
		dst = append(dst, '-')
		v = -v
	}
	return appendPaddedU(dst, uint64(v), width)
}

func appendPaddedU(dst []byte, v uint64, width int) []byte {
	var buf [24]byte
	i := len(buf)
	for v > 0 || width > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		width--
		if i == 0 {
			break
		}
	}
	return append(dst, buf[i:]...)
}
