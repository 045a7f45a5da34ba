package yamlsrc

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/ast"
)

// copied reports whether byte i of the value is a character copied from the
// file (not made by folding or by an escape), found by looking at the file.
func checkMap(t *testing.T, name string, f *field) {
	t.Helper()
	if !f.exact {
		t.Fatalf("%s: re-read value %q, the YAML library read %q", name, f.text, f.value.Value)
	}
	for i := 0; i < len(f.text); i++ {
		off := f.offs[i]
		c := f.text[i]
		if f.src[off] == c || c == ' ' && isBreak(f.src[off]) || c == '\n' && isBreak(f.src[off]) ||
			f.src[off] == '\\' || f.src[off] == '\'' {
			continue
		}
		t.Errorf("%s: byte %d %q maps to offset %d holding %q", name, i, c, off, f.src[off])
	}
}

func TestQueryForms(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       string
		// a query offset and the file line:column it must map to
		off       int
		line, col int
	}{
		{"literal", "id: 1\nquery: |\n  T\n  | where x > 1\nkind: Scheduled\n",
			"T\n| where x > 1\n", 4, 4, 5},
		{"literal strip with comment", "query: |- # the query\n    let a = 1;\n\n    T\n\n\nother: x\n",
			"let a = 1;\n\nT", 12, 4, 5},
		{"literal keep", "query: |+\n  T\n\n\nx: 1\n", "T\n\n\n", 0, 2, 3},
		{"literal indicator", "query: |2\n    indented\n  T\n", "  indented\nT\n", 2, 2, 5},
		{"folded", "query: >\n  T\n  | where a\n\n  | take 1\n    | more\n", "T | where a\n| take 1\n  | more\n", 4, 3, 5},
		{"double quoted", "query: \"T | where a == \\\"x\\\"\n  | take 1\"\nx: 1\n",
			"T | where a == \"x\" | take 1", 21, 2, 5},
		{"double quoted escaped break", "query: \"T |\\\n  where a\"\n", "T |where a", 4, 2, 4},
		{"single quoted", "query: 'T | where a == ''x''\n\n  | take 1'\n", "T | where a == 'x'\n| take 1", 19, 3, 3},
		{"plain", "query: T\n  | where a\n  | take 1\nx: 2\n", "T | where a | take 1", 12, 3, 3},
		{"tag and anchor", "query: !!str &q |\n  T\n", "T\n", 0, 2, 3},
		{"crlf", "id: 1\r\nquery: |\r\n  T\r\n  | take 1\r\n", "T\n| take 1\n", 4, 4, 5},
		{"unicode", "query: |\n  print \"é\", x\n", "print \"é\", x\n", 11, 2, 13},
		{"nested key indent", "x:\n  query: 1\nquery: |\n   T\n", "T\n", 0, 4, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Query("rule.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if src.Text != tt.want {
				t.Fatalf("got text %q, want %q", src.Text, tt.want)
			}
			f, _ := find([]byte(tt.yaml))
			checkMap(t, tt.name, f)
			p := src.Map(ast.Pos{Offset: tt.off})
			if p.Line != tt.line || p.Column != tt.col {
				t.Errorf("offset %d maps to %d:%d, want %d:%d", tt.off, p.Line, p.Column, tt.line, tt.col)
			}
		})
	}
}

func TestQueryDiagnostic(t *testing.T) {
	yml := "id: 1\nquery: |\n  SigninLogs\n  | where Acount == 1\n"
	src, err := Query("rules/x.yaml", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	off := strings.Index(src.Text, "Acount")
	d := src.Errorf(ast.Pos{Offset: off, Line: 2, Column: 9}, "unknown column 'Acount'")
	want := "rules/x.yaml:4:11: unknown column 'Acount'\n |   | where Acount == 1\n | ..........^"
	if got := d.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestQueryEnd(t *testing.T) {
	src, err := Query("r.yaml", []byte("query: |-\n  T\nx: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p := src.Map(ast.Pos{Offset: 1}); p.Line != 2 || p.Column != 4 {
		t.Errorf("end maps to %d:%d, want 2:4", p.Line, p.Column)
	}
}

func TestQueryErrors(t *testing.T) {
	for _, yml := range []string{"id: 1\n", "- a\n- b\n", "query:\n  a: 1\n", ""} {
		if _, err := Query("r.yaml", []byte(yml)); err == nil {
			t.Errorf("%q: got no error", yml)
		}
	}
	if _, err := Query("r.yaml", []byte("id: 1\n")); !errors.Is(err, ErrNoQuery) {
		t.Errorf("got %v, want ErrNoQuery", err)
	}
	if _, err := Query("r.yaml", []byte("query: [\n")); err == nil || errors.Is(err, ErrNoQuery) {
		t.Errorf("got %v, want a YAML error", err)
	}
}

func TestReplaceQuery(t *testing.T) {
	tests := []struct{ name, yaml, query, want string }{
		{"literal", "id: 1 # keep\nquery: |\n  old\n  | take 1\n\n# trailing comment\nkind: x\n",
			"T\n  | take 2\n",
			"id: 1 # keep\nquery: |\n  T\n    | take 2\n\n# trailing comment\nkind: x\n"},
		{"literal deeper indent, header comment", "query: |- # c\n    old\nx: 1\n",
			"T\n", "query: | # c\n    T\nx: 1\n"},
		{"no final break", "query: |\n  old\n", "T", "query: |-\n  T\n"},
		{"quoted with comment", "query: \"old\" # c\nx: 1\n", "T\n| take 1\n",
			"query: | # c\n  T\n  | take 1\nx: 1\n"},
		{"plain", "a: 1\nquery: old\n  more\nb: 2", "T\n", "a: 1\nquery: |\n  T\nb: 2"},
		{"folded", "query: >\n  old\n  text\nx: 1\n", "T\n", "query: |\n  T\nx: 1\n"},
		{"leading space", "query: |\n  old\n", "  T\n", "query: |2\n    T\n"},
		{"empty lines", "query: |\n  old\n", "a\n\nb\n", "query: |\n  a\n\n  b\n"},
		{"keep", "query: |\n  old\nx: 1\n", "a\n\n", "query: |+\n  a\n\nx: 1\n"},
		{"crlf", "id: 1\r\nquery: |\r\n  old\r\nx: 1\r\n", "T\n| take 1\n",
			"id: 1\r\nquery: |\r\n  T\r\n  | take 1\r\nx: 1\r\n"},
		{"end of file", "x: 1\nquery: |\n  old", "T\n| take 1", "x: 1\nquery: |\n  T\n  | take 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := ReplaceQuery([]byte(tt.yaml), tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", out, tt.want)
			}
		})
	}
	if _, err := ReplaceQuery([]byte("query: a\n"), "bad\x01"); err == nil {
		t.Error("a control character: got no error")
	}
	if _, err := ReplaceQuery([]byte("x: 1\n"), "T"); !errors.Is(err, ErrNoQuery) {
		t.Errorf("got %v, want ErrNoQuery", err)
	}
}

// corpusFiles returns the YAML files of the shared corpus, or skips.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	root := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no shared corpus at ", root)
	}
	var files []string
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			files = append(files, path)
		}
		return nil
	})
	return files
}

// TestCorpus checks on every rule of the shared corpus that the query is
// re-read exactly, and that writing it back leaves the file unchanged when
// it was a plain `|` block.
func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	read, same, rewritten := 0, 0, 0
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := find(b)
		if err != nil {
			continue
		}
		read++
		checkMap(t, path, f)
		out, err := ReplaceQuery(b, f.value.Value)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		rewritten++
		if string(out) == string(b) {
			same++
		}
	}
	t.Logf("%d files, %d with a query read exactly, %d rewritten, %d unchanged by rewriting", len(files), read, rewritten, same)
}
