package kql_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/eval"
	"github.com/kqlkit/kqlkit/functions"
)

// The support tables in README.md are generated from the operator list and
// the function registry; `go test ./kql -run README -update` refreshes
// them.
const (
	supportBegin = "<!-- BEGIN GENERATED: support (go test ./kql -run README -update) -->"
	supportEnd   = "<!-- END GENERATED: support -->"
)

func supportTables() string {
	var b strings.Builder
	b.WriteString("| Operator | Runs | Notes |\n|---|---|---|\n")
	for _, op := range eval.Operators() {
		mark := "yes"
		if !op.Supported {
			mark = "not yet"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", op.Name, mark, op.Notes)
	}
	b.WriteString("\n| Plugin (`evaluate`) | Runs | Notes |\n|---|---|---|\n")
	for _, p := range eval.Plugins() {
		mark := "yes"
		if !p.Supported {
			mark = "not yet"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", p.Name, mark, p.Notes)
	}
	reg := functions.Builtins()
	var scalars, missing []string
	for _, name := range reg.ScalarNames() {
		if f, _ := reg.Scalar(name); f.Unsupported != "" {
			missing = append(missing, name)
			continue
		}
		scalars = append(scalars, name)
	}
	aggs := reg.AggregateNames()
	fmt.Fprintf(&b, "\n**Scalar functions (%d):** ", len(scalars))
	b.WriteString(codeList(scalars))
	if len(missing) > 0 {
		fmt.Fprintf(&b, "\n\n**Known but not supported (%d):** ", len(missing))
		b.WriteString(codeList(missing))
	}
	fmt.Fprintf(&b, "\n\n**Aggregation functions (%d):** ", len(aggs))
	b.WriteString(codeList(aggs))
	b.WriteString("\n")
	return b.String()
}

func codeList(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "`" + n + "`"
	}
	return strings.Join(out, ", ")
}

func TestREADMESupportTables(t *testing.T) {
	path := "../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i, j := strings.Index(text, supportBegin), strings.Index(text, supportEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the generated support section markers")
	}
	want := text[:i+len(supportBegin)] + "\n" + supportTables() + text[j:]
	if want == text {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's support tables are stale: run go test ./kql -run README -update")
}
