package lint

import (
	"sort"
	"strings"
	"testing"
)

// TestAnalyzers runs each analyzer on queries it should and should not
// report.
func TestAnalyzers(t *testing.T) {
	l, err := New(Disable("KQL108"), Enable("BP309"))
	if err != nil {
		t.Fatal(err)
	}
	const tf = "SigninLogs | where TimeGenerated > ago(1h)"
	for _, tc := range []struct {
		query string
		want  string // codes, sorted, comma-separated
	}{
		{"SigninLogs | take 1", "BP301"},
		{"SigninLogs | where TimeGenerated > ago(1d) | take 1", ""},
		{"let s = ago(1d); SigninLogs | where TimeGenerated > s", ""},
		{"DeviceProcessEvents | where Timestamp > ago(1d)", ""},
		{"print x = 1", ""},
		{tf + " | where AppDisplayName contains \"teams\"", "BP302"},
		{tf + " | where AppDisplayName !contains_cs \"Teams\"", "BP302"},
		{tf + " | where AppDisplayName contains \"te\"", ""},
		{tf + " | where AppDisplayName contains \"ms-teams\"", ""},
		{tf + " | where AppDisplayName has \"teams\"", ""},
		{tf + " | where tolower(UserPrincipalName) == \"a@b.c\"", "BP303"},
		{tf + " | where toupper(UserPrincipalName) != \"A@B.C\"", "BP303"},
		{tf + " | where tolower(UserPrincipalName) in (\"a\", \"b\")", "BP303"},
		{tf + " | where tolower(UserPrincipalName) startswith \"adm\"", "BP303"},
		{tf + " | where tolower(UserPrincipalName) == tolower(UserDisplayName)", ""},
		{tf + " | join (AuditLogs | where TimeGenerated > ago(1h)) on CorrelationId", "BP304"},
		{tf + " | join kind=inner (AuditLogs | where TimeGenerated > ago(1h)) on CorrelationId", ""},
		{"union Sign* | where TimeGenerated > ago(1h)", "BP305"},
		{"union SigninLogs, AuditLogs | where TimeGenerated > ago(1h)", ""},
		{"search \"x\" | where TimeGenerated > ago(1h)", "BP306"},
		{"search in (SigninLogs) \"x\" | where TimeGenerated > ago(1h)", ""},
		{tf + " | where * has \"x\"", "BP306"},
		{tf + " | mv-expand AppliedConditionalAccessPolicies", "BP307"},
		{tf + " | mv-expand AppliedConditionalAccessPolicies limit 50", ""},
		{tf + " | mvexpand AppliedConditionalAccessPolicies", "BP308"},
		{tf + " | summarize makeset(AppId)", "BP309"},
		{tf + " | extend p = parsejson(DeviceDetail)", "BP309"},
		{"let makelist = (x: long) { x }; print y = makelist(1)", ""},
		{"let a = 1; let b = 2; print x = a", "BP310"},
		{"let t = 'x'; print x = 1 | where table(t) != ''", ""},
		{tf + " | where AppDisplayName matches regex \"teams\"", "BP311"},
		{tf + " | where AppDisplayName matches regex \"te.ms\"", ""},
	} {
		list := l.Query("q.kql", tc.query)
		var codes []string
		for _, d := range list {
			if strings.HasPrefix(d.Code, "BP") {
				codes = append(codes, d.Code)
			}
		}
		sort.Strings(codes)
		if got := strings.Join(codes, ","); got != tc.want {
			t.Errorf("%s: got %q, want %q %v", tc.query, got, tc.want, headers(list))
		}
	}
}

// TestRuleSkipsTimeFilter checks that BP301 is not reported for rules,
// whose query Sentinel limits to queryPeriod.
func TestRuleSkipsTimeFilter(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	list, err := l.File("testdata/rules/clean.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if d.Code == "BP301" {
			t.Errorf("got %s", d.Header())
		}
	}
}
