package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/lint"
	"github.com/kqlkit/kqlkit/tableio"
)

type lintCmd struct {
	Files   []string `arg:"" optional:"" name:"file" help:"Rule files (.yaml/.yml) and query files (.kql); - reads a query from standard input."`
	Format  string   `name:"format" enum:"text,json,sarif" default:"text" help:"Output: text, json (one object per line) or sarif (SARIF 2.1.0)."`
	Schemas []string `name:"schema" placeholder:"FILE" type:"existingfile" help:"Declare table schemas (custom tables) from a file. Repeatable."`
	Disable []string `name:"disable" placeholder:"CODE,..." sep:"," help:"Turn off codes (KQL103, contains-vs-has, BP*)."`
	Enable  []string `name:"enable" placeholder:"CODE,..." sep:"," help:"Turn on codes, including those off by default."`
	List    bool     `name:"list" help:"List the checks and analyzers with their documentation, and exit."`
}

func (c *lintCmd) Run(a *app) error {
	declared, err := c.declared()
	if err != nil {
		return err
	}
	l, err := lint.New(lint.WithSchemas(declared), lint.Disable(c.Disable...), lint.Enable(c.Enable...))
	if err != nil {
		return usageErr("%v", err)
	}
	if c.List {
		return writeCodes(a.stdout, l)
	}
	if len(c.Files) == 0 {
		return usageErr("lint: no files given (kql lint FILE...)")
	}
	var all diag.List
	var ioErr error
	for _, path := range c.Files {
		list, err := lintFile(l, a, path)
		if err != nil {
			fmt.Fprintf(a.stderr, "kql: %v\n", err)
			ioErr = &exitError{code: exitUsage}
			continue
		}
		all = append(all, list...)
	}
	if err := c.write(a.stdout, l, all); err != nil {
		return usageErr("%v", err)
	}
	switch {
	case ioErr != nil:
		return ioErr
	case lint.HasErrors(all):
		return &exitError{code: exitInput}
	}
	return nil
}

// lintFile lints a file, or the query on standard input for "-".
func lintFile(l *lint.Linter, a *app, path string) (diag.List, error) {
	if path != "-" {
		return l.File(path)
	}
	b, err := io.ReadAll(a.stdin)
	if err != nil {
		return nil, err
	}
	return l.Query("<stdin>", string(b)), nil
}

func (c *lintCmd) declared() (map[string]data.Schema, error) {
	out := map[string]data.Schema{}
	for _, path := range c.Schemas {
		m, err := tableio.ReadSchemaFile(path)
		if err != nil {
			return nil, usageErr("%v", err)
		}
		for name, s := range m {
			out[name] = s
		}
	}
	return out, nil
}

func (c *lintCmd) write(w io.Writer, l *lint.Linter, all diag.List) error {
	switch c.Format {
	case "json":
		return lint.WriteJSON(w, all)
	case "sarif":
		return lint.WriteSARIF(w, all, lint.SARIFOptions{Codes: l.Codes()})
	}
	return lint.WriteText(w, all)
}

// writeCodes prints every code with its documentation (kql lint --list).
func writeCodes(w io.Writer, l *lint.Linter) error {
	for _, ci := range l.Codes() {
		state := ""
		if !l.Enabled(ci.Code) {
			state = " (off)"
		}
		fmt.Fprintf(w, "%-8s %-26s %-8s %s%s\n", ci.Code, ci.Name, ci.Severity, ci.Summary, state)
		for _, line := range wrap(ci.Doc, 88) {
			fmt.Fprintf(w, "         %s\n", line)
		}
	}
	return nil
}

// wrap splits text into lines of at most width bytes, at spaces.
func wrap(text string, width int) []string {
	var out []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}
