package rule

import (
	"strings"
	"testing"
	"time"

	"github.com/kqlkit/kqlkit/diag"
)

// base is a valid rule; tests change or add lines.
const base = `id: 6c0c3b1e-0000-4000-8000-000000000001
name: Burst of failures
description: Many failures.
severity: Medium
kind: Scheduled
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
tactics:
  - Persistence
relevantTechniques:
  - T1078.004
query: |
  Events
  | where Result == "Failure"
  | summarize Failures = count() by App
entityMappings:
  - entityType: CloudApplication
    fieldMappings:
      - identifier: Name
        columnName: App
customDetails:
  Failures: Failures
alertDetailsOverride:
  alertDisplayNameFormat: "Burst on {{App}}"
`

// replaceLine swaps the line starting with prefix for repl (or appends repl
// when no line matches).
func replaceLine(src, prefix, repl string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			lines[i] = repl
			return strings.Join(lines, "\n")
		}
	}
	return src + repl + "\n"
}

func mustParse(t *testing.T, text string) *Rule {
	t.Helper()
	r, err := Parse("rule.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestParseFields(t *testing.T) {
	r := mustParse(t, base)
	if d := r.Validate(); len(d) > 0 {
		t.Fatalf("got diagnostics %v, want none", d)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"name", r.Name, "Burst of failures"},
		{"severity", r.Severity, "Medium"},
		{"kind", r.Kind, Scheduled},
		{"frequency", r.QueryFrequency, time.Hour},
		{"operator", r.TriggerOperator, GreaterThan},
		{"tactics", strings.Join(r.Tactics, ","), "Persistence"},
		{"techniques", strings.Join(r.RelevantTechniques, ","), "T1078.004"},
		{"entity", r.EntityMappings[0].EntityType + "/" + r.EntityMappings[0].FieldMappings[0].ColumnName, "CloudApplication/App"},
		{"detail", r.CustomDetails[0], CustomDetail{Key: "Failures", Column: "Failures"}},
		{"grouping", r.EventGrouping, SingleAlert},
		{"incident", r.Incident.CreateIncident, true},
		{"lookback", r.Incident.Grouping.LookbackDuration, 5 * time.Hour},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestValidatePositions checks each error's message and its exact line
// and column in the YAML.
func TestValidatePositions(t *testing.T) {
	tests := []struct {
		name       string
		prefix     string // line to replace
		repl       string
		line, col  int
		msg        string
		sev        diag.Severity
		addToQuery bool
	}{
		{"bad duration", "queryFrequency:", "queryFrequency: 1 hour", 6, 17,
			`'queryFrequency': "1 hour" is not a duration`, diag.Error, false},
		{"duration too short", "queryPeriod:", "queryPeriod: PT1M", 7, 14,
			"'queryPeriod' is 1m; Sentinel allows 5m to 14d", diag.Error, false},
		{"duration too long", "queryPeriod:", "queryPeriod: 15d", 7, 14,
			"'queryPeriod' is 15d; Sentinel allows 5m to 14d", diag.Error, false},
		{"frequency over period", "queryFrequency:", "queryFrequency: 2h", 6, 17,
			"'queryFrequency' (2h) is longer than 'queryPeriod' (1h)", diag.Error, false},
		{"bad operator", "triggerOperator:", "triggerOperator: gte", 8, 18,
			`unknown trigger operator "gte"`, diag.Error, false},
		{"bad threshold", "triggerThreshold:", "triggerThreshold: many", 9, 19,
			`'triggerThreshold' must be a whole number, got "many"`, diag.Error, false},
		{"bad severity", "severity:", "severity: Critical", 4, 11,
			`severity "Critical" is not one of Informational, Low, Medium, High`, diag.Error, false},
		{"severity case", "severity:", "severity: medium", 4, 11,
			`severity "medium" is spelled "Medium" in Sentinel`, diag.Warning, false},
		{"bad tactic", "  - Persistence", "  - Persistance", 11, 5,
			`"Persistance" is not a valid value of 'tactics' (did you mean 'Persistence'?)`, diag.Error, false},
		{"bad technique", "  - T1078.004", "  - 1078", 13, 5,
			`"1078" is not a MITRE ATT&CK technique id`, diag.Error, false},
		{"bad entity type", "  - entityType:", "  - entityType: Computer", 19, 17,
			`unknown entity type "Computer"`, diag.Error, false},
		{"bad identifier", "      - identifier:", "      - identifier: HostName", 21, 21,
			"'HostName' is not an identifier of CloudApplication entities", diag.Error, false},
		{"unknown field", "kind:", "kindd: Scheduled", 5, 1,
			"unknown field 'kindd' (kept, not used)", diag.Warning, false},
		{"fusion kind", "kind:", "kind: Fusion", 5, 7,
			"rules of kind 'Fusion' run inside Sentinel only", diag.Error, false},
		{"unclosed template", "  alertDisplayNameFormat:", `  alertDisplayNameFormat: "Burst on {{App"`, 26, 37,
			"'{{' is not closed by '}}'", diag.Error, false},
		{"query syntax", "  | summarize", "  | summarize Failures = count( by App", 17, 39,
			"", diag.Error, false},
		{"not a list", "tactics:", "tactics: {a: 1}", 10, 10,
			"'tactics' must be a list of strings, not a mapping", diag.Error, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := replaceLine(base, tt.prefix, tt.repl)
			if tt.name == "not a list" {
				text = strings.Replace(text, "tactics: {a: 1}\n  - Persistence\n", "tactics: {a: 1}\n", 1)
			}
			r := mustParse(t, text)
			diags := r.Validate()
			var found *diag.Diagnostic
			for _, d := range diags {
				if strings.Contains(d.Message, tt.msg) {
					found = d
					break
				}
			}
			if found == nil {
				t.Fatalf("no diagnostic containing %q; got:\n%v", tt.msg, allText(diags))
			}
			if found.Pos.Line != tt.line || found.Pos.Column != tt.col || found.Severity != tt.sev {
				t.Errorf("got %s at %d:%d, want %s at %d:%d\n%s", found.Severity, found.Pos.Line, found.Pos.Column,
					tt.sev, tt.line, tt.col, found.Error())
			}
			if found.File != "rule.yaml" {
				t.Errorf("got file %q, want rule.yaml", found.File)
			}
		})
	}
}

func allText(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestValidateRequired(t *testing.T) {
	tests := []struct {
		name, yaml, msg string
	}{
		{"no name", "severity: Low\nqueryFrequency: 1h\nqueryPeriod: 1h\nquery: T\n", "the rule has no 'name'"},
		{"no query", "name: x\nseverity: Low\nqueryFrequency: 1h\nqueryPeriod: 1h\n", "the rule has no 'query'"},
		{"no severity", "name: x\nqueryFrequency: 1h\nqueryPeriod: 1h\nquery: T\n", "the rule has no 'severity'"},
		{"no frequency", "name: x\nseverity: Low\nqueryPeriod: 1h\nquery: T\n", "needs a 'queryFrequency'"},
		{"selected without keys", base + "incidentConfiguration:\n  createIncident: true\n  groupingConfiguration:\n    enabled: true\n    matchingMethod: Selected\n",
			"matching method 'Selected' needs at least one"},
		{"group by unmapped", base + "incidentConfiguration:\n  groupingConfiguration:\n    enabled: true\n    matchingMethod: Selected\n    groupByEntities: [Host]\n",
			"incidents are grouped by 'Host' entities, but the rule maps none"},
		{"too many identifiers", strings.Replace(base, "        columnName: App\n",
			"        columnName: App\n      - identifier: AppId\n        columnName: App\n      - identifier: InstanceName\n        columnName: App\n      - identifier: Name\n        columnName: App\n", 1),
			"at most 3 identifiers"},
		{"duplicate key", base + "name: again\n", "'name' is given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustParse(t, tt.yaml)
			if got := allText(r.Validate().Errors()); !strings.Contains(got, tt.msg) {
				t.Errorf("got %q, want an error containing %q", got, tt.msg)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, text := range []string{"- a\n- b\n", "name: [unclosed\n", ""} {
		_, err := Parse("bad.yaml", []byte(text))
		if err == nil {
			t.Errorf("%q: got no error", text)
			continue
		}
		if !strings.HasPrefix(err.Error(), "bad.yaml:") {
			t.Errorf("%q: got %q, want it to start with the file name", text, err)
		}
	}
}

func TestUnknownFieldsKept(t *testing.T) {
	r := mustParse(t, base+"customField:\n  a: 1\n")
	if len(r.Unknown) != 1 || r.Unknown[0] != "customField" {
		t.Fatalf("got unknown %v, want [customField]", r.Unknown)
	}
	if m, ok := r.Raw["customField"].(map[string]any); !ok || m["a"] != 1 {
		t.Errorf("got raw %#v, want the mapping kept", r.Raw["customField"])
	}
	if err := r.Validate().Err(); err != nil {
		t.Errorf("got %v, want warnings only", err)
	}
}

func TestOperators(t *testing.T) {
	tests := []struct {
		spelling  string
		n, thresh int
		fires     bool
	}{
		{"gt", 1, 0, true}, {"GreaterThan", 0, 0, false}, {"lt", 2, 3, true}, {"LessThan", 3, 3, false},
		{"eq", 3, 3, true}, {"Equal", 2, 3, false}, {"ne", 2, 3, true}, {"NotEqual", 3, 3, false},
		{"GREATERTHAN", 5, 4, true},
	}
	for _, tt := range tests {
		op, ok := ParseOperator(tt.spelling)
		if !ok {
			t.Fatalf("%s: not parsed", tt.spelling)
		}
		if got := op.Fires(tt.n, tt.thresh); got != tt.fires {
			t.Errorf("%s: %d vs %d: got %v, want %v", tt.spelling, tt.n, tt.thresh, got, tt.fires)
		}
	}
	if _, ok := ParseOperator("ge"); ok {
		t.Error("ge: got an operator, want none")
	}
}
