package ast_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/internal/parser"
	"github.com/kqlkit/kqlkit/internal/yamlsrc"
)

var (
	update     = flag.Bool("update", false, "rewrite the golden files of testdata/print")
	fullCorpus = flag.Bool("corpus", false, "round-trip every query of the shared corpus, not a sample")
)

// spelling maps the spellings the printer replaces to the ones it writes,
// as they show in a dump: legacy operator names, and names the parser took
// bare that the printer brackets (a column named 00 is written ['00']).
var spelling = strings.NewReplacer(
	`Keyword="mvexpand"`, `Keyword="mv-expand"`,
	`Keyword="mvapply"`, `Keyword="mv-apply"`,
	`Kind="external_data"`, `Kind="externaldata"`,
	` Quoted=true`, ``,
)

// canonicalDump dumps a tree with the spellings the printer normalises
// made canonical, so that a tree and its printed-and-parsed copy compare
// equal.
func canonicalDump(n ast.Node) string { return spelling.Replace(ast.Dump(n)) }

func parse(t testing.TB, name, text string) (*ast.Query, diag.List) {
	t.Helper()
	return parser.Parse(diag.NewSource(name, text))
}

// roundTrip prints q and checks that the text parses back to the same tree
// and prints the same again. It returns the printed text and a description
// of the first failure ("" when none).
func roundTrip(t testing.TB, name string, q *ast.Query) (string, string) {
	out := ast.Format(q)
	q2, errs := parse(t, name, out)
	if err := errs.Err(); err != nil {
		return out, "the printed query does not parse: " + err.Error()
	}
	if a, b := canonicalDump(q), canonicalDump(q2); a != b {
		return out, "the printed query parses to another tree:\n" + firstDiff(a, b)
	}
	if out2 := ast.Format(q2); out2 != out {
		return out, "printing is not idempotent:\n" + firstDiff(out, out2)
	}
	return out, ""
}

// firstDiff shows the first line where a and b differ, with some context.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		if i >= len(al) || i >= len(bl) || al[i] != bl[i] {
			lo := max(i-3, 0)
			return "--- first\n" + strings.Join(al[lo:min(i+4, len(al))], "\n") +
				"\n--- second\n" + strings.Join(bl[lo:min(i+4, len(bl))], "\n")
		}
	}
	return ""
}

// TestPrintGolden prints each testdata/print/*.kql file and compares the
// text with the .golden file beside it; the golden text must itself
// round-trip.
func TestPrintGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "print", "*.kql"))
	if err != nil || len(files) == 0 {
		t.Fatal("no testdata/print/*.kql files")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".kql")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			q, errs := parse(t, file, string(src))
			if err := errs.Err(); err != nil {
				t.Fatal(err)
			}
			out, problem := roundTrip(t, file, q)
			if problem != "" {
				t.Error(problem)
			}
			golden := strings.TrimSuffix(file, ".kql") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("printed text differs from %s (run go test ./ast -update):\n%s", golden, firstDiff(out, string(want)))
			}
		})
	}
}

// sharedCorpus returns the shared corpus folder, or skips the test.
func sharedCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared corpus at ", dir)
	}
	return dir
}

var fence = regexp.MustCompile("(?s)```[a-zA-Z]*\r?\n(.*?)```")

// corpusQueries returns the queries of every step-th file of the corpus
// (in name order): a rule's query field, a .kql or .txt file whole, each
// fenced block of a .md file.
func corpusQueries(t *testing.T, dir string, step int) map[string]*diag.Source {
	var paths []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, path)
		}
		return nil
	})
	sort.Strings(paths)
	queries := map[string]*diag.Source{}
	for i := 0; i < len(paths); i += step {
		path := paths[i]
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".yaml", ".yml":
			if src, err := yamlsrc.Query(path, b); err == nil {
				queries[path] = src
			}
		case ".kql", ".txt":
			queries[path] = diag.NewSource(path, string(b))
		case ".md":
			for i, m := range fence.FindAllStringSubmatch(string(b), -1) {
				name := fmt.Sprintf("%s#%d", path, i+1)
				queries[name] = diag.NewSource(name, m[1])
			}
		}
	}
	return queries
}

// TestCorpusRoundTrip prints corpus queries that parse and checks that the
// text parses back to the same tree and prints the same again. It takes
// the queries of every 8th file (of all files with -corpus), and none with
// -short.
func TestCorpusRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus round trip skipped in short mode")
	}
	step := 8
	if *fullCorpus {
		step = 1
	}
	queries := corpusQueries(t, sharedCorpus(t), step)
	names := make([]string, 0, len(queries))
	for name := range queries {
		names = append(names, name)
	}
	sort.Strings(names)
	parsed, same, failures := 0, 0, 0
	for _, name := range names {
		q, errs := parser.Parse(queries[name])
		if errs.Err() != nil {
			continue
		}
		parsed++
		if _, problem := roundTrip(t, name, q); problem != "" {
			failures++
			if failures <= 10 {
				t.Errorf("%s: %s", name, problem)
			}
			continue
		}
		same++
	}
	t.Logf("%d corpus queries (from 1 file in %d), %d parse, %d round-trip and print idempotently",
		len(queries), step, parsed, same)
}

// TestConstructsRoundTrip round-trips the queries of the parser's table of
// every construct it covers (internal/parser/testdata/constructs.txt).
func TestConstructsRoundTrip(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "internal", "parser", "testdata", "constructs.txt"))
	if err != nil {
		t.Skip("no parser constructs file: ", err)
	}
	n := 0
	for _, c := range strings.Split(string(b), "\n====\n") {
		query, _, ok := strings.Cut(c, "\n----\n")
		if !ok {
			continue
		}
		for strings.HasPrefix(query, "#") { // the file's header
			_, query, _ = strings.Cut(query, "\n")
		}
		q, errs := parse(t, "constructs", query)
		if errs.Err() != nil {
			continue
		}
		n++
		if _, problem := roundTrip(t, "constructs", q); problem != "" {
			t.Errorf("%s\n%s", query, problem)
		}
	}
	if n < 50 {
		t.Errorf("only %d constructs parsed", n)
	}
	t.Logf("%d constructs round-trip", n)
}
