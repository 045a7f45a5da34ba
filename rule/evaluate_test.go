package rule

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/tableio"
)

var testNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

var eventsSchema = data.Schema{
	{Name: "TimeGenerated", Type: data.DateTime}, {Name: "Result", Type: data.String},
	{Name: "App", Type: data.String}, {Name: "User", Type: data.String},
	{Name: "Sev", Type: data.String}, {Name: "Tac", Type: data.String},
}

// event is one row of the Events test table.
type event struct {
	ago              time.Duration
	result, app      string
	user, sev, tac   string
	omitTime, inline bool
}

func eventsTable(t *testing.T, evs []event) *data.Table {
	t.Helper()
	var b strings.Builder
	for _, e := range evs {
		ts := data.FormatDateTime(data.TicksFromTime(testNow.Add(-e.ago)))
		if e.omitTime {
			ts = ""
		}
		fmt.Fprintf(&b, `{"TimeGenerated":%q,"Result":%q,"App":%q,"User":%q,"Sev":%q,"Tac":%q}`+"\n",
			ts, e.result, e.app, e.user, e.sev, e.tac)
	}
	tab, err := tableio.ReadJSONLines(strings.NewReader(b.String()),
		tableio.ReadOptions{Name: "Events", Schema: eventsSchema})
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// ruleWith builds a rule from base with its query and extra fields
// replaced.
func ruleWith(t *testing.T, query string, extra string) *Rule {
	t.Helper()
	text := base
	i := strings.Index(text, "query: |")
	j := strings.Index(text, "entityMappings:")
	text = text[:i] + "query: |\n  " + strings.ReplaceAll(query, "\n", "\n  ") + "\n" + text[j:]
	for _, line := range strings.Split(extra, "\n") {
		if k, _, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(line, " ") {
			text = removeField(text, k)
		}
	}
	r := mustParse(t, text+extra)
	if err := r.Validate().Err(); err != nil {
		t.Fatal(err)
	}
	return r
}

// removeField drops a top-level field and its indented lines.
func removeField(text, key string) string {
	lines := strings.Split(text, "\n")
	var out []string
	skip := false
	for _, l := range lines {
		if strings.HasPrefix(l, key+":") {
			skip = true
			continue
		}
		if skip && (strings.HasPrefix(l, " ") || l == "") && l != "" {
			continue
		}
		skip = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func evaluate(t *testing.T, r *Rule, evs []event) *Evaluation {
	t.Helper()
	ev, err := r.Evaluate(context.Background(), WithNow(testNow), WithTables(eventsTable(t, evs)))
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func failures(n int, app string, ago time.Duration) []event {
	out := make([]event, n)
	for i := range out {
		out[i] = event{ago: ago, result: "Failure", app: app, user: fmt.Sprintf("u%d@contoso.com", i)}
	}
	return out
}

const summaryQuery = `Events
| where Result == "Failure"
| summarize Failures = count() by App`

func TestWindow(t *testing.T) {
	r := ruleWith(t, "Events | where Result == \"Failure\"", "customDetails: {}\n")
	evs := []event{
		{ago: 0, result: "Failure", app: "at now"},
		{ago: 59 * time.Minute, result: "Failure", app: "inside"},
		{ago: time.Hour, result: "Failure", app: "at the start (excluded)"},
		{ago: -time.Minute, result: "Failure", app: "in the future"},
		{ago: 2 * time.Hour, result: "Failure", app: "too old"},
		{omitTime: true, result: "Failure", app: "no time"},
	}
	ev := evaluate(t, r, evs)
	var got []string
	for i := 0; i < ev.Results.Rows(); i++ {
		got = append(got, ev.Results.Column("App").Value(i).String())
	}
	if strings.Join(got, ",") != "at now,inside" {
		t.Errorf("got rows %v, want [at now inside]", got)
	}
	if !ev.WindowStart.Equal(testNow.Add(-time.Hour)) {
		t.Errorf("got window start %v, want %v", ev.WindowStart, testNow.Add(-time.Hour))
	}
}

func TestTriggerAndGrouping(t *testing.T) {
	evs := append(failures(3, "A", time.Minute), failures(2, "B", time.Minute)...)
	tests := []struct {
		name   string
		extra  string
		alerts int
		fires  bool
	}{
		{"single alert", "", 1, true},
		{"alert per result", "eventGroupingSettings:\n  aggregationKind: AlertPerResult\n", 2, true},
		{"threshold not met", "triggerThreshold: 2\n", 0, false},
		{"equal", "triggerOperator: eq\ntriggerThreshold: 2\n", 1, true},
		{"less than", "triggerOperator: lt\ntriggerThreshold: 2\n", 0, false},
		{"not equal", "triggerOperator: NotEqual\ntriggerThreshold: 2\n", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := evaluate(t, ruleWith(t, summaryQuery, tt.extra), evs)
			if ev.Triggered != tt.fires || len(ev.Alerts) != tt.alerts {
				t.Errorf("got fired %v with %d alerts, want %v with %d", ev.Triggered, len(ev.Alerts), tt.fires, tt.alerts)
			}
		})
	}
}

func TestAlertPerResultCap(t *testing.T) {
	var evs []event
	for i := 0; i < 160; i++ {
		evs = append(evs, event{ago: time.Minute, result: "Failure", app: fmt.Sprintf("app%03d", i)})
	}
	r := ruleWith(t, summaryQuery+"\n| order by App asc", "eventGroupingSettings:\n  aggregationKind: AlertPerResult\n")
	ev := evaluate(t, r, evs)
	if len(ev.Alerts) != 150 {
		t.Fatalf("got %d alerts, want 150", len(ev.Alerts))
	}
	last := ev.Alerts[149]
	if !last.Summary || len(last.Rows) != 160 || len(last.Entities) != 160 {
		t.Errorf("got last alert summary=%v rows=%d entities=%d, want a summary of 160 rows", last.Summary, len(last.Rows), len(last.Entities))
	}
	if a := ev.Alerts[148]; a.Summary || a.Name != "Burst on app148" {
		t.Errorf("got alert 149 %q (summary %v), want Burst on app148", a.Name, a.Summary)
	}
	ids := map[string]bool{}
	for _, a := range ev.Alerts {
		ids[a.SystemAlertID] = true
	}
	if len(ids) != 150 {
		t.Errorf("got %d distinct alert ids, want 150", len(ids))
	}
}

func TestAlertDetails(t *testing.T) {
	query := `Events
| where Result == "Failure"
| summarize Failures = count(), Sev = take_any(Sev), Tac = take_any(Tac), User = take_any(User) by App`
	override := `alertDetailsOverride:
  alertDisplayNameFormat: "{{App}}: {{Failures}} failures by {{User}}"
  alertDescriptionFormat: "{{User}}"
  alertSeverityColumnName: Sev
  alertTacticsColumnName: Tac
  alertDynamicProperties:
    - alertProperty: ProductName
      value: App
    - alertProperty: Techniques
      value: Tac
`
	tests := []struct {
		name                   string
		e                      event
		alertName, desc        string
		severity, tactics, pro string
	}{
		{"all from columns", event{app: "Sales", user: "bob", sev: "high", tac: "InitialAccess, Impact"},
			"Sales: 1 failures by bob", "bob", "High", "InitialAccess,Impact", "Sales"},
		{"invalid severity and tactics fall back", event{app: "Sales", user: "bob", sev: "urgent", tac: "Impact, Nonsense"},
			"Sales: 1 failures by bob", "bob", "Medium", "Persistence", "Sales"},
		{"empty values", event{app: "Sales"},
			"Sales: 1 failures by ", "Many failures.", "Medium", "Persistence", "Sales"},
		{"tactics as JSON", event{app: "X", tac: `["Execution","Discovery"]`},
			"X: 1 failures by ", "Many failures.", "Medium", "Execution,Discovery", "X"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.e
			e.result, e.ago = "Failure", time.Minute
			ev := evaluate(t, ruleWith(t, query, override), []event{e})
			a := ev.Alerts[0]
			got := []string{a.Name, a.Description, a.Severity, strings.Join(a.Tactics, ","), a.Properties["ProductName"]}
			want := []string{tt.alertName, tt.desc, tt.severity, tt.tactics, tt.pro}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestTemplateMissingColumn(t *testing.T) {
	r := ruleWith(t, summaryQuery, "alertDetailsOverride:\n  alertDisplayNameFormat: \"Burst on {{Ap}} x\"\n")
	_, err := r.Evaluate(context.Background(), WithNow(testNow), WithTables(eventsTable(t, nil)))
	if err == nil {
		t.Fatal("got no error, want a missing column")
	}
	want := "rule.yaml:26:37: column 'Ap' is not in the query's result (did you mean 'App'?)"
	if got := strings.SplitN(err.Error(), "\n", 2)[0]; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestQueryErrorPosition(t *testing.T) {
	r := ruleWith(t, "Events\n| where Reslt == \"Failure\"", "")
	_, err := r.Evaluate(context.Background(), WithNow(testNow), WithTables(eventsTable(t, nil)))
	if err == nil {
		t.Fatal("got no error, want an unknown column")
	}
	if got := strings.SplitN(err.Error(), ":", 4); len(got) < 3 || got[0] != "rule.yaml" || got[1] != "16" || got[2] != "11" {
		t.Errorf("got %q, want it at rule.yaml:16:11", err)
	}
}

func TestEntities(t *testing.T) {
	mappings := `entityMappings:
  - entityType: Account
    fieldMappings:
      - identifier: FullName
        columnName: User
  - entityType: Host
    fieldMappings:
      - identifier: FullName
        columnName: Tac
  - entityType: CloudApplication
    fieldMappings:
      - identifier: Name
        columnName: App
`
	evs := []event{
		{result: "Failure", app: "Sales", user: "alice@contoso.com", tac: "web01.contoso.com"},
		{result: "Failure", app: "Sales", user: `CONTOSO\bob`, tac: `CONTOSO\web02`},
		{result: "Failure", app: "", user: "SYSTEM", tac: ""},
		{result: "Failure", app: "Sales", user: "alice@contoso.com", tac: "10.0.0.1"},
	}
	ev := evaluate(t, ruleWith(t, `Events | project App, User, Tac`, mappings+"customDetails: {}\n"), evs)
	var got []string
	for _, e := range ev.Alerts[0].Entities {
		got = append(got, e.String())
	}
	want := []string{
		"Account(Name=alice, UPNSuffix=contoso.com)", "Host(HostName=web01, DnsDomain=contoso.com)",
		"CloudApplication(Name=Sales)", "Account(Name=bob, NTDomain=CONTOSO)",
		"Host(HostName=web02, NTDomain=CONTOSO)", "Host(HostName=10.0.0.1)",
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("got %v\nwant %v", got, want)
	}
	js := ev.Alerts[0].EntitiesJSON().String()
	if !strings.HasPrefix(js, `[{"$id":"3","Name":"alice","UPNSuffix":"contoso.com","Type":"account"}`) {
		t.Errorf("got entities JSON %s", js)
	}
}

func TestCustomDetails(t *testing.T) {
	evs := append(failures(2, "A", time.Minute), failures(1, "B", time.Minute)...)
	ev := evaluate(t, ruleWith(t, summaryQuery+"\n| order by App asc", ""), evs)
	a := ev.Alerts[0]
	if got := strings.Join(a.Detail("Failures"), ","); got != "2,1" {
		t.Errorf("got details %q, want 2,1", got)
	}
	props := a.ExtendedProperties()
	cd, _ := props.Get("Custom Details")
	if cd.Str() != `{"Failures":["2","1"]}` {
		t.Errorf("got Custom Details %s, want {\"Failures\":[\"2\",\"1\"]}", cd.Str())
	}
	for _, kv := range [][2]string{{"Query Period", "01:00:00"}, {"Trigger Operator", "GreaterThan"},
		{"Search Query Results Overall Count", "2"}, {"Query Start Time UTC", "2025-06-01 11:00:00Z"},
		{"Event Grouping", "SingleAlert"}} {
		if v, _ := props.Get(kv[0]); v.Str() != kv[1] {
			t.Errorf("%s: got %q, want %q", kv[0], v.Str(), kv[1])
		}
	}
}

func TestAlertsTable(t *testing.T) {
	ev := evaluate(t, ruleWith(t, "Events | where Result == \"Failure\" | project TimeGenerated, App", "customDetails: {}\n"),
		[]event{{ago: 30 * time.Minute, result: "Failure", app: "A"}, {ago: 10 * time.Minute, result: "Failure", app: "A"}})
	tab := ev.AlertsTable()
	if tab.Name != "SecurityAlert" || tab.Rows() != 1 {
		t.Fatalf("got table %s with %d rows", tab.Name, tab.Rows())
	}
	get := func(col string) string { return tab.Column(col).Value(0).String() }
	want := map[string]string{
		"AlertName": "Burst on A", "AlertSeverity": "Medium", "ProviderName": "ASI Scheduled Alerts",
		"Tactics": "Persistence", "Techniques": `["T1078"]`, "SubTechniques": `["T1078.004"]`,
		"StartTime": "2025-06-01T11:30:00.0000000Z", "EndTime": "2025-06-01T11:50:00.0000000Z",
		"AlertType": zeroGUID + "_6c0c3b1e-0000-4000-8000-000000000001", "Type": "SecurityAlert",
		"Entities": `[{"$id":"3","Name":"A","Type":"cloud-application"}]`,
	}
	for col, w := range want {
		if g := get(col); g != w {
			t.Errorf("%s: got %q, want %q", col, g, w)
		}
	}
	if tab.Column("Entities").Type() != data.Dynamic || tab.Column("ExtendedProperties").Type() != data.Dynamic {
		t.Error("Entities and ExtendedProperties must be dynamic")
	}
}

func TestNRT(t *testing.T) {
	r := ruleWith(t, "Events | where Result == \"Failure\"", "kind: NRT\ncustomDetails: {}\n")
	ev := evaluate(t, r, []event{{ago: 30 * time.Second, result: "Failure", app: "A"}, {ago: 2 * time.Minute, result: "Failure", app: "B"}})
	if ev.Results.Rows() != 1 {
		t.Errorf("got %d rows, want 1 (NRT rules look at the last minute)", ev.Results.Rows())
	}
}
