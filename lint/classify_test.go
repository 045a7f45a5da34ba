package lint

import (
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/tableio"
)

// TestQueryCodes compiles one query per kind of checker message and
// checks the code, severity and position the linter gives it. It guards
// the classification against changes in the checker's wording.
func TestQueryCodes(t *testing.T) {
	l, err := New(Disable("BP*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, query string
		code        string
		sev         diag.Severity
		pos         string // line:col
		msg         string // a part of the message
	}{
		{"syntax", "SigninLogs | where", CodeSyntax, diag.Error, "1:19", ""},
		{"misspelt table", "SigninLog | take 1", CodeUnknownTable, diag.Error, "1:1", "did you mean 'SigninLogs'"},
		{"custom table", "Custom_CL | where X > 1", CodeOutsideCatalog, diag.Warning, "1:1", "'Custom_CL'"},
		{"parser", "imDns | where X > 1", CodeOutsideCatalog, diag.Warning, "1:1", "parser"},
		{"parser call", "imDns(starttime=ago(1h)) | where X > 1", CodeOutsideCatalog, diag.Warning, "1:1", "'imDns'"},
		{"column", "SigninLogs | where ResultTyp == \"0\"", CodeUnknownColumn, diag.Error, "1:20", "did you mean 'ResultType'"},
		{"name", "print x = y", CodeUnknownColumn, diag.Error, "1:11", "'y'"},
		{"function", "print tolowr('A')", CodeUnknownFunc, diag.Error, "1:7", "did you mean 'tolower'"},
		{"kusto function", "print x = series_fft(dynamic([1,2]))", CodeUnsupported, diag.Info, "1:11", "series_fft"},
		{"arity", "print strlen('a', 'b')", CodeBadCall, diag.Error, "1:7", "strlen"},
		{"argument type", "print ago('1d')", CodeBadCall, diag.Error, "1:7", "ago"},
		{"type", "SigninLogs | where TimeGenerated > 5", CodeTypeMismatch, diag.Error, "1:34", ""},
		{"equality", "SigninLogs | where ResultType == 0", CodeMixedEquality, diag.Warning, "1:31", "string with a long"},
		{"operator", "SigninLogs | scan with (step s: true;)", CodeUnsupported, diag.Info, "1:14", "'scan'"},
		{"plugin", "SigninLogs | evaluate autocluster()", CodeUnsupported, diag.Info, "1:23", "plugin 'autocluster'"},
		{"host data", "_GetWatchlist('vips')", CodeOutsideCatalog, diag.Warning, "1:1", "host hook"},
		{"fuzzy leg", "union isfuzzy=true (SigninLogs | project Foo), (AuditLogs | take 1)",
			CodeUnknownColumn, diag.Warning, "1:42", "fuzzy union"},
		{"table as scalar", "let t = SigninLogs | take 1; print x = t", CodeCheck, diag.Error, "1:40", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list := l.Query("q.kql", tc.query)
			if len(list) == 0 {
				t.Fatalf("got no diagnostics, want %s", tc.code)
			}
			d := list[0]
			pos := strings.TrimPrefix(strings.SplitN(d.Header(), ": ", 2)[0], "q.kql:")
			if d.Code != tc.code || d.Severity != tc.sev || pos != tc.pos || !strings.Contains(d.Message, tc.msg) {
				t.Errorf("got %s %s %s %q, want %s %s %s …%s…", pos, d.Severity, d.Code, d.Message,
					tc.pos, tc.sev, tc.code, tc.msg)
			}
		})
	}
}

// TestNoCascade checks that a table outside the catalog, or an operator
// kqlkit cannot run, is reported without an error for the columns that
// follow.
func TestNoCascade(t *testing.T) {
	l, err := New(Disable("BP*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"Custom_CL | where A > 1 | extend B = A * 2 | summarize count() by B, C | project C, count_",
		"let T = Custom_CL | where A > 1; T | join (SigninLogs) on $left.A == $right.UserPrincipalName | project A, UserId",
		"SigninLogs | evaluate autocluster() | where SegmentId > 1 | project SegmentId, Count",
		"SigninLogs | evaluate autocluster() | union (AuditLogs | project Foo = 1) | where Foo > SegmentId",
		"imDns(starttime=ago(1h)) | summarize n = count() by SrcIpAddr | where n > 10",
	} {
		list := l.Query("q.kql", q)
		if len(list) == 0 || HasErrors(list) {
			t.Errorf("%s: got %v, want a warning or info and no error", q, headers(list))
		}
	}
}

// TestClosedAfterSummarize checks that columns are checked again once a
// summarize or project has defined them, even downstream of a table
// outside the catalog.
func TestClosedAfterSummarize(t *testing.T) {
	l, err := New(Disable("BP*"))
	if err != nil {
		t.Fatal(err)
	}
	list := l.Query("q.kql", "Custom_CL | summarize n = count() by Host | where m > 1")
	if len(list) != 2 || list[1].Code != CodeUnknownColumn {
		t.Errorf("got %v, want the custom table and the unknown column 'm'", headers(list))
	}
}

// TestDeclaredSchema checks that a table declared with WithSchemas is
// checked like a catalog table.
func TestDeclaredSchema(t *testing.T) {
	s, err := parseSchemaText(".create table MyApp_CL (TimeGenerated:datetime, User:string)")
	if err != nil {
		t.Fatal(err)
	}
	l, err := New(WithSchemas(s), Disable("BP*"))
	if err != nil {
		t.Fatal(err)
	}
	list := l.Query("q.kql", "MyApp_CL | where Usr == 'x'")
	if len(list) != 1 || list[0].Code != CodeUnknownColumn || !strings.Contains(list[0].Message, "'User'") {
		t.Errorf("got %v, want unknown column 'Usr' (did you mean 'User'?)", headers(list))
	}
}

func headers(list diag.List) []string {
	var out []string
	for _, d := range list {
		out = append(out, d.Header()+" ["+d.Code+" "+d.Severity.String()+"]")
	}
	return out
}

// parseSchemaText reads schemas written as Kusto commands.
func parseSchemaText(text string) (map[string]data.Schema, error) {
	return tableio.ParseSchemas([]byte(text), "schema.kql")
}
