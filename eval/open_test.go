package eval_test

import (
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/eval"
	"github.com/kqlkit/kqlkit/internal/parser"
)

// checkQuery runs eval.Check over a query with one known table T(a:long,
// s:string) and returns the last result's columns (open or not) and the
// error messages.
func checkQuery(t *testing.T, query string) (cols string, open bool, msgs []string) {
	t.Helper()
	src := diag.NewSource("", query)
	tree, errs := parser.Parse(src)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	known := data.Schema{{Name: "a", Type: data.Long}, {Name: "s", Type: data.String}}
	env := &eval.Env{Source: src, Table: func(name string) (data.Schema, bool) {
		switch name {
		case "T":
			return known, true
		case "Wide":
			return eval.Open(known), true
		}
		return nil, false
	}}
	schemas, list := eval.Check(tree, env)
	for _, d := range list {
		msgs = append(msgs, d.Message)
	}
	if len(schemas) == 0 {
		return "", false, msgs
	}
	s := schemas[len(schemas)-1]
	var names []string
	for _, c := range s {
		if c.Type != data.Unknown || !strings.HasPrefix(c.Name, "*") {
			names = append(names, c.Name)
		}
	}
	return strings.Join(names, ","), eval.IsOpen(s), msgs
}

// TestCheckOpenSchemas checks that an unknown table or an operator that
// cannot be compiled is reported once, that the columns read after it are
// not reported, and that a summarize or project closes the schema again.
func TestCheckOpenSchemas(t *testing.T) {
	for _, tc := range []struct {
		query string
		cols  string
		open  bool
		msgs  string // the errors, joined by " | "
	}{
		{"T | where a > 1 | project a, s", "a,s", false, ""},
		{"T | where b > 1", "a,s", false, "unknown column 'b'"},
		{"U | where b > 1 | extend c = b + 1", "c", true, "unknown table 'U'"},
		{"U | summarize n = count() by k | where n > 1", "k,n", false, "unknown table 'U'"},
		{"U | summarize n = count() by k | where m > 1", "k,n", false, "unknown table 'U' | unknown column"},
		{"T | evaluate autocluster() | where SegmentId > 1", "a,s", true, "plugin 'autocluster' is not supported"},
		{"Wide | where b > 1 | project a, b", "a,b", false, ""},
		{"U | join (T) on $left.k == $right.a | project k, s", "k,s", false, "unknown table 'U'"},
		{"union isfuzzy=true (T | project x), (T | project a)", "x,a", false, "unknown column 'x'"},
		{"T | extend series_stats(a)", "a,s,series_stats_a_min,series_stats_a_min_idx,series_stats_a_max,series_stats_a_max_idx,series_stats_a_avg,series_stats_a_stdev,series_stats_a_variance", true, "function 'series_stats' expects a dynamic value as argument 1, got long"},
		{"T | extend no_such_function(a)", "a,s,Column1", true, "unknown function 'no_such_function'"},
	} {
		cols, open, msgs := checkQuery(t, tc.query)
		got := strings.Join(msgs, " | ")
		if cols != tc.cols || open != tc.open || !strings.HasPrefix(got, tc.msgs) || tc.msgs == "" && got != "" {
			t.Errorf("%s: got %s open=%v %q, want %s open=%v %q", tc.query, cols, open, got, tc.cols, tc.open, tc.msgs)
		}
	}
}

// TestCompileUnchanged checks that Compile still stops at errors and
// returns no query.
func TestCompileUnchanged(t *testing.T) {
	src := diag.NewSource("", "U | where b > 1")
	tree, _ := parser.Parse(src)
	q, errs := eval.Compile(tree, &eval.Env{Source: src})
	if q != nil || len(errs) != 1 {
		t.Errorf("got %v, %v; want no query and one error", q, errs)
	}
}
