package ruletest

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/rule"
)

// checkAlert compares one alert with an alert expectation.
func checkAlert(c *checker, path string, a *rule.Alert, want *yaml.Node) {
	for i := 0; i+1 < len(want.Content); i += 2 {
		k, v := want.Content[i], want.Content[i+1]
		what := path + "." + k.Value
		switch k.Value {
		case "name":
			c.text(v, what, a.Name)
		case "description":
			c.text(v, what, a.Description)
		case "severity":
			c.text(v, what, a.Severity)
		case "tactics":
			c.set(v, what, a.Tactics)
		case "techniques":
			c.set(v, what, a.Techniques)
		case "subTechniques":
			c.set(v, what, a.SubTechniques)
		case "entities":
			checkEntities(c, what, a.Entities, v)
		case "customDetails":
			checkDetails(c, what, a, v)
		case "startTime":
			c.value(v, what, data.DateTimeValue(data.TicksFromTime(a.StartTime)))
		case "endTime":
			c.value(v, what, data.DateTimeValue(data.TicksFromTime(a.EndTime)))
		case "properties":
			for j := 0; j+1 < len(v.Content); j += 2 {
				c.text(v.Content[j+1], what+"."+v.Content[j].Value, a.Properties[v.Content[j].Value])
			}
		case "summary":
			c.text(v, what, strconv.FormatBool(a.Summary))
		}
	}
}

// text compares a string.
func (c *checker) text(want *yaml.Node, what, got string) {
	if want.Kind != yaml.ScalarNode || got != want.Value {
		c.fail(want, what, strconv.Quote(got), shownNode(want))
	}
}

// set compares a list of strings ignoring order; a scalar is a
// comma-separated list.
func (c *checker) set(want *yaml.Node, what string, got []string) {
	var w []string
	switch want.Kind {
	case yaml.SequenceNode:
		for _, it := range want.Content {
			w = append(w, it.Value)
		}
	case yaml.ScalarNode:
		for _, p := range strings.Split(want.Value, ",") {
			if p = strings.TrimSpace(p); p != "" {
				w = append(w, p)
			}
		}
	}
	g := append([]string(nil), got...)
	sort.Strings(g)
	sort.Strings(w)
	if strings.Join(g, "\x00") != strings.Join(w, "\x00") {
		c.fail(want, what, listText(got), listText(w))
	}
}

func listText(l []string) string {
	b, _ := json.Marshal(l)
	if l == nil {
		return "[]"
	}
	return string(b)
}

// checkEntities matches expected entities with actual ones, in any order:
// each expected entity names its type and every identifier it has.
func checkEntities(c *checker, what string, got []rule.Entity, want *yaml.Node) {
	if want.Kind != yaml.SequenceNode {
		c.failf(want, what, "expected a list of entities like {type: IP, Address: 10.0.0.1}")
		return
	}
	used := make([]bool, len(got))
	for i, w := range want.Content {
		found := false
		for j, e := range got {
			if !used[j] && entityMatches(e, w) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			c.fail(w, fmt.Sprintf("%s[%d]", what, i), entitiesText(got), entityWant(w))
		}
	}
	if len(want.Content) != len(got) {
		c.fail(want, what, fmt.Sprintf("%d entities %s", len(got), entitiesText(got)),
			fmt.Sprintf("%d", len(want.Content)))
	}
}

func entityMatches(e rule.Entity, w *yaml.Node) bool {
	if w.Kind != yaml.MappingNode {
		return false
	}
	fields := 0
	for i := 0; i+1 < len(w.Content); i += 2 {
		k, v := w.Content[i].Value, w.Content[i+1].Value
		if k == "type" {
			if !strings.EqualFold(v, e.Type) {
				return false
			}
			continue
		}
		fields++
		if e.Get(k) != v {
			return false
		}
	}
	return fields == len(e.Fields)
}

func entitiesText(list []rule.Entity) string {
	parts := make([]string, len(list))
	for i, e := range list {
		parts[i] = e.String()
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func entityWant(w *yaml.Node) string {
	var typ string
	var parts []string
	for i := 0; i+1 < len(w.Content); i += 2 {
		if w.Content[i].Value == "type" {
			typ = w.Content[i+1].Value
			continue
		}
		parts = append(parts, w.Content[i].Value+"="+w.Content[i+1].Value)
	}
	return typ + "(" + strings.Join(parts, ", ") + ")"
}

// checkDetails compares custom details: a scalar must be the only value, a
// list all the values in order.
func checkDetails(c *checker, what string, a *rule.Alert, want *yaml.Node) {
	for i := 0; i+1 < len(want.Content); i += 2 {
		k, v := want.Content[i], want.Content[i+1]
		got := a.Detail(k.Value)
		w := []string{v.Value}
		if v.Kind == yaml.SequenceNode {
			w = w[:0]
			for _, it := range v.Content {
				w = append(w, it.Value)
			}
		}
		if strings.Join(got, "\x00") != strings.Join(w, "\x00") || got == nil {
			g := listText(got)
			if len(got) == 1 {
				g = strconv.Quote(got[0])
			}
			c.fail(v, what+"."+k.Value, g, shownNode(v))
		}
	}
}

// checkResults compares the query's result rows, in order, on the columns
// each expected row names.
func checkResults(c *checker, ev *rule.Evaluation, rows []*yaml.Node, node *yaml.Node) {
	t := ev.Results
	if t.Rows() != len(rows) {
		c.fail(node, "results", fmt.Sprintf("%d rows", t.Rows()), fmt.Sprintf("%d", len(rows)))
	}
	for i, want := range rows {
		if i >= t.Rows() {
			break
		}
		for j := 0; j+1 < len(want.Content); j += 2 {
			k, v := want.Content[j], want.Content[j+1]
			col := t.Column(k.Value)
			what := fmt.Sprintf("results[%d].%s", i, k.Value)
			if col == nil {
				c.failf(k, what, "the result has no column '%s' (columns: %s)", k.Value,
					strings.Join(t.Schema.Names(), ", "))
				continue
			}
			c.value(v, what, col.Value(i))
		}
	}
}

// value compares a typed value with an expected YAML value.
func (c *checker) value(want *yaml.Node, what string, got data.Value) {
	if !valueMatches(got, want, c.now) {
		c.fail(want, what, valueText(got), shownNode(want))
	}
}

// valueMatches compares by the type of got: numbers numerically, times as
// instants (the text may be now or now-1h), dynamic values as JSON.
func valueMatches(got data.Value, want *yaml.Node, now time.Time) bool {
	if want.Kind == yaml.ScalarNode && want.Tag == "!!null" {
		return got.IsNull() || got.Type() == data.String && got.Str() == ""
	}
	if got.Type() == data.Dynamic {
		return dynMatches(got, want)
	}
	if want.Kind != yaml.ScalarNode {
		return false
	}
	s := strings.TrimSpace(want.Value)
	switch got.Type() {
	case data.Bool:
		b, err := strconv.ParseBool(strings.ToLower(s))
		return err == nil && !got.IsNull() && b == got.Bool()
	case data.Int, data.Long, data.Real, data.Decimal:
		f, err := strconv.ParseFloat(s, 64)
		g, gerr := strconv.ParseFloat(got.String(), 64)
		return err == nil && gerr == nil && !got.IsNull() && closeEnough(f, g)
	case data.DateTime:
		ticks, ok := parseTime(s, now)
		return ok && !got.IsNull() && ticks == got.Int64()
	case data.TimeSpan:
		ticks, err := data.ParseTimeSpan(s)
		if err != nil {
			var ok bool
			if ticks, ok = data.ParseTimeSpanLiteral(s); !ok {
				return false
			}
		}
		return !got.IsNull() && ticks == got.Int64()
	case data.GUID:
		return strings.EqualFold(s, got.String())
	}
	return got.String() == want.Value
}

func closeEnough(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// dynMatches compares a dynamic value with YAML (a list or mapping is
// compared as JSON; a scalar with the value's text or as JSON text).
func dynMatches(got data.Value, want *yaml.Node) bool {
	if want.Kind == yaml.ScalarNode {
		if got.String() == want.Value {
			return true
		}
		if d, err := data.ParseJSON(want.Value); err == nil {
			return d.Equal(got.Dyn())
		}
		return false
	}
	var x any
	if err := want.Decode(&x); err != nil {
		return false
	}
	b, err := json.Marshal(normalize(x))
	if err != nil {
		return false
	}
	d, err := data.ParseJSON(string(b))
	return err == nil && d.Equal(got.Dyn())
}

// normalize turns YAML maps with non-string keys into JSON-able values.
func normalize(x any) any {
	switch x := x.(type) {
	case map[string]any:
		for k, v := range x {
			x[k] = normalize(v)
		}
		return x
	case map[any]any:
		m := map[string]any{}
		for k, v := range x {
			m[fmt.Sprint(k)] = normalize(v)
		}
		return m
	case []any:
		for i, v := range x {
			x[i] = normalize(v)
		}
		return x
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	return x
}

// valueText shows a result value in a failure.
func valueText(v data.Value) string {
	switch {
	case v.IsNull() && v.Type() != data.String:
		return "null"
	case v.Type() == data.String:
		return strconv.Quote(v.Str())
	case v.Type() == data.DateTime:
		return data.FormatDateTimeShort(v.Int64())
	}
	return v.String()
}

// shownNode shows an expected YAML value in a failure.
func shownNode(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!str" || n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			return strconv.Quote(n.Value)
		}
		return n.Value
	}
	var x any
	if err := n.Decode(&x); err == nil {
		if b, err := json.Marshal(normalize(x)); err == nil {
			return string(b)
		}
	}
	return "(" + n.ShortTag() + ")"
}

// parseTime reads a datetime, or now, now-30m, now+1h relative to now.
func parseTime(s string, now time.Time) (int64, bool) {
	if t, ok := relativeTime(s, now); ok {
		return data.TicksFromTime(t), true
	}
	ticks, err := data.ParseDateTime(s)
	return ticks, err == nil
}

// relativeTime reads now, now-30m, now+1h30m.
func relativeTime(s string, now time.Time) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(strings.ToLower(s), "now") {
		return time.Time{}, false
	}
	rest := strings.TrimSpace(s[3:])
	if rest == "" {
		return now, true
	}
	sign := time.Duration(1)
	switch rest[0] {
	case '-':
		sign = -1
	case '+':
	default:
		return time.Time{}, false
	}
	d, err := rule.ParseDuration(strings.TrimSpace(rest[1:]))
	if err != nil {
		return time.Time{}, false
	}
	return now.Add(sign * d), true
}
