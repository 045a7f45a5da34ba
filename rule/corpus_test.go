package rule

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/diag"
)

// sharedDir is ../shared seen from the module root, which is this
// package's parent.
const sharedDir = "../../shared"

// TestCorpusRules loads every analytic rule of the shared corpus and
// reports how many validate. Unknown fields and spelling warnings are not
// failures; the test fails only if a rule cannot be read at all as YAML.
func TestCorpusRules(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus check is slow; run without -short")
	}
	files, _ := filepath.Glob(filepath.Join(sharedDir, "corpus", "sentinel-rules", "*", "*.yaml"))
	if len(files) == 0 {
		t.Skip("the shared corpus is not available")
	}
	var valid, warned, unreadable, ran int
	messages := map[string]int{}
	runErrors := map[string]int{}
	for _, f := range files {
		r, err := Load(f)
		if err != nil {
			unreadable++
			t.Logf("%v", err)
			continue
		}
		diags := r.Validate()
		if diags.Err() == nil {
			valid++
			if _, err := r.Evaluate(context.Background(), WithNow(testNow)); err != nil {
				runErrors[firstLine(err)]++
			} else {
				ran++
			}
		}
		if len(diags) > len(diags.Errors()) {
			warned++
		}
		for _, d := range diags {
			messages[d.Severity.String()+": "+genericMessage(d)]++
		}
	}
	t.Logf("%d rules: %d valid (%d of all with warnings), %d with errors, %d unreadable",
		len(files), valid, warned, len(files)-valid-unreadable, unreadable)
	logTop(t, messages, 15)
	t.Logf("%d of the %d valid rules compile and run over empty tables; the commonest errors:", ran, valid)
	logTop(t, runErrors, 10)
	if unreadable > 0 {
		t.Errorf("%d rules could not be read", unreadable)
	}
}

// firstLine returns the message of an error's first diagnostic without
// its position.
func firstLine(err error) string {
	if l := diagsOf(err); len(l) > 0 && l[0].Message != "" {
		return genericMessage(l[0])
	}
	return err.Error()
}

// genericMessage drops quoted values from a message so that counts group.
func genericMessage(d *diag.Diagnostic) string {
	var b strings.Builder
	inQuote := byte(0)
	for i := 0; i < len(d.Message); i++ {
		c := d.Message[i]
		switch {
		case inQuote != 0 && c == inQuote:
			inQuote = 0
			b.WriteString("…")
			b.WriteByte(c)
		case inQuote != 0:
		case c == '"' || c == '\'':
			inQuote = c
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func logTop(t *testing.T, counts map[string]int, n int) {
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range counts {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v || list[i].v == list[j].v && list[i].k < list[j].k })
	for i, e := range list {
		if i == n {
			break
		}
		t.Logf("%5d  %s", e.v, e.k)
	}
}
