package data

import (
	"strconv"
	"strings"
)

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
	i := skipSpace(text, 0)
	lo, hi, end, found, valid := findPath(text, i, path, 0)
	if !valid || skipSpace(text, end) != len(text) {
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

// The scanner below follows the grammar of jsonParser exactly (single or
// double quoted strings, NaN and Infinity, numbers as strconv accepts
// them) but keeps its state in locals: each function takes the text and a
// position and returns the position after what it read.

func skipSpace(s string, i int) int {
	for i < len(s) && s[i] <= ' ' {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return i
		}
		i++
	}
	return i
}

// findPath scans the value at i. With an empty path the whole value is the
// match; otherwise the first step selects a member or element (the last
// occurrence of a repeated key wins, as in a parsed bag) and the rest of the
// path is followed inside it. It returns the match's span, the position
// after the value, and whether the value is valid.
func findPath(s string, i int, path []PathStep, depth int) (lo, hi, end int, found, valid bool) {
	if len(path) == 0 {
		e, ok := skipValue(s, i, depth)
		return i, e, e, ok, ok
	}
	if i >= len(s) {
		return 0, 0, 0, false, false
	}
	switch s[i] {
	case '{':
		return findMember(s, i, path, depth)
	case '[':
		return findElement(s, i, path, depth)
	}
	e, ok := skipValue(s, i, depth)
	return 0, 0, e, false, ok
}

func findMember(s string, i int, path []PathStep, depth int) (lo, hi, end int, found, valid bool) {
	if depth >= maxJSONDepth {
		return 0, 0, 0, false, false
	}
	step := path[0]
	i = skipSpace(s, i+1)
	if i < len(s) && s[i] == '}' {
		return 0, 0, i + 1, false, true
	}
	for {
		i = skipSpace(s, i)
		kStart := i
		e, ok := skipString(s, i)
		if !ok {
			return 0, 0, 0, false, false
		}
		match := !step.IsIndex && keyEquals(s[kStart:e], step.Key)
		i = skipSpace(s, e)
		if i >= len(s) || s[i] != ':' {
			return 0, 0, 0, false, false
		}
		i = skipSpace(s, i+1)
		if match {
			l, h, e, f, v := findPath(s, i, path[1:], depth+1)
			if !v {
				return 0, 0, 0, false, false
			}
			lo, hi, found, i = l, h, f, e
		} else if i, ok = skipValue(s, i, depth+1); !ok {
			return 0, 0, 0, false, false
		}
		i = skipSpace(s, i)
		if i >= len(s) {
			return 0, 0, 0, false, false
		}
		switch s[i] {
		case ',':
			i++
		case '}':
			return lo, hi, i + 1, found, true
		default:
			return 0, 0, 0, false, false
		}
	}
}

func findElement(s string, i int, path []PathStep, depth int) (lo, hi, end int, found, valid bool) {
	if depth >= maxJSONDepth {
		return 0, 0, 0, false, false
	}
	step := path[0]
	i = skipSpace(s, i+1)
	if i < len(s) && s[i] == ']' {
		return 0, 0, i + 1, false, true
	}
	var starts []int // element positions, kept for negative indexes
	for n := 0; ; n++ {
		i = skipSpace(s, i)
		if step.IsIndex && step.Index >= 0 && n == step.Index {
			l, h, e, f, v := findPath(s, i, path[1:], depth+1)
			if !v {
				return 0, 0, 0, false, false
			}
			lo, hi, found, i = l, h, f, e
		} else {
			if step.IsIndex && step.Index < 0 {
				starts = append(starts, i)
			}
			e, ok := skipValue(s, i, depth+1)
			if !ok {
				return 0, 0, 0, false, false
			}
			i = e
		}
		i = skipSpace(s, i)
		if i >= len(s) {
			return 0, 0, 0, false, false
		}
		switch s[i] {
		case ',':
			i++
		case ']':
			end = i + 1
			if step.IsIndex && step.Index < 0 && len(starts)+step.Index >= 0 {
				l, h, _, f, v := findPath(s, starts[len(starts)+step.Index], path[1:], depth+1)
				return l, h, end, f, v
			}
			return lo, hi, end, found, true
		default:
			return 0, 0, 0, false, false
		}
	}
}

// keyEquals compares a quoted key as written (quotes included) with key.
func keyEquals(quoted, key string) bool {
	raw := quoted[1 : len(quoted)-1]
	if raw == key {
		return true
	}
	if strings.IndexByte(raw, '\\') < 0 {
		return false
	}
	p := jsonParser{s: quoted}
	k, err := p.str()
	return err == nil && k == key
}

// skipValue moves past one value, validating it.
func skipValue(s string, i, depth int) (int, bool) {
	if i >= len(s) {
		return 0, false
	}
	switch c := s[i]; {
	case c == '"' || c == '\'':
		return skipString(s, i)
	case c == '{':
		_, _, e, _, ok := findMember(s, i, []PathStep{{IsIndex: true}}, depth)
		return e, ok
	case c == '[':
		_, _, e, _, ok := findElement(s, i, []PathStep{{}}, depth)
		return e, ok
	case c == '-' || (c >= '0' && c <= '9'):
		return skipNumber(s, i)
	}
	for _, w := range [...]string{"true", "false", "null", "NaN", "Infinity"} {
		if strings.HasPrefix(s[i:], w) {
			return i + len(w), true
		}
	}
	return 0, false
}

// skipString moves past a quoted string (the quote character is s[i]),
// validating its escapes.
func skipString(s string, i int) (int, bool) {
	if i >= len(s) || (s[i] != '"' && s[i] != '\'') {
		return 0, false
	}
	q := s[i]
	i++
	// jump to the closing quote when no escape comes before it
	if j := strings.IndexByte(s[i:], q); j >= 0 && strings.IndexByte(s[i:i+j], '\\') < 0 {
		return i + j + 1, true
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c == q {
			return i + 1, true
		}
		if c != '\\' {
			continue
		}
		i++
		if i >= len(s) {
			return 0, false
		}
		switch s[i] {
		case '"', '\\', '/', '\'', 'b', 'f', 'n', 'r', 't':
		case 'u':
			if i+4 >= len(s) {
				return 0, false
			}
			if _, err := strconv.ParseUint(s[i+1:i+5], 16, 32); err != nil {
				return 0, false
			}
			i += 4
		default:
			return 0, false
		}
	}
	return 0, false
}

// skipNumber moves past a number as jsonParser.number reads it.
func skipNumber(s string, i int) (int, bool) {
	p := jsonParser{s: s, i: i}
	if _, err := p.number(); err != nil {
		return 0, false
	}
	return p.i, true
}
