package kql_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/kql"
)

// Script tests live in testdata/scripts/*.test. Each case is
//
//	=== name
//	query lines…
//	---
//	expected output lines…
//
// The expected output is the result table (a header line `Name:type | …`,
// then one line per row, values separated by " | ", dynamic values as JSON,
// datetimes in ISO form), or `error` followed by the error text. Cases run
// at now() = 2025-06-01T12:00:00Z. `go test ./kql -run Scripts -update`
// rewrites the expected outputs.

var scriptNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

type scriptCase struct {
	name, query, want string
}

func parseScript(text string) []scriptCase {
	var cases []scriptCase
	for _, block := range strings.Split("\n"+text, "\n=== ")[1:] {
		name, rest, _ := strings.Cut(block, "\n")
		query, want, _ := strings.Cut(rest, "\n---\n")
		if q, ok := strings.CutSuffix(rest, "\n---"); ok {
			query, want = q, ""
		}
		cases = append(cases, scriptCase{name: strings.TrimSpace(name), query: strings.TrimSpace(query),
			want: strings.TrimSpace(want)})
	}
	return cases
}

func formatScript(cases []scriptCase) string {
	var b strings.Builder
	for _, c := range cases {
		fmt.Fprintf(&b, "=== %s\n%s\n---\n%s\n\n", c.name, c.query, c.want)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// runScript runs a query and renders its result or error.
func runScript(env *kql.Env, query string) string {
	q, err := env.Compile("", query)
	if err != nil {
		return "error\n" + err.Error()
	}
	res, err := q.Run(context.Background(), kql.WithNow(scriptNow))
	if err != nil {
		return "error\n" + err.Error()
	}
	var parts []string
	for _, t := range res.Tables {
		parts = append(parts, renderTable(t))
	}
	return strings.Join(parts, "\n\n")
}

func renderTable(t *data.Table) string {
	var lines []string
	var head []string
	for _, c := range t.Schema {
		head = append(head, c.Name+":"+c.Type.String())
	}
	lines = append(lines, strings.Join(head, " | "))
	for r := 0; r < t.Rows(); r++ {
		var cells []string
		for _, c := range t.Cols {
			cells = append(cells, renderValue(c.Value(r)))
		}
		lines = append(lines, strings.Join(cells, " | "))
	}
	return strings.Join(lines, "\n")
}

func renderValue(v data.Value) string {
	if v.IsNull() && v.Type() != data.String {
		return "null"
	}
	switch v.Type() {
	case data.Dynamic:
		return v.Dyn().String()
	case data.DateTime:
		return data.FormatDateTimeShort(v.Int64())
	case data.String:
		return fmt.Sprintf("%q", v.Str())
	}
	return v.String()
}

func TestScripts(t *testing.T) {
	files, err := filepath.Glob("../testdata/scripts/*.test")
	if err != nil {
		t.Fatal(err)
	}
	env, err := kql.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cases := parseScript(string(b))
		changed := false
		for i, c := range cases {
			got := runScript(env, c.query)
			t.Run(filepath.Base(file)+"/"+c.name, func(t *testing.T) {
				if got != c.want {
					if *update {
						cases[i].want = got
						changed = true
						return
					}
					t.Errorf("query:\n%s\ngot:\n%s\nwant:\n%s", c.query, got, c.want)
				}
			})
		}
		if changed {
			if err := os.WriteFile(file, []byte(formatScript(cases)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
