package rule

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kqlkit/kqlkit/data"
)

// SummaryColumns are the SecurityAlert columns a text summary shows.
var SummaryColumns = []string{"TimeGenerated", "AlertName", "AlertSeverity", "Tactics",
	"Techniques", "StartTime", "EndTime", "Entities", "SystemAlertId"}

// WriteSummary writes a readable account of the evaluation: the rule and
// its window, the number of result rows and the trigger, then each alert's
// name, severity, tactics, entities and custom details.
func (e *Evaluation) WriteSummary(w io.Writer) error {
	r := e.Rule
	var b strings.Builder
	fmt.Fprintf(&b, "rule:     %s (%s)\n", r.Name, r.schedule())
	fmt.Fprintf(&b, "window:   %s .. %s\n", stamp(e.WindowStart), stamp(e.Now))
	verdict := "not triggered"
	if e.Triggered {
		verdict = fmt.Sprintf("triggered, %s", plural(len(e.Alerts), "alert"))
	}
	fmt.Fprintf(&b, "result:   %s; %d %s %d: %s\n", plural(e.Results.Rows(), "row"),
		e.Results.Rows(), r.TriggerOperator.Short(), r.TriggerThreshold, verdict)
	for i, a := range e.Alerts {
		writeAlert(&b, i+1, a)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeAlert(b *strings.Builder, n int, a *Alert) {
	summary := ""
	if a.Summary {
		summary = fmt.Sprintf(" (summary of all %d rows)", len(a.Rows))
	}
	fmt.Fprintf(b, "alert %d:  %s%s\n", n, a.Name, summary)
	fmt.Fprintf(b, "  severity:   %s\n", a.Severity)
	if len(a.Tactics) > 0 {
		fmt.Fprintf(b, "  tactics:    %s\n", strings.Join(a.Tactics, ", "))
	}
	if len(a.Techniques) > 0 {
		all := append(append([]string(nil), a.Techniques...), a.SubTechniques...)
		fmt.Fprintf(b, "  techniques: %s\n", strings.Join(all, ", "))
	}
	fmt.Fprintf(b, "  events:     %s .. %s\n", stamp(a.StartTime), stamp(a.EndTime))
	for _, e := range a.Entities {
		fmt.Fprintf(b, "  entity:     %s\n", e)
	}
	for _, d := range a.CustomDetails {
		fmt.Fprintf(b, "  detail:     %s = %s\n", d.Key, detailText(d.Values))
	}
}

func detailText(values []string) string {
	if len(values) == 1 {
		return values[0]
	}
	return stringsDyn(values).String()
}

// schedule describes when the rule runs.
func (r *Rule) schedule() string {
	if r.Kind == NRT {
		return "NRT, every minute"
	}
	return fmt.Sprintf("%s, every %s over %s", r.Kind, FormatDuration(r.QueryFrequency), FormatDuration(r.QueryPeriod))
}

func stamp(t time.Time) string { return data.FormatDateTimeShort(data.TicksFromTime(t)) }

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Project returns a table with the named columns of t, in that order
// (names t lacks are skipped).
func Project(t *data.Table, names []string) *data.Table {
	var schema data.Schema
	var cols []data.Column
	for _, n := range names {
		if i := t.Schema.Index(n); i >= 0 {
			schema = append(schema, t.Schema[i])
			cols = append(cols, t.Cols[i])
		}
	}
	out, err := data.NewTableRows(t.Name, schema, cols, t.Rows())
	if err != nil {
		return t
	}
	return out
}
