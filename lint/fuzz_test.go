package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLint lints arbitrary text as a query and as a rule file: the linter
// must never panic, and never report an internal error.
func FuzzLint(f *testing.F) {
	for _, pat := range []string{"testdata/rules/*.yaml", "testdata/queries/*.kql"} {
		files, _ := filepath.Glob(pat)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(string(b))
			}
		}
	}
	l, err := New(Enable("BP*"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, name := range []string{"q.kql", "r.yaml"} {
			for _, d := range l.Bytes(name, []byte(text)) {
				if d.Code == CodeInternal || strings.Contains(d.Message, "internal error") {
					t.Fatalf("%s: %s", name, d.Error())
				}
			}
		}
	})
}
