package tableio

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// dump prints a table deterministically: its schema, then one line per row
// with strings quoted, dynamic values as JSON and nulls as "null".
func dump(t *data.Table) string {
	var b strings.Builder
	b.WriteString(t.Schema.String())
	b.WriteByte('\n')
	for i := 0; i < t.Rows(); i++ {
		for j, c := range t.Cols {
			if j > 0 {
				b.WriteString(" | ")
			}
			v := c.Value(i)
			switch {
			case v.Type() == data.String:
				fmt.Fprintf(&b, "%q", v.Str())
			case v.Type() == data.Dynamic:
				b.WriteString(v.Dyn().String())
			case v.IsNull():
				b.WriteString("null")
			default:
				b.WriteString(v.String())
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

type readCase struct {
	name    string
	in      string
	opts    ReadOptions
	want    string // dump of the table
	wantErr string // substring of the error
}

func runReadCases(t *testing.T, read func(string, ReadOptions) (*data.Table, error), cases []readCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := read(tc.in, tc.opts)
			if tc.wantErr != "" {
				if err == nil {
					t.Fatalf("got no error, want %q\n%s", tc.wantErr, dump(got))
				}
				if !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got error %q, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v", err)
			}
			if d := dump(got); d != tc.want {
				t.Errorf("got\n%s\nwant\n%s", d, tc.want)
			}
		})
	}
}

func readJSONL(in string, opts ReadOptions) (*data.Table, error) {
	if opts.Path == "" {
		opts.Path = "t.jsonl"
	}
	return ReadJSONLines(strings.NewReader(in), opts)
}

func schema(spec ...string) data.Schema {
	var s data.Schema
	for _, c := range spec {
		name, typ, _ := strings.Cut(c, ":")
		tt, ok := data.ParseType(typ)
		if !ok {
			panic(typ)
		}
		s = append(s, data.ColumnDef{Name: name, Type: tt})
	}
	return s
}

func TestReadJSONLinesInference(t *testing.T) {
	runReadCases(t, readJSONL, []readCase{
		{name: "scalars", in: `{"a":1,"b":1.5,"c":true,"d":"x","e":{"k":[1,2]},"f":[]}` + "\n",
			want: "(a:long, b:real, c:bool, d:string, e:dynamic, f:dynamic)\n" +
				`1 | 1.5 | true | "x" | {"k":[1,2]} | []` + "\n"},
		{name: "long and real give real", in: "{\"a\":1}\n{\"a\":2.5}\n",
			want: "(a:real)\n1\n2.5\n"},
		{name: "huge integer is real", in: `{"a":99999999999999999999}`,
			want: "(a:real)\n1E+20\n"},
		{name: "min int64 stays long", in: `{"a":-9223372036854775808}`,
			want: "(a:long)\n-9223372036854775808\n"},
		{name: "mixed kinds give dynamic", in: "{\"a\":1}\n{\"a\":\"x\"}\n{\"a\":null}\n",
			want: "(a:dynamic)\n1\n\"x\"\nnull\n"},
		{name: "all null is dynamic", in: "{\"a\":null}\n{\"a\":null}\n",
			want: "(a:dynamic)\nnull\nnull\n"},
		{name: "iso datetimes", in: "{\"t\":\"2025-06-01T12:00:00Z\"}\n{\"t\":\"\"}\n{\"t\":\"2025-06-02\"}\n",
			want: "(t:datetime)\n2025-06-01T12:00:00.0000000Z\nnull\n2025-06-02T00:00:00.0000000Z\n"},
		{name: "not all datetimes stay string", in: "{\"t\":\"2025-06-01\"}\n{\"t\":\"tomorrow\"}\n",
			want: "(t:string)\n\"2025-06-01\"\n\"tomorrow\"\n"},
		{name: "missing columns are null, new ones appended",
			in:   "{\"a\":1}\n{\"b\":\"x\"}\n{\"a\":3,\"c\":true}\n",
			want: "(a:long, b:string, c:bool)\n1 | \"\" | null\nnull | \"x\" | null\n3 | \"\" | true\n"},
		{name: "null string is empty", in: "{\"a\":\"x\"}\n{\"a\":null}\n",
			want: "(a:string)\n\"x\"\n\"\"\n"},
		{name: "repeated key keeps last", in: `{"a":1,"b":2,"a":3}`,
			want: "(a:long, b:long)\n3 | 2\n"},
		{name: "repeated values and escapes", opts: ReadOptions{Schema: schema("s:string")},
			in:   "{\"s\":\"a\\\\\"}\n{\"s\":\"a\\\\\"}\n{\"s\":\"a\\\\\\\"b\"}\n{\"s\":\"x\"}\n{\"s\":\"x\"}\n",
			want: "(s:string)\n\"a\\\\\"\n\"a\\\\\"\n\"a\\\\\\\"b\"\n\"x\"\n\"x\"\n"},
		{name: "empty object", in: "{}\n{}\n", want: "()\n\n\n"},
		{name: "escapes", in: `{"s":"q\"b\\s\/n\nt\tu\u00e9\ud83d\ude00"}`,
			want: "(s:string)\n\"q\\\"b\\\\s/n\\nt\\tué😀\"\n"},
		{name: "lone surrogate", in: `{"s":"a\ud800b"}`, want: "(s:string)\n\"a\uFFFDb\"\n"},
		{name: "invalid utf8", in: "{\"s\":\"a\xffb\"}", want: "(s:string)\n\"a\uFFFDb\"\n"},
		{name: "NaN and Infinity", in: "{\"r\":NaN}\n{\"r\":-Infinity}\n{\"r\":1e400}\n",
			want: "(r:real)\nNaN\n-Infinity\nInfinity\n"},
	})
}

func TestReadJSONLinesDeclared(t *testing.T) {
	s := schema("t:datetime", "n:long", "i:int", "r:real", "b:bool", "g:guid", "ts:timespan",
		"d:decimal", "dyn:dynamic", "s:string", "absent:long")
	runReadCases(t, readJSONL, []readCase{
		{name: "conversions", opts: ReadOptions{Schema: s},
			in: `{"s":"x","t":"2025-06-01 12:00","n":"42","i":7,"r":"1.5","b":"TRUE",` +
				`"g":"{0A0B0C0D-0000-0000-0000-000000000001}","ts":"1.02:03:04","d":"1.10",` +
				`"dyn":"{\"a\":[1,2]}","extra":5}`,
			want: "(t:datetime, n:long, i:int, r:real, b:bool, g:guid, ts:timespan, d:decimal, " +
				"dyn:dynamic, s:string, absent:long, extra:long)\n" +
				"2025-06-01T12:00:00.0000000Z | 42 | 7 | 1.5 | true | " +
				"0a0b0c0d-0000-0000-0000-000000000001 | 1.02:03:04 | 1.1 | {\"a\":[1,2]} | \"x\" | " +
				"null | 5\n"},
		{name: "cells that do not convert are null", opts: ReadOptions{Schema: s},
			in: `{"t":"soon","n":1.5,"i":3000000000,"r":"x","b":"yes","g":"nope","ts":5,` +
				`"d":"x","dyn":"not json","s":12}`,
			want: "(t:datetime, n:long, i:int, r:real, b:bool, g:guid, ts:timespan, d:decimal, " +
				"dyn:dynamic, s:string, absent:long)\n" +
				"null | null | null | null | null | null | null | null | \"not json\" | \"12\" | null\n"},
		{name: "numbers and bools into other types", opts: ReadOptions{Schema: s},
			in: `{"n":2.0,"i":true,"r":3,"b":0,"d":2.5,"dyn":7,"s":true,"t":5}`,
			want: "(t:datetime, n:long, i:int, r:real, b:bool, g:guid, ts:timespan, d:decimal, " +
				"dyn:dynamic, s:string, absent:long)\n" +
				"null | 2 | 1 | 3 | false | null | null | 2.5 | 7 | \"true\" | null\n"},
		{name: "objects into a string column keep their text",
			opts: ReadOptions{Schema: schema("s:string", "n:long")},
			in:   `{"s":{"a": [1, "x"]},"n":{"a":1}}`,
			want: "(s:string, n:long)\n\"{\\\"a\\\": [1, \\\"x\\\"]}\" | null\n"},
		{name: "empty dynamic text is null", opts: ReadOptions{Schema: schema("d:dynamic")},
			in: "{\"d\":\"\"}\n{\"d\":\" [1] \"}\n", want: "(d:dynamic)\nnull\n[1]\n"},
		{name: "empty input keeps the schema", opts: ReadOptions{Schema: schema("a:long", "b:string")},
			in: "", want: "(a:long, b:string)\n"},
		{name: "projection", opts: ReadOptions{Schema: schema("a:long", "b:string"), Columns: []string{"b", "c"}},
			in:   `{"a":1,"b":"x","c":true,"d":{"deep":[1,{"x":"\u0041"}]}}`,
			want: "(b:string, c:bool)\n\"x\" | true\n"},
	})
}

func TestReadJSONLinesErrors(t *testing.T) {
	runReadCases(t, readJSONL, []readCase{
		{name: "broken JSON names the line", in: "{\"a\":1}\n\n{\"a\":}\n", wantErr: "t.jsonl:3:6: unexpected '}'"},
		{name: "not an object", in: "[1,2]\n", wantErr: "t.jsonl:1:1: unexpected '[', expected a JSON object"},
		{name: "trailing text", in: "{\"a\":1} x\n", wantErr: "t.jsonl:1:9: unexpected text after the JSON object"},
		{name: "two objects on a line", in: "{\"a\":1}{\"a\":2}\n", wantErr: "t.jsonl:1:8"},
		{name: "unterminated string", in: "{\"a\":\"x\n", wantErr: "t.jsonl:1:8: unterminated string"},
		{name: "object split over lines", in: "{\"a\":\n1}\n", wantErr: "t.jsonl:1:6: unexpected end of line"},
		{name: "invalid escape", in: `{"a":"\x"}`, wantErr: "invalid escape '\\x'"},
		{name: "invalid unicode escape", in: `{"a":"\u12g4"}`, wantErr: "invalid escape"},
		{name: "leading zero", in: `{"a":012}`, wantErr: "leading zero"},
		{name: "bad literal", in: `{"a":tru}`, wantErr: "t.jsonl:1:6: unexpected 't'"},
		{name: "missing colon", in: `{"a" 1}`, wantErr: "expected ':'"},
		{name: "unquoted key", in: `{a:1}`, wantErr: "expected a quoted property name"},
		{name: "broken nested value in a skipped column", in: `{"a":[1,}`,
			opts: ReadOptions{Columns: []string{"b"}}, wantErr: "t.jsonl:1:9"},
		{name: "column counts runes", in: `{"é":"ü",x}`, wantErr: "t.jsonl:1:10"},
		{name: "an object's text is not taken for a string", opts: ReadOptions{Schema: schema("s:string")},
			in: "{\"s\":{\"a\":1}}\n{\"s\":\"{\"a\":1}\"}\n", wantErr: "t.jsonl:2:9: unexpected 'a'"},
		{name: "deep nesting", in: `{"a":` + strings.Repeat("[", 600) + strings.Repeat("]", 600) + "}",
			wantErr: "nested deeper than"},
	})
}

func TestReadJSONLinesFraming(t *testing.T) {
	runReadCases(t, readJSONL, []readCase{
		{name: "BOM", in: "\xEF\xBB\xBF{\"a\":1}\n", want: "(a:long)\n1\n"},
		{name: "CRLF", in: "{\"a\":1}\r\n{\"a\":2}\r\n", want: "(a:long)\n1\n2\n"},
		{name: "no final newline", in: "{\"a\":1}\n{\"a\":2}", want: "(a:long)\n1\n2\n"},
		{name: "blank lines", in: "\n  \n{\"a\":1}\n\t\n", want: "(a:long)\n1\n"},
		{name: "empty", in: "", want: "()\n"},
	})
}

func TestReadJSONLinesErrorType(t *testing.T) {
	_, err := readJSONL("{\"a\":1}\n{\n", ReadOptions{})
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("got %T, want *SyntaxError", err)
	}
	if se.Path != "t.jsonl" || se.Line != 2 || se.Column != 2 {
		t.Errorf("got %s:%d:%d, want t.jsonl:2:2", se.Path, se.Line, se.Column)
	}
}

// TestReadJSONLinesChunks reads the same input in many small chunks on
// several workers and in one piece, and compares.
func TestReadJSONLinesChunks(t *testing.T) {
	input := genAAD(1500, 7)
	// a column that appears late and a column whose kinds differ by chunk
	input = append(input, []byte("{\"Late\":1,\"Mixed\":\"x\"}\n")...)
	input = append([]byte("{\"Mixed\":2}\n"), input...)
	one, err := ReadJSONLines(bytes.NewReader(input), ReadOptions{Schema: aadSchema, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer func(old int) { chunkOverride = old }(chunkOverride)
	chunkOverride = 8 << 10
	many, err := ReadJSONLines(bytes.NewReader(input), ReadOptions{Schema: aadSchema, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if dump(one) != dump(many) {
		t.Error("reading in chunks changed the table")
	}
	if got, want := one.Rows(), 1502; got != want {
		t.Errorf("got %d rows, want %d", got, want)
	}
	checkRepresentation(t, many)

	// an error in a late chunk is reported with its line
	bad := append(append([]byte(nil), input...), []byte("{\"a\":\n")...)
	_, err = ReadJSONLines(bytes.NewReader(bad), ReadOptions{Workers: 3, Path: "x.jsonl"})
	if err == nil || !strings.HasPrefix(err.Error(), "x.jsonl:1503:6:") {
		t.Errorf("got %v, want an error at x.jsonl:1503:6", err)
	}
}

// checkRepresentation checks the storage rules on the AAD-like table.
func checkRepresentation(t *testing.T, tab *data.Table) {
	t.Helper()
	for _, tc := range []struct {
		col  string
		want string
	}{
		{"ResultType", "*data.DictCol"},
		{"TenantId", "*data.DictCol"},
		{"Id", "*data.Vec[string]"},
		{"TimeGenerated", "*data.Vec[int64]"},
		{"TargetSystem", "*data.ConstCol"},
		{"Mixed", "*data.Vec[github.com/kqlkit/kqlkit/data.Dyn]"},
	} {
		c := tab.Column(tc.col)
		if got := fmt.Sprintf("%T", c); got != tc.want {
			t.Errorf("column %s: got %s, want %s", tc.col, got, tc.want)
		}
		if d, ok := c.(*data.DictCol); ok && !d.Unique {
			t.Errorf("column %s: dictionary not unique", tc.col)
		}
	}
	if d, ok := tab.Column("ResultType").(*data.DictCol); ok {
		seen := map[string]bool{}
		for _, v := range data.Strings(d.Values).Vals {
			if seen[v] {
				t.Errorf("ResultType: %q twice in the dictionary", v)
			}
			seen[v] = true
		}
	}
}
