package kql_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/kql"
)

var update = flag.Bool("update", false, "rewrite golden files and the conformance failure list")

const conformanceDir = "../testdata/conformance"

type confCase struct {
	ID       string `json:"id"`
	KQL      string `json:"kql"`
	Expected struct {
		Columns []string            `json:"columns"`
		Types   []string            `json:"column_types"`
		Rows    [][]json.RawMessage `json:"rows"`
	} `json:"expected"`
}

func loadConformance(t testing.TB) []confCase {
	f, err := os.Open(filepath.Join(conformanceDir, "kusto-docs-oracle.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []confCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var c confCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	return cases
}

// nondeterministic matches cases whose results cannot be reproduced.
var nondeterministic = regexp.MustCompile(`\b(rand|new_guid|now|ago|sample|sample-distinct|take_any|any|ingestion_time|cluster|database|current_\w+|extent_id|extent_tags|cursor_\w+)\b`)

func loadKnown(t *testing.T) map[string]string {
	known := map[string]string{}
	data, err := os.ReadFile(filepath.Join(conformanceDir, "known_failures.tsv"))
	if err != nil {
		if os.IsNotExist(err) {
			return known
		}
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, _ := strings.Cut(line, "\t")
		known[id] = reason
	}
	return known
}

// confNow is now() for conformance runs (the oracle ran in 2026; cases that
// depend on it are not counted anyway).
var confNow = time.Date(2026, 8, 2, 23, 56, 37, 0, time.UTC)

func TestConformance(t *testing.T) {
	cases := loadConformance(t)
	known := loadKnown(t)
	env, err := kql.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	failures := map[string]string{}
	passed, counted := 0, 0
	for _, c := range cases {
		start := time.Now()
		reason := runCase(env, c)
		if d := time.Since(start); d > 2*time.Second {
			t.Logf("%s: slow (%v)", c.ID, d.Round(time.Millisecond))
		}
		det := !nondeterministic.MatchString(c.KQL)
		if det {
			counted++
		}
		if reason == "" {
			if det {
				passed++
			}
			if _, listed := known[c.ID]; listed && !*update {
				t.Errorf("%s: passes now; remove it from known_failures.tsv (or run with -update)", c.ID)
			}
			continue
		}
		failures[c.ID] = reason
		if _, listed := known[c.ID]; !listed && !*update {
			t.Errorf("%s: regression: %s", c.ID, reason)
		}
	}
	t.Logf("conformance: %d of %d deterministic cases pass (%d cases in all)", passed, counted, len(cases))
	if *update {
		writeKnown(t, failures)
	}
	checkREADMECount(t, fmt.Sprintf("%d of %d", passed, counted))
}

// checkREADMECount keeps the pass count the README shows true.
func checkREADMECount(t *testing.T, count string) {
	const begin, end = "<!-- conformance -->", "<!-- /conformance -->"
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the conformance count markers")
	}
	if text[i+len(begin):j] == count {
		return
	}
	if *update {
		text = text[:i+len(begin)] + count + text[j:]
		if err := os.WriteFile("../README.md", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md shows %q conformance cases passing, the run gives %q (go test ./kql -run Conformance -update)",
		text[i+len(begin):j], count)
}

func writeKnown(t *testing.T, failures map[string]string) {
	ids := make([]string, 0, len(failures))
	for id := range failures {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString("# conformance cases kqlkit does not pass yet: id<TAB>reason (go test ./kql -run Conformance -update)\n")
	for _, id := range ids {
		fmt.Fprintf(&b, "%s\t%s\n", id, failures[id])
	}
	if err := os.WriteFile(filepath.Join(conformanceDir, "known_failures.tsv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runCase runs one case and returns why it fails ("" when it passes).
func runCase(env *kql.Env, c confCase) (reason string) {
	defer func() {
		if r := recover(); r != nil {
			reason = fmt.Sprintf("panic: %v", r)
		}
	}()
	q, err := env.Compile("", c.KQL)
	if err != nil {
		return oneLine("error: " + err.Error())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := q.Run(ctx, kql.WithNow(confNow))
	if err != nil {
		return oneLine("error: " + err.Error())
	}
	t := res.Primary()
	if t == nil {
		return "no result table"
	}
	return compareTable(c, t)
}

func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

func compareTable(c confCase, t *data.Table) string {
	exp := c.Expected
	if got := t.Schema.Names(); strings.Join(got, ",") != strings.Join(exp.Columns, ",") {
		return oneLine(fmt.Sprintf("columns %v, want %v", got, exp.Columns))
	}
	for i, def := range t.Schema {
		if want, ok := data.ParseDotNetType(exp.Types[i]); ok && want != def.Type {
			return fmt.Sprintf("column %s is %s, want %s", def.Name, def.Type, want)
		}
	}
	if t.Rows() != len(exp.Rows) {
		return fmt.Sprintf("%d rows, want %d", t.Rows(), len(exp.Rows))
	}
	unordered := regexp.MustCompile(`\b(make_set|make_set_if|make_bag|make_bag_if|set_union|set_intersect|set_difference|bag_keys)\b`).MatchString(c.KQL)
	got := make([]string, t.Rows())
	want := make([]string, t.Rows())
	for r := 0; r < t.Rows(); r++ {
		var gs, ws []string
		for j := range t.Schema {
			gs = append(gs, canonGot(t.Cols[j].Value(r), unordered))
			ws = append(ws, canonWant(exp.Rows[r][j], t.Schema[j].Type, unordered))
		}
		got[r], want[r] = strings.Join(gs, " | "), strings.Join(ws, " | ")
	}
	ordered := regexp.MustCompile(`\b(sort|order|top|serialize)\b`).MatchString(c.KQL)
	if !ordered {
		sort.Strings(got)
		sort.Strings(want)
	}
	for r := range got {
		if !rowsEqual(got[r], want[r]) {
			return oneLine(fmt.Sprintf("row %d: got %s, want %s", r, got[r], want[r]))
		}
	}
	return ""
}

// canonGot renders a result value for comparison.
func canonGot(v data.Value, unordered bool) string {
	if v.IsNull() && v.Type() != data.String {
		return "null"
	}
	switch v.Type() {
	case data.Real:
		return canonReal(v.Float64())
	case data.Dynamic:
		return canonJSON(v.Dyn().String(), unordered)
	case data.DateTime:
		return data.FormatDateTimeShort(v.Int64())
	case data.Bool:
		return v.String()
	}
	return v.String()
}

func canonReal(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return fmt.Sprintf("R%.12g", f)
}

// canonWant renders an expected value of column type t.
func canonWant(raw json.RawMessage, t data.Type, unordered bool) string {
	if string(raw) == "null" {
		if t == data.String {
			return ""
		}
		return "null"
	}
	switch t {
	case data.Real:
		var f float64
		if err := json.Unmarshal(raw, &f); err == nil {
			return canonReal(f)
		}
		var s string
		_ = json.Unmarshal(raw, &s)
		return s
	case data.Dynamic:
		return canonJSON(string(raw), unordered)
	case data.DateTime:
		var s string
		_ = json.Unmarshal(raw, &s)
		if ticks, err := data.ParseDateTime(s); err == nil {
			return data.FormatDateTimeShort(ticks)
		}
		return s
	case data.Bool:
		var b any
		_ = json.Unmarshal(raw, &b)
		switch b := b.(type) {
		case bool:
			return fmt.Sprint(b)
		case float64:
			return fmt.Sprint(b != 0)
		}
	}
	var x any
	if err := json.Unmarshal(raw, &x); err != nil {
		return string(raw)
	}
	switch x := x.(type) {
	case string:
		return x
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e18 {
			return fmt.Sprintf("%d", int64(x))
		}
		var n json.Number
		_ = json.Unmarshal(raw, &n)
		return n.String()
	}
	return string(raw)
}

// canonJSON re-renders JSON with sorted keys and, when asked, sorted arrays;
// numbers are canonicalised.
func canonJSON(s string, unordered bool) string {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return s
	}
	return "J" + renderJSON(x, unordered)
}

func renderJSON(x any, unordered bool) string {
	switch x := x.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%q:%s", k, renderJSON(x[k], unordered)))
		}
		return "{" + strings.Join(parts, ",") + "}"
	case []any:
		parts := make([]string, len(x))
		for i, it := range x {
			parts[i] = renderJSON(it, unordered)
		}
		if unordered {
			sort.Strings(parts)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return x.String()
		}
		return canonReal(f)
	case string:
		return fmt.Sprintf("%q", x)
	}
	b, _ := json.Marshal(x)
	return string(b)
}

// rowsEqual compares rendered rows, allowing a relative tolerance on reals.
func rowsEqual(a, b string) bool {
	if a == b {
		return true
	}
	re := regexp.MustCompile(`R[-+0-9.eE]+`)
	na, nb := re.FindAllString(a, -1), re.FindAllString(b, -1)
	if len(na) != len(nb) || re.ReplaceAllString(a, "R") != re.ReplaceAllString(b, "R") {
		return false
	}
	for i := range na {
		var x, y float64
		fmt.Sscanf(na[i][1:], "%g", &x)
		fmt.Sscanf(nb[i][1:], "%g", &y)
		if x != y && math.Abs(x-y) > 1e-9*math.Max(math.Abs(x), math.Abs(y)) {
			return false
		}
	}
	return true
}
