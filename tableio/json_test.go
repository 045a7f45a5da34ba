package tableio

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func readJSONString(in string, opts ReadOptions) (*data.Table, error) {
	if opts.Path == "" {
		opts.Path = "t.json"
	}
	return ReadJSON(strings.NewReader(in), opts)
}

func TestReadJSON(t *testing.T) {
	runReadCases(t, readJSONString, []readCase{
		{name: "array of objects", in: "[\n {\"a\":1,\"b\":\"x\"},\n {\"a\":2}\n]\n",
			want: "(a:long, b:string)\n1 | \"x\"\n2 | \"\"\n"},
		{name: "empty array", in: " [ ] ", opts: ReadOptions{Schema: schema("a:long")}, want: "(a:long)\n"},
		{name: "objects one after another", in: "{\"a\":1}\n{\"a\":2}\n", want: "(a:long)\n1\n2\n"},
		{name: "log analytics response",
			in: `{"tables":[{"name":"PrimaryResult","columns":[{"name":"T","type":"datetime"},` +
				`{"name":"N","type":"long"},{"name":"D","type":"dynamic"},{"name":"S","type":"string"},` +
				`{"name":"R","type":"real"},{"name":"TS","type":"timespan"},{"name":"Dec","type":"decimal"}],` +
				`"rows":[["2025-06-01T12:00:00Z",37,"{\"a\":1}","x","NaN","01:00:00","1.5"],` +
				`[null,null,{"b":[2]},null,2,null,null]]}]}`,
			want: "(T:datetime, N:long, D:dynamic, S:string, R:real, TS:timespan, Dec:decimal)\n" +
				"2025-06-01T12:00:00.0000000Z | 37 | {\"a\":1} | \"x\" | NaN | 01:00:00 | 1.5\n" +
				"null | null | {\"b\":[2]} | \"\" | 2 | null | null\n"},
		{name: "response table renamed", opts: ReadOptions{Name: "X"},
			in:   `{"tables":[{"name":"PrimaryResult","columns":[{"name":"a","type":"int"}],"rows":[[1]]}]}`,
			want: "(a:int)\n1\n"},
		{name: "response with schema columns added",
			opts: ReadOptions{Schema: schema("a:string", "z:bool")},
			in:   `{"tables":[{"name":"T","columns":[{"name":"a","type":"long"}],"rows":[[1]]}]}`,
			want: "(a:long, z:bool)\n1 | null\n"},
		{name: "rows before columns",
			in:   `{"tables":[{"rows":[[1,"x"]],"name":"T","columns":[{"name":"a","type":"long"},{"name":"b","type":"string"}]}]}`,
			want: "(a:long, b:string)\n1 | \"x\"\n"},
		{name: "adx v1",
			in: `{"Tables":[{"TableName":"Table_0","Columns":[{"ColumnName":"a","DataType":"Int64","ColumnType":"long"},` +
				`{"ColumnName":"b","DataType":"SByte"},{"ColumnName":"c","DataType":"Object"}],"Rows":[[5,true,[1]]]}]}`,
			want: "(a:long, b:bool, c:dynamic)\n5 | true | [1]\n"},
		{name: "adx v2 frames",
			in: `[{"FrameType":"DataSetHeader","IsProgressive":false,"Version":"v2.0"},` +
				`{"FrameType":"DataTable","TableId":0,"TableKind":"QueryProperties","TableName":"@ExtendedProperties","Columns":[{"ColumnName":"x","ColumnType":"string"}],"Rows":[["y"]]},` +
				`{"FrameType":"DataTable","TableId":1,"TableKind":"PrimaryResult","TableName":"PrimaryResult","Columns":[{"ColumnName":"n","ColumnType":"long"}],"Rows":[[1],[2]]},` +
				`{"FrameType":"DataSetCompletion","HasErrors":false}]`,
			want: "(n:long)\n1\n2\n"},
		{name: "response projection", opts: ReadOptions{Columns: []string{"b"}},
			in:   `{"tables":[{"name":"T","columns":[{"name":"a","type":"long"},{"name":"b","type":"string"}],"rows":[[1,"x"]]}]}`,
			want: "(b:string)\n\"x\"\n"},
		{name: "column without a type is inferred",
			in:   `{"tables":[{"name":"T","columns":[{"name":"a"}],"rows":[[1],[2.5]]}]}`,
			want: "(a:real)\n1\n2.5\n"},
	})
}

func TestReadJSONErrors(t *testing.T) {
	runReadCases(t, readJSONString, []readCase{
		{name: "broken array names line and column", in: "[\n {\"a\":1},\n {\"a\":}\n]", wantErr: "t.json:3:7: unexpected '}'"},
		{name: "text after the array", in: "[{\"a\":1}] x", wantErr: "t.json:1:11: unexpected text after the JSON array"},
		{name: "array of non-objects", in: "[1,2]", wantErr: "t.json:1:2: unexpected '1', expected a JSON object"},
		{name: "row with too few values",
			in:      "{\"tables\":[{\"name\":\"T\",\"columns\":[{\"name\":\"a\",\"type\":\"long\"},{\"name\":\"b\",\"type\":\"long\"}],\n\"rows\":[[1,2],\n[3]]}]}",
			wantErr: "t.json:3:1: a row has 1 values, want 2"},
		{name: "row with too many values",
			in:      `{"tables":[{"name":"T","columns":[{"name":"a","type":"long"}],"rows":[[1,2]]}]}`,
			wantErr: "a row has more values than the 1 columns"},
		{name: "unknown column type",
			in:      `{"tables":[{"name":"T","columns":[{"name":"a","type":"blob"}],"rows":[]}]}`,
			wantErr: "column 'a' has unknown type 'blob'"},
		{name: "column without a name", in: `{"tables":[{"name":"T","columns":[{"type":"long"}]}]}`,
			wantErr: "a column has no name"},
		{name: "duplicate column", in: `{"tables":[{"name":"T","columns":[{"name":"a"},{"name":"a"}]}]}`,
			wantErr: "column 'a' appears twice"},
		{name: "no table", in: `{"tables":[]}`, wantErr: "holds no table"},
		{name: "broken response", in: `{"tables":[{"name":"T","rows":[[1,]]}]}`, wantErr: "t.json:1:35: unexpected ']', expected a value"},
	})
}

func TestReadLogAnalytics(t *testing.T) {
	in := `{"tables":[{"name":"A","columns":[{"name":"x","type":"long"}],"rows":[[1]]},` +
		`{"name":"B","columns":[{"name":"y","type":"string"}],"rows":[["u"],["v"]]}]}`
	tables, err := ReadLogAnalytics(strings.NewReader(in), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 2 || tables[0].Name != "A" || tables[1].Name != "B" || tables[1].Rows() != 2 {
		t.Fatalf("got %d tables", len(tables))
	}
	if _, err := ReadLogAnalytics(strings.NewReader(`[{"a":1}]`), ReadOptions{Path: "p"}); err == nil ||
		!strings.Contains(err.Error(), "not a query response") {
		t.Errorf("got %v, want 'not a query response'", err)
	}
}

// TestReadJSONManyChunks reads documents larger than one in-memory chunk.
func TestReadJSONManyChunks(t *testing.T) {
	const n = docChunkRows + 1000
	var arr, la strings.Builder
	arr.WriteString("[")
	la.WriteString(`{"tables":[{"name":"T","columns":[{"name":"a","type":"long"},{"name":"s","type":"string"}],"rows":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			arr.WriteString(",")
			la.WriteString(",")
		}
		fmt.Fprintf(&arr, `{"a":%d,"s":"x%d"}`, i, i%3)
		fmt.Fprintf(&la, `[%d,"x%d"]`, i, i%3)
	}
	arr.WriteString("]")
	la.WriteString("]}]}")
	for name, in := range map[string]string{"array": arr.String(), "response": la.String()} {
		tab, err := ReadJSON(strings.NewReader(in), ReadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if tab.Rows() != n || tab.Schema.String() != "(a:long, s:string)" {
			t.Fatalf("%s: got %d rows %v", name, tab.Rows(), tab.Schema)
		}
		for _, i := range []int{0, docChunkRows - 1, docChunkRows, n - 1} {
			a, s := tab.Cols[0].Value(i).Int64(), tab.Cols[1].Value(i).Str()
			if a != int64(i) || s != fmt.Sprintf("x%d", i%3) {
				t.Errorf("%s: row %d: got %d %q", name, i, a, s)
			}
		}
		if _, ok := tab.Cols[1].(*data.DictCol); !ok {
			t.Errorf("%s: got %T, want a dictionary", name, tab.Cols[1])
		}
	}
}
