package eval_test

import (
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

const bags = `datatable(Name:string, d:dynamic)[
	'James', dynamic({"Name": "John", "Age": 20}),
	'David', dynamic({"Age": 40, "Height": 1.8}),
	'Emily', dynamic({"Name": "Jasmine", "Age": "30"})]`

func TestBagUnpack(t *testing.T) {
	runCases(t, []opCase{
		{name: "sorted, typed, mixed types dynamic",
			query: bags + ` | project d | evaluate bag_unpack(d)`,
			want: `Age:dynamic,Height:real,Name:string
20|null|John
40|1.8|
30|null|Jasmine`},
		{name: "prefix and ignored",
			query: bags + ` | evaluate bag_unpack(d, 'p_', ignoredProperties=dynamic(['Height']))`,
			want: `Name:string,p_Age:dynamic,p_Name:string
James|20|John
David|40|
Emily|30|Jasmine`},
		{name: "conflict is an error", query: bags + ` | evaluate bag_unpack(d)`,
			err: "bag_unpack: property 'Name' conflicts with column 'Name'"},
		{name: "replace_source",
			query: bags + ` | evaluate bag_unpack(d, columnsConflict='replace_source') | project Name`,
			want: `Name:string
John

Jasmine`},
		{name: "keep_source",
			query: bags + ` | evaluate bag_unpack(d, columnsConflict='keep_source') | project Name, Height`,
			want: `Name:string,Height:real
James|null
David|1.8
Emily|null`},
		{name: "declared schema",
			query: bags + ` | evaluate bag_unpack(d) : (Age:long, Name:string)`,
			want: `Age:long,Name:string
20|John
40|
30|Jasmine`},
		{name: "declared schema with input columns",
			query: bags + ` | evaluate bag_unpack(d) : (Age:long, *) | project-away Name`,
			want: `Age:long
20
40
30`},
		{name: "later operators see the columns",
			query: bags + ` | project d | evaluate bag_unpack(d) | where Age == 40 | extend h = Height * 2`,
			want: `Age:dynamic,Height:real,Name:string,h:real
40|1.8||3.6`},
		{name: "not dynamic", query: `print x=1 | evaluate bag_unpack(x)`, err: "bag_unpack needs a dynamic column"},
		{name: "unknown plugin", query: `print x=1 | evaluate autocluster()`, err: "1:22: plugin 'autocluster' is not supported"},
	})
}

func TestPivot(t *testing.T) {
	const events = `datatable(State:string, Type:string, Deaths:long)[
		"AR", "Heat", 3, "AZ", "Flood", 6, "AR", "Heat", 1, "AR", "Wind", 1]`
	runCases(t, []opCase{
		{name: "count by the other columns",
			query: events + ` | project State, Type | evaluate pivot(State)`,
			want: `Type:string,AR:long,AZ:long
Heat|2|0
Flood|0|1
Wind|1|0`},
		{name: "aggregation",
			query: events + ` | evaluate pivot(State, sum(Deaths))`,
			want: `Type:string,AR:long,AZ:long
Heat|4|0
Flood|0|6
Wind|1|0`},
		{name: "take_any leaves empty cells null",
			query: events + ` | evaluate pivot(Type, take_any(Deaths), State)`,
			want: `State:string,Heat:long,Flood:long,Wind:long
AR|3|null|1
AZ|null|6|null`},
		{name: "declared schema",
			query: events + ` | evaluate pivot(State, sum(Deaths)) : (Type:string, AR:long, CA:long)`,
			want: `Type:string,AR:long,CA:long
Heat|4|0
Flood|0|0
Wind|1|0`},
	})
}

func TestNarrow(t *testing.T) {
	runCases(t, []opCase{
		{name: "cells", query: `datatable(a:long, b:string)[1, "x", 2, "y"] | evaluate narrow()`,
			want: `Row:long,Column:string,Value:string
0|a|1
0|b|x
1|a|2
1|b|y`},
	})
}

// TestLateQuery checks that a query whose columns depend on the data
// compiles without knowing them and is checked when it runs.
func TestLateQuery(t *testing.T) {
	schema := data.Schema{{Name: "d", Type: data.Dynamic}}
	const query = `T | evaluate bag_unpack(d) | where Name == "a" | project Name, n = Age + 1`
	q, err := compileQuery(query, data.EmptyTable("T", schema))
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	if !q.Late() {
		t.Errorf("got a query that is not late")
	}
	full := tableOf(t, "T", schema, `{"Name":"a","Age":1}`, `{"Name":"b","Age":2}`)
	got, err := runQuery(query, 1, full)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if s, want := renderTable(got), "Name:string,n:long\na|2"; s != want {
		t.Errorf("got\n%s\nwant\n%s", s, want)
	}
	_, err = runQuery(query, 1, data.EmptyTable("T", schema))
	if err == nil || !strings.Contains(err.Error(), "1:36: unknown column or name 'Name'") {
		t.Errorf("got error %v, want unknown column 'Name' at 1:36", err)
	}
}

// tableOf builds a one-column dynamic table from JSON texts.
func tableOf(t *testing.T, name string, s data.Schema, rows ...string) *data.Table {
	t.Helper()
	vals := make([]data.Dyn, len(rows))
	for i, r := range rows {
		d, err := data.ParseJSON(r)
		if err != nil {
			t.Fatal(err)
		}
		vals[i] = d
	}
	tab, err := data.NewTableRows(name, s, []data.Column{data.NewVec(data.Dynamic, vals, nil)}, len(rows))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestActivityPlugins(t *testing.T) {
	const logons = `datatable(User:string, T:datetime, Ip:string)[
		'a', datetime(2020-01-01), '1', 'b', datetime(2020-01-01), '1', 'a', datetime(2020-01-02), '2',
		'c', datetime(2020-01-02), '1', 'a', datetime(2020-01-03), '1', 'a', datetime(2020-01-09), '1']`
	runCases(t, []opCase{
		{name: "activity_counts_metrics by dimension",
			query: logons + ` | evaluate activity_counts_metrics(User, T, datetime(2020-01-01), datetime(2020-01-03), 1d, Ip)`,
			want: `T:datetime,Ip:string,count:long,dcount:long,new_dcount:long,aggregated_dcount:long
2020-01-01T00:00:00.0000000Z|1|2|2|2|2
2020-01-02T00:00:00.0000000Z|1|1|1|1|3
2020-01-03T00:00:00.0000000Z|1|1|1|0|3
2020-01-02T00:00:00.0000000Z|2|1|1|1|1`},
		{name: "sliding_window_counts",
			query: logons + ` | evaluate sliding_window_counts(User, T, datetime(2020-01-01), datetime(2020-01-04), 2d, 1d)`,
			want: `T:datetime,Count:long,Dcount:long
2020-01-01T00:00:00.0000000Z|2|2
2020-01-02T00:00:00.0000000Z|4|3
2020-01-03T00:00:00.0000000Z|3|2
2020-01-04T00:00:00.0000000Z|1|1`},
		{name: "rows_near",
			query: `range x from 1 to 9 step 1 | evaluate rows_near(x == 5 or x == 9, 1, 0)`,
			want:  "x:long\n4\n5\n8\n9"},
		{name: "string step", query: logons + ` | evaluate activity_counts_metrics(User, T, datetime(2020-01-01), datetime(2020-01-03), 'week')`,
			err: "'week', 'month' or 'year' step is not supported"},
	})
}
