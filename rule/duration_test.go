package rule

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"PT1H", time.Hour, true}, {"P1D", 24 * time.Hour, true}, {"PT5M", 5 * time.Minute, true},
		{"P1DT12H", 36 * time.Hour, true}, {"P2W", 14 * 24 * time.Hour, true}, {"PT0.5S", 500 * time.Millisecond, true},
		{"pt30m", 30 * time.Minute, true}, {"5m", 5 * time.Minute, true}, {"1h", time.Hour, true},
		{"14d", 14 * 24 * time.Hour, true}, {"6h ", 6 * time.Hour, true}, {"1h30m", 90 * time.Minute, true},
		{"30s", 30 * time.Second, true}, {"05:00:00", 5 * time.Hour, true}, {"1.00:00:00", 24 * time.Hour, true},
		{"", 0, false}, {"P1M", 0, false}, {"P1Y", 0, false}, {"PT", 0, false}, {"1 hour", 0, false},
		{"h", 0, false}, {"5x", 0, false}, {"PT1H1H", 2 * time.Hour, true},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if (err == nil) != tt.ok || err == nil && got != tt.want {
			t.Errorf("ParseDuration(%q): got %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Hour: "1h", 5 * time.Minute: "5m", 14 * 24 * time.Hour: "14d", 90 * time.Minute: "1h30m",
		0: "0m", 1500 * time.Millisecond: "1s500ms",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v): got %q, want %q", d, got, want)
		}
	}
}
