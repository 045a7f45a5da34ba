package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// FuzzParse checks that the parser never panics (which would surface as an
// "internal error" diagnostic), and that every position it reports lies in
// the text and agrees with its line and column.
func FuzzParse(f *testing.F) {
	for _, path := range []string{"testdata/constructs.txt", "testdata/errors.txt"} {
		_, cases := readGoldenFile(f, path)
		for _, c := range cases {
			f.Add(c.query)
		}
	}
	files, _ := filepath.Glob("testdata/corpus/*.kql")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("\uFEFFT | take 1")
	f.Fuzz(func(t *testing.T, q string) {
		tree, errs := Parse(diag.NewSource("", q))
		for _, d := range errs {
			if strings.Contains(d.Message, "internal error") {
				t.Fatalf("%q: %s", q, d.Error())
			}
			checkPos(t, q, d.Pos)
		}
		if errs == nil {
			if tree == nil {
				t.Fatalf("%q: no tree and no error", q)
			}
			checkSpans(t, q, tree)
		}
	})
}

// checkSpans walks every node of a tree and checks its span.
func checkSpans(t *testing.T, q string, root ast.Node) {
	t.Helper()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return
			}
			if n, ok := v.Interface().(ast.Node); ok && v.Kind() == reflect.Pointer {
				start, end := n.Pos(), n.End()
				checkPos(t, q, start)
				checkPos(t, q, end)
				if end.Offset < start.Offset {
					t.Errorf("%q: %T ends at %v before it starts at %v", q, n, end, start)
				}
			}
			walk(v.Elem())
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			if v.Type().PkgPath() != "github.com/kqlkit/kqlkit/ast" {
				return // a data.Value, or a position
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(root))
}

// checkPos checks that p lies within q and that its line and column match
// its offset.
func checkPos(t *testing.T, q string, p ast.Pos) {
	t.Helper()
	if !p.IsValid() {
		return
	}
	if p.Offset < 0 || p.Offset > len(q) {
		t.Fatalf("%q: position %+v outside the text", q, p)
	}
	if want := diag.PosAt(q, p.Offset); want != p {
		t.Fatalf("%q: position %+v, want %+v", q, p, want)
	}
}

// spanTexts lists, for every node of a tree in walk order, its type and the
// source text its span covers.
func spanTexts(q string, root ast.Node) string {
	var b strings.Builder
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return
			}
			if n, ok := v.Interface().(ast.Node); ok && v.Kind() == reflect.Pointer {
				name := reflect.Indirect(v).Type().Name()
				b.WriteString(name + " " + strconv.Quote(q[n.Pos().Offset:n.End().Offset]) + "\n")
			}
			walk(v.Elem())
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			if v.Type().PkgPath() != "github.com/kqlkit/kqlkit/ast" {
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(root))
	return strings.TrimSuffix(b.String(), "\n")
}

// TestSpanTexts checks what text the span of each node covers.
func TestSpanTexts(t *testing.T) {
	runGolden(t, "testdata/spans.txt", func(q string) string {
		tree, errs := Parse(diag.NewSource("", q))
		if errs != nil {
			return "error: " + errs[0].Header()
		}
		return spanTexts(q, tree)
	})
}
