package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/diag"
)

// sharedDir is ../shared seen from the module root, this package's parent.
const sharedDir = "../../shared"

// corpusErrorBudget is the share of real rules that may get an error,
// not counting names outside the catalog (KQL102 is a warning anyway).
const corpusErrorBudget = 0.05

// TestCorpusRules lints every analytic rule of the shared corpus and
// reports how many get at least one error, by code. It fails when more
// than corpusErrorBudget of the rules get one. With -v it lists every
// error, for review; KQL_LINT_CORPUS_LOG=FILE writes them to a file.
func TestCorpusRules(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus check is slow; run without -short")
	}
	files, _ := filepath.Glob(filepath.Join(sharedDir, "corpus", "sentinel-rules", "*", "*.yaml"))
	if len(files) == 0 {
		t.Skip("the shared corpus is not available")
	}
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	stats := lintCorpus(t, l, files)
	t.Logf("%d rules: %d with an error (%.1f%%), %d with a warning, %d with an info",
		len(files), stats.withError, 100*float64(stats.withError)/float64(len(files)),
		stats.withWarning, stats.withInfo)
	logCounts(t, "rules with an error, by code", stats.errorCodes)
	logCounts(t, "diagnostics, by code and severity", stats.codes)
	if path := os.Getenv("KQL_LINT_CORPUS_LOG"); path != "" {
		if err := os.WriteFile(path, []byte(strings.Join(stats.lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if rate := float64(stats.withError) / float64(len(files)); rate > corpusErrorBudget {
		t.Errorf("%.1f%% of the rules get an error; the budget is %.0f%%", 100*rate, 100*corpusErrorBudget)
	}
}

type corpusStats struct {
	withError, withWarning, withInfo int
	errorCodes, codes                map[string]int
	lines                            []string
}

func lintCorpus(t *testing.T, l *Linter, files []string) *corpusStats {
	s := &corpusStats{errorCodes: map[string]int{}, codes: map[string]int{}}
	for _, f := range files {
		list, err := l.File(f)
		if err != nil {
			t.Fatal(err)
		}
		sev := map[diag.Severity]bool{}
		codes := map[string]bool{}
		for _, d := range list {
			sev[d.Severity] = true
			s.codes[d.Code+" "+d.Severity.String()]++
			if d.Severity == diag.Error {
				codes[d.Code] = true
			}
			s.lines = append(s.lines, fmt.Sprintf("%s: %s [%s]", d.Header(), d.Severity, d.Code))
		}
		for c := range codes {
			s.errorCodes[c]++
		}
		if sev[diag.Error] {
			s.withError++
			for _, d := range list.Errors() {
				t.Logf("%s [%s]", d.Header(), d.Code)
			}
		}
		if sev[diag.Warning] {
			s.withWarning++
		}
		if sev[diag.Info] {
			s.withInfo++
		}
	}
	return s
}

var quoted = regexp.MustCompile(`'[^']*'|"[^"]*"`)

func logCounts(t *testing.T, title string, m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	t.Logf("%s:", title)
	for _, k := range keys {
		t.Logf("%6d  %s", m[k], k)
	}
}

var _ = quoted
