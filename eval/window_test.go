package eval_test

import "testing"

func TestWindowFunctions(t *testing.T) {
	cases := []opCase{
		{name: "row_number after sort", query: `range a from 1 to 4 step 1 | sort by a desc | extend rn=row_number(7)`, want: `
a:long,rn:long
4|7
3|8
2|9
1|10`},
		{name: "row_number with restart", query: `datatable (Airport:string, Dep:long)["TLV", 1, "TLV", 100, "SEA", 1, "SEA", 2, "SEA", 0]
| sort by Airport asc, Dep desc | extend Rank=row_number(1, prev(Airport) != Airport)`, want: `
Airport:string,Dep:long,Rank:long
SEA|2|1
SEA|1|2
SEA|0|3
TLV|100|1
TLV|1|2`},
		{name: "prev and next", query: `range x from 1 to 4 step 1 | extend p=prev(x), p2=prev(x, 2), n=next(x), d=next(x, 1, -1)`, want: `
x:long,p:long,p2:long,n:long,d:long
1|null|null|2|2
2|1|null|3|3
3|2|1|4|4
4|3|2|null|-1`},
		{name: "prev of a string", query: `datatable(s:string)["a", "b"] | serialize | extend p=prev(s)`, want: `
s:string,p:string
a|
b|a`},
		{name: "serialize with expressions", query: `datatable (a:long)[1, 2, 3, 4, 5, 6] | where a % 2 == 0 | serialize cs=row_cumsum(a)`, want: `
a:long,cs:long
2|2
4|6
6|12`},
		{name: "cumsum with restart", query: `datatable (name:string, salary:long)["Alice", 1000, "Bob", 1000, "Alice", 2000, "Bob", 1950]
| order by name asc | extend total=row_cumsum(salary, name != prev(name)) | project name, total`, want: `
name:string,total:long
Alice|1000
Alice|3000
Bob|1000
Bob|2950`},
		{name: "rank dense and min", query: `datatable(v:long)[5, 10, 10, 20] | sort by v asc | extend d=row_rank_dense(v), m=row_rank_min(v)`, want: `
v:long,d:long,m:long
5|1|1
10|2|2
10|2|2
20|3|4`},
		{name: "window session", query: `datatable (ID:string, Timestamp:datetime) [
    "1", datetime(2024-04-11 10:00:00), "2", datetime(2024-04-11 10:18:00), "1", datetime(2024-04-11 11:00:00),
    "3", datetime(2024-04-11 11:30:00), "2", datetime(2024-04-11 13:30:00), "2", datetime(2024-04-11 10:16:00)]
| sort by ID asc, Timestamp asc
| extend S = row_window_session(Timestamp, 1h, 5m, ID != prev(ID)) | project ID, S`, want: `
ID:string,S:datetime
1|2024-04-11T10:00:00.0000000Z
1|2024-04-11T11:00:00.0000000Z
2|2024-04-11T10:16:00.0000000Z
2|2024-04-11T10:16:00.0000000Z
2|2024-04-11T13:30:00.0000000Z
3|2024-04-11T11:30:00.0000000Z`},
		{name: "where with prev", query: `range x from 1 to 5 step 1 | where prev(x) % 2 == 0`, want: "x:long\n3\n5"},
		{name: "serialized through let", query: `let T = range x from 1 to 3 step 1 | where x > 1; T | extend r = row_number()`, want: "x:long,r:long\n2|1\n3|2"},
		{name: "serialized through as", query: `range x from 1 to 2 step 1 | as T | extend r = row_number()`, want: "x:long,r:long\n1|1\n2|2"},
		{name: "in mv-apply", query: `print a=dynamic([3, 4]) | mv-apply v=a to typeof(long) on (extend r = row_number())`, want: "a:dynamic,v:long,r:long\n[3,4]|3|1\n[3,4]|4|2"},
		{name: "not serialized", query: `datatable(x:long)[1] | extend r = row_number()`, err: "function 'row_number' needs serialized rows"},
		{name: "summarize breaks it", query: `range x from 1 to 3 step 1 | summarize by x | extend p = prev(x)`, err: "needs serialized rows"},
		{name: "offset constant", query: `range x from 1 to 3 step 1 | extend p = prev(x, x)`, err: "must be a constant"},
	}
	runCases(t, cases)
}

func TestWindowOverChunks(t *testing.T) {
	for _, workers := range []int{1, 2} {
		got, err := runQuery(`range x from 1 to 140000 step 1 | extend p = prev(x), r = row_number() | where p == x - 1 and r == x | count`, workers)
		if err != nil {
			t.Fatal(err)
		}
		if s := renderTable(got); s != "Count:long\n139999" {
			t.Errorf("workers %d: got %s, want 139999 rows", workers, s)
		}
	}
}
