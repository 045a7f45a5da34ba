package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

const lintFixtures = "../../lint/testdata/"

func TestLintExitStatus(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"lint", lintFixtures + "rules/clean.yaml"}, 0},
		{[]string{"lint", lintFixtures + "rules/custom_table.yaml"}, 0}, // a warning only
		{[]string{"lint", lintFixtures + "rules/unknown_column.yaml"}, 1},
		{[]string{"lint", "--disable", "KQL103", lintFixtures + "rules/unknown_column.yaml"}, 0},
		{[]string{"lint", "--disable", "NOPE1", lintFixtures + "rules/clean.yaml"}, 2},
		{[]string{"lint", "no-such-file.kql"}, 2},
		{[]string{"lint"}, 2},
	} {
		if code, _, errs := kqlCmd(tc.args...); code != tc.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", tc.args, code, tc.code, errs)
		}
	}
}

// TestLintSchema checks --schema: a custom table declared in a file is
// checked, and the entity mapping against its result.
func TestLintSchema(t *testing.T) {
	code, out, _ := kqlCmd("lint", "testdata/custom_rule.yaml")
	if code != 0 || !strings.Contains(out, "[KQL102]") {
		t.Errorf("without --schema: exit %d, output %q; want a KQL102 warning", code, out)
	}
	code, out, _ = kqlCmd("lint", "--schema", "testdata/custom_schema.kql", "testdata/custom_rule.yaml")
	want := "testdata/custom_rule.yaml:16:11: error: unknown column 'Actoin' (did you mean 'Action'?) [KQL103]"
	if code != 1 || !strings.HasPrefix(out, want) {
		t.Errorf("with --schema: exit %d, output:\n%s\nwant it to start with %q", code, out, want)
	}
}

func TestLintJSON(t *testing.T) {
	code, out, _ := kqlCmd("lint", "--format", "json", lintFixtures+"rules/unknown_column.yaml")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var d map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &d); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, k := range []string{"file", "line", "column", "end_line", "end_column", "severity", "code", "message"} {
		if _, ok := d[k]; !ok {
			t.Errorf("no %q in %s", k, out)
		}
	}
	if d["line"] != 22.0 || d["column"] != 11.0 || d["end_column"] != 20.0 || d["code"] != "KQL103" {
		t.Errorf("got %s", out)
	}
}

func TestLintSARIF(t *testing.T) {
	code, out, _ := kqlCmd("lint", "--format", "sarif", lintFixtures+"rules/entity_column.yaml")
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn int }
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || code != 1 {
		t.Fatalf("exit %d, %v: %s", code, err, out)
	}
	r := log.Runs[0].Results[0]
	loc := r.Locations[0].PhysicalLocation
	if log.Version != "2.1.0" || r.RuleID != "RULE214" || loc.Region.StartLine != 33 || loc.Region.StartColumn != 21 ||
		loc.ArtifactLocation.URI != "../../lint/testdata/rules/entity_column.yaml" {
		t.Errorf("got %+v", log)
	}
}

func TestLintList(t *testing.T) {
	code, out, _ := kqlCmd("lint", "--list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, s := range []string{"KQL103   unknown-column", "RULE214  entity-column", "BP302    contains-vs-has"} {
		if !strings.Contains(out, s) {
			t.Errorf("--list lacks %q", s)
		}
	}
}

func TestLintStdin(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"lint", "--disable", "BP301", "-"}, strings.NewReader(`SigninLogs | where ResultTyp == "0"`), &out, &errb)
	if code != 1 || !strings.HasPrefix(out.String(), "<stdin>:1:20: error: unknown column 'ResultTyp'") {
		t.Errorf("exit %d, output %q", code, out.String())
	}
}
