package rule

import (
	"sort"
	"strings"
	"time"
)

// maxIncidentAlerts is how many alerts Sentinel groups into one incident.
const maxIncidentAlerts = 150

// Incident is a group of alerts as Sentinel's incident creation would make
// it.
type Incident struct {
	Number      int
	Title       string // the first alert's name
	Severity    string // the first alert's severity
	Created     time.Time
	LastUpdated time.Time // when the last alert was added
	Alerts      []*Alert
	Reopened    int       // times a closed incident was reopened by a new alert
	ClosedAt    time.Time // zero while open (see WithIncidentCloseAfter)
}

// Entities returns the distinct entities of the incident's alerts.
func (inc *Incident) Entities() []Entity {
	var out []Entity
	seen := map[string]bool{}
	for _, a := range inc.Alerts {
		for _, e := range a.Entities {
			if !seen[e.key()] {
				seen[e.key()] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// GroupIncidents groups alerts of a rule into incidents following its
// incidentConfiguration: none when createIncident is false; one per alert
// when grouping is disabled; otherwise an alert joins the most recent
// incident whose first alert is at most lookbackDuration older and that
// matches — any incident (AnyAlert), one whose first alert has the same
// entities (AllEntities), or the same entities of the selected types, alert
// details and custom details (Selected). An incident holds at most 150
// alerts; a full one starts a new incident. With closeAfter > 0 an
// incident is taken as closed closeAfter after its last alert, and a
// matching alert then reopens it (reopenClosedIncident) or starts a new
// incident. Alerts are taken in order of TimeGenerated.
func GroupIncidents(r *Rule, alerts []*Alert, closeAfter time.Duration) []*Incident {
	if !r.Incident.CreateIncident {
		return nil
	}
	sorted := append([]*Alert(nil), alerts...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].TimeGenerated.Before(sorted[j].TimeGenerated) })
	g := r.Incident.Grouping
	var out []*Incident
	for _, a := range sorted {
		var target *Incident
		if g.Enabled {
			target = findIncident(r, out, a, closeAfter)
		}
		if target == nil {
			target = &Incident{Number: len(out) + 1, Title: a.Name, Severity: a.Severity, Created: a.TimeGenerated}
			out = append(out, target)
		} else if closed(target, a.TimeGenerated, closeAfter) {
			target.Reopened++
		}
		target.Alerts = append(target.Alerts, a)
		target.LastUpdated = a.TimeGenerated
	}
	if closeAfter > 0 {
		for _, inc := range out {
			inc.ClosedAt = inc.LastUpdated.Add(closeAfter)
		}
	}
	return out
}

// closed reports whether inc is closed at t.
func closed(inc *Incident, t time.Time, closeAfter time.Duration) bool {
	return closeAfter > 0 && !t.Before(inc.LastUpdated.Add(closeAfter))
}

// findIncident returns the incident alert a joins, or nil for a new one.
func findIncident(r *Rule, incidents []*Incident, a *Alert, closeAfter time.Duration) *Incident {
	g := r.Incident.Grouping
	for i := len(incidents) - 1; i >= 0; i-- {
		inc := incidents[i]
		if a.TimeGenerated.Sub(inc.Created) > g.LookbackDuration || len(inc.Alerts) >= maxIncidentAlerts {
			continue
		}
		if !matches(r, inc.Alerts[0], a) {
			continue
		}
		if closed(inc, a.TimeGenerated, closeAfter) && !g.ReopenClosedIncident {
			continue
		}
		return inc
	}
	return nil
}

// matches reports whether alert b may join the incident alert a started.
func matches(r *Rule, a, b *Alert) bool {
	g := r.Incident.Grouping
	switch g.MatchingMethod {
	case "AnyAlert":
		return true
	case "Selected":
		for _, t := range g.GroupByEntities {
			if entitySet(a, t) != entitySet(b, t) {
				return false
			}
		}
		for _, d := range g.GroupByAlertDetails {
			if d == "DisplayName" && a.Name != b.Name || d == "Severity" && a.Severity != b.Severity {
				return false
			}
		}
		for _, k := range g.GroupByCustomDetails {
			if strings.Join(a.Detail(k), "\x00") != strings.Join(b.Detail(k), "\x00") {
				return false
			}
		}
		return true
	}
	return entitySet(a, "") == entitySet(b, "")
}

// entitySet returns a canonical text of the alert's entities of a type
// (all types for "").
func entitySet(a *Alert, typ string) string {
	var keys []string
	for _, e := range a.Entities {
		if typ == "" || e.Type == typ {
			keys = append(keys, e.key())
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, "\x02")
}
