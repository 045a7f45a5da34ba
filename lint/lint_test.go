package lint

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/rule"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixtures returns the rule and query files of testdata.
func fixtures(t *testing.T) []string {
	var files []string
	for _, pat := range []string{"testdata/rules/*.yaml", "testdata/queries/*.kql"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	return files
}

// golden compares got with a golden file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// goldenName is the golden file of a fixture: testdata/golden/<dir>_<name>.txt.
func goldenName(fixture, ext string) string {
	dir := filepath.Base(filepath.Dir(fixture))
	name := strings.TrimSuffix(filepath.Base(fixture), filepath.Ext(fixture))
	return filepath.Join("testdata", "golden", dir+"_"+name+ext)
}

// TestFixtures lints each fixture and compares the text output with its
// golden file: each faulty rule shows its fault at its place in the YAML
// file, with the message and code.
func TestFixtures(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtures(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			list, err := l.File(f)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := WriteText(&b, list); err != nil {
				t.Fatal(err)
			}
			golden(t, goldenName(f, ".txt"), b.Bytes())
		})
	}
}

// TestCleanRule checks that the clean rule gets no diagnostic at all.
func TestCleanRule(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	list, err := l.File("testdata/rules/clean.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		t.Errorf("got %s [%s], want no diagnostics", d.Header(), d.Code)
	}
}

// TestFaultyRules checks that every faulty rule fixture gets the code its
// first comment line names, at least once.
func TestFaultyRules(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/rules/*.yaml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		code := codeIn(first)
		if code == "" {
			continue
		}
		list := l.Bytes(f, b)
		found := false
		for _, d := range list {
			found = found || d.Code == code
		}
		if !found {
			t.Errorf("%s: got %v, want a %s diagnostic", f, codesOf(list), code)
		}
	}
}

// codeIn returns the code written in parentheses in a fixture's comment.
func codeIn(s string) string {
	if m := reFixtureCode.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

var reFixtureCode = regexp.MustCompile(`\(((?:KQL|RULE|BP)\d{3})\)`)

func codesOf(list diag.List) []string {
	var out []string
	for _, d := range list {
		out = append(out, d.Code)
	}
	return out
}

// TestJSON checks the JSON lines output.
func TestJSON(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, f := range []string{"testdata/rules/unknown_column.yaml", "testdata/queries/best_practices.kql"} {
		list, err := l.File(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteJSON(&b, list); err != nil {
			t.Fatal(err)
		}
	}
	golden(t, filepath.Join("testdata", "golden", "output.jsonl"), b.Bytes())
}

// TestExitSeverity checks HasErrors, which decides the exit status.
func TestExitSeverity(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		want bool
	}{
		{"testdata/rules/clean.yaml", false},
		{"testdata/rules/custom_table.yaml", false},
		{"testdata/rules/mixed_equality.yaml", false},
		{"testdata/rules/unknown_column.yaml", true},
		{"testdata/rules/schedule.yaml", true},
	} {
		list, err := l.File(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if got := HasErrors(list); got != tc.want {
			t.Errorf("%s: got HasErrors %v, want %v", tc.file, got, tc.want)
		}
	}
}

// TestCodesMarkdown keeps CODES.md in step with the documentation.
func TestCodesMarkdown(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteMarkdown(&b, l.Codes()); err != nil {
		t.Fatal(err)
	}
	golden(t, "CODES.md", b.Bytes())
}

// TestCodesDocumented checks that every code has a name, a summary and a
// documentation, and that codes and names are unique.
func TestCodesDocumented(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range l.Codes() {
		if c.Name == "" || c.Summary == "" || c.Doc == "" {
			t.Errorf("%s: undocumented", c.Code)
		}
		for _, k := range []string{c.Code, c.Name} {
			if seen[k] {
				t.Errorf("%s: used twice", k)
			}
			seen[k] = true
		}
	}
}

// TestConcurrent lints the fixtures from several goroutines at once with
// one Linter (run with -race).
func TestConcurrent(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	files := fixtures(t)
	want := make([]int, len(files))
	for i, f := range files {
		list, _ := l.File(f)
		want[i] = len(list)
	}
	done := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for i, f := range files {
				list, err := l.File(f)
				if err == nil && len(list) != want[i] {
					err = fmt.Errorf("%s: got %d diagnostics, want %d", f, len(list), want[i])
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestRuleValue lints a rule loaded by the rule package.
func TestRuleValue(t *testing.T) {
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	r, err := rule.Load("testdata/rules/entity_column.yaml")
	if err != nil {
		t.Fatal(err)
	}
	list := l.Rule(r)
	if len(list) != 1 || list[0].Code != CodeEntityColumn || list[0].Pos.Line != 33 {
		t.Errorf("got %v, want the entity column at line 33", headers(list))
	}
}
