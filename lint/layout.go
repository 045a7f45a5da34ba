package lint

import (
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// layout is where the top-level fields of a rule file are: their key and
// value nodes, in file order.
type layout struct {
	text   string
	fields []field
	byName map[string]*field
}

type field struct {
	name       string
	key, value *yaml.Node
}

// readLayout reads the top-level fields of a YAML text; a text that is not
// a YAML mapping gives an empty layout.
func readLayout(text string) *layout {
	l := &layout{text: text, byName: map[string]*field{}}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(text), &doc) != nil || len(doc.Content) == 0 {
		return l
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return l
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		l.fields = append(l.fields, field{name: m.Content[i].Value, key: m.Content[i], value: m.Content[i+1]})
	}
	for i := range l.fields {
		if _, dup := l.byName[l.fields[i].name]; !dup {
			l.byName[l.fields[i].name] = &l.fields[i]
		}
	}
	return l
}

// section returns the name of the top-level field whose lines hold line
// ("" before the first field).
func (l *layout) section(line int) string {
	i := sort.Search(len(l.fields), func(i int) bool { return l.fields[i].key.Line > line })
	if i == 0 {
		return ""
	}
	return l.fields[i-1].name
}

// has reports whether a top-level field is present.
func (l *layout) has(name string) bool {
	_, ok := l.byName[name]
	return ok
}

// isRule reports whether the file is an analytic rule rather than a
// hunting query: it has one of the fields only rules have, or a severity
// and a path that does not say "hunting".
func (l *layout) isRule(path string) bool {
	if len(l.fields) == 0 {
		return true
	}
	for _, f := range []string{"kind", "queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold"} {
		if l.has(f) {
			return true
		}
	}
	return l.has("severity") && !strings.Contains(strings.ToLower(path), "hunting")
}
