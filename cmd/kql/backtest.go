package main

import (
	"context"
	"fmt"
	"time"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/rule"
	"github.com/kqlkit/kqlkit/tableio"
)

// backtestCmd runs a rule on its schedule over a range of time.
type backtestCmd struct {
	Rule       string `arg:"" name:"rule" type:"existingfile" help:"The analytic rule (.yaml)."`
	From       string `name:"from" required:"" placeholder:"TIME" help:"First run (RFC 3339)."`
	To         string `name:"to" required:"" placeholder:"TIME" help:"Last possible run (RFC 3339)."`
	Format     string `name:"format" enum:"table,json" default:"table" help:"Output format: table (a summary, the runs that fired and the incidents) or json (Runs, SecurityAlert and Incidents tables)."`
	CloseAfter string `name:"close-after" placeholder:"DURATION" help:"Treat incidents as closed this long after their last alert (e.g. 2h), to see reopenClosedIncident at work."`
	Workspace  string `name:"workspace" placeholder:"ID" help:"Workspace id for the alerts' AlertType."`
	dataFlags
}

func (c *backtestCmd) Run(a *app) error {
	from, err := parseInstant("--from", c.From)
	if err != nil {
		return err
	}
	to, err := parseInstant("--to", c.To)
	if err != nil {
		return err
	}
	if to.Before(from) {
		return usageErr("--to (%s) is before --from (%s)", c.To, c.From)
	}
	r, err := loadRule(a, c.Rule)
	if err != nil {
		return err
	}
	opts, err := c.dataFlags.ruleOptions()
	if err != nil {
		return err
	}
	if c.CloseAfter != "" {
		d, err := rule.ParseDuration(c.CloseAfter)
		if err != nil || d <= 0 {
			return usageErr("--close-after: %q is not a duration (like 2h or PT2H)", c.CloseAfter)
		}
		opts = append(opts, rule.WithIncidentCloseAfter(d))
	}
	if c.Workspace != "" {
		opts = append(opts, rule.WithWorkspaceID(c.Workspace))
	}
	bt, err := r.Backtest(context.Background(), from, to, opts...)
	if err != nil {
		return ruleError(err)
	}
	warned := map[string]bool{}
	for _, run := range bt.Runs {
		for _, w := range run.Warnings {
			if !warned[w] {
				warned[w] = true
				fmt.Fprintf(a.stderr, "warning: %s\n", w)
			}
		}
	}
	return writeBacktest(a, bt, c.Format)
}

// parseInstant reads an RFC 3339 flag value.
func parseInstant(flag, s string) (time.Time, error) {
	f := dataFlags{Now: s}
	t, err := f.now()
	if err != nil {
		return time.Time{}, usageErr("%s: %q is not an RFC 3339 time (like 2025-06-01T12:00:00Z)", flag, s)
	}
	return t, nil
}

func writeBacktest(a *app, bt *rule.Backtest, format string) error {
	runs := bt.RunsTable()
	alerts := rule.AlertsTable(bt.Alerts)
	incidents := bt.IncidentsTable()
	if format == "json" {
		return writeTables(a.stdout, []*data.Table{runs, alerts, incidents}, tableio.FormatJSON)
	}
	if err := bt.WriteSummary(a.stdout); err != nil {
		return usageErr("writing the result: %v", err)
	}
	fired := filterRuns(runs)
	if fired.Rows() > 0 {
		fmt.Fprintln(a.stdout, "\nruns that fired or were suppressed:")
		if err := writeTables(a.stdout, []*data.Table{fired}, tableio.FormatTable); err != nil {
			return err
		}
	}
	if incidents.Rows() > 0 {
		fmt.Fprintln(a.stdout, "\nincidents:")
		cols := []string{"IncidentNumber", "Title", "Severity", "CreatedTime", "LastModifiedTime",
			"AlertCount", "ReopenCount", "Entities"}
		return tableio.WriteWith(a.stdout, []*data.Table{rule.Project(incidents, cols)},
			tableio.WriteOptions{Format: tableio.FormatTable, MaxCellWidth: 100})
	}
	return nil
}

// filterRuns keeps the runs that triggered or were suppressed.
func filterRuns(t *data.Table) *data.Table {
	trig, supp := t.Column("Triggered"), t.Column("Suppressed")
	var idx []int32
	for i := 0; i < t.Rows(); i++ {
		if trig.Value(i).Bool() || supp.Value(i).Bool() {
			idx = append(idx, int32(i))
		}
	}
	cols := make([]data.Column, len(t.Cols))
	for j, c := range t.Cols {
		cols[j] = c.Gather(idx)
	}
	out, err := data.NewTableRows(t.Name, t.Schema, cols, len(idx))
	if err != nil {
		return t
	}
	return out
}
