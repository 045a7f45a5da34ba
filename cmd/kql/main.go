// Command kql parses, checks and runs Kusto Query Language queries and
// Microsoft Sentinel analytic rules over local data files.
//
//	kql query [QUERY | -f FILE] [--table NAME=PATH]... [--schema FILE]... [--now TIME]
//	          [--format table|json|csv|jsonl] [--stats] [--repeat N]
//	kql run   RULE.yaml [--table NAME=PATH]... [--schema FILE]... [--now TIME] [--format table|json]
//	kql test  PATH... [--junit FILE] [--run REGEXP]
//	kql backtest RULE.yaml --from TIME --to TIME [--table NAME=PATH]... [--format table|json]
//	kql parse FILE... [--format text|json]
//	kql lint  FILE... [--format text|json|sarif] [--schema FILE]... [--disable CODE,...] [--enable CODE,...] [--list]
//	kql fmt   FILE...
//
// Exit status: 0 success; 1 the input is wrong (syntax, check or runtime
// errors); 2 usage or I/O error; 3 an internal error (a bug in kqlkit).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/alecthomas/kong"
)

// Exit statuses.
const (
	exitOK       = 0
	exitInput    = 1
	exitUsage    = 2
	exitInternal = 3
)

// cli is the command line. Each command is a struct with a Run method.
type cli struct {
	Query queryCmd `cmd:"" help:"Run a KQL query over data files."`
	Run   runCmd   `cmd:"" help:"Evaluate a Sentinel analytic rule at an instant."`
	Test  testCmd  `cmd:"" help:"Run rule unit tests (*_test.yaml files)."`
	Parse parseCmd `cmd:"" help:"Check the syntax of .kql files and rule YAML files."`
	Fmt   fmtCmd   `cmd:"" help:"Print queries (or the query of rule YAML files) in the canonical layout."`
	Lint  lintCmd  `cmd:"" help:"Check rule files and queries: syntax, names, types, rule fields, best practices."`

	Backtest backtestCmd `cmd:"" help:"Run a rule on its schedule over a time range: alerts and incidents."`
}

// app carries what commands need besides their flags.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// exitError carries an exit status with an error already reported or to
// report.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageErr marks a usage or I/O problem (exit status 2).
func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// inputErr marks a problem with the query, rule or data (exit status 1).
func inputErr(err error) error { return &exitError{code: exitInput, err: err} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status. It never
// lets a panic escape.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "kql: internal error: %v\n", r)
			if os.Getenv("KQL_DEBUG") != "" {
				fmt.Fprintf(stderr, "%s", debug.Stack())
			}
			code = exitInternal
		}
	}()
	var c cli
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	parser, err := kong.New(&c, kong.Name("kql"),
		kong.Description("Parse, check and run Kusto Query Language queries and Sentinel rules offline."),
		kong.Writers(stdout, stderr), kong.Exit(func(int) { panic(kongExit{}) }),
		kong.UsageOnError(), kong.Bind(a))
	if err != nil {
		fmt.Fprintf(stderr, "kql: internal error: %v\n", err)
		return exitInternal
	}
	ctx, err := parseArgs(parser, args)
	if err != nil {
		if errors.Is(err, errHelpShown) {
			return exitOK
		}
		fmt.Fprintf(stderr, "kql: %v\n", err)
		return exitUsage
	}
	return report(stderr, ctx.Run())
}

// kongExit is how kong's --help asks to stop.
type kongExit struct{}

var errHelpShown = errors.New("help shown")

func parseArgs(p *kong.Kong, args []string) (ctx *kong.Context, err error) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(kongExit); ok {
				ctx, err = nil, errHelpShown
				return
			}
			panic(r)
		}
	}()
	if len(args) == 0 {
		args = []string{"--help"}
	}
	return p.Parse(args)
}

// report prints an error and returns the exit status it stands for.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, ee.err)
		}
		return ee.code
	}
	var internal interface{ Internal() bool }
	if errors.As(err, &internal) && internal.Internal() {
		fmt.Fprintf(stderr, "kql: %v\n", err)
		return exitInternal
	}
	fmt.Fprintln(stderr, err)
	return exitInput
}
