package kql_test

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/internal/benchdata"
	"github.com/kqlkit/kqlkit/kql"
	"github.com/kqlkit/kqlkit/tableio"
)

// headlineQuery is the query of the headline rule
// (examples/aad-provisioning-failure-burst).
const headlineQuery = `AADProvisioningLogs
| where TimeGenerated > ago(1h)
| where ResultType =~ "Failure"
| extend SPName = tostring(parse_json(ServicePrincipal).Name)
| extend Source = tostring(parse_json(SourceIdentity).IdentityType)
| extend Target = tostring(parse_json(TargetIdentity).IdentityType)
| summarize
    Failures        = count(),
    AffectedTargets = dcount(TargetIdentity),
    ErrorCodes      = make_set(ResultSignature, 10),
    ErrorMessages   = make_set(ResultDescription, 10),
    Operations      = make_set(OperationName, 10),
    FirstSeen       = min(TimeGenerated),
    LastSeen        = max(TimeGenerated)
  by JobId, SPName, Source, Target
| where Failures >= 30
| order by Failures desc`

var (
	benchOnce  sync.Once
	benchTable *data.Table
)

// headlineTable returns 1M rows of AADProvisioningLogs: the file named by
// KQLKIT_BENCH_JSONL when set (for example the anchor benchmark's
// aad_1000000.jsonl), else generated rows.
func headlineTable(b *testing.B) *data.Table {
	benchOnce.Do(func() {
		s, _ := catalog.Lookup("AADProvisioningLogs")
		if path := os.Getenv("KQLKIT_BENCH_JSONL"); path != "" {
			t, err := tableio.ReadFile(path, tableio.ReadOptions{Name: "AADProvisioningLogs", Schema: s})
			if err != nil {
				b.Fatal(err)
			}
			benchTable = t
			return
		}
		benchTable = benchdata.Table(1_000_000, 42, s)
	})
	return benchTable
}

func benchmarkHeadline(b *testing.B, workers int) {
	t := headlineTable(b)
	env, err := kql.NewEnv()
	if err != nil {
		b.Fatal(err)
	}
	q, err := env.Compile("", headlineQuery)
	if err != nil {
		b.Fatal(err)
	}
	now, _ := time.Parse(time.RFC3339, benchdata.Now)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := q.Run(context.Background(), kql.WithData(t), kql.WithNow(now), kql.WithWorkers(workers))
		if err != nil {
			b.Fatal(err)
		}
		if res.Primary().Rows() == 0 {
			b.Fatal("the headline rule found no groups")
		}
	}
	b.ReportMetric(float64(t.Rows())*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mrows/s")
}

// BenchmarkHeadline1M runs the headline rule over 1M rows in memory, on one
// goroutine and on two.
func BenchmarkHeadline1M(b *testing.B) {
	b.Run("workers=1", func(b *testing.B) { benchmarkHeadline(b, 1) })
	b.Run("workers=2", func(b *testing.B) { benchmarkHeadline(b, 2) })
}
