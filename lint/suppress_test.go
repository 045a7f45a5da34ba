package lint

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestQueryComments(t *testing.T) {
	text := "T // a\n| where x == \"// not\" // b\n| where y == @'c:\\' // c\n| extend z = ```//``` // d"
	var got []string
	for _, c := range queryComments(text) {
		got = append(got, strings.TrimSpace(c.text))
	}
	if want := []string{"a", "b", "c", "d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDirective(t *testing.T) {
	for _, tc := range []struct{ comment, verb, codes string }{
		{" kql-lint-disable BP301, BP302 -- why", "kql-lint-disable", "BP301, BP302 -- why"},
		{"kql-lint-disable-next-line", "kql-lint-disable-next-line", ""},
		{" kql-lint-enable KQL103", "kql-lint-enable", "KQL103"},
		{" kql-lint-disable-file RULE202", "kql-lint-disable-file", "RULE202"},
		{" kql-lint-frobnicate X", "", ""},
		{" a comment", "", ""},
	} {
		verb, codes, _ := directive(tc.comment)
		if verb != tc.verb || codes != tc.codes {
			t.Errorf("%q: got %q %q, want %q %q", tc.comment, verb, codes, tc.verb, tc.codes)
		}
	}
	if got := splitCodes("BP301, contains-vs-has  BP303 -- the reason, with commas"); !reflect.DeepEqual(got,
		[]string{"BP301", "contains-vs-has", "BP303"}) {
		t.Errorf("splitCodes: got %q", got)
	}
}

func TestYAMLComment(t *testing.T) {
	for _, tc := range []struct {
		line, text string
		own        bool
	}{
		{"# kql-lint-disable X", " kql-lint-disable X", true},
		{"  columnName: A # kql-lint-disable X", " kql-lint-disable X", false},
		{"  name: 'a # b'", "", false},
		{"  url: http://x/#frag", "", false},
	} {
		text, own := yamlComment(tc.line)
		if text != tc.text || own != tc.own {
			t.Errorf("%q: got %q %v, want %q %v", tc.line, text, own, tc.text, tc.own)
		}
	}
}

func TestBlockEnd(t *testing.T) {
	lines := strings.Split(`entityMappings:
  - entityType: Account
    fieldMappings:
      - identifier: FullName
        columnName: A

  - entityType: Host
    fieldMappings:
      - identifier: HostName
        columnName: H
tactics:
- Execution
- Persistence
kind: Scheduled`, "\n")
	for _, tc := range []struct{ line, want int }{
		{1, 10}, // the whole entityMappings
		{2, 5},  // the first item
		{5, 5},  // one line
		{7, 10}, // the second item
		{11, 13},
		{14, 14},
		{20, 20}, // past the end
	} {
		if got := blockEnd(lines, tc.line); got != tc.want {
			t.Errorf("blockEnd(%d): got %d, want %d", tc.line, got, tc.want)
		}
	}
}

// TestSuppressYAML checks YAML and query directives in a rule file.
func TestSuppressYAML(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	list, err := l.File("testdata/rules/suppress_yaml.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 0 {
		t.Errorf("got %v, want every finding suppressed", headers(list))
	}
	// The same file without its directives has the findings.
	b, _ := readFile("testdata/rules/suppress_yaml.yaml")
	plain := strings.ReplaceAll(string(b), "kql-lint-", "lint-")
	if got := l.Bytes("plain.yaml", []byte(plain)); len(got) < 4 {
		t.Errorf("got %v, want the findings back without the directives", headers(got))
	}
}

func readFile(path string) ([]byte, error) { return os.ReadFile(path) }
