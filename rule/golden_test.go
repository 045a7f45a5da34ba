package rule

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/tableio"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const exampleDir = "../examples/aad-provisioning-failure-burst"

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; got:\n%s", path, got)
	}
}

func exampleTable(t *testing.T) *data.Table {
	t.Helper()
	schema, _ := catalog.Lookup("AADProvisioningLogs")
	tab, err := tableio.ReadFile(filepath.Join(exampleDir, "sample.jsonl"),
		tableio.ReadOptions{Name: "AADProvisioningLogs", Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestGoldenExampleRun(t *testing.T) {
	r, err := Load(filepath.Join(exampleDir, "rule.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ev, err := r.Evaluate(context.Background(), WithNow(testNow), WithTables(exampleTable(t)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := ev.WriteSummary(&b); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n")
	if err := tableio.Write(&b, []*data.Table{ev.AlertsTable()}, tableio.FormatJSON); err != nil {
		t.Fatal(err)
	}
	golden(t, "example_run.golden", b.Bytes())
}

func TestGoldenExampleBacktest(t *testing.T) {
	r, err := Load(filepath.Join(exampleDir, "rule.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r.QueryFrequency = 20 * time.Minute
	bt, err := r.Backtest(context.Background(), testNow.Add(-3*time.Hour), testNow, WithTables(exampleTable(t)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := bt.WriteSummary(&b); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n")
	tables := []*data.Table{bt.RunsTable(), bt.IncidentsTable()}
	if err := tableio.Write(&b, tables, tableio.FormatTable); err != nil {
		t.Fatal(err)
	}
	golden(t, "example_backtest.golden", b.Bytes())
}
