package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/eval"
	"github.com/kqlkit/kqlkit/internal/parser"
)

// opCase is a query over optional tables with its expected result, rendered
// by renderTable, or the start of its expected error.
type opCase struct {
	name  string
	query string
	want  string
	err   string
}

// compileQuery parses and compiles a query over the given tables.
func compileQuery(query string, tables ...*data.Table) (*eval.Query, error) {
	src := diag.NewSource("", query)
	tree, errs := parser.Parse(src)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	schemas := map[string]data.Schema{}
	for _, t := range tables {
		schemas[t.Name] = t.Schema
	}
	env := &eval.Env{
		Table: func(name string) (data.Schema, bool) {
			s, ok := schemas[name]
			return s, ok
		},
		Tables: func() []string {
			var names []string
			for _, t := range tables {
				names = append(names, t.Name)
			}
			return names
		},
		Source: src,
	}
	q, errs := eval.Compile(tree, env)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return q, nil
}

// runQuery compiles and runs a query and returns its first result table.
func runQuery(query string, workers int, tables ...*data.Table) (*data.Table, error) {
	q, err := compileQuery(query, tables...)
	if err != nil {
		return nil, err
	}
	in := &eval.Input{Tables: map[string]*data.Table{}, Workers: workers}
	for _, t := range tables {
		in.Tables[t.Name] = t
	}
	res, err := q.Run(context.Background(), in)
	if err != nil {
		return nil, err
	}
	return res.Tables[0], nil
}

// renderTable prints a table as `a:long,b:string` then one line per row
// with values separated by `|`.
func renderTable(t *data.Table) string {
	var b strings.Builder
	for i, def := range t.Schema {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(def.Name + ":" + def.Type.String())
	}
	for r := 0; r < t.Rows(); r++ {
		b.WriteByte('\n')
		for i, col := range t.Cols {
			if i > 0 {
				b.WriteByte('|')
			}
			v := col.Value(r)
			if v.IsNull() && v.Type() != data.String {
				b.WriteString("null")
				continue
			}
			b.WriteString(v.String())
		}
	}
	return b.String()
}

// runCases runs table tests, each with one and with several workers.
func runCases(t *testing.T, cases []opCase, tables ...*data.Table) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := runQuery(tc.query, 1, tables...)
			if tc.err != "" {
				if err == nil {
					t.Fatalf("got no error, want %q", tc.err)
				}
				if !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got error %q, want %q", err.Error(), tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v", err)
			}
			if s := renderTable(got); s != strings.TrimSpace(tc.want) {
				t.Errorf("got\n%s\nwant\n%s", s, strings.TrimSpace(tc.want))
			}
		})
	}
}
