package ruletest

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestExamples runs the project's example rule tests.
func TestExamples(t *testing.T) { Run(t, "../../examples") }

// TestFormat runs the test files of testdata that must pass.
func TestFormat(t *testing.T) { Run(t, "testdata") }

var durations = regexp.MustCompile(`\(\d+ms\)|time="[0-9.]+"`)

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	got = durations.ReplaceAll(got, []byte("(…)"))
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; got:\n%s", path, got)
	}
}

func runFailing(t *testing.T) []*Result {
	f, err := Load(filepath.Join("testdata", "failing.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	results := f.Run(context.Background())
	for _, r := range results {
		if r.Passed() {
			t.Errorf("%s: passed, want a failure", r.Case)
		}
	}
	return results
}

func TestFailingReport(t *testing.T) {
	var b bytes.Buffer
	if n := Report(&b, runFailing(t), 1, 0); n != 4 {
		t.Errorf("got %d failed cases, want 4", n)
	}
	golden(t, "failing.golden", b.Bytes())
}

func TestJUnit(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJUnit(&b, runFailing(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "failing.junit.golden", b.Bytes())
}

// TestLoadErrors checks that malformed test files are reported at their
// line and column.
func TestLoadErrors(t *testing.T) {
	const head = "rule: ../../../examples/aad-provisioning-failure-burst/rule.yaml\nnow: 2025-06-01T12:00:00Z\n"
	tests := []struct {
		name, text, want string
	}{
		{"not a mapping", "- a\n", "x_test.yaml:1:1: a test file must be a YAML mapping"},
		{"no rule", "cases: []\n", "x_test.yaml:1:1: the test file names no 'rule'"},
		{"no cases", head, "x_test.yaml:1:1: the test file has no 'cases'"},
		{"unknown field", head + "casse: []\n", "x_test.yaml:3:1: unknown field 'casse'"},
		{"bad now", head + "cases:\n  - name: a\n    now: yesterday\n    expect: {fires: true}\n",
			`x_test.yaml:5:10: "yesterday" is not a time`},
		{"no expect", head + "cases:\n  - name: a\n", `x_test.yaml:4:5: case "a" has no 'expect'`},
		{"unknown expectation", head + "cases:\n  - name: a\n    expect: {fire: true}\n",
			"x_test.yaml:5:14: unknown expectation 'fire'"},
		{"unknown alert field", head + "cases:\n  - name: a\n    expect:\n      alerts:\n        - {nam: x}\n",
			"x_test.yaml:7:12: unknown alert field 'nam'"},
		{"bad row", head + "tables:\n  T: [1]\ncases:\n  - {name: a, expect: {fires: true}}\n",
			"x_test.yaml:4:7: a row must be a mapping"},
		{"missing rule file", "rule: nope.yaml\ncases: []\n", `x_test.yaml:1:7: rule file "nope.yaml" not found`},
		{"invalid inline rule", "rule:\n  name: x\n  severity: Huge\n  query: T\n  queryFrequency: 1h\n  queryPeriod: 1h\ncases: []\n",
			`x_test.yaml:3:13: severity "Huge" is not one of`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(filepath.Join("testdata", "x_test.yaml"), []byte(tt.text))
			if err == nil {
				t.Fatal("got no error")
			}
			got := strings.TrimPrefix(filepath.ToSlash(err.Error()), "testdata/")
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want it to start with %q", got, tt.want)
			}
		})
	}
}

func TestFiles(t *testing.T) {
	files, err := Files([]string{"testdata", "../../examples"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	if got := strings.Join(names, ","); got != "rule_test.yaml,inline_test.yaml" {
		t.Errorf("got %s, want rule_test.yaml,inline_test.yaml", got)
	}
}
