package tableio_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/tableio"
)

func ExampleReadJSONLines() {
	in := `{"TimeGenerated":"2025-06-01T12:00:00Z","ResultType":"Failure","DurationMs":37}
{"TimeGenerated":"2025-06-01T12:05:00Z","ResultType":"Success"}
`
	t, err := tableio.ReadJSONLines(strings.NewReader(in), tableio.ReadOptions{Name: "Logs"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Name, t.Schema, t.Rows())
	// Output: Logs (TimeGenerated:datetime, ResultType:string, DurationMs:long) 2
}

func ExampleReadJSONLines_schema() {
	schema := data.Schema{{Name: "Count", Type: data.Int}, {Name: "Extra", Type: data.Dynamic}}
	in := `{"Count":"12","Extra":"{\"a\":[1,2]}"}`
	t, _ := tableio.ReadJSONLines(strings.NewReader(in), tableio.ReadOptions{Schema: schema})
	fmt.Println(t.Schema, t.Row(0))
	// Output: (Count:int, Extra:dynamic) [12 {"a":[1,2]}]
}

func ExampleReadJSONLines_error() {
	in := "{\"a\":1}\n{\"a\":tru}\n"
	_, err := tableio.ReadJSONLines(strings.NewReader(in), tableio.ReadOptions{Path: "logs.jsonl"})
	fmt.Println(err)
	// Output: logs.jsonl:2:6: unexpected 't', expected a value
}

func ExampleReadCSV() {
	in := "Account,Failures:long,When\nalice,3,2025-06-01\n\"bob, jr\",,2025-06-02\n"
	t, _ := tableio.ReadCSV(strings.NewReader(in), tableio.ReadOptions{})
	_ = tableio.Write(os.Stdout, []*data.Table{t}, tableio.FormatTable)
	// Output:
	// Account  Failures  When
	// -------  --------  --------------------
	// alice           3  2025-06-01T00:00:00Z
	// bob, jr            2025-06-02T00:00:00Z
}

func ExampleWrite() {
	t := data.MustNewTable("PrimaryResult",
		data.Schema{{Name: "JobId", Type: data.String}, {Name: "Failures", Type: data.Long}},
		[]data.Column{
			data.NewColumn(data.String, []data.Value{data.StringValue("job-1")}),
			data.NewColumn(data.Long, []data.Value{data.LongValue(37)}),
		})
	_ = tableio.Write(os.Stdout, []*data.Table{t}, tableio.FormatJSON)
	// Output:
	// {"tables":[{"name":"PrimaryResult","columns":[{"name":"JobId","type":"string"},{"name":"Failures","type":"long"}],"rows":[
	// ["job-1",37]
	// ]}]}
}

func ExampleParseSchemas() {
	s, _ := tableio.ParseSchemas([]byte(".create table Custom_CL (TimeGenerated:datetime, Message:string)"), "schema.kql")
	fmt.Println(s["Custom_CL"])
	// Output: (TimeGenerated:datetime, Message:string)
}
