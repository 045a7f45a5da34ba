package tableio

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// aadSchema is the AADProvisioningLogs schema from the catalog (copied to
// keep this package free of a dependency on it).
var aadSchema = data.Schema{
	{Name: "AADTenantId", Type: data.String}, {Name: "_BilledSize", Type: data.Real},
	{Name: "Category", Type: data.String}, {Name: "ChangeId", Type: data.String},
	{Name: "CorrelationId", Type: data.String}, {Name: "CycleId", Type: data.String},
	{Name: "DurationMs", Type: data.Long}, {Name: "Id", Type: data.String},
	{Name: "InitiatedBy", Type: data.String}, {Name: "_IsBillable", Type: data.String},
	{Name: "JobId", Type: data.String}, {Name: "ModifiedProperties", Type: data.String},
	{Name: "OperationName", Type: data.String}, {Name: "OperationVersion", Type: data.String},
	{Name: "ProvisioningAction", Type: data.String},
	{Name: "ProvisioningStatusInfo", Type: data.String},
	{Name: "ProvisioningSteps", Type: data.String}, {Name: "ResultDescription", Type: data.String},
	{Name: "ResultSignature", Type: data.String}, {Name: "ResultType", Type: data.String},
	{Name: "ServicePrincipal", Type: data.String}, {Name: "SourceIdentity", Type: data.String},
	{Name: "SourceSystem", Type: data.String}, {Name: "TargetIdentity", Type: data.String},
	{Name: "TargetSystem", Type: data.String}, {Name: "TenantId", Type: data.String},
	{Name: "TimeGenerated", Type: data.DateTime}, {Name: "Type", Type: data.String},
}

// ruleColumns are the columns the headline rule reads.
var ruleColumns = []string{"TimeGenerated", "ResultType", "JobId", "ServicePrincipal",
	"SourceIdentity", "TargetIdentity", "ResultSignature", "ResultDescription", "OperationName"}

// genAAD generates n JSON Lines rows shaped like AADProvisioningLogs
// records: constant, repetitive and unique strings, JSON text in strings
// (with escapes), UTF-8 names, datetimes and numbers.
func genAAD(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	guid := func() string {
		return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", r.Uint32(), r.Uint32()&0xffff,
			r.Uint32()&0xffff, r.Uint32()&0xffff, r.Uint64()&0xffffffffffff)
	}
	jobs := make([]string, 300)
	sps := make([]string, 300)
	for i := range jobs {
		jobs[i] = fmt.Sprintf("app%d.08212b052b2843ddbad784a9ad332a78.%032x", i%30, r.Uint64())
		sps[i] = fmt.Sprintf(`{"Id":"%s","Name":"App \"%d\" søren","IdentityType":"ServicePrincipal"}`, guid(), i)
	}
	results := []string{"Success", "Failure", "Skipped", "failure", "FAILURE", "success"}
	ops := []string{"Export", "Import", "Other", "Process escrow", "Synchronization rule action"}
	var b bytes.Buffer
	put := func(k, v string) {
		b.WriteString(strconv.Quote(k))
		b.WriteByte(':')
		b.WriteString(strconv.Quote(v))
		b.WriteByte(',')
	}
	for i := 0; i < n; i++ {
		j := r.IntN(300)
		user := fmt.Sprintf("user%d@contoso.com", r.IntN(n/2+1))
		b.WriteByte('{')
		put("TenantId", "08212b05-2b28-43dd-bad7-84a9ad332a78")
		ts := int64(1748772000)*data.Second + r.Int64N(2*data.Hour)
		put("TimeGenerated", data.FormatDateTime(ts))
		put("AADTenantId", "08212b05-2b28-43dd-bad7-84a9ad332a78")
		put("Id", guid())
		put("JobId", jobs[j])
		put("CycleId", fmt.Sprintf("cycle-%d-%d", j, r.IntN(3)))
		put("ChangeId", guid())
		put("CorrelationId", guid())
		fmt.Fprintf(&b, `"DurationMs":%d,`, r.IntN(3000))
		put("InitiatedBy", `{"Id":"","Name":"Azure AD Provisioning Service","Type":"system"}`)
		put("ModifiedProperties", "[]")
		put("OperationName", ops[r.IntN(len(ops))])
		put("OperationVersion", "1.0")
		put("ProvisioningAction", ops[r.IntN(3)])
		put("ProvisioningStatusInfo", fmt.Sprintf(`{"Status":"%s"}`, results[r.IntN(3)]))
		put("ProvisioningSteps", fmt.Sprintf(`[{"Name":"Entry%s","Status":"ok","Details":{}}]`,
			ops[r.IntN(len(ops))]))
		put("ResultDescription", fmt.Sprintf("Update of '%s' in app %d succeeded.", user, j))
		put("ResultSignature", "None")
		put("ResultType", results[r.IntN(len(results))])
		put("ServicePrincipal", sps[j])
		put("SourceIdentity", fmt.Sprintf(
			`{"Id":"%s","Name":"%s","IdentityType":"User","Details":{"DisplayName":"%s"}}`,
			guid(), user, user))
		put("SourceSystem", "Azure")
		put("TargetIdentity", fmt.Sprintf(`{"Id":"%x","Name":"%s","IdentityType":"User","Details":{}}`,
			r.Uint32(), user))
		put("Category", "ProvisioningLogs")
		fmt.Fprintf(&b, `"_BilledSize":%d,`, 1500+r.IntN(500))
		put("_IsBillable", "True")
		b.WriteString(`"Type":"AADProvisioningLogs"}`)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

var (
	benchOnce  sync.Once
	benchInput []byte
)

func benchmarkRead(b *testing.B, opts ReadOptions) {
	benchOnce.Do(func() { benchInput = genAAD(20000, 42) })
	input := benchInput
	b.SetBytes(int64(len(input)))
	b.ResetTimer()
	for b.Loop() {
		t, err := ReadJSONLines(bytes.NewReader(input), opts)
		if err != nil {
			b.Fatal(err)
		}
		if t.Rows() != 20000 {
			b.Fatalf("got %d rows, want 20000", t.Rows())
		}
	}
	b.ReportMetric(float64(20000*b.N)/b.Elapsed().Seconds()/1e6, "Mrows/s")
}

// BenchmarkReadJSONLines reads 20,000 generated AADProvisioningLogs rows
// with the catalog schema, on one goroutine and on all.
func BenchmarkReadJSONLines(b *testing.B) {
	b.Run("all/w1", func(b *testing.B) { benchmarkRead(b, ReadOptions{Schema: aadSchema, Workers: 1}) })
	b.Run("all/wmax", func(b *testing.B) { benchmarkRead(b, ReadOptions{Schema: aadSchema}) })
	b.Run("rule9/w1", func(b *testing.B) {
		benchmarkRead(b, ReadOptions{Schema: aadSchema, Columns: ruleColumns, Workers: 1})
	})
	b.Run("infer/w1", func(b *testing.B) { benchmarkRead(b, ReadOptions{Workers: 1}) })
}

var (
	csvOnce  sync.Once
	csvInput []byte
)

// BenchmarkReadCSV reads the rows of BenchmarkReadJSONLines as CSV.
func BenchmarkReadCSV(b *testing.B) {
	csvOnce.Do(func() {
		t, err := ReadJSONLines(bytes.NewReader(genAAD(20000, 42)), ReadOptions{Schema: aadSchema})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, []*data.Table{t}, FormatCSV); err != nil {
			b.Fatal(err)
		}
		csvInput = buf.Bytes()
	})
	for _, w := range []int{1, 0} {
		b.Run(fmt.Sprintf("w%d", w), func(b *testing.B) {
			b.SetBytes(int64(len(csvInput)))
			for b.Loop() {
				t, err := ReadCSV(bytes.NewReader(csvInput), ReadOptions{Schema: aadSchema, Workers: w})
				if err != nil || t.Rows() != 20000 {
					b.Fatalf("got %v rows, %v", t.Rows(), err)
				}
			}
			b.ReportMetric(float64(20000*b.N)/b.Elapsed().Seconds()/1e6, "Mrows/s")
		})
	}
}

// BenchmarkWrite writes the generated rows in each format.
func BenchmarkWrite(b *testing.B) {
	t, err := ReadJSONLines(bytes.NewReader(genAAD(20000, 42)), ReadOptions{Schema: aadSchema})
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []Format{FormatJSON, FormatJSONL, FormatCSV, FormatTable} {
		b.Run(f.String(), func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, []*data.Table{t}, f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(20000*b.N)/b.Elapsed().Seconds()/1e6, "Mrows/s")
		})
	}
}
