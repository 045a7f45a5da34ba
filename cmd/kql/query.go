package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/kql"
	"github.com/kqlkit/kqlkit/tableio"
)

type queryCmd struct {
	Query  string `arg:"" optional:"" help:"The query text, or - to read it from standard input."`
	File   string `name:"file" short:"f" type:"existingfile" placeholder:"FILE" help:"Read the query from a file."`
	Format string `name:"format" enum:"table,json,csv,jsonl" default:"table" help:"Output format: table, json, csv, jsonl."`
	Stats  bool   `name:"stats" help:"Print timings as one JSON line on standard error."`
	Repeat int    `name:"repeat" default:"1" help:"Run the query N times over the loaded tables (for timing)."`
	dataFlags
}

// stats is the --stats line.
type stats struct {
	ParseMS float64   `json:"parse_ms"`
	LoadMS  float64   `json:"load_ms"`
	RunMS   []float64 `json:"run_ms"`
	RowsIn  int       `json:"rows_in"`
	RowsOut int       `json:"rows_out"`
}

// text returns the query and the name to report positions against.
func (c *queryCmd) text(a *app) (name, text string, err error) {
	switch {
	case c.File != "" && c.Query != "":
		return "", "", usageErr("give the query as an argument or with -f, not both")
	case c.File != "":
		b, err := os.ReadFile(c.File)
		if err != nil {
			return "", "", usageErr("%v", err)
		}
		return c.File, string(b), nil
	case c.Query == "-":
		b, err := io.ReadAll(a.stdin)
		if err != nil {
			return "", "", usageErr("reading standard input: %v", err)
		}
		return "<stdin>", string(b), nil
	case c.Query == "":
		return "", "", usageErr("no query: give it as an argument, with -f FILE, or - for standard input")
	}
	return "<query>", c.Query, nil
}

func (c *queryCmd) Run(a *app) error {
	if c.Repeat < 1 {
		return usageErr("--repeat must be at least 1")
	}
	name, text, err := c.text(a)
	if err != nil {
		return err
	}
	bs, err := c.bindings()
	if err != nil {
		return err
	}
	now, err := c.now()
	if err != nil {
		return err
	}
	declared, err := c.declared()
	if err != nil {
		return err
	}
	format, err := tableio.ParseFormat(c.Format)
	if err != nil {
		return usageErr("%v", err)
	}
	st := &stats{}
	t0 := time.Now()
	src := diag.NewSource(name, text)
	tree, err := kql.ParseSource(src)
	st.ParseMS = msSince(time.Since(t0))
	if err != nil {
		return inputErr(err)
	}
	host, err := c.hostFlags.options()
	if err != nil {
		return err
	}
	q, data, err := compileAndLoad(tree, src, bs, declared, host)
	if err != nil {
		return err
	}
	st.LoadMS, st.RowsIn = msSince(data.dur), data.rows
	var res *kql.Result
	for i := 0; i < c.Repeat; i++ {
		t := time.Now()
		res, err = q.Run(context.Background(), kql.WithData(data.tables...), kql.WithNow(now))
		if err != nil {
			return runError(err)
		}
		st.RunMS = append(st.RunMS, msSince(time.Since(t)))
	}
	if p := res.Primary(); p != nil {
		st.RowsOut = p.Rows()
	}
	if err := tableio.Write(a.stdout, res.Tables, format); err != nil {
		return usageErr("writing the result: %v", err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
	if c.Stats {
		b, _ := json.Marshal(st)
		fmt.Fprintln(a.stderr, string(b))
	}
	return nil
}

// runError classifies an error from running a query.
func runError(err error) error {
	var internal interface{ Internal() bool }
	if ok := asInternal(err, &internal); ok {
		return &exitError{code: exitInternal, err: fmt.Errorf("kql: %w", err)}
	}
	return inputErr(err)
}
