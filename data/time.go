package data

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// Datetime and timespan values are int64 counts of 100-nanosecond ticks.
// A datetime counts ticks since the Unix epoch, UTC; Kusto's valid range
// (0001-01-01 to 9999-12-31) fits comfortably.
const (
	Tick        int64 = 1
	Microsecond       = 10 * Tick
	Millisecond       = 1000 * Microsecond
	Second            = 1000 * Millisecond
	Minute            = 60 * Second
	Hour              = 60 * Minute
	Day               = 24 * Hour
)

// Limits of Kusto's datetime type, in ticks since the Unix epoch.
var (
	MinDateTime = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix() * Second
	MaxDateTime = time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC).Unix()*Second + 9999999
)

// TicksFromTime converts a Go time to datetime ticks (UTC).
func TicksFromTime(t time.Time) int64 {
	return t.Unix()*Second + int64(t.Nanosecond())/100
}

// TimeFromTicks converts datetime ticks to a Go time in UTC.
func TimeFromTicks(ticks int64) time.Time {
	sec := ticks / Second
	rem := ticks % Second
	if rem < 0 {
		rem += Second
		sec--
	}
	return time.Unix(sec, rem*100).UTC()
}

// FormatDateTime formats datetime ticks the way Kusto's tostring does:
// ISO 8601 with seven fractional digits, "2025-06-01T12:00:00.0000000Z".
func FormatDateTime(ticks int64) string {
	return string(AppendDateTime(nil, ticks, false))
}

// FormatDateTimeShort formats datetime ticks with trailing fractional zeros
// trimmed ("2025-06-01T12:00:00Z"), as the JSON result format does.
func FormatDateTimeShort(ticks int64) string {
	return string(AppendDateTime(nil, ticks, true))
}

// AppendDateTime appends the ISO 8601 form of ticks to dst; trim drops
// trailing zeros of the fraction (and the dot when nothing is left).
func AppendDateTime(dst []byte, ticks int64, trim bool) []byte {
	t := TimeFromTicks(ticks)
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	dst = appendInt(dst, y, 4)
	dst = append(dst, '-')
	dst = appendInt(dst, int(mo), 2)
	dst = append(dst, '-')
	dst = appendInt(dst, d, 2)
	dst = append(dst, 'T')
	dst = appendInt(dst, h, 2)
	dst = append(dst, ':')
	dst = appendInt(dst, mi, 2)
	dst = append(dst, ':')
	dst = appendInt(dst, s, 2)
	dst = appendFraction(dst, t.Nanosecond()/100, trim)
	return append(dst, 'Z')
}

func appendFraction(dst []byte, frac int, trim bool) []byte {
	if trim && frac == 0 {
		return dst
	}
	var buf [7]byte
	for i := 6; i >= 0; i-- {
		buf[i] = byte('0' + frac%10)
		frac /= 10
	}
	n := 7
	if trim {
		for n > 0 && buf[n-1] == '0' {
			n--
		}
	}
	dst = append(dst, '.')
	return append(dst, buf[:n]...)
}

func appendInt(dst []byte, v, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for v > 0 || width > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		width--
	}
	return append(dst, buf[i:]...)
}

// FormatTimeSpan formats a timespan the way Kusto does:
// [-][d.]hh:mm:ss[.fffffff], with seven fractional digits when the value has
// a fraction of a second.
func FormatTimeSpan(ticks int64) string {
	return string(AppendTimeSpan(nil, ticks))
}

// AppendTimeSpan appends the Kusto form of a timespan to dst.
func AppendTimeSpan(dst []byte, ticks int64) []byte {
	u := uint64(ticks)
	if ticks < 0 {
		dst = append(dst, '-')
		u = uint64(-ticks)
	}
	days := u / uint64(Day)
	u %= uint64(Day)
	if days > 0 {
		dst = strconv.AppendUint(dst, days, 10)
		dst = append(dst, '.')
	}
	dst = appendInt(dst, int(u/uint64(Hour)), 2)
	u %= uint64(Hour)
	dst = append(dst, ':')
	dst = appendInt(dst, int(u/uint64(Minute)), 2)
	u %= uint64(Minute)
	dst = append(dst, ':')
	dst = appendInt(dst, int(u/uint64(Second)), 2)
	u %= uint64(Second)
	if u != 0 {
		dst = appendFraction(dst, int(u), false)
	}
	return dst
}

// ErrBadDateTime is returned when a string is not a datetime Kusto accepts.
var ErrBadDateTime = errors.New("not a valid datetime")

// ErrBadTimeSpan is returned when a string is not a timespan Kusto accepts.
var ErrBadTimeSpan = errors.New("not a valid timespan")

var dateTimeLayouts = []string{
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999Z",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999Z",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z",
	"2006-01-02T15:04",
	"2006-01-02 15:04Z",
	"2006-01-02 15:04",
	"2006-01-02T15Z",
	"2006-01-02T15",
	"2006-01-02 15",
	"2006-01-02Z",
	"2006-01-02",
	"2006-01",
	"2006",
	"2006-1-2 15:04:05.999999999",
	"2006-1-2 15:04",
	"2006-1-2",
	"2006/01/02 15:04:05.999999999",
	"2006/01/02 15:04",
	"2006/01/02",
	"2006/1/2 15:04:05.999999999",
	"2006/1/2",
	"01/02/2006 15:04:05.999999999",
	"01/02/2006 15:04",
	"01/02/2006",
	"1/2/2006 15:04:05.999999999",
	"1/2/2006 3:04:05 PM",
	"1/2/2006",
	"Mon, 2 Jan 06 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 06 15:04 MST",
	"2 Jan 06 15:04:05 MST",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 06 15:04 MST",
	"Monday, 02-Jan-06 15:04:05 MST",
	"Monday, 2-Jan-06 15:04:05 MST",
	"Monday, 02-Jan-06 15:04 MST",
	"02-Jan-06 15:04:05 MST",
	"Mon Jan 2 15:04:05 2006",
	"Jan 2 2006",
	"January 2, 2006",
	"2 January 2006",
	"20060102",
	"20060102150405",
	"20060102T150405",
	"20060102T150405Z",
}

// ParseDateTime parses the datetime forms Kusto accepts (ISO 8601, RFC 822,
// RFC 850, "yyyy-MM-dd HH:mm:ss" and a few more) into ticks. A time without
// a zone is UTC.
func ParseDateTime(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ErrBadDateTime
	}
	if t, ok := parseISOFast(s); ok {
		return t, nil
	}
	for _, layout := range dateTimeLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if (strings.HasSuffix(layout, "MST")) && !knownZone(s) {
			continue
		}
		ticks := TicksFromTime(t)
		if ticks < MinDateTime || ticks > MaxDateTime {
			return 0, ErrBadDateTime
		}
		return ticks, nil
	}
	return 0, ErrBadDateTime
}

// knownZone reports whether an RFC 822/850 style string ends in a zone Go
// parses to a real offset (GMT, UTC, Z and the US zones), because Go accepts
// any abbreviation and silently treats unknown ones as UTC.
func knownZone(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	switch strings.ToUpper(s[i+1:]) {
	case "GMT", "UTC", "UT", "Z", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT":
		return true
	}
	return false
}

// parseISOFast handles the common yyyy-MM-ddTHH:mm:ss[.f{1,7}][Z] shape
// without allocating.
func parseISOFast(s string) (int64, bool) {
	if len(s) < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
		s[13] != ':' || s[16] != ':' {
		return 0, false
	}
	num := func(a, b int) (int, bool) {
		v := 0
		for i := a; i < b; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 7)
	d, ok3 := num(8, 10)
	h, ok4 := num(11, 13)
	mi, ok5 := num(14, 16)
	sec, ok6 := num(17, 19)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || mo < 1 || mo > 12 || d < 1 ||
		d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59 {
		return 0, false
	}
	rest := s[19:]
	var frac int64
	if len(rest) > 0 && rest[0] == '.' {
		i := 1
		digits := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			if digits < 7 {
				frac = frac*10 + int64(rest[i]-'0')
				digits++
			}
			i++
		}
		if i == 1 {
			return 0, false
		}
		for ; digits < 7; digits++ {
			frac *= 10
		}
		rest = rest[i:]
	}
	if rest != "" && rest != "Z" && rest != "z" {
		return 0, false
	}
	days := daysFromCivil(y, mo, d)
	ticks := days*Day + int64(h)*Hour + int64(mi)*Minute + int64(sec)*Second + frac
	return ticks, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil returns the number of days since 1970-01-01 of a proleptic
// Gregorian date.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// ParseTimeSpan parses a timespan in Kusto's string form
// ([-][d.]hh:mm[:ss[.fffffff]]) or as a literal ("1d", "2h", "1.5s",
// "100ms", "10microseconds", "1tick").
func ParseTimeSpan(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ErrBadTimeSpan
	}
	if strings.ContainsRune(s, ':') {
		return parseClockSpan(s)
	}
	if t, ok := ParseTimeSpanLiteral(s); ok {
		return t, nil
	}
	if s[0] == '-' {
		if t, ok := ParseTimeSpanLiteral(s[1:]); ok {
			return -t, nil
		}
	}
	// A bare number of days, as in timespan(2) is not accepted; Kusto's
	// totimespan("2") reads days, hence this fallback.
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n * Day, nil
	}
	return 0, ErrBadTimeSpan
}

func parseClockSpan(s string) (int64, error) {
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	var days int64
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, ErrBadTimeSpan
	}
	if i := strings.IndexByte(parts[0], '.'); i >= 0 {
		d, err := strconv.ParseInt(parts[0][:i], 10, 64)
		if err != nil {
			return 0, ErrBadTimeSpan
		}
		days, parts[0] = d, parts[0][i+1:]
	}
	h, err1 := strconv.ParseInt(parts[0], 10, 64)
	m, err2 := strconv.ParseInt(parts[1], 10, 64)
	if err1 != nil || err2 != nil || h > 23 || m > 59 {
		return 0, ErrBadTimeSpan
	}
	var sec, frac int64
	if len(parts) == 3 {
		secStr := parts[2]
		if i := strings.IndexByte(secStr, '.'); i >= 0 {
			f := secStr[i+1:]
			if len(f) == 0 || len(f) > 7 {
				return 0, ErrBadTimeSpan
			}
			fv, err := strconv.ParseInt(f, 10, 64)
			if err != nil {
				return 0, ErrBadTimeSpan
			}
			for k := len(f); k < 7; k++ {
				fv *= 10
			}
			frac, secStr = fv, secStr[:i]
		}
		v, err := strconv.ParseInt(secStr, 10, 64)
		if err != nil || v > 59 {
			return 0, ErrBadTimeSpan
		}
		sec = v
	}
	t := days*Day + h*Hour + m*Minute + sec*Second + frac
	if neg {
		t = -t
	}
	return t, nil
}

// timeSpanUnits lists the unit suffixes of timespan literals, longest first
// within each family so that prefixes do not shadow them.
var timeSpanUnits = []struct {
	name  string
	ticks float64
}{
	{"microseconds", 10}, {"microsecond", 10}, {"milliseconds", 1e4}, {"millisecond", 1e4},
	{"nanoseconds", 0.01}, {"nanosecond", 0.01}, {"seconds", 1e7}, {"second", 1e7},
	{"minutes", 6e8}, {"minute", 6e8}, {"hours", 3.6e10}, {"hour", 3.6e10},
	{"days", 8.64e11}, {"day", 8.64e11}, {"ticks", 1}, {"tick", 1},
	{"micros", 10}, {"micro", 10}, {"millis", 1e4}, {"milli", 1e4},
	{"ms", 1e4}, {"us", 10}, {"ns", 0.01}, {"min", 6e8},
	{"d", 8.64e11}, {"h", 3.6e10}, {"m", 6e8}, {"s", 1e7},
}

// ParseTimeSpanLiteral parses a timespan literal such as "1d", "1.5h",
// "100ms" or "3tick" (the number and its unit, nothing else). It reports
// false when s is not such a literal.
func ParseTimeSpanLiteral(s string) (int64, bool) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 || i == len(s) {
		return 0, false
	}
	num, unit := s[:i], strings.ToLower(s[i:])
	for _, u := range timeSpanUnits {
		if u.name != unit {
			continue
		}
		if !strings.ContainsRune(num, '.') {
			n, err := strconv.ParseInt(num, 10, 64)
			if err != nil {
				return 0, false
			}
			if u.ticks >= 1 {
				return n * int64(u.ticks), true
			}
			return int64(float64(n) * u.ticks), true
		}
		f, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return 0, false
		}
		return int64(f*u.ticks + 0.5*sign(f)), true
	}
	return 0, false
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}
