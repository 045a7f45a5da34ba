package ruletest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/rule"
)

// Result is the outcome of one case.
type Result struct {
	File     string
	Case     string
	Line     int
	Skipped  string // the reason, when the case is skipped
	Failures []Failure
	Err      error // the case could not run (bad data, unexpected query error)
	Duration time.Duration
}

// Passed reports whether the case passed (a skipped case passes).
func (r *Result) Passed() bool { return r.Err == nil && len(r.Failures) == 0 }

// Run runs every case of the file, in order.
func (f *File) Run(ctx context.Context) []*Result {
	var out []*Result
	for _, c := range f.Cases {
		out = append(out, f.RunCase(ctx, c))
	}
	return out
}

// RunCase runs one case.
func (f *File) RunCase(ctx context.Context, c *Case) *Result {
	start := time.Now()
	res := &Result{File: f.Path, Case: c.Name, Line: c.Line}
	defer func() { res.Duration = time.Since(start) }()
	if c.skip != "" {
		res.Skipped = c.skip
		return res
	}
	var tables []*data.Table
	for _, ts := range f.specsFor(c) {
		t, err := f.buildTable(ts, c.Now)
		if err != nil {
			res.Err = err
			return res
		}
		tables = append(tables, t)
	}
	ev, err := f.Rule.Evaluate(ctx, rule.WithNow(c.Now), rule.WithTables(tables...),
		rule.WithSchemas(f.Schemas))
	ch := &checker{now: c.Now}
	switch {
	case c.Expect.Error != nil && err == nil:
		ch.failf(c.Expect.Error, "error", "the rule ran without error; want an error containing %q", c.Expect.Error.Value)
	case c.Expect.Error != nil:
		if !strings.Contains(err.Error(), c.Expect.Error.Value) {
			ch.fail(c.Expect.Error, "error", strconv.Quote(firstLine(err.Error())),
				fmt.Sprintf("…%s…", c.Expect.Error.Value))
		}
	case err != nil:
		res.Err = err
		return res
	default:
		c.Expect.check(ch, ev, caseNode(c))
	}
	res.Failures = ch.fails
	return res
}

// caseNode stands for the case in failures about the whole case.
func caseNode(c *Case) *yaml.Node { return &yaml.Node{Line: c.Line} }

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// Files expands paths into test files: a directory gives every
// *_test.yaml and *_test.yml under it; a file is taken as it is.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && IsTestFile(path) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// IsTestFile reports whether a file name is that of a rule test file.
func IsTestFile(path string) bool {
	base := strings.ToLower(filepath.Base(path))
	return strings.HasSuffix(base, "_test.yaml") || strings.HasSuffix(base, "_test.yml")
}

// Run runs the rule test files at paths (files or directories) as subtests
// of t, one per file and case, so that `go test` runs them:
//
//	func TestRules(t *testing.T) { ruletest.Run(t, "testdata") }
func Run(t *testing.T, paths ...string) {
	t.Helper()
	files, err := Files(paths)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no rule test files (*_test.yaml) in %s", strings.Join(paths, ", "))
	}
	for _, path := range files {
		t.Run(filepath.ToSlash(path), func(t *testing.T) {
			f, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range f.Cases {
				t.Run(c.Name, func(t *testing.T) {
					res := f.RunCase(context.Background(), c)
					reportT(t, res)
				})
			}
		})
	}
}

func reportT(t *testing.T, res *Result) {
	t.Helper()
	switch {
	case res.Skipped != "":
		t.Skip(res.Skipped)
	case res.Err != nil:
		t.Fatalf("%s:%d: %v", res.File, res.Line, res.Err)
	}
	for _, fl := range res.Failures {
		t.Errorf("%s:%s", res.File, strings.TrimPrefix(fl.String(), "line "))
	}
}

// ErrFailed is returned by RunFiles when a case failed.
var ErrFailed = errors.New("rule tests failed")
