package rule

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/data"
)

// Limits Sentinel documents for durations (scheduled-rules-overview and the
// alert-grouping settings).
const (
	minFrequency    = 5 * time.Minute
	maxFrequency    = 14 * 24 * time.Hour
	minPeriod       = 5 * time.Minute
	maxPeriod       = 14 * 24 * time.Hour
	minSuppression  = 5 * time.Minute
	maxSuppression  = 24 * time.Hour
	minLookback     = 5 * time.Minute
	maxLookback     = 7 * 24 * time.Hour
	defaultLookback = 5 * time.Hour
	defaultSuppress = 5 * time.Hour
	nrtFrequency    = time.Minute
)

// durationLimits gives the range of each duration field.
var durationLimits = map[string][2]time.Duration{
	"queryFrequency":      {minFrequency, maxFrequency},
	"queryPeriod":         {minPeriod, maxPeriod},
	"suppressionDuration": {minSuppression, maxSuppression},
	"incidentConfiguration.groupingConfiguration.lookbackDuration": {minLookback, maxLookback},
}

// errBadDuration is wrapped by ParseDuration's errors.
var errBadDuration = errors.New("not a duration")

// ParseDuration reads the durations rule files use: ISO 8601 (PT1H, P1D,
// PT5M, P1DT12H, P2W), Sentinel's short forms (5m, 1h, 14d, 30s, and
// sequences such as 1h30m), and Kusto's timespan text (05:00:00,
// 1.00:00:00). Years and months are refused: they have no fixed length.
func ParseDuration(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return 0, fmt.Errorf("%w: empty", errBadDuration)
	case t[0] == 'P' || t[0] == 'p':
		return parseISODuration(t)
	case strings.Contains(t, ":"):
		ticks, err := data.ParseTimeSpan(t)
		if err != nil {
			return 0, fmt.Errorf("%w: %q", errBadDuration, s)
		}
		return time.Duration(ticks * 100), nil
	}
	return parseShortDuration(t)
}

// parseISODuration reads PnW, PnDTnHnMnS (fractions allowed on the last
// unit, in practice on seconds).
func parseISODuration(s string) (time.Duration, error) {
	rest := strings.ToUpper(s[1:])
	var total time.Duration
	inTime, any := false, false
	for rest != "" {
		if rest[0] == 'T' {
			if inTime {
				return 0, fmt.Errorf("%w: %q", errBadDuration, s)
			}
			inTime, rest = true, rest[1:]
			continue
		}
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.' || rest[i] == ',') {
			i++
		}
		if i == 0 || i == len(rest) {
			return 0, fmt.Errorf("%w: %q", errBadDuration, s)
		}
		n, err := strconv.ParseFloat(strings.ReplaceAll(rest[:i], ",", "."), 64)
		if err != nil {
			return 0, fmt.Errorf("%w: %q", errBadDuration, s)
		}
		unit, ok := isoUnit(rest[i], inTime)
		if !ok {
			return 0, fmt.Errorf("%w: %q (years and months have no fixed length)", errBadDuration, s)
		}
		total += time.Duration(n * float64(unit))
		rest, any = rest[i+1:], true
	}
	if !any {
		return 0, fmt.Errorf("%w: %q", errBadDuration, s)
	}
	return total, nil
}

func isoUnit(c byte, inTime bool) (time.Duration, bool) {
	switch {
	case !inTime && c == 'W':
		return 7 * 24 * time.Hour, true
	case !inTime && c == 'D':
		return 24 * time.Hour, true
	case inTime && c == 'H':
		return time.Hour, true
	case inTime && c == 'M':
		return time.Minute, true
	case inTime && c == 'S':
		return time.Second, true
	}
	return 0, false
}

// shortUnits are the units of the short form, longest first.
var shortUnits = []struct {
	name string
	d    time.Duration
}{
	{"ms", time.Millisecond}, {"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute},
	{"s", time.Second},
}

// parseShortDuration reads 5m, 1h, 14d, 1h30m.
func parseShortDuration(s string) (time.Duration, error) {
	rest := strings.ToLower(s)
	var total time.Duration
	for rest != "" {
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		if i == 0 {
			return 0, fmt.Errorf("%w: %q (write it as 5m, 1h, 14d or PT1H)", errBadDuration, s)
		}
		n, err := strconv.ParseFloat(rest[:i], 64)
		if err != nil {
			return 0, fmt.Errorf("%w: %q", errBadDuration, s)
		}
		rest = strings.TrimLeft(rest[i:], " ")
		found := false
		for _, u := range shortUnits {
			if strings.HasPrefix(rest, u.name) {
				total += time.Duration(n * float64(u.d))
				rest, found = strings.TrimLeft(rest[len(u.name):], " "), true
				break
			}
		}
		if !found {
			return 0, fmt.Errorf("%w: %q (units are d, h, m, s)", errBadDuration, s)
		}
	}
	return total, nil
}

// FormatDuration writes a duration in the short form (1h, 5m, 14d, 1h30m).
func FormatDuration(d time.Duration) string {
	if d == 0 {
		return "0m"
	}
	var b strings.Builder
	if d < 0 {
		b.WriteByte('-')
		d = -d
	}
	for _, u := range []struct {
		name string
		d    time.Duration
	}{{"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}} {
		if n := d / u.d; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			d -= n * u.d
		}
	}
	if d > 0 {
		fmt.Fprintf(&b, "%dms", d/time.Millisecond)
	}
	return b.String()
}

// durationField reads a duration and checks its documented range.
func (r *Rule) durationField(path string, v *yaml.Node) time.Duration {
	s, ok := r.str(path, v)
	if !ok {
		return 0
	}
	n := resolve(v)
	d, err := ParseDuration(s)
	if err != nil {
		r.errorf(n, "'%s': %q is not a duration (write it as 5m, 1h, 14d or PT1H)", leaf(path), s)
		return 0
	}
	if lim, ok := durationLimits[path]; ok && (d < lim[0] || d > lim[1]) {
		r.errorf(n, "'%s' is %s; Sentinel allows %s to %s", leaf(path), FormatDuration(d),
			FormatDuration(lim[0]), FormatDuration(lim[1]))
	}
	return d
}
