package rule

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/tableio"
)

// benchTable loads the bench generator's 100k-row AADProvisioningLogs
// file when it is there (../bench of the repository's parent).
func benchTable(b *testing.B) *data.Table {
	path := filepath.Join("..", "..", "bench", "data", "aad_100000.jsonl")
	if _, err := os.Stat(path); err != nil {
		b.Skip("the bench data is not available")
	}
	schema, _ := catalog.Lookup("AADProvisioningLogs")
	t, err := tableio.ReadFile(path, tableio.ReadOptions{Name: "AADProvisioningLogs", Schema: schema})
	if err != nil {
		b.Fatal(err)
	}
	return t
}

// BenchmarkEvaluate runs the example rule once over 100k rows: the window
// cut, the query and the alerts.
func BenchmarkEvaluate(b *testing.B) {
	tab := benchTable(b)
	r, err := Load(filepath.Join(exampleDir, "rule.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.Evaluate(context.Background(), WithNow(testNow), WithTables(tab)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBacktest runs the example rule every 10 minutes over 2 hours.
func BenchmarkBacktest(b *testing.B) {
	tab := benchTable(b)
	r, err := Load(filepath.Join(exampleDir, "rule.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	r.QueryFrequency = 10 * time.Minute
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.Backtest(context.Background(), testNow.Add(-2*time.Hour), testNow, WithTables(tab)); err != nil {
			b.Fatal(err)
		}
	}
}
