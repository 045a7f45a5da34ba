package tableio

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func readCSVString(in string, opts ReadOptions) (*data.Table, error) {
	if opts.Path == "" {
		opts.Path = "t.csv"
	}
	return ReadCSV(strings.NewReader(in), opts)
}

func TestReadCSV(t *testing.T) {
	runReadCases(t, readCSVString, []readCase{
		{name: "inference", in: "i,r,b,t,s,e\n1,1.5,true,2025-06-01T12:00:00Z,x,\n-2,3,False,2025-06-02,007,\n",
			want: "(i:long, r:real, b:bool, t:datetime, s:string, e:string)\n" +
				"1 | 1.5 | true | 2025-06-01T12:00:00.0000000Z | \"x\" | \"\"\n" +
				"-2 | 3 | false | 2025-06-02T00:00:00.0000000Z | \"007\" | \"\"\n"},
		{name: "empty cells are null in typed columns", in: "n,s\n1,a\n,\n",
			want: "(n:long, s:string)\n1 | \"a\"\nnull | \"\"\n"},
		{name: "header types", in: "a:long,b : datetime,c:dynamic,d:notatype\n1,2025-01-01,\"{\"\"k\"\":1}\",x\n",
			want: "(a:long, b:datetime, c:dynamic, d:notatype:string)\n" +
				"1 | 2025-01-01T00:00:00.0000000Z | {\"k\":1} | \"x\"\n"},
		{name: "header type beats the schema", in: "a:string\n1\n", opts: ReadOptions{Schema: schema("a:long")},
			want: "(a:string)\n\"1\"\n"},
		{name: "schema order, absent columns null", in: "x,b,a\n1,2,3\n",
			opts: ReadOptions{Schema: schema("a:long", "b:string", "z:bool")},
			want: "(a:long, b:string, z:bool, x:long)\n3 | \"2\" | null | 1\n"},
		{name: "quoting", in: "a,b\n\"x,\"\"y\"\"\",\"line1\nline2\"\n\"\",plain\n",
			want: "(a:string, b:string)\n\"x,\\\"y\\\"\" | \"line1\\nline2\"\n\"\" | \"plain\"\n"},
		{name: "CRLF", in: "a,b\r\n1,\"x\"\r\n2,y\r\n",
			want: "(a:long, b:string)\n1 | \"x\"\n2 | \"y\"\n"},
		{name: "CRLF inside quotes is kept", in: "a\r\n\"x\r\ny\"\r\n",
			want: "(a:string)\n\"x\\r\\ny\"\n"},
		{name: "BOM and no final newline", in: "\xEF\xBB\xBFa\n1", want: "(a:long)\n1\n"},
		{name: "blank lines skipped", in: "a\n\n1\n\r\n2\n", want: "(a:long)\n1\n2\n"},
		{name: "trailing comma is an empty field", in: "a,b\n1,\n", want: "(a:long, b:string)\n1 | \"\"\n"},
		{name: "header only", in: "a,b:long\n", want: "(a:string, b:long)\n"},
		{name: "empty file", in: "", want: "()\n"},
		{name: "empty file with a schema", in: "", opts: ReadOptions{Schema: schema("a:long")},
			want: "(a:long)\n"},
		{name: "projection", in: "a,b,c\n1,2,3\n", opts: ReadOptions{Columns: []string{"c", "a"}},
			want: "(a:long, c:long)\n1 | 3\n"},
		{name: "invalid utf8", in: "a\n\"x\xff\"\n", want: "(a:string)\n\"x\uFFFD\"\n"},
		{name: "spaces are kept", in: "a\n x \n", want: "(a:string)\n\" x \"\n"},
		{name: "numbers with spaces", in: "a\n 1\n", want: "(a:long)\n1\n"},
		{name: "NaN and infinities are real", in: "r\n1.5\nNaN\n-Infinity\n", want: "(r:real)\n1.5\nNaN\n-Infinity\n"},
		{name: "huge integer is real", in: "a\n99999999999999999999\n", want: "(a:real)\n1E+20\n"},
		{name: "repeated quoted values", in: "a,b\r\n\"x\"\"y\",1\r\n\"x\"\"y\",2\r\n\"x\"\"y\"\"z\",3\r\n\"x\"\"y\"\r\n",
			opts:    ReadOptions{Schema: schema("a:string")},
			wantErr: "t.csv:5: record has 1 fields"},
		{name: "repeated quoted values ok", in: "a,b\n\"x,\"\"y\",1\n\"x,\"\"y\",2\n\"x,\"\"y\"\"z\",3\nx,4\n\"x\"\n",
			opts:    ReadOptions{Schema: schema("a:string")},
			wantErr: "t.csv:6: record has 1 fields"},
		{name: "repeated quoted values read", in: "a,b\n\"x,\"\"y\",1\n\"x,\"\"y\",2\n\"x,\"\"y\"\"z\",3\nx,4\n\"x\",5\n\"x\"\"\",6\n",
			opts: ReadOptions{Schema: schema("a:string")},
			want: "(a:string, b:long)\n\"x,\\\"y\" | 1\n\"x,\\\"y\" | 2\n\"x,\\\"y\\\"z\" | 3\n\"x\" | 4\n\"x\" | 5\n\"x\\\"\" | 6\n"},
		{name: "empty header cell", in: "a,\n1,2\n", want: "(a:long, Column2:long)\n1 | 2\n"},
	})
}

func TestReadCSVErrors(t *testing.T) {
	runReadCases(t, readCSVString, []readCase{
		{name: "ragged row", in: "a,b\n1,2\n3\n", wantErr: "t.csv:3: record has 1 fields, the header has 2"},
		{name: "too many fields", in: "a,b\n1,2,3\n", wantErr: "t.csv:2: record has 3 fields"},
		{name: "unterminated quote", in: "a,b\n1,\"x\n2,3\n", wantErr: "t.csv:2:3: unterminated quoted field"},
		{name: "bare quote", in: "a\nx\"y\"\n", wantErr: "t.csv:2:2: quote inside an unquoted field"},
		{name: "text after quote", in: "a\n\"x\"y\n", wantErr: "t.csv:2:4: unexpected 'y' after a closing quote"},
		{name: "ragged row after a quoted newline", in: "a,b\n\"1\n2\",3\n4\n",
			wantErr: "t.csv:4: record has 1 fields"},
		{name: "duplicate header", in: "a,a\n1,2\n", wantErr: "column 'a' appears twice"},
	})
}

// TestReadCSVChunks cuts a CSV with quoted newlines and quotes into many
// chunks and compares with a single read.
func TestReadCSVChunks(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("n,s,j\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "%d,\"line %d\nnext \"\"q\"\"\",\"{\"\"k\"\":%d}\"\n", i, i%50, i)
	}
	in := b.Bytes()
	one, err := ReadCSV(bytes.NewReader(in), ReadOptions{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer func(old int) { chunkOverride = old }(chunkOverride)
	chunkOverride = 4 << 10
	many, err := ReadCSV(bytes.NewReader(in), ReadOptions{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if dump(one) != dump(many) {
		t.Error("reading in chunks changed the table")
	}
	if one.Rows() != 5000 || one.Schema.String() != "(n:long, s:string, j:string)" {
		t.Errorf("got %d rows %v", one.Rows(), one.Schema)
	}
	if _, ok := many.Column("s").(*data.DictCol); !ok {
		t.Errorf("got %T for a repetitive column, want a dictionary", many.Column("s"))
	}
	// an error far in: line numbers count the quoted newlines
	bad := append(append([]byte(nil), in...), "1,2\n"...)
	_, err = ReadCSV(bytes.NewReader(bad), ReadOptions{Workers: 2, Path: "x.csv"})
	if err == nil || !strings.HasPrefix(err.Error(), "x.csv:10002: record has 2 fields") {
		t.Errorf("got %v, want an error at x.csv:10002", err)
	}
}

func TestReadCSVBigFile(t *testing.T) {
	// a header cell that is one long quoted field spanning blocks
	long := strings.Repeat("x", 100<<10)
	in := "\"" + long + "\",b\n1,2\n"
	tab, err := readCSVString(in, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Schema[0].Name != long || tab.Rows() != 1 {
		t.Errorf("got %d rows, first name of %d bytes", tab.Rows(), len(tab.Schema[0].Name))
	}
}
