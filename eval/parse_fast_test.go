package eval

import (
	"fmt"
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// TestFastMatcherAgreesWithRegexp checks the literal matcher of simple
// parse patterns against the regular expression it replaces, on random
// patterns and texts.
func TestFastMatcherAgreesWithRegexp(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	lits := []string{"a", "b", "ab", ",", "\n", "a,", "ba"}
	alphabet := "ab,\nx"
	for iter := 0; iter < 20000; iter++ {
		m := &fastMatcher{}
		var re strings.Builder
		nitems := 1 + rng.Intn(5)
		for k := 0; k < nitems; k++ {
			switch rng.Intn(3) {
			case 0:
				lit := lits[rng.Intn(len(lits))]
				m.items = append(m.items, fastItem{lit: lit, capture: -1})
				re.WriteString("(?:" + regexp.QuoteMeta(lit) + ")")
			case 1:
				m.items = append(m.items, fastItem{lazy: true, capture: -1})
				re.WriteString(".*?")
			default:
				m.items = append(m.items, fastItem{lazy: true, capture: m.ncap})
				m.ncap++
				re.WriteString(fmt.Sprintf("(?P<c%d>.*?)", m.ncap))
			}
		}
		re.WriteString("$")
		rx := regexp.MustCompile(re.String())
		var b strings.Builder
		for k := rng.Intn(12); k > 0; k-- {
			b.WriteByte(alphabet[rng.Intn(len(alphabet))])
		}
		s := b.String()
		locs := make([]int, 2*m.ncap)
		ok, done := m.match(s, locs)
		want := rx.FindStringSubmatchIndex(s)
		if !done {
			continue
		}
		if ok != (want != nil) {
			t.Fatalf("pattern %q on %q: got match %v, want %v", re.String(), s, ok, want != nil)
		}
		if !ok {
			continue
		}
		for c := 0; c < m.ncap; c++ {
			g := rx.SubexpIndex(fmt.Sprintf("c%d", c+1))
			if locs[2*c] != want[2*g] || locs[2*c+1] != want[2*g+1] {
				t.Fatalf("pattern %q on %q: capture %d got %v, want %v", re.String(), s, c, locs[2*c:2*c+2], want[2*g:2*g+2])
			}
		}
	}
}
