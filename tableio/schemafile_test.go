package tableio

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func TestParseSchemas(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "T(a:long, …) U(…)" sorted by table
	}{
		{"json list", `{"T": [{"name":"b","type":"string"},{"name":"a","type":"int64"}]}`,
			"T(b:string, a:long)"},
		{"json columns object", `{"T": {"columns": [{"name":"x","type":"Dynamic"}]}, "U": []}`,
			"T(x:dynamic) U()"},
		{"catalog shape", `{"source": {}, "tables": {"T": {"columns": [{"name":"t","type":"datetime"}]}}}`,
			"T(t:datetime)"},
		{"a table called tables", `{"tables": {"columns": [{"name":"t","type":"bool"}]}}`,
			"tables(t:bool)"},
		{"kql", "// custom tables\n.create table T (A:string, B:long)\n" +
			".create-merge table ['My Table'] (['odd col']:dynamic, c : double) with (folder='x')\n" +
			".create table U ()",
			"My Table(odd col:dynamic, c:real) T(A:string, B:long) U()"},
		{"kql with semicolons", ".create table T (a:bool); .create table U (b:guid);",
			"T(a:bool) U(b:guid)"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseSchemas([]byte(tc.in), "s")
			if err != nil {
				t.Fatal(err)
			}
			if s := schemasString(got); s != tc.want {
				t.Errorf("got %q, want %q", s, tc.want)
			}
		})
	}
}

func schemasString(m map[string]data.Schema) string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	var parts []string
	for _, n := range names {
		parts = append(parts, n+m[n].String())
	}
	return strings.Join(parts, " ")
}

func TestParseSchemasErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bad json", `{"T": [}`, "s:1: invalid schema JSON"},
		{"unknown type json", "{\n\"T\": [{\"name\":\"a\",\"type\":\"blob\"}]}", "s:2: table 'T': column 'a' has unknown type 'blob'"},
		{"duplicate table json", `{"T": [], "T": []}`, "table 'T' is defined twice"},
		{"duplicate column", `{"T": [{"name":"a","type":"long"},{"name":"a","type":"long"}]}`, "column 'a' appears twice"},
		{"not a command", "create table T (a:long)", "s:1: want '.create table', got 'create'"},
		{"missing paren", ".create table T a:long", "want '(' after table 'T'"},
		{"unknown type kql", ".create table T (a:long,\n b:blob)", "s:2: table 'T': column 'b' has unknown type 'blob'"},
		{"unterminated", ".create table T (a:long", "want ',' or ')'"},
		{"duplicate table kql", ".create table T (a:long)\n.create table T (a:long)", "s:2: table 'T' is defined twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSchemas([]byte(tc.in), "s")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func TestReadSchemaFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.kql")
	if err := os.WriteFile(path, []byte(".create table T (a:long)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadSchemaFile(path)
	if err != nil || schemasString(got) != "T(a:long)" {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := ReadSchemaFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("got no error for a missing file")
	}
}
