package parser

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

var update = flag.Bool("update", false, "rewrite the expected trees in testdata")

// goldenCase is one case of a golden file: a query and the expected output.
type goldenCase struct {
	query, want string
}

// readGolden reads a file of cases: comment lines starting with '#' at the
// top, then cases, each a query, a line "----", the expected output and a
// line "====". A case without "----" has no expected output yet.
func readGolden(t *testing.T, path string) (header string, cases []goldenCase) {
	return readGoldenFile(t, path)
}

func readGoldenFile(t testing.TB, path string) (header string, cases []goldenCase) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for strings.HasPrefix(text, "#") {
		i := strings.IndexByte(text, '\n')
		header += text[:i+1]
		text = text[i+1:]
	}
	for _, block := range strings.Split(text, "\n====\n") {
		block = strings.TrimSuffix(block, "\n====")
		if strings.TrimSpace(block) == "" {
			continue
		}
		q, want, _ := strings.Cut(block, "\n----\n")
		cases = append(cases, goldenCase{query: strings.TrimRight(q, "\n"), want: strings.TrimRight(want, "\n")})
	}
	return header, cases
}

func writeGolden(t *testing.T, path, header string, cases []goldenCase) {
	var b strings.Builder
	b.WriteString(header)
	for _, c := range cases {
		b.WriteString(c.query + "\n----\n" + c.want + "\n====\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runGolden checks f(query) against each case of a golden file, or with
// -update rewrites the expected outputs.
func runGolden(t *testing.T, path string, f func(q string) string) {
	header, cases := readGolden(t, path)
	for i, c := range cases {
		got := f(c.query)
		if *update {
			cases[i].want = got
			continue
		}
		if got != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.query, got, c.want)
		}
	}
	if *update {
		writeGolden(t, path, header, cases)
	}
}

// treeOf parses q and dumps its statements, or returns the error.
func treeOf(q string) string {
	tree, errs := Parse(diag.NewSource("", q))
	if errs != nil {
		return "error: " + errs[0].Header()
	}
	parts := make([]string, 0, len(tree.Stmts))
	for _, s := range tree.Stmts {
		parts = append(parts, dump(s))
	}
	return strings.Join(parts, ";\n")
}

func TestConstructs(t *testing.T) {
	runGolden(t, "testdata/constructs.txt", treeOf)
}

// TestSpans checks the positions of every node of every construct.
func TestSpans(t *testing.T) {
	_, cases := readGolden(t, "testdata/constructs.txt")
	for _, c := range cases {
		tree, errs := Parse(diag.NewSource("", c.query))
		if errs != nil {
			continue
		}
		checkSpans(t, c.query, tree)
	}
}

func TestEmptyQuery(t *testing.T) {
	for _, q := range []string{"", "  \n", "// only a comment", "\uFEFF"} {
		tree, errs := Parse(diag.NewSource("", q))
		if errs != nil {
			t.Errorf("%q: got %v, want no error", q, errs)
			continue
		}
		if len(tree.Stmts) != 0 {
			t.Errorf("%q: got %d statements, want 0", q, len(tree.Stmts))
		}
	}
}

func TestComments(t *testing.T) {
	q := "// first\nT // second\n| take 1 // third"
	tree, errs := Parse(diag.NewSource("", q))
	if errs != nil {
		t.Fatal(errs)
	}
	want := []string{"// first", "// second", "// third"}
	if len(tree.Comments) != len(want) {
		t.Fatalf("got %d comments, want %d", len(tree.Comments), len(want))
	}
	for i, c := range tree.Comments {
		if c.Text != want[i] {
			t.Errorf("comment %d: got %q, want %q", i, c.Text, want[i])
		}
	}
	if p := tree.Comments[1].Pos(); p != (ast.Pos{Offset: 11, Line: 2, Column: 3}) {
		t.Errorf("got %+v, want 2:3 at offset 11", p)
	}
}

func TestParseExpr(t *testing.T) {
	x, errs := ParseExpr(diag.NewSource("", "a + b * 2"))
	if errs != nil {
		t.Fatal(errs)
	}
	if got, want := dump(x), "(+ a (* b long(2)))"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, errs := ParseExpr(diag.NewSource("", "a +")); errs == nil {
		t.Error("got no error for 'a +'")
	}
}

// errorOf parses q and returns its first diagnostic as line:column: message.
func errorOf(q string) string {
	_, errs := Parse(diag.NewSource("", q))
	if errs == nil {
		return "no error"
	}
	if len(errs) != 1 {
		return fmt.Sprintf("%d errors, want 1: %v", len(errs), errs)
	}
	d := errs[0]
	return fmt.Sprintf("%d:%d: %s", d.Pos.Line, d.Pos.Column, d.Message)
}

func TestErrors(t *testing.T) {
	runGolden(t, "testdata/errors.txt", errorOf)
}

func TestDiagnosticFormat(t *testing.T) {
	_, errs := Parse(diag.NewSource("rule.kql", "T\n| where (x == 1\n| take 1"))
	want := "rule.kql:3:9: expected ')' to close '(' at 2:9\n | | take 1\n | ........^"
	if errs == nil || errs.Error() != want {
		t.Errorf("got %q, want %q", errs.Error(), want)
	}
}

// TestMappedPositions checks that positions in messages follow the
// source's mapping into an enclosing file (a rule's YAML).
func TestMappedPositions(t *testing.T) {
	src := &diag.Source{
		Name: "rule.yaml", Text: "T | where (x",
		FileText: "id: 1\nquery: |\n  T | where (x\n",
		Map: func(p ast.Pos) ast.Pos {
			return ast.Pos{Offset: p.Offset + 17, Line: p.Line + 2, Column: p.Column + 2}
		},
	}
	_, errs := Parse(src)
	want := "rule.yaml:3:15: expected ')' to close '(' at 3:13"
	if errs == nil || errs[0].Header() != want {
		t.Errorf("got %v, want %s", errs, want)
	}
}

func TestLimits(t *testing.T) {
	deep := strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000)
	cases := []struct {
		name, query string
		opts        Options
		want        string
	}{
		{"deep parens", "print " + deep, Options{}, "1:1007: brackets are nested too deeply (the limit is 1000 deep)"},
		{"unclosed parens", strings.Repeat("(", 100000), Options{}, "1:1001: brackets are nested too deeply (the limit is 1000 deep)"},
		{"small depth", "print ((1))", Options{Limits: Limits{MaxDepth: 1}}, "1:8: brackets are nested too deeply (the limit is 1 deep)"},
		{"size", "print 1", Options{Limits: Limits{MaxBytes: 3}}, "1:1: query is too long: 7 bytes, the limit is 3"},
		{"default size", "print '" + strings.Repeat("x", DefaultMaxBytes) + "'", Options{}, "1:1: query is too long: 1048584 bytes, the limit is 1048576"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := ParseWith(diag.NewSource("", c.query), c.opts)
			if errs == nil {
				t.Fatalf("got no error, want %s", c.want)
			}
			d := errs[0]
			if got := fmt.Sprintf("%d:%d: %s", d.Pos.Line, d.Pos.Column, d.Message); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

// TestDeepButAllowed parses nesting just within the limits: deep brackets,
// long operator chains and long pipelines.
func TestDeepButAllowed(t *testing.T) {
	queries := []string{
		"print " + strings.Repeat("(", 999) + "1" + strings.Repeat(")", 999),
		"print " + strings.Repeat("f(", 999) + "1" + strings.Repeat(")", 999),
		"print 1" + strings.Repeat(" + 1", 5000),
		"print a" + strings.Repeat(" and a", 5000),
		"T" + strings.Repeat(" | where x", 2000),
		"print x" + strings.Repeat(".y", 2000),
		"print " + strings.Repeat("-(", 999) + "1" + strings.Repeat(")", 999),
	}
	for _, q := range queries {
		if _, errs := Parse(diag.NewSource("", q)); errs != nil {
			t.Errorf("%.30s…: %v", q, errs)
		}
	}
}

// TestCorpusSamples parses the sample queries kept in testdata (taken from
// the shared corpus, see testdata/corpus/SOURCES.md): Microsoft's parser
// accepts every one of them.
func TestCorpusSamples(t *testing.T) {
	files, err := filepath.Glob("testdata/corpus/*.kql")
	if err != nil || len(files) == 0 {
		t.Fatal("no sample queries in testdata/corpus")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, errs := Parse(diag.NewSource(f, string(b))); errs != nil {
			t.Errorf("%v", errs)
		}
	}
}

// TestConcurrentParse parses from several goroutines at once (run with
// -race): the parser is shared and must hold no per-parse state.
func TestConcurrentParse(t *testing.T) {
	_, cases := readGolden(t, "testdata/constructs.txt")
	want := make([]string, len(cases))
	for i, c := range cases {
		want[i] = treeOf(c.query)
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- true }()
			for i, c := range cases {
				if got := treeOf(c.query); got != want[i] {
					t.Errorf("%s: got %s, want %s", c.query, got, want[i])
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// TestParseString checks participle's own entry point, which reads through
// the lexer's string fast path (LexString).
func TestParseString(t *testing.T) {
	g, err := queryParser.ParseString("", "T | where x > 1 // c\n| take 5")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Stmts) != 1 || len(g.Stmts[0].Expr.Ops) != 2 {
		t.Errorf("got %d statements, want 1 with 2 operators", len(g.Stmts))
	}
	if _, err := queryParser.ParseString("", `print "unterminated`); err == nil {
		t.Error("got no error for an unterminated string")
	}
}
