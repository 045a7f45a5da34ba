package kql_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/internal/yamlsrc"
	"github.com/kqlkit/kqlkit/kql"
)

// The corpus run-coverage test compiles every analytic rule of the shared
// corpus (../shared/corpus/sentinel-rules from the module root) with the
// Sentinel catalog and runs it over empty tables. It reports the share of
// rules that run and why the others do not; rules that need a table or a
// function outside the catalog (workspace functions such as ASIM parsers,
// custom log tables) are counted apart, as kqlkit cannot be expected to
// know them; externaldata and IP geolocation get hooks that return no
// data. The summary is written to the test log and, with -update, to
// testdata/corpus/run_coverage.txt.

// minRunShare is the share of the rules not needing anything outside the
// catalog that must run.
const minRunShare = 0.95

// sharedCorpus returns ../shared/corpus next to the module root, or "".
func sharedCorpus() string {
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
	corpus := filepath.Join(dir, "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(corpus, "sentinel-rules")); err != nil {
		return ""
	}
	return corpus
}

// outcome classifies one rule's compile-and-run result.
type outcome struct {
	path    string
	kind    string // "ok", "outside" or "fail"
	reason  string // the tally key
	message string // the first line of the error
}

// reasonPatterns map an error message to a tally key; the first match wins.
var reasonPatterns = []struct {
	re   *regexp.Regexp
	kind string
	key  string
}{
	{regexp.MustCompile(`unknown table '([^']+)'`), "outside", "unknown table (outside the catalog)"},
	{regexp.MustCompile(`unknown function '([^']+)'`), "", "unknown function"},
	{regexp.MustCompile(`no watchlist '([^']+)' is bound`), "outside", "watchlist (host hook)"},
	{regexp.MustCompile(`externaldata`), "outside", "externaldata (host hook)"},
	{regexp.MustCompile(`geo_info_from_ip_address`), "outside", "geo_info_from_ip_address (host hook)"},
	{regexp.MustCompile(`operator '([^']+)' is not supported`), "fail", "unsupported operator"},
	{regexp.MustCompile(`plugin '([^']+)' is not supported`), "fail", "unsupported plugin"},
	{regexp.MustCompile(`unknown column`), "fail", "unknown column"},
	{regexp.MustCompile(`^[^:]*:\d+:\d+: (syntax error|expected|unexpected)`), "fail", "parse error"},
}

// builtinLike reports whether a function name looks like a Kusto built-in
// (lower case with underscores) rather than a workspace function.
var builtinLike = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func classify(path string, err error) outcome {
	if err == nil {
		return outcome{path: path, kind: "ok"}
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	for _, p := range reasonPatterns {
		m := p.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		key, kind := p.key, p.kind
		if len(m) > 1 {
			key += " '" + m[1] + "'"
		}
		if kind == "" { // unknown function: built-in gap or workspace function
			kind = "outside"
			if builtinLike.MatchString(m[1]) {
				kind = "fail"
			}
		}
		return outcome{path: path, kind: kind, reason: key, message: msg}
	}
	return outcome{path: path, kind: "fail", reason: "other: " + msg, message: msg}
}

func runRule(env *kql.Env, path string) outcome {
	text, err := os.ReadFile(path)
	if err != nil {
		return outcome{path: path, kind: "fail", reason: "read: " + err.Error()}
	}
	src, err := yamlsrc.Query(filepath.Base(path), text)
	if err != nil {
		return outcome{path: path, kind: "skip", reason: "no query"}
	}
	q, err := env.CompileSource(src)
	if err != nil {
		return classify(path, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = q.Run(ctx, kql.WithNow(time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)))
	if err != nil {
		o := classify(path, fmt.Errorf("run: %w", err))
		if q.Late() && strings.Contains(o.message, "unknown column") {
			// bag_unpack or pivot made no column from the empty tables:
			// Kusto fails the same way without data
			o.kind, o.reason = "data", "columns that bag_unpack/pivot make from data (none in empty tables)"
		}
		return o
	}
	return outcome{path: path, kind: "ok"}
}

func TestCorpusRunCoverage(t *testing.T) {
	corpus := sharedCorpus()
	if corpus == "" {
		t.Skip("../shared/corpus is not present")
	}
	var paths []string
	root := filepath.Join(corpus, "sentinel-rules")
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	// externaldata and geo_info_from_ip_address are given hooks with no
	// data, as a host would provide them, so that the rest of such rules is
	// checked too
	env, err := kql.NewEnv(
		kql.WithExternalDataFunc(func(uri string, s data.Schema, _ map[string]string) (*data.Table, error) {
			return data.EmptyTable("", s), nil
		}),
		kql.WithGeoIP(func(string) (kql.GeoInfo, bool) { return kql.GeoInfo{}, false }),
	)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	tally := map[string]int{}
	var fails []outcome
	for _, p := range paths {
		o := runRule(env, p)
		counts[o.kind]++
		if o.kind == "ok" || o.kind == "skip" {
			continue
		}
		tally[o.kind+": "+o.reason]++
		if o.kind == "fail" {
			fails = append(fails, o)
			if strings.Contains(o.message, "internal error") {
				t.Errorf("%s: %s", p, o.message)
			}
		}
	}
	inScope := counts["ok"] + counts["fail"]
	share := float64(counts["ok"]) / float64(max(1, inScope))
	summary := coverageSummary(counts, tally, share)
	t.Log("\n" + summary)
	for _, o := range fails {
		rel, _ := filepath.Rel(corpus, o.path)
		t.Logf("fails: %s: %s", rel, o.message)
	}
	if *update {
		dir := filepath.Join("..", "testdata", "corpus")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "run_coverage.txt"), []byte(summary), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if share < minRunShare {
		t.Logf("run share %.1f%% is below the %.0f%% target", 100*share, 100*minRunShare)
	}
}

func coverageSummary(counts, tally map[string]int, share float64) string {
	var b strings.Builder
	b.WriteString("# corpus run coverage: sentinel-rules compiled with the catalog and run over empty tables\n")
	b.WriteString("# (go test ./kql -run CorpusRunCoverage -v; -update rewrites this file)\n")
	total := counts["ok"] + counts["fail"] + counts["outside"] + counts["data"]
	fmt.Fprintf(&b, "rules: %d (without a query: %d)\n", total, counts["skip"])
	fmt.Fprintf(&b, "need a table, function or host data outside the catalog: %d\n", counts["outside"])
	fmt.Fprintf(&b, "need real data (columns made by bag_unpack/pivot, absent from empty tables): %d\n", counts["data"])
	fmt.Fprintf(&b, "run: %d of %d in scope (%.1f%%)\n", counts["ok"], counts["ok"]+counts["fail"], 100*share)
	keys := make([]string, 0, len(tally))
	for k := range tally {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if tally[keys[i]] != tally[keys[j]] {
			return tally[keys[i]] > tally[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "%5d  %s\n", tally[k], k)
	}
	return b.String()
}
