package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const example = "../../examples/aad-provisioning-failure-burst/"

// kqlCmd runs the command line and returns its exit status and outputs.
func kqlCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; got:\n%s", path, got)
	}
}

// TestRunExample is the README's quick start.
func TestRunExample(t *testing.T) {
	code, out, errs := kqlCmd("run", example+"rule.yaml", "--table", "AADProvisioningLogs="+example+"sample.jsonl",
		"--now", "2025-06-01T12:00:00Z")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "Provisioning Failure Burst on Salesforce 2 - 37 failures") {
		t.Errorf("the alert name is missing from:\n%s", out)
	}
	golden(t, "run_example.golden", out)
}

func TestRunJSON(t *testing.T) {
	code, out, _ := kqlCmd("run", example+"rule.yaml", "--table", "AADProvisioningLogs="+example+"sample.jsonl",
		"--now", "2025-06-01T12:00:00Z", "--format", "json")
	if code != 0 || !strings.HasPrefix(out, `{"tables":[{"name":"SecurityAlert","columns":[`) {
		t.Fatalf("exit %d, output %.200s", code, out)
	}
	for _, s := range []string{`"AlertName"`, `{"name":"Entities","type":"dynamic"}`, `"Type":"cloud-application"`,
		`"Custom Details":"{\"Failures\":[\"37\"]`} {
		if !strings.Contains(out, s) {
			t.Errorf("the JSON lacks %s", s)
		}
	}
}

// TestRunQuiet: a rule that does not fire exits 0 and says so; a table
// the query names that is not bound is empty.
func TestRunQuiet(t *testing.T) {
	code, out, _ := kqlCmd("run", example+"rule.yaml", "--now", "2025-06-01T12:00:00Z")
	if code != 0 || !strings.Contains(out, "result:   0 rows; 0 gt 0: not triggered") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	b, err := os.ReadFile(example + "rule.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ruleText := string(b)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"bad duration", []string{"run", write("d.yaml", strings.Replace(ruleText, "queryPeriod: 1h", "queryPeriod: 1 hour", 1))},
			1, "d.yaml:20:14: 'queryPeriod': \"1 hour\" is not a duration"},
		{"bad entity", []string{"run", write("e.yaml", strings.Replace(ruleText, "entityType: CloudApplication", "entityType: CloudApp", 1))},
			1, "e.yaml:50:17: unknown entity type \"CloudApp\" (did you mean 'CloudApplication'?)"},
		{"template column", []string{"run", write("t.yaml", strings.Replace(ruleText, "{{SPName}} - ", "{{SPNam}} - ", 1))},
			1, "t.yaml:59:58: column 'SPNam' is not in the query's result (did you mean 'SPName'?)"},
		{"query error", []string{"run", write("q.yaml", strings.Replace(ruleText, "| where ResultType", "| where ResultTyp", 1))},
			1, "q.yaml:33:11: unknown column 'ResultTyp'"},
		{"unknown field warns", []string{"run", write("w.yaml", ruleText+"owner: someone\n"), "--now", "2025-06-01T12:00:00Z"},
			0, "w.yaml:74:1: unknown field 'owner' (kept, not used)"},
		{"missing file", []string{"run", filepath.Join(dir, "nope.yaml")}, 2, ""},
		{"bad table flag", []string{"run", example + "rule.yaml", "--table", "AADProvisioningLogs"}, 2, "--table expects NAME=PATH"},
		{"bad now", []string{"run", example + "rule.yaml", "--now", "noon"}, 2, "--now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := kqlCmd(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("got exit %d, stderr:\n%s\nwant exit %d with %q", code, errs, tt.code, tt.stderr)
			}
		})
	}
}

func TestTestCommand(t *testing.T) {
	junit := filepath.Join(t.TempDir(), "junit.xml")
	code, out, errs := kqlCmd("test", "../../examples", "--junit", junit)
	if code != 0 || !strings.Contains(out, "ok    6 passed (1 file,") {
		t.Fatalf("exit %d, output:\n%s%s", code, out, errs)
	}
	if b, err := os.ReadFile(junit); err != nil || !bytes.Contains(b, []byte(`<testsuites tests="6" failures="0"`)) {
		t.Errorf("junit: %v\n%s", err, b)
	}
	code, out, _ = kqlCmd("test", "../../rule/ruletest/testdata/failing.yaml", "--run", "results")
	if code != 1 || !strings.Contains(out, "FAIL  0 passed, 1 failed") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	if code, _, _ := kqlCmd("test", "no/such/dir"); code != 2 {
		t.Errorf("a missing path: got exit %d, want 2", code)
	}
}

func TestBacktestCommand(t *testing.T) {
	code, out, errs := kqlCmd("backtest", example+"rule.yaml", "--table", "AADProvisioningLogs="+example+"sample.jsonl",
		"--from", "2025-06-01T09:00:00Z", "--to", "2025-06-01T12:00:00Z")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "backtest_example.golden", out)
	code, out, _ = kqlCmd("backtest", example+"rule.yaml", "--table", "AADProvisioningLogs="+example+"sample.jsonl",
		"--from", "2025-06-01T09:00:00Z", "--to", "2025-06-01T12:00:00Z", "--format", "json")
	if code != 0 || !strings.HasPrefix(out, `{"tables":[{"name":"Runs"`) || !strings.Contains(out, `{"name":"Incidents"`) {
		t.Errorf("exit %d, output %.300s", code, out)
	}
	if code, _, errs := kqlCmd("backtest", example+"rule.yaml", "--from", "2025-06-02T00:00:00Z", "--to", "2025-06-01T00:00:00Z"); code != 2 {
		t.Errorf("an empty range: got exit %d (%s), want 2", code, errs)
	}
}
