package tableio

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleTable has a column of every type, nulls and awkward values.
func sampleTable(t *testing.T) *data.Table {
	t.Helper()
	ts, _ := data.ParseDateTime("2025-06-01T12:00:00Z")
	frac, _ := data.ParseDateTime("2025-06-01T12:00:00.1234567Z")
	g, _ := data.ParseGUID("0a0b0c0d-0000-0000-0000-000000000001")
	dec, _ := data.ParseDecimal("-12.50")
	dyn, _ := data.ParseJSON(`{"Name":"Miro \"13\"","List":[1,2.5,null,true]}`)
	cols := []data.Column{
		data.NewColumn(data.Bool, []data.Value{data.BoolValue(true), data.Null(data.Bool), data.BoolValue(false)}),
		data.NewColumn(data.Int, []data.Value{data.IntValue(-7), data.IntValue(0), data.Null(data.Int)}),
		data.NewColumn(data.Long, []data.Value{data.LongValue(math.MaxInt64), data.Null(data.Long), data.LongValue(-1)}),
		data.NewColumn(data.Real, []data.Value{data.RealValue(1.5), data.RealValue(math.NaN()), data.RealValue(math.Inf(-1))}),
		data.NewColumn(data.Decimal, []data.Value{data.DecimalValueOf(dec), data.Null(data.Decimal), data.DecimalValueOf(data.DecimalFromInt(3))}),
		data.NewColumn(data.String, []data.Value{data.StringValue("plain"), data.StringValue("a,\"b\"\nc"), data.StringValue("")}),
		data.NewColumn(data.DateTime, []data.Value{data.DateTimeValue(ts), data.DateTimeValue(frac), data.Null(data.DateTime)}),
		data.NewColumn(data.TimeSpan, []data.Value{data.TimeSpanValue(90 * data.Minute), data.TimeSpanValue(-(data.Day + data.Second + 5)), data.Null(data.TimeSpan)}),
		data.NewColumn(data.GUID, []data.Value{data.GUIDValueOf(g), data.Null(data.GUID), data.GUIDValueOf(g)}),
		data.NewColumn(data.Dynamic, []data.Value{data.DynamicValue(dyn), data.Null(data.Dynamic), data.DynamicValue(data.DynStringOf("søren"))}),
		&data.DictCol{Codes: []uint32{1, 0, 1}, Values: data.NewColumn(data.String, []data.Value{data.StringValue("Failure"), data.StringValue("Success")}), Unique: true},
		data.NullColumn(data.Long, 3),
	}
	schema := schema("B:bool", "I:int", "L:long", "R:real", "Dec:decimal", "S:string", "T:datetime",
		"TS:timespan", "G:guid", "D:dynamic", "Dict:string", "Nulls:long")
	return data.MustNewTable("PrimaryResult", schema, cols)
}

func TestWriteGolden(t *testing.T) {
	tab := sampleTable(t)
	for _, tc := range []struct {
		file string
		opts WriteOptions
	}{
		{"sample.table.txt", WriteOptions{Format: FormatTable}},
		{"sample.truncated.txt", WriteOptions{Format: FormatTable, MaxCellWidth: 8}},
		{"sample.csv", WriteOptions{Format: FormatCSV}},
		{"sample.typed.csv", WriteOptions{Format: FormatCSV, CSVTypes: true}},
		{"sample.json", WriteOptions{Format: FormatJSON}},
		{"sample.jsonl", WriteOptions{Format: FormatJSONL}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteWith(&b, []*data.Table{tab}, tc.opts); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", tc.file), b.Bytes())
		})
	}
}

// golden compares got with a file in testdata, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestJSONRoundTrip writes the JSON result format and reads it back.
func TestJSONRoundTrip(t *testing.T) {
	tab := sampleTable(t)
	var b bytes.Buffer
	if err := Write(&b, []*data.Table{tab, tab}, FormatJSON); err != nil {
		t.Fatal(err)
	}
	back, err := ReadLogAnalytics(&b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 2 {
		t.Fatalf("got %d tables, want 2", len(back))
	}
	sameTable(t, back[1], tab)
}

// TestCSVRoundTrip writes CSV with typed headers and reads it back. A
// dynamic string and a null string cannot be told from "" in CSV, so the
// sample has none of those.
func TestCSVRoundTrip(t *testing.T) {
	tab := sampleTable(t)
	var b bytes.Buffer
	if err := WriteWith(&b, []*data.Table{tab}, WriteOptions{Format: FormatCSV, CSVTypes: true}); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCSV(&b, ReadOptions{Name: "PrimaryResult"})
	if err != nil {
		t.Fatal(err)
	}
	sameTable(t, back, tab)
}

// TestJSONLRoundTrip writes JSON Lines and reads them back with the schema.
func TestJSONLRoundTrip(t *testing.T) {
	tab := sampleTable(t)
	var b bytes.Buffer
	if err := Write(&b, []*data.Table{tab}, FormatJSONL); err != nil {
		t.Fatal(err)
	}
	back, err := ReadJSONLines(&b, ReadOptions{Name: "PrimaryResult", Schema: tab.Schema})
	if err != nil {
		t.Fatal(err)
	}
	sameTable(t, back, tab)
}

func sameTable(t *testing.T, got, want *data.Table) {
	t.Helper()
	if got.Name != want.Name || got.Schema.String() != want.Schema.String() || got.Rows() != want.Rows() {
		t.Fatalf("got %s%v with %d rows, want %s%v with %d rows", got.Name, got.Schema, got.Rows(),
			want.Name, want.Schema, want.Rows())
	}
	for i := 0; i < want.Rows(); i++ {
		for j := range want.Cols {
			g, w := got.Cols[j].Value(i), want.Cols[j].Value(i)
			if !g.Equal(w) {
				t.Errorf("row %d column %s: got %v, want %v", i, want.Schema[j].Name, g, w)
			}
		}
	}
}

func TestWriteEdgeCases(t *testing.T) {
	empty := data.EmptyTable("E", schema("a:long", "b:string"))
	oneCol := data.MustNewTable("O", schema("s:string"),
		[]data.Column{data.NewColumn(data.String, []data.Value{data.StringValue(""), data.StringValue("x")})})
	bad := data.MustNewTable("U", schema("s:string"),
		[]data.Column{data.NewColumn(data.String, []data.Value{data.StringValue("a\xffb")})})
	tests := []struct {
		name   string
		tables []*data.Table
		format Format
		want   string
	}{
		{"empty json", []*data.Table{empty}, FormatJSON,
			`{"tables":[{"name":"E","columns":[{"name":"a","type":"long"},{"name":"b","type":"string"}],"rows":[]}]}` + "\n"},
		{"empty table", []*data.Table{empty}, FormatTable, "a  b\n-  -\n"},
		{"empty csv", []*data.Table{empty}, FormatCSV, "a,b\n"},
		{"no tables json", nil, FormatJSON, "{\"tables\":[]}\n"},
		{"single empty csv cell", []*data.Table{oneCol}, FormatCSV, "s\n\"\"\nx\n"},
		{"two tables", []*data.Table{oneCol, oneCol}, FormatTable, "O:\ns\n-\n\nx\n\nO:\ns\n-\n\nx\n"},
		{"invalid utf8 json", []*data.Table{bad}, FormatJSONL, "{\"s\":\"a\uFFFDb\"}\n"},
		{"invalid utf8 csv", []*data.Table{bad}, FormatCSV, "s\na\uFFFDb\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, tc.tables, tc.format); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got %q, want %q", b.String(), tc.want)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	for _, name := range []string{"table", "csv", "json", "jsonl", "JSON"} {
		f, err := ParseFormat(name)
		if err != nil || !strings.EqualFold(f.String(), name) {
			t.Errorf("ParseFormat(%q): got %v, %v", name, f, err)
		}
	}
	if f, err := ParseFormat("ndjson"); err != nil || f != FormatJSONL {
		t.Errorf("ndjson: got %v, %v", f, err)
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("xml: got no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteError(t *testing.T) {
	tab := sampleTable(t)
	for f := FormatTable; f <= FormatJSONL; f++ {
		if err := Write(failWriter{}, []*data.Table{tab}, f); err == nil {
			t.Errorf("%v: got no error from a failing writer", f)
		}
	}
}
