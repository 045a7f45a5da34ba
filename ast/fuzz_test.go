package ast_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/internal/parser"
)

// FuzzFormat checks on any query that parses that printing never panics,
// that the text parses back to the same tree and that it prints the same
// again; and that Walk, NodeAt and Dump cope with the tree.
func FuzzFormat(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "print", "*.kql"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{
		"T | where a - -1 > b", "print x = -(-1), y = 'a\\'b'", "T // c\n| take 1 // d",
		"let f = (x:long) { x }; f(1)", "T | join (U | where b // c\n) on k",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		q, errs := parser.Parse(diag.NewSource("fuzz", src))
		if errs.Err() != nil || q == nil {
			return
		}
		if _, problem := roundTrip(t, "fuzz", q); problem != "" {
			t.Errorf("%q: %s", src, problem)
		}
		ast.Inspect(q, func(ast.Node) bool { return true })
		for off := 0; off <= len(src); off += 7 {
			ast.NodeAt(q, off)
		}
		ast.DumpPositions(q)
	})
}
