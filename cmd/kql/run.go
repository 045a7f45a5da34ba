package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/rule"
	"github.com/kqlkit/kqlkit/tableio"
)

// runCmd evaluates a Sentinel analytic rule at one instant.
type runCmd struct {
	Rule      string `arg:"" name:"rule" type:"existingfile" help:"The analytic rule (.yaml)."`
	Format    string `name:"format" enum:"table,json" default:"table" help:"Output format: table (a summary and the alerts) or json (the SecurityAlert table)."`
	Results   bool   `name:"results" help:"Also print the query's result rows."`
	Workspace string `name:"workspace" placeholder:"ID" help:"Workspace id for the alerts' AlertType (default: the zero GUID)."`
	dataFlags
}

func (c *runCmd) Run(a *app) error {
	r, err := loadRule(a, c.Rule)
	if err != nil {
		return err
	}
	opts, err := c.ruleOptions()
	if err != nil {
		return err
	}
	ev, err := r.Evaluate(context.Background(), opts...)
	if err != nil {
		return ruleError(err)
	}
	for _, w := range ev.Warnings {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
	return writeEvaluation(a.stdout, ev, c.Format, c.Results)
}

// ruleOptions loads the bound tables and turns the data flags into rule
// options.
func (f *dataFlags) ruleOptions() ([]rule.Option, error) {
	bs, err := f.bindings()
	if err != nil {
		return nil, err
	}
	now, err := f.now()
	if err != nil {
		return nil, err
	}
	declared, err := f.declared()
	if err != nil {
		return nil, err
	}
	ld, err := load(bs, declared, nil)
	if err != nil {
		return nil, err
	}
	host, err := f.hostFlags.options()
	if err != nil {
		return nil, err
	}
	return []rule.Option{rule.WithNow(now), rule.WithSchemas(declared), rule.WithTables(ld.tables...),
		rule.WithEnvOptions(host...)}, nil
}

func (c *runCmd) ruleOptions() ([]rule.Option, error) {
	opts, err := c.dataFlags.ruleOptions()
	if err != nil {
		return nil, err
	}
	if c.Workspace != "" {
		opts = append(opts, rule.WithWorkspaceID(c.Workspace))
	}
	return opts, nil
}

// loadRule reads a rule file and validates it, printing warnings to
// standard error. Invalid rules are an input error listing every problem.
func loadRule(a *app, path string) (*rule.Rule, error) {
	r, err := rule.Load(path)
	if err != nil {
		var l diag.List
		if errors.As(err, &l) {
			return nil, inputErr(err)
		}
		return nil, usageErr("%v", err)
	}
	diags := r.Validate()
	for _, d := range diags {
		if d.Severity != diag.Error {
			fmt.Fprintf(a.stderr, "warning: %s\n", d.Error())
		}
	}
	if errs := diags.Errors(); len(errs) > 0 {
		return nil, inputErr(allErrors(errs))
	}
	return r, nil
}

// allErrors prints every diagnostic of a list, one after another.
type allErrors diag.List

func (l allErrors) Error() string {
	s := ""
	for i, d := range l {
		if i > 0 {
			s += "\n"
		}
		s += d.Error()
	}
	return s
}

func (l allErrors) Unwrap() error { return diag.List(l) }

// ruleError classifies an error from evaluating a rule.
func ruleError(err error) error {
	var l diag.List
	if errors.As(err, &l) {
		return inputErr(allErrors(l.Errors()))
	}
	return runError(err)
}

// writeEvaluation prints an evaluation as a summary and alert table, or as
// the SecurityAlert table in JSON.
func writeEvaluation(w io.Writer, ev *rule.Evaluation, format string, results bool) error {
	alerts := ev.AlertsTable()
	if format == "json" {
		tables := []*data.Table{alerts}
		if results {
			tables = append(tables, ev.Results)
		}
		return writeTables(w, tables, tableio.FormatJSON)
	}
	if err := ev.WriteSummary(w); err != nil {
		return usageErr("writing the result: %v", err)
	}
	if results {
		fmt.Fprintln(w, "\nresults:")
		if err := writeTables(w, []*data.Table{ev.Results}, tableio.FormatTable); err != nil {
			return err
		}
	}
	if len(ev.Alerts) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	return writeTables(w, []*data.Table{rule.Project(alerts, rule.SummaryColumns)}, tableio.FormatTable)
}

func writeTables(w io.Writer, tables []*data.Table, format tableio.Format) error {
	if err := tableio.Write(w, tables, format); err != nil {
		return usageErr("writing the result: %v", err)
	}
	return nil
}
