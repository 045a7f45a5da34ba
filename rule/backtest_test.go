package rule

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// hourly returns n failures of app at each hour offset (ago).
func hourly(app string, n int, agos ...time.Duration) []event {
	var out []event
	for _, ago := range agos {
		out = append(out, failures(n, app, ago)...)
	}
	return out
}

func TestBacktestSuppression(t *testing.T) {
	h := time.Hour
	// Failures in every hour of the last 6 hours.
	evs := hourly("A", 1, 30*time.Minute, h+30*time.Minute, 2*h+30*time.Minute, 3*h+30*time.Minute,
		4*h+30*time.Minute, 5*h+30*time.Minute)
	tests := []struct {
		name                        string
		extra                       string
		runs, triggered, suppressed int
		alerts                      int
		runPattern                  string // T triggered, S suppressed, . quiet
	}{
		{"no suppression", "", 7, 6, 0, 6, ".TTTTTT"},
		{"suppressed for 2h", "suppressionEnabled: true\nsuppressionDuration: 2h\n", 7, 3, 3, 3, ".TSTSTS"},
		{"suppressed for 90m", "suppressionEnabled: true\nsuppressionDuration: PT90M\n", 7, 3, 3, 3, ".TSTSTS"},
		{"suppression off", "suppressionEnabled: false\nsuppressionDuration: 2h\n", 7, 6, 0, 6, ".TTTTTT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ruleWith(t, summaryQuery, tt.extra)
			bt, err := r.Backtest(context.Background(), testNow.Add(-6*h), testNow, WithTables(eventsTable(t, evs)))
			if err != nil {
				t.Fatal(err)
			}
			runs, trig, supp := bt.Counts()
			var pattern strings.Builder
			for _, run := range bt.Runs {
				switch {
				case run.Triggered:
					pattern.WriteByte('T')
				case run.Suppressed:
					pattern.WriteByte('S')
				default:
					pattern.WriteByte('.')
				}
			}
			if runs != tt.runs || trig != tt.triggered || supp != tt.suppressed || len(bt.Alerts) != tt.alerts ||
				pattern.String() != tt.runPattern {
				t.Errorf("got %d runs (%d triggered, %d suppressed), %d alerts, %s; want %d (%d, %d), %d, %s",
					runs, trig, supp, len(bt.Alerts), pattern.String(), tt.runs, tt.triggered, tt.suppressed, tt.alerts, tt.runPattern)
			}
		})
	}
}

func TestBacktestLimits(t *testing.T) {
	r := ruleWith(t, summaryQuery, "")
	if _, err := r.Backtest(context.Background(), testNow, testNow.Add(-time.Hour)); err == nil {
		t.Error("got no error for a range that ends before it starts")
	}
	if _, err := r.Backtest(context.Background(), testNow.AddDate(-10, 0, 0), testNow); err == nil {
		t.Error("got no error for 87600 runs")
	}
}

// alertAt makes an alert for incident tests.
func alertAt(at time.Duration, name, sev string, entities ...string) *Alert {
	a := &Alert{Name: name, Severity: sev, TimeGenerated: testNow.Add(at), SystemAlertID: fmt.Sprint(at)}
	for _, e := range entities {
		typ, val, _ := strings.Cut(e, "=")
		a.Entities = append(a.Entities, Entity{Type: typ, Fields: []EntityField{{Name: "Name", Value: val}}})
	}
	a.CustomDetails = []DetailValues{{Key: "App", Values: []string{entities[0]}}}
	return a
}

func incidentRule(t *testing.T, grouping string) *Rule {
	extra := "incidentConfiguration:\n  createIncident: true\n  groupingConfiguration:\n" + grouping
	return ruleWith(t, summaryQuery+"\n| extend Host = App", extra+
		"entityMappings:\n  - entityType: CloudApplication\n    fieldMappings:\n      - identifier: Name\n        columnName: App\n"+
		"  - entityType: Host\n    fieldMappings:\n      - identifier: HostName\n        columnName: Host\n"+
		"customDetails:\n  App: App\n")
}

func TestGroupIncidents(t *testing.T) {
	h := time.Hour
	alerts := []*Alert{
		alertAt(0, "x", "Medium", "CloudApplication=A", "Host=h1"),
		alertAt(h, "x", "High", "CloudApplication=A", "Host=h2"),
		alertAt(2*h, "x", "Medium", "CloudApplication=B", "Host=h1"),
		alertAt(3*h, "x", "Medium", "CloudApplication=A", "Host=h1"),
		alertAt(7*h, "x", "Medium", "CloudApplication=A", "Host=h1"),
	}
	tests := []struct {
		name       string
		grouping   string
		closeAfter time.Duration
		want       string // incidents as alert-index groups
	}{
		{"disabled", "    enabled: false\n", 0, "0|1|2|3|4"},
		{"any alert 5h", "    enabled: true\n    matchingMethod: AnyAlert\n", 0, "0,1,2,3|4"},
		{"any alert 12h", "    enabled: true\n    matchingMethod: AnyAlert\n    lookbackDuration: PT12H\n", 0, "0,1,2,3,4"},
		{"all entities", "    enabled: true\n    matchingMethod: AllEntities\n", 0, "0,3|1|2|4"},
		{"selected app", "    enabled: true\n    matchingMethod: Selected\n    groupByEntities: [CloudApplication]\n", 0, "0,1,3|2|4"},
		{"selected host", "    enabled: true\n    matchingMethod: Selected\n    groupByEntities: [Host]\n", 0, "0,2,3|1|4"},
		{"selected severity", "    enabled: true\n    matchingMethod: Selected\n    groupByAlertDetails: [Severity]\n", 0, "0,2,3|1|4"},
		{"selected detail", "    enabled: true\n    matchingMethod: Selected\n    groupByCustomDetails: [App]\n", 0, "0,1,3|2|4"},
		{"closed, no reopen", "    enabled: true\n    matchingMethod: AnyAlert\n    lookbackDuration: 12h\n", 90 * time.Minute, "0,1,2,3|4"},
		{"closed quickly, no reopen", "    enabled: true\n    matchingMethod: AnyAlert\n    lookbackDuration: 12h\n", 30 * time.Minute, "0|1|2|3|4"},
		{"closed quickly, reopen", "    enabled: true\n    matchingMethod: AnyAlert\n    lookbackDuration: 12h\n    reopenClosedIncident: true\n", 30 * time.Minute, "0,1,2,3,4"},
		{"no incidents", "    enabled: true\n", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := incidentRule(t, tt.grouping)
			if tt.name == "no incidents" {
				r.Incident.CreateIncident = false
			}
			incs := GroupIncidents(r, alerts, tt.closeAfter)
			if got := incidentText(incs, alerts); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func incidentText(incs []*Incident, alerts []*Alert) string {
	index := map[*Alert]int{}
	for i, a := range alerts {
		index[a] = i
	}
	var groups []string
	for _, inc := range incs {
		var ids []string
		for _, a := range inc.Alerts {
			ids = append(ids, fmt.Sprint(index[a]))
		}
		groups = append(groups, strings.Join(ids, ","))
	}
	return strings.Join(groups, "|")
}

func TestIncidentCap(t *testing.T) {
	r := incidentRule(t, "    enabled: true\n    matchingMethod: AnyAlert\n")
	var alerts []*Alert
	for i := 0; i < 151; i++ {
		alerts = append(alerts, alertAt(time.Duration(i)*time.Second, "x", "Low", "CloudApplication=A"))
	}
	incs := GroupIncidents(r, alerts, 0)
	if len(incs) != 2 || len(incs[0].Alerts) != 150 || len(incs[1].Alerts) != 1 {
		t.Errorf("got %d incidents, want 150 alerts then 1", len(incs))
	}
}

func TestReopenCount(t *testing.T) {
	r := incidentRule(t, "    enabled: true\n    matchingMethod: AnyAlert\n    reopenClosedIncident: true\n")
	alerts := []*Alert{alertAt(0, "x", "Low", "CloudApplication=A"), alertAt(2*time.Hour, "x", "Low", "CloudApplication=A")}
	incs := GroupIncidents(r, alerts, time.Hour)
	if len(incs) != 1 || incs[0].Reopened != 1 || !incs[0].ClosedAt.Equal(testNow.Add(3*time.Hour)) {
		t.Errorf("got %d incidents, reopened %d, want 1 reopened once", len(incs), incs[0].Reopened)
	}
}
