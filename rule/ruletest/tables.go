package ruletest

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/rule"
	"github.com/kqlkit/kqlkit/tableio"
)

// maxRepeat bounds _repeat in a row.
const maxRepeat = 1000000

// specsFor returns the file's tables with the case's replacing those of
// the same name.
func (f *File) specsFor(c *Case) []*TableSpec {
	var out []*TableSpec
	replaced := map[string]bool{}
	for _, ts := range c.Tables {
		replaced[ts.Name] = true
	}
	for _, ts := range f.Tables {
		if !replaced[ts.Name] {
			out = append(out, ts)
		}
	}
	return append(out, c.Tables...)
}

// schemaOf returns the declared schema of a table: from the file's schema
// files, else the catalog.
func (f *File) schemaOf(name string) data.Schema {
	if s, ok := f.Schemas[name]; ok {
		return s
	}
	s, _ := catalog.Lookup(name)
	return s
}

// buildTable reads a table spec. Rows become JSON Lines read with the
// table's schema, so missing columns are typed nulls.
func (f *File) buildTable(ts *TableSpec, now time.Time) (*data.Table, error) {
	opts := tableio.ReadOptions{Name: ts.Name, Schema: f.schemaOf(ts.Name), Path: ts.File}
	if len(ts.Rows) == 0 {
		if ts.File == "" {
			return data.EmptyTable(ts.Name, opts.Schema), nil
		}
		return tableio.ReadFile(ts.File, opts)
	}
	var buf bytes.Buffer
	if ts.File != "" {
		ext := strings.ToLower(ts.File)
		if !strings.HasSuffix(ext, ".jsonl") && !strings.HasSuffix(ext, ".ndjson") {
			return nil, f.errorAt(ts.node, "rows can be added to a JSON Lines file only")
		}
		b, err := os.ReadFile(ts.File)
		if err != nil {
			return nil, f.errorAt(ts.node, "%v", err)
		}
		buf.Write(b)
		if len(b) > 0 && b[len(b)-1] != '\n' {
			buf.WriteByte('\n')
		}
	} else {
		opts.Path = f.Path + " (" + ts.Name + " rows)"
	}
	for _, row := range ts.Rows {
		if err := f.writeRows(&buf, row, now); err != nil {
			return nil, err
		}
	}
	return tableio.ReadJSONLines(&buf, opts)
}

// writeRows writes a row mapping as JSON Lines, repeated _repeat times;
// each copy i has {{i}} in its strings replaced by i and its
// TimeGenerated moved by i × _step.
func (f *File) writeRows(buf *bytes.Buffer, row *yaml.Node, now time.Time) error {
	row = mergedRow(row)
	repeat, step := 1, time.Duration(0)
	for i := 0; i+1 < len(row.Content); i += 2 {
		k, v := row.Content[i], row.Content[i+1]
		switch k.Value {
		case "_repeat":
			n, err := strconv.Atoi(v.Value)
			if err != nil || n < 0 || n > maxRepeat {
				return f.errorAt(v, "_repeat must be a count up to %d", maxRepeat)
			}
			repeat = n
		case "_step":
			d, err := rule.ParseDuration(v.Value)
			if err != nil {
				return f.errorAt(v, "_step: %q is not a duration (like 1m or -30s)", v.Value)
			}
			step = d
		}
	}
	for i := 0; i < repeat; i++ {
		if err := f.writeRow(buf, row, now, i, step); err != nil {
			return err
		}
	}
	return nil
}

// writeRow writes copy i of a row as one JSON object.
func (f *File) writeRow(buf *bytes.Buffer, row *yaml.Node, now time.Time, i int, step time.Duration) error {
	buf.WriteByte('{')
	first := true
	for j := 0; j+1 < len(row.Content); j += 2 {
		k, v := row.Content[j], row.Content[j+1]
		if strings.HasPrefix(k.Value, "_") && (k.Value == "_repeat" || k.Value == "_step") {
			continue
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		key, _ := json.Marshal(k.Value)
		buf.Write(key)
		buf.WriteByte(':')
		val, err := f.cellJSON(k.Value, v, now, i, step)
		if err != nil {
			return err
		}
		buf.Write(val)
	}
	buf.WriteString("}\n")
	return nil
}

// cellJSON returns the JSON of one cell.
func (f *File) cellJSON(col string, v *yaml.Node, now time.Time, i int, step time.Duration) ([]byte, error) {
	if v.Kind != yaml.ScalarNode {
		var x any
		if err := v.Decode(&x); err != nil {
			return nil, f.errorAt(v, "%v", err)
		}
		return json.Marshal(substitute(normalize(x), strconv.Itoa(i)))
	}
	s := strings.ReplaceAll(v.Value, "{{i}}", strconv.Itoa(i))
	if col == "TimeGenerated" && step != 0 || isTimeText(s) {
		if ticks, ok := parseTime(s, now); ok {
			t := data.TimeFromTicks(ticks)
			if col == "TimeGenerated" {
				t = t.Add(time.Duration(i) * step)
			}
			return json.Marshal(data.FormatDateTime(data.TicksFromTime(t)))
		}
		if col == "TimeGenerated" && step != 0 {
			return nil, f.errorAt(v, "_step needs a TimeGenerated time, got %q", v.Value)
		}
	}
	switch v.Tag {
	case "!!null":
		return []byte("null"), nil
	case "!!bool":
		return []byte(strings.ToLower(s)), nil
	case "!!int", "!!float":
		if json.Valid([]byte(s)) {
			return []byte(s), nil
		}
	}
	return json.Marshal(s)
}

// isTimeText reports whether s is a relative time (now, now-5m).
func isTimeText(s string) bool {
	_, ok := relativeTime(s, time.Unix(0, 0))
	return ok
}

// mergedRow resolves YAML merge keys (<<: *base) in a row mapping: the
// merged mappings' pairs come first, and the row's own keys override them.
func mergedRow(row *yaml.Node) *yaml.Node {
	var own, merged []*yaml.Node
	hasMerge := false
	for i := 0; i+1 < len(row.Content); i += 2 {
		k, v := row.Content[i], row.Content[i+1]
		if k.Value != "<<" || k.Tag != "!!merge" {
			own = append(own, k, v)
			continue
		}
		hasMerge = true
		sources := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, src := range sources {
			for src.Kind == yaml.AliasNode {
				src = src.Alias
			}
			if src.Kind == yaml.MappingNode {
				merged = append(merged, mergedRow(src).Content...)
			}
		}
	}
	if !hasMerge {
		return row
	}
	ownKeys := map[string]bool{}
	for i := 0; i < len(own); i += 2 {
		ownKeys[own[i].Value] = true
	}
	out := &yaml.Node{Kind: yaml.MappingNode, Line: row.Line, Column: row.Column}
	seen := map[string]bool{}
	for i := 0; i+1 < len(merged); i += 2 {
		k := merged[i].Value
		if ownKeys[k] || seen[k] {
			continue
		}
		seen[k] = true
		out.Content = append(out.Content, merged[i], merged[i+1])
	}
	out.Content = append(out.Content, own...)
	return out
}

// substitute replaces {{i}} in the strings of a decoded value.
func substitute(x any, i string) any {
	switch x := x.(type) {
	case string:
		return strings.ReplaceAll(x, "{{i}}", i)
	case map[string]any:
		for k, v := range x {
			x[k] = substitute(v, i)
		}
	case []any:
		for k, v := range x {
			x[k] = substitute(v, i)
		}
	}
	return x
}
