package main

import (
	"context"
	"errors"
	"os"
	"regexp"
	"time"

	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/rule/ruletest"
)

// testCmd runs rule unit tests.
type testCmd struct {
	Paths []string `arg:"" name:"path" help:"Rule test files, or directories searched for *_test.yaml files."`
	JUnit string   `name:"junit" placeholder:"FILE" help:"Also write the results as JUnit XML to FILE."`
	Match string   `name:"run" placeholder:"REGEXP" help:"Run only the cases whose name matches REGEXP."`
}

func (c *testCmd) Run(a *app) error {
	var match *regexp.Regexp
	if c.Match != "" {
		re, err := regexp.Compile(c.Match)
		if err != nil {
			return usageErr("--run: %v", err)
		}
		match = re
	}
	files, err := ruletest.Files(c.Paths)
	if err != nil {
		return usageErr("%v", err)
	}
	if len(files) == 0 {
		return usageErr("no rule test files (*_test.yaml) in the paths given")
	}
	start := time.Now()
	var results []*ruletest.Result
	for _, path := range files {
		f, err := ruletest.Load(path)
		if err != nil {
			var l diag.List
			if !errors.As(err, &l) && errors.Is(err, os.ErrNotExist) {
				return usageErr("%v", err)
			}
			results = append(results, &ruletest.Result{File: path, Case: "(loading the file)", Err: err})
			continue
		}
		for _, tc := range f.Cases {
			if match == nil || match.MatchString(tc.Name) {
				results = append(results, f.RunCase(context.Background(), tc))
			}
		}
	}
	failed := ruletest.Report(a.stdout, results, len(files), time.Since(start))
	if c.JUnit != "" {
		out, err := os.Create(c.JUnit)
		if err != nil {
			return usageErr("%v", err)
		}
		werr := ruletest.WriteJUnit(out, results)
		if cerr := out.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return usageErr("writing %s: %v", c.JUnit, werr)
		}
	}
	if failed > 0 {
		return &exitError{code: exitInput}
	}
	return nil
}
