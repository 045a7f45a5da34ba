package parser

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// The corpus test compares this parser with Microsoft's on the shared
// corpus of real queries (../shared/corpus from the module root). The
// verdicts of Microsoft's parser are in testdata/oracle.tsv; they were
// produced once with
//
//	cd ../shared/corpus && find kql-queries sentinel-rules -type f \
//	  \( -name '*.kql' -o -name '*.txt' -o -name '*.yaml' -o -name '*.yml' \) |
//	  node /tmp/kqlparse/kqlparse.js --stdin
//
// (see ../shared/tools/kqlparse) and turned into path/verdict lines.

// minAgreement is the share of the files Microsoft's parser accepts that
// this parser must accept too. It stands just under what the parser
// achieves: 2768 of 2769 files (the one left is datetime("Insert date"),
// which Kusto's parser accepts and this one rejects as an invalid literal)
// and all 1032 Markdown blocks.
const minAgreement = 0.999

// sharedDir returns ../shared next to the module root, or "" when absent.
func sharedDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err != nil {
		return ""
	}
	return shared
}

type oracleEntry struct {
	path string
	ok   bool
}

func readOracle(t testing.TB, path string) []oracleEntry {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []oracleEntry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		path, verdict, _ := strings.Cut(line, "\t")
		out = append(out, oracleEntry{path: path, ok: verdict == "ok"})
	}
	return out
}

// corpusQuery reads the query of a corpus file the way kqlparse.js does:
// the query: field of a YAML rule, or the whole file; for "file.md#n", the
// n-th KQL block of a Markdown file.
func corpusQuery(path string) (string, error) {
	path, block, isBlock := strings.Cut(path, ".md#")
	if isBlock {
		path += ".md"
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if isBlock {
		n, err := strconv.Atoi(block)
		blocks := mdBlocks(string(b))
		if err != nil || n < 1 || n > len(blocks) {
			return "", fmt.Errorf("no block %s", block)
		}
		return blocks[n-1], nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".yaml" && ext != ".yml" {
		return string(b), nil
	}
	var doc struct {
		Query string `yaml:"query"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return "", err
	}
	return doc.Query, nil
}

// mdBlocks returns the fenced code blocks of a Markdown text whose fence
// tag is kql, kusto (any case) or empty.
func mdBlocks(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	var blocks []string
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		tag := strings.ToLower(strings.TrimSpace(lines[i][3:]))
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], "```") {
			j++
		}
		if j == len(lines) {
			break
		}
		if tag == "" || tag == "kql" || tag == "kusto" {
			blocks = append(blocks, strings.Join(lines[i+1:j], "\n"))
		}
		i = j
	}
	return blocks
}

// TestCorpusAgreement compares with Microsoft's verdicts on the corpus files
// (as kqlparse.js reads them) and on the KQL blocks of its Markdown files.
func TestCorpusAgreement(t *testing.T) {
	shared := sharedDir()
	if shared == "" {
		t.Skip("../shared/corpus is not present")
	}
	t.Run("files", func(t *testing.T) { testAgreement(t, shared, "testdata/oracle.tsv") })
	t.Run("md-blocks", func(t *testing.T) { testAgreement(t, shared, "testdata/oracle-md.tsv") })
}

func testAgreement(t *testing.T, shared, oracle string) {
	entries := readOracle(t, oracle)
	queries := make([]string, len(entries))
	for i, e := range entries {
		q, err := corpusQuery(filepath.Join(shared, "corpus", e.path))
		if err != nil {
			t.Fatalf("%s: %v", e.path, err)
		}
		queries[i] = q
	}
	results := parseAll(entries, queries)

	var accepted, oracleOK, rejected, oracleErr int
	var missed, extra []string
	for i, e := range entries {
		r := results[i]
		for _, d := range r.errs {
			if strings.Contains(d.Message, "internal error") {
				t.Errorf("%s: %s", e.path, d.Error())
			}
		}
		if r.errs == nil {
			checkSpans(t, queries[i], r.tree)
		}
		switch {
		case e.ok && r.errs == nil:
			oracleOK++
			accepted++
		case e.ok:
			oracleOK++
			missed = append(missed, r.errs[0].Error())
		case r.errs != nil:
			oracleErr++
			rejected++
		default:
			oracleErr++
			extra = append(extra, e.path)
		}
	}
	sort.Strings(missed)
	sort.Strings(extra)
	for _, m := range missed {
		t.Logf("rejected, Microsoft accepts: %s", m)
	}
	for _, p := range extra {
		t.Logf("accepted, Microsoft rejects: %s", p)
	}
	share := float64(accepted) / float64(oracleOK)
	t.Logf("%s: accepted %d of %d files Microsoft accepts (%.2f%%); rejected %d of %d it rejects",
		oracle, accepted, oracleOK, 100*share, rejected, oracleErr)
	if share < minAgreement {
		t.Errorf("agreement %.2f%%, want at least %.2f%%", 100*share, 100*minAgreement)
	}
	if rejected < oracleErr {
		t.Errorf("accepted %d files Microsoft rejects, want none", oracleErr-rejected)
	}
}

type parseResult struct {
	tree *ast.Query
	errs diag.List
}

// parseAll parses the queries on every core.
func parseAll(entries []oracleEntry, queries []string) []parseResult {
	results := make([]parseResult, len(queries))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				tree, errs := Parse(diag.NewSource(entries[i].path, queries[i]))
				results[i] = parseResult{tree, errs}
			}
		}()
	}
	for i := range queries {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// TestConformanceQueries parses the queries of the conformance cases
// (../shared/conformance), all of which Microsoft's engine ran.
func TestConformanceQueries(t *testing.T) {
	shared := sharedDir()
	if shared == "" {
		t.Skip("../shared is not present")
	}
	f, err := os.Open(filepath.Join(shared, "conformance", "kusto-docs-oracle.jsonl"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var c struct {
			ID  string `json:"id"`
			KQL string `json:"kql"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		n++
		tree, errs := Parse(diag.NewSource(c.ID, c.KQL))
		if errs != nil {
			t.Errorf("%v", errs)
			continue
		}
		checkSpans(t, c.KQL, tree)
	}
	if n < 500 {
		t.Errorf("got %d cases, want the 510 of the suite", n)
	}
}

// corpusQueries reads every query of the corpus, or skips.
func corpusQueries(b testing.TB) ([]string, []string) {
	shared := sharedDir()
	if shared == "" {
		b.Skip("../shared/corpus is not present")
	}
	var names, qs []string
	for _, e := range readOracle(b, "testdata/oracle.tsv") {
		q, err := corpusQuery(filepath.Join(shared, "corpus", e.path))
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, e.path)
		qs = append(qs, q)
	}
	return names, qs
}

// BenchmarkParseCorpus parses every query of the corpus once per
// iteration.
func BenchmarkParseCorpus(b *testing.B) {
	names, qs := corpusQueries(b)
	size := 0
	for _, q := range qs {
		size += len(q)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, q := range qs {
			Parse(diag.NewSource(names[j], q))
		}
	}
	b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}
