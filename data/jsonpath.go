package data

import "strings"

// PathStep is one step of a path into a JSON document: a property name, or
// an array index when Key is "" and IsIndex is set (negative counts from
// the end).
type PathStep struct {
	Key     string
	Index   int
	IsIndex bool
}

// JSONPath returns what ParseJSON(text) followed by the steps of path
// (Get for names, Index for indexes) would return, without building the
// whole tree: the document is validated by a scan that allocates nothing,
// and only the selected value is parsed. ok is false when text is not a
// JSON document ParseJSON accepts.
func JSONPath(text string, path []PathStep) (v Dyn, ok bool) {
	s := jsonSkipper{s: text}
	s.space()
	lo, hi, found, valid := s.find(path)
	if !valid {
		return Dyn{}, false
	}
	s.space()
	if s.i != len(s.s) {
		return Dyn{}, false
	}
	if !found {
		return Dyn{}, true
	}
	if v := text[lo:hi]; len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' && !strings.ContainsRune(v, '\\') {
		return DynStringOf(v[1 : len(v)-1]), true
	}
	d, err := ParseJSON(text[lo:hi])
	if err != nil {
		return Dyn{}, false
	}
	return d, true
}

// jsonSkipper validates JSON text with the grammar of jsonParser without
// building values.
type jsonSkipper struct {
	s     string
	i     int
	depth int
}

func (p *jsonSkipper) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// find scans the value at p.i. When path is empty the whole value is the
// match. Otherwise it looks for path[0] among the object's keys (the last
// occurrence wins, as in a parsed bag) or the array's elements, and
// recurses into the match. It returns the span of the match and whether the
// value scanned is valid.
func (p *jsonSkipper) find(path []PathStep) (lo, hi int, found, valid bool) {
	start := p.i
	if len(path) == 0 {
		if !p.skip() {
			return 0, 0, false, false
		}
		return start, p.i, true, true
	}
	if p.i >= len(p.s) {
		return 0, 0, false, false
	}
	step := path[0]
	switch p.s[p.i] {
	case '{':
		return p.findInObject(step, path[1:])
	case '[':
		return p.findInArray(step, path[1:])
	}
	return 0, 0, false, p.skip()
}

func (p *jsonSkipper) findInObject(step PathStep, rest []PathStep) (lo, hi int, found, valid bool) {
	if p.depth++; p.depth > maxJSONDepth {
		return 0, 0, false, false
	}
	defer func() { p.depth-- }()
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return 0, 0, false, true
	}
	for {
		p.space()
		key, ok := p.key()
		if !ok {
			return 0, 0, false, false
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return 0, 0, false, false
		}
		p.i++
		p.space()
		if !step.IsIndex && key == step.Key {
			l, h, f, v := p.find(rest)
			if !v {
				return 0, 0, false, false
			}
			lo, hi, found = l, h, f
		} else if !p.skip() {
			return 0, 0, false, false
		}
		p.space()
		if p.i >= len(p.s) {
			return 0, 0, false, false
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return lo, hi, found, true
		default:
			return 0, 0, false, false
		}
	}
}

func (p *jsonSkipper) findInArray(step PathStep, rest []PathStep) (lo, hi int, found, valid bool) {
	if p.depth++; p.depth > maxJSONDepth {
		return 0, 0, false, false
	}
	defer func() { p.depth-- }()
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return 0, 0, false, true
	}
	type span struct{ lo, hi int }
	var spans []span // element spans, only kept for negative indexes
	want := step.Index
	for n := 0; ; n++ {
		p.space()
		if step.IsIndex && want >= 0 && n == want {
			l, h, f, v := p.find(rest)
			if !v {
				return 0, 0, false, false
			}
			lo, hi, found = l, h, f
		} else {
			s := p.i
			if !p.skip() {
				return 0, 0, false, false
			}
			if step.IsIndex && want < 0 {
				spans = append(spans, span{s, p.i})
			}
		}
		p.space()
		if p.i >= len(p.s) {
			return 0, 0, false, false
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			if step.IsIndex && want < 0 && len(spans)+want >= 0 {
				e := spans[len(spans)+want]
				sub := jsonSkipper{s: p.s[:e.hi], i: e.lo, depth: p.depth}
				l, h, f, v := sub.find(rest)
				return l, h, f, v
			}
			return lo, hi, found, true
		default:
			return 0, 0, false, false
		}
	}
}

// key reads a quoted property name; escapes are decoded only when present.
func (p *jsonSkipper) key() (string, bool) {
	if p.i >= len(p.s) || (p.s[p.i] != '"' && p.s[p.i] != '\'') {
		return "", false
	}
	start := p.i
	q := p.s[p.i]
	p.i++
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == q {
			p.i++
			return p.s[start+1 : p.i-1], true
		}
		if c == '\\' {
			p.i = start
			jp := jsonParser{s: p.s, i: p.i}
			k, err := jp.str()
			if err != nil {
				return "", false
			}
			p.i = jp.i
			return k, true
		}
		p.i++
	}
	return "", false
}

// skip moves past one value, validating it.
func (p *jsonSkipper) skip() bool {
	if p.i >= len(p.s) {
		return false
	}
	switch c := p.s[p.i]; {
	case c == '{':
		_, _, _, ok := p.findInObject(PathStep{IsIndex: true, Index: -1 << 30}, nil)
		return ok
	case c == '[':
		_, _, _, ok := p.findInArray(PathStep{Key: "\x00"}, nil)
		return ok
	case c == '"' || c == '\'':
		jp := jsonParser{s: p.s, i: p.i}
		if !jp.skipString() {
			return false
		}
		p.i = jp.i
		return true
	case c == '-' || (c >= '0' && c <= '9'):
		jp := jsonParser{s: p.s, i: p.i}
		if _, err := jp.number(); err != nil {
			return false
		}
		p.i = jp.i
		return true
	}
	jp := jsonParser{s: p.s, i: p.i}
	if _, err := jp.word(); err != nil {
		return false
	}
	p.i = jp.i
	return true
}

// skipString moves past a quoted string, validating its escapes, without
// building it.
func (p *jsonParser) skipString() bool {
	q := p.s[p.i]
	p.i++
	// fast path: run to the closing quote while there is no escape
	for j := p.i; j < len(p.s); j++ {
		if c := p.s[j]; c == q {
			p.i = j + 1
			return true
		} else if c == '\\' {
			break
		}
	}
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == q:
			p.i++
			return true
		case c == '\\':
			p.i++
			if p.i >= len(p.s) {
				return false
			}
			switch p.s[p.i] {
			case '"', '\\', '/', '\'', 'b', 'f', 'n', 'r', 't':
				p.i++
			case 'u':
				p.i++
				if _, ok := p.hex4(); !ok {
					return false
				}
			default:
				return false
			}
		default:
			p.i++
		}
	}
	return false
}
