package functions

import (
	"testing"
)

// FuzzIPParse checks that the IP parsers and the text scanner never panic
// and agree with each other on what they accept.
func FuzzIPParse(f *testing.F) {
	for _, s := range []string{"10.1.2.3", "10.1.2.3/24", "::1", "fe80::1/64", "::ffff:1.2.3.4/24",
		"1.2.3.", "a 1.2.3.4 b", "999.1.1.1", "1.2.3.4/33", "::1.2.3.4/", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, ok := parseIPv4(s); ok {
			if a.prefix < 0 || a.prefix > 32 {
				t.Errorf("parseIPv4(%q): prefix %d", s, a.prefix)
			}
			if b, ok := parseIPv4(formatIPv4(a.addr)); !ok || b.addr != a.addr {
				t.Errorf("parseIPv4(%q) does not round-trip", s)
			}
		}
		if a, ok := parseIPv6(s); ok && (a.prefix < 0 || a.prefix > 128) {
			t.Errorf("parseIPv6(%q): prefix %d", s, a.prefix)
		}
		parseIPv4Prefix(s)
		ipv4InText(s, func(uint32) bool { return false })
	})
}

// FuzzFormatDatetime checks that any format string formats any datetime and
// timespan without panicking.
func FuzzFormatDatetime(f *testing.F) {
	for _, s := range []string{"yyyy-MM-dd HH:mm:ss.fffffff", "'quoted' \\x", "FFFFFFFFF.", "dddd MMMM tt",
		"\"unterminated", "yyyyyyyyyy"} {
		f.Add(s, int64(0))
		f.Add(s, mustTicks("2024-02-29 23:59:59.9999999"))
	}
	f.Fuzz(func(t *testing.T, format string, ticks int64) {
		elems := parseFormat(format)
		if tmInRange(ticks) {
			appendDateTimeFormat(nil, ticks, elems)
		}
		appendTimeSpanFormat(nil, ticks, elems)
	})
}
