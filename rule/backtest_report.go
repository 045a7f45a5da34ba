package rule

import (
	"fmt"
	"io"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// RunsTable returns one row per run: its time, window start, result rows,
// whether it triggered or was suppressed, its alert count and the numbers
// of the incidents its alerts went to.
func (b *Backtest) RunsTable() *data.Table {
	incidentOf := map[*Alert]int{}
	for _, inc := range b.Incidents {
		for _, a := range inc.Alerts {
			incidentOf[a] = inc.Number
		}
	}
	window, _ := b.Rule.period()
	var cols tableBuilder
	for _, r := range b.Runs {
		var incs []data.Dyn
		seen := map[int]bool{}
		for _, a := range r.Alerts {
			if n, ok := incidentOf[a]; ok && !seen[n] {
				seen[n] = true
				incs = append(incs, data.DynLongOf(int64(n)))
			}
		}
		cols.row(
			data.DateTimeValue(data.TicksFromTime(r.Time)),
			data.DateTimeValue(data.TicksFromTime(r.Time.Add(-window))),
			data.LongValue(int64(r.Rows)), data.BoolValue(r.Triggered), data.BoolValue(r.Suppressed),
			data.LongValue(int64(len(r.Alerts))), data.DynamicValue(data.DynArrayOf(incs)))
	}
	return cols.table("Runs", data.Schema{
		{Name: "TimeGenerated", Type: data.DateTime}, {Name: "WindowStart", Type: data.DateTime},
		{Name: "ResultRows", Type: data.Long}, {Name: "Triggered", Type: data.Bool},
		{Name: "Suppressed", Type: data.Bool}, {Name: "Alerts", Type: data.Long},
		{Name: "Incidents", Type: data.Dynamic}})
}

// IncidentsTable returns one row per incident, with the column names of
// Sentinel's SecurityIncident table where there is one.
func (b *Backtest) IncidentsTable() *data.Table {
	return IncidentsTable(b.Incidents)
}

// IncidentsTable returns incidents as a table named Incidents.
func IncidentsTable(incidents []*Incident) *data.Table {
	var cols tableBuilder
	for _, inc := range incidents {
		ids := make([]string, len(inc.Alerts))
		first, last := inc.Alerts[0].StartTime, inc.Alerts[0].EndTime
		for i, a := range inc.Alerts {
			ids[i] = a.SystemAlertID
			if a.StartTime.Before(first) {
				first = a.StartTime
			}
			if a.EndTime.After(last) {
				last = a.EndTime
			}
		}
		status, closed := "New", data.Null(data.DateTime)
		if !inc.ClosedAt.IsZero() {
			status, closed = "Closed", data.DateTimeValue(data.TicksFromTime(inc.ClosedAt))
		}
		ents := &Alert{Entities: inc.Entities()}
		cols.row(
			data.LongValue(int64(inc.Number)), data.StringValue(inc.Title),
			data.StringValue(inc.Severity), data.StringValue(status),
			data.DateTimeValue(data.TicksFromTime(inc.Created)),
			data.DateTimeValue(data.TicksFromTime(inc.LastUpdated)),
			data.DateTimeValue(data.TicksFromTime(first)), data.DateTimeValue(data.TicksFromTime(last)),
			closed, data.LongValue(int64(len(inc.Alerts))), data.LongValue(int64(inc.Reopened)),
			data.DynamicValue(stringsDyn(ids)), data.DynamicValue(ents.EntitiesJSON()))
	}
	return cols.table("Incidents", data.Schema{
		{Name: "IncidentNumber", Type: data.Long}, {Name: "Title", Type: data.String},
		{Name: "Severity", Type: data.String}, {Name: "Status", Type: data.String},
		{Name: "CreatedTime", Type: data.DateTime}, {Name: "LastModifiedTime", Type: data.DateTime},
		{Name: "FirstActivityTime", Type: data.DateTime}, {Name: "LastActivityTime", Type: data.DateTime},
		{Name: "ClosedTime", Type: data.DateTime}, {Name: "AlertCount", Type: data.Long},
		{Name: "ReopenCount", Type: data.Long}, {Name: "AlertIds", Type: data.Dynamic},
		{Name: "Entities", Type: data.Dynamic}})
}

// tableBuilder collects rows of boxed values.
type tableBuilder struct{ rows [][]data.Value }

func (tb *tableBuilder) row(vals ...data.Value) { tb.rows = append(tb.rows, vals) }

func (tb *tableBuilder) table(name string, schema data.Schema) *data.Table {
	cols := make([]data.Column, len(schema))
	for j, def := range schema {
		vals := make([]data.Value, len(tb.rows))
		for i, r := range tb.rows {
			vals[i] = r[j]
		}
		cols[j] = data.NewColumn(def.Type, vals)
	}
	t, err := data.NewTableRows(name, schema, cols, len(tb.rows))
	if err != nil {
		panic("rule: " + err.Error()) // schema and columns are built together
	}
	return t
}

// WriteSummary writes a readable account of the backtest: runs, alerts and
// incidents, then each incident.
func (b *Backtest) WriteSummary(w io.Writer) error {
	r := b.Rule
	runs, triggered, suppressed := b.Counts()
	var s strings.Builder
	fmt.Fprintf(&s, "rule:      %s (%s)\n", r.Name, r.schedule())
	fmt.Fprintf(&s, "range:     %s .. %s\n", stamp(b.From), stamp(b.To))
	fmt.Fprintf(&s, "runs:      %d (%d triggered, %d suppressed)\n", runs, triggered, suppressed)
	fmt.Fprintf(&s, "alerts:    %d\n", len(b.Alerts))
	fmt.Fprintf(&s, "incidents: %d (%s)\n", len(b.Incidents), r.incidentPolicy())
	for _, inc := range b.Incidents {
		reopened := ""
		if inc.Reopened > 0 {
			reopened = fmt.Sprintf(", reopened %d×", inc.Reopened)
		}
		fmt.Fprintf(&s, "incident %d: %s [%s] %s, %s .. %s%s\n", inc.Number, inc.Title, inc.Severity,
			plural(len(inc.Alerts), "alert"), stamp(inc.Created), stamp(inc.LastUpdated), reopened)
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// incidentPolicy describes incidentConfiguration.
func (r *Rule) incidentPolicy() string {
	c := r.Incident
	if !c.CreateIncident {
		return "incident creation disabled"
	}
	g := c.Grouping
	if !g.Enabled {
		return "one per alert"
	}
	s := fmt.Sprintf("grouping %s within %s", g.MatchingMethod, FormatDuration(g.LookbackDuration))
	if g.MatchingMethod == "Selected" {
		sel := append(append([]string(nil), g.GroupByEntities...), g.GroupByAlertDetails...)
		sel = append(sel, g.GroupByCustomDetails...)
		s += " by " + strings.Join(sel, ", ")
	}
	if g.ReopenClosedIncident {
		s += ", reopening closed ones"
	}
	return s
}
