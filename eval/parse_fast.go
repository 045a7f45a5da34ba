package eval

import "strings"

// fastItem is one piece of a simple or relaxed parse pattern: a literal,
// or a lazy run of text (a `*` or a column).
type fastItem struct {
	lit     string
	lazy    bool
	capture int // for a column: its number among the pattern's columns; else -1
}

// fastMatcher matches a simple or relaxed parse pattern without the
// regular expression engine, with the same result: leftmost match, lazy
// runs that do not cross a newline, anchored at the end of the text.
// Matching gives up (and the caller falls back to the regular expression)
// when it would take too many steps.
type fastMatcher struct {
	items []fastItem
	ncap  int
	steps int
}

// match finds the pattern in s; locs receives the start and end of every
// capture. ok reports a match; done is false when the matcher gave up.
func (m *fastMatcher) match(s string, locs []int) (ok, done bool) {
	m.steps = 16*len(s) + 256
	if len(m.items) > 0 && !m.items[0].lazy {
		lit := m.items[0].lit
		for from := 0; from <= len(s); {
			i := strings.Index(s[from:], lit)
			if i < 0 {
				return false, true
			}
			if m.at(1, from+i+len(lit), s, locs) {
				return true, true
			}
			if m.steps < 0 {
				return false, false
			}
			from += i + 1
		}
		return false, true
	}
	// a leading lazy run: only the start of each line can lead to a match
	for start := 0; ; {
		if m.at(0, start, s, locs) {
			return true, true
		}
		if m.steps < 0 {
			return false, false
		}
		nl := strings.IndexByte(s[start:], '\n')
		if nl < 0 {
			return false, true
		}
		start += nl + 1
	}
}

// at matches items[i:] at position pos of s.
func (m *fastMatcher) at(i, pos int, s string, locs []int) bool {
	m.steps--
	if m.steps < 0 {
		return false
	}
	if i == len(m.items) {
		return pos == len(s)
	}
	it := m.items[i]
	if !it.lazy {
		if !strings.HasPrefix(s[pos:], it.lit) {
			return false
		}
		return m.at(i+1, pos+len(it.lit), s, locs)
	}
	limit := len(s)
	if nl := strings.IndexByte(s[pos:], '\n'); nl >= 0 {
		limit = pos + nl
	}
	set := func(end int) {
		if it.capture >= 0 {
			locs[2*it.capture], locs[2*it.capture+1] = pos, end
		}
	}
	if i+1 == len(m.items) {
		if limit != len(s) {
			return false
		}
		set(len(s))
		return true
	}
	if next := m.items[i+1]; !next.lazy {
		for end := pos; end <= limit; {
			k := strings.Index(s[end:], next.lit)
			if k < 0 || end+k > limit {
				return false
			}
			end += k
			if m.at(i+1, end, s, locs) {
				set(end)
				return true
			}
			if m.steps < 0 {
				return false
			}
			end++
		}
		return false
	}
	for end := pos; end <= limit; end++ {
		if m.at(i+1, end, s, locs) {
			set(end)
			return true
		}
		if m.steps < 0 {
			return false
		}
	}
	return false
}
