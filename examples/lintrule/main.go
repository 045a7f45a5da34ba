// Command lintrule lints rule files with kqlkit's checks plus two
// organisation-specific analyzers, to show how a program adds its own
// checks to package lint:
//
//	go run ./examples/lintrule examples/lintrule/rule.yaml
//
// It prints the findings as `kql lint` does and exits with status 1 when
// one of them is an error.
package main

import (
	"fmt"
	"os"

	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/lint"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(files []string) int {
	l, err := lint.New(lint.WithAnalyzers(resultTime, noTake))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	var all diag.List
	for _, f := range files {
		list, err := l.File(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		all = append(all, list...)
	}
	if err := lint.WriteText(os.Stdout, all); err != nil {
		return 2
	}
	if lint.HasErrors(all) {
		return 1
	}
	return 0
}
