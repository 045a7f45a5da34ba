package ruletest

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// Report prints results the way `go test -v` does: one line per case, the
// failures under a failed case, then a summary line. It returns the number
// of failed cases.
func Report(w io.Writer, results []*Result, files int, elapsed time.Duration) int {
	passed, failed, skipped := 0, 0, 0
	for _, r := range results {
		switch {
		case r.Skipped != "":
			skipped++
			fmt.Fprintf(w, "SKIP  %s › %s (%s)\n", r.File, r.Case, r.Skipped)
		case r.Passed():
			passed++
			fmt.Fprintf(w, "ok    %s › %s (%s)\n", r.File, r.Case, ms(r.Duration))
		default:
			failed++
			fmt.Fprintf(w, "FAIL  %s › %s (%s)\n", r.File, r.Case, ms(r.Duration))
			writeProblems(w, r)
		}
	}
	status := "ok  "
	if failed > 0 {
		status = "FAIL"
	}
	parts := []string{fmt.Sprintf("%d passed", passed)}
	if failed > 0 {
		parts = append(parts, fmt.Sprintf("%d failed", failed))
	}
	if skipped > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", skipped))
	}
	fmt.Fprintf(w, "%s  %s (%s, %s)\n", status, strings.Join(parts, ", "), plural(files, "file"), ms(elapsed))
	return failed
}

func writeProblems(w io.Writer, r *Result) {
	if r.Err != nil {
		fmt.Fprintf(w, "%s\n", indent(r.Err.Error(), "      "))
	}
	for _, f := range r.Failures {
		fmt.Fprintf(w, "%s\n", indent(f.String(), "      "))
	}
}

// problemText is the failure text of a result, for JUnit.
func problemText(r *Result) string {
	var b strings.Builder
	if r.Err != nil {
		b.WriteString(r.Err.Error())
		b.WriteByte('\n')
	}
	for _, f := range r.Failures {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func indent(s, pad string) string {
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.0fms", float64(d.Microseconds())/1000)
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// JUnit XML, as CI systems read it.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes results as JUnit XML: one test suite per file, one
// test case per case; unmet expectations are failures, cases that could
// not run are errors.
func WriteJUnit(w io.Writer, results []*Result) error {
	var all junitSuites
	var total time.Duration
	index := map[string]int{}
	for _, r := range results {
		i, ok := index[r.File]
		if !ok {
			i = len(all.Suites)
			index[r.File] = i
			all.Suites = append(all.Suites, junitSuite{Name: r.File})
		}
		s := &all.Suites[i]
		c := junitCase{Name: r.Case, Classname: r.File, Time: secs(r.Duration)}
		switch {
		case r.Skipped != "":
			c.Skipped = &junitProblem{Message: r.Skipped}
			s.Skipped++
		case r.Err != nil:
			c.Error = &junitProblem{Message: firstLine(r.Err.Error()), Text: problemText(r)}
			s.Errors++
		case len(r.Failures) > 0:
			c.Failure = &junitProblem{Message: firstLine(r.Failures[0].String()), Text: problemText(r)}
			s.Failures++
		}
		s.Tests++
		s.Cases = append(s.Cases, c)
		total += r.Duration
	}
	for i := range all.Suites {
		s := &all.Suites[i]
		var d time.Duration
		for _, r := range results {
			if r.File == s.Name {
				d += r.Duration
			}
		}
		s.Time = secs(d)
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Errors += s.Errors
		all.Skipped += s.Skipped
	}
	all.Time = secs(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }
