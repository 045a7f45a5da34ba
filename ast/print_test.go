package ast

import (
	"math"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// Helpers to build trees by hand.

func id(name string) *Ident { return &Ident{Name: name} }

func lit(v data.Value) *Literal { return &Literal{Value: v} }

func long(n int64) *Literal { return lit(data.LongValue(n)) }

func str(s string) *Literal { return lit(data.StringValue(s)) }

func bin(x Expr, op string, y Expr) *BinaryExpr { return &BinaryExpr{X: x, Op: op, Y: y} }

func call(name string, args ...Expr) *CallExpr { return &CallExpr{Func: id(name), Args: args} }

func pipe(src Expr, ops ...Operator) *PipeExpr { return &PipeExpr{Source: src, Ops: ops} }

func where(pred Expr) *WhereOp { return &WhereOp{Keyword: "where", Pred: pred} }

func assign(name string, v Expr) *AssignExpr {
	return &AssignExpr{Names: []*Ident{id(name)}, Value: v}
}

func query(stmts ...Stmt) *Query { return &Query{Stmts: stmts} }

func TestFormatValue(t *testing.T) {
	dt, _ := data.ParseDateTime("2025-06-01T12:30:00.5Z")
	day, _ := data.ParseDateTime("2025-06-01")
	g, _ := data.ParseGUID("74BE27DE-1E4E-49D9-B579-FE0B331D3642")
	dec, _ := data.ParseDecimal("-12.50")
	dyn, _ := data.ParseJSON(`{"a":[1,2.5,"x\"y"],"b":null,"c":true}`)
	tests := []struct {
		v    data.Value
		want string
	}{
		{data.StringValue("plain"), `"plain"`},
		{data.StringValue(`say "hi"`), `'say "hi"'`},
		{data.StringValue(`both ' and "`), `"both ' and \""`},
		{data.StringValue(`C:\Windows\System32`), `@"C:\Windows\System32"`},
		{data.StringValue(`\d+"x"`), `@'\d+"x"'`},
		{data.StringValue(`a'b"c\d`), `@"a'b""c\d"`},
		{data.StringValue("line\nnext\ttab\\"), `"line\nnext\ttab\\"`},
		{data.StringValue("bell\x07"), `"bell\u0007"`},
		{data.StringValue(""), `""`},
		{data.BoolValue(true), "true"},
		{data.Null(data.Bool), "bool(null)"},
		{data.LongValue(-42), "-42"},
		{data.IntValue(7), "int(7)"},
		{data.RealValue(1), "1.0"},
		{data.RealValue(-0.25), "-0.25"},
		{data.RealValue(1e21), "1e21"},
		{data.RealValue(1.5e-7), "1.5e-07"},
		{data.RealValue(123456.789), "123456.789"},
		{data.RealValue(math.NaN()), "real(nan)"},
		{data.RealValue(math.Inf(-1)), "real(-inf)"},
		{data.Null(data.Real), "real(null)"},
		{data.DecimalValueOf(dec), "decimal(-12.5)"},
		{data.DateTimeValue(dt), "datetime(2025-06-01T12:30:00.5Z)"},
		{data.DateTimeValue(day), "datetime(2025-06-01)"},
		{data.Null(data.DateTime), "datetime(null)"},
		{data.TimeSpanValue(data.Day), "1d"},
		{data.TimeSpanValue(36 * data.Hour), "36h"},
		{data.TimeSpanValue(90 * data.Minute), "90m"},
		{data.TimeSpanValue(-1500 * data.Millisecond), "-1500ms"},
		{data.TimeSpanValue(30 * data.Microsecond), "30microsecond"},
		{data.TimeSpanValue(3), "3tick"},
		{data.TimeSpanValue(0), "0s"},
		{data.GUIDValueOf(g), "guid(74be27de-1e4e-49d9-b579-fe0b331d3642)"},
		{data.DynamicValue(dyn), `dynamic({"a": [1, 2.5, "x\"y"], "b": null, "c": true})`},
		{data.DynamicValue(data.DynArrayOf([]data.Dyn{data.DynTimeSpanOf(data.Hour)})), "dynamic([1h])"},
		{data.Null(data.Dynamic), "dynamic(null)"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.v); got != tt.want {
			t.Errorf("FormatValue(%v) = %s, want %s", tt.v, got, tt.want)
		}
	}
}

func TestFormatIdent(t *testing.T) {
	tests := []struct {
		id   *Ident
		want string
	}{
		{id("Account"), "Account"},
		{id("$left"), "$left"},
		{id("_x1"), "_x1"},
		{&Ident{Name: "Account", Quoted: true}, "['Account']"},
		{id("a b"), "['a b']"},
		{id("it's"), `["it's"]`},
		{id("90th_Percentile"), "90th_Percentile"},
		{id("1d"), "['1d']"},
		{id("1e5"), "['1e5']"},
		{id("0x1F"), "['0x1F']"},
		{id("42"), "['42']"},
		{id(`a\b`), `['a\\b']`},
	}
	for _, tt := range tests {
		if got := Format(tt.id); got != tt.want {
			t.Errorf("Format(%q) = %s, want %s", tt.id.Name, got, tt.want)
		}
	}
}

func TestFormatParentheses(t *testing.T) {
	a, b, c := id("a"), id("b"), id("c")
	tests := []struct {
		e    Expr
		want string
	}{
		{bin(bin(a, "+", b), "*", c), "(a + b) * c"},
		{bin(a, "*", bin(b, "+", c)), "a * (b + c)"},
		{bin(bin(a, "-", b), "-", c), "a - b - c"},
		{bin(a, "-", bin(b, "-", c)), "a - (b - c)"},
		{bin(bin(a, "or", b), "and", c), "(a or b) and c"},
		{bin(bin(a, "and", b), "or", c), "a and b or c"},
		{bin(a, "and", bin(b, "and", c)), "a and (b and c)"},
		{bin(bin(a, "==", b), "==", c), "(a == b) == c"},
		{bin(bin(a, "+", b), "<", c), "a + b < c"},
		{bin(a, "==", bin(b, "<", c)), "a == b < c"},
		{bin(bin(a, "==", b), "<", c), "(a == b) < c"},
		{bin(bin(a, "+", b), "has", c), "a + b has c"},
		{bin(a, "<", bin(b, "has", c)), "a < b has c"},
		{bin(bin(a, "<", b), "has", c), "(a < b) has c"},
		{bin(bin(a, "=~", b), "=~", c), "(a =~ b) =~ c"},
		{bin(a, ":", str("x")), `a:"x"`},
		{bin(bin(a, ",", b), ",", c), "a, b, c"},
		{bin(a, "MATCHES  REGEX", c), "a matches regex c"},
		{&UnaryExpr{Op: "-", X: bin(a, "+", b)}, "-(a + b)"},
		{&UnaryExpr{Op: "-", X: &UnaryExpr{Op: "-", X: a}}, "-(-a)"},
		{&UnaryExpr{Op: "-", X: long(-1)}, "-(-1)"},
		{bin(a, "-", long(-1)), "a - -1"},
		{&UnaryExpr{Op: "-", X: long(1)}, "- 1"},
		{&UnaryExpr{Op: "-", X: call("f")}, "-f()"},
		{&MemberExpr{X: bin(a, "+", b), Name: id("c")}, "(a + b).c"},
		{&MemberExpr{X: a, Name: &Ident{Name: "b c", Quoted: true}}, "a.['b c']"},
		{&IndexExpr{X: call("f", a), Index: long(0)}, "f(a)[0]"},
		{&InExpr{X: bin(a, "==", b), Op: "in", List: []Expr{long(1), str("x")}}, `(a == b) in (1, "x")`},
		{&InExpr{X: a, Op: "in", List: []Expr{pipe(id("T"), &DistinctOp{Columns: []Expr{b}})}},
			"a in (T | distinct b)"},
		{&BetweenExpr{X: a, Not: true, Lo: long(1), Hi: bin(b, "+", long(2))}, "a !between (1 .. b + 2)"},
		{&ParenExpr{X: bin(a, "+", b)}, "(a + b)"},
		{call("count"), "count()"},
		{call("arg_max", id("T"), &StarExpr{}), "arg_max(T, *)"},
		{assign("x", bin(a, "or", b)), "x = a or b"},
		{&AssignExpr{Names: []*Ident{a, b}, Value: call("f")}, "(a, b) = f()"},
	}
	for _, tt := range tests {
		if got := Format(tt.e); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

func TestFormatLayout(t *testing.T) {
	longCols := make([]Expr, 12)
	for i := range longCols {
		longCols[i] = id("SomeRatherLongColumnName" + string(rune('A'+i)))
	}
	right := pipe(id("AuditLogs"),
		where(bin(id("OperationName"), "==", str("Add member to role"))),
		&ProjectOp{Exprs: []Expr{id("UserId")}})
	tests := []struct {
		name string
		n    Node
		want string
	}{
		{"statements", query(
			&LetStmt{Name: id("x"), Value: long(5)},
			&ExprStmt{X: pipe(id("T"), where(bin(id("a"), ">", id("x"))), &TakeOp{Keyword: "take", Count: long(3)})},
		), "let x = 5;\nT\n  | where a > x\n  | take 3\n"},
		{"nested pipeline", query(&ExprStmt{X: pipe(id("SigninLogs"),
			&JoinOp{Params: []*OpParam{{Name: "kind", Value: id("inner")}}, Right: right,
				On: []Expr{id("UserId")}},
			&CountOp{})}),
			"SigninLogs\n  | join kind=inner (\n      AuditLogs\n        | where OperationName == \"Add member to role\"\n" +
				"        | project UserId\n    ) on UserId\n  | count\n"},
		{"short nested pipeline", query(&ExprStmt{X: pipe(id("T"),
			&JoinOp{Right: pipe(id("U"), where(id("b"))), On: []Expr{id("k")}})}),
			"T\n  | join (U | where b) on k\n"},
		{"long project", query(&ExprStmt{X: pipe(id("T"), &ProjectOp{Exprs: longCols[:4]})}),
			"T\n  | project\n      SomeRatherLongColumnNameA,\n      SomeRatherLongColumnNameB,\n" +
				"      SomeRatherLongColumnNameC,\n      SomeRatherLongColumnNameD\n"},
		{"long where", query(&ExprStmt{X: pipe(id("T"), where(
			bin(bin(bin(longCols[0], "==", long(1)), "and", bin(longCols[1], "==", long(2))),
				"and", bin(longCols[2], "==", long(3)))))}),
			"T\n  | where SomeRatherLongColumnNameA == 1\n      and SomeRatherLongColumnNameB == 2\n" +
				"      and SomeRatherLongColumnNameC == 3\n"},
		{"long summarize", query(&ExprStmt{X: pipe(id("T"), &SummarizeOp{
			Aggs: []Expr{assign("StartTime", call("min", id("TimeGenerated"))), assign("EndTime", call("max", id("TimeGenerated")))},
			By:   longCols[:2]})}),
			"T\n  | summarize StartTime = min(TimeGenerated), EndTime = max(TimeGenerated)\n" +
				"      by SomeRatherLongColumnNameA, SomeRatherLongColumnNameB\n"},
		{"function", query(
			&LetStmt{Name: id("f"), Value: &FuncExpr{
				Params: []*Param{{Name: id("n"), Type: &TypeExpr{Name: "long"}, Default: long(1)}},
				Body:   &Block{Stmts: []Stmt{&ExprStmt{X: bin(id("n"), "+", long(1))}}}}},
			&LetStmt{Name: id("g"), Value: &FuncExpr{
				Params: []*Param{{Name: id("T"), Type: &TypeExpr{Tabular: true, Star: true}}},
				Body: &Block{Stmts: []Stmt{
					&LetStmt{Name: id("k"), Value: long(2)},
					&ExprStmt{X: pipe(id("T"), &TakeOp{Keyword: "take", Count: id("k")})}}}}},
			&ExprStmt{X: call("g", id("X"))},
		), "let f = (n:long = 1) { n + 1 };\nlet g = (T:(*)) {\n  let k = 2;\n  T\n    | take k\n};\ng(X)\n"},
		{"pipeline alone", pipe(id("T"), where(id("a")), &CountOp{}), "T\n  | where a\n  | count"},
		{"operator alone", &TakeOp{Count: long(1)}, "take 1"},
		{"datatable", &DataTableExpr{
			Columns: []*ColumnDecl{{Name: id("a"), Type: &TypeExpr{Name: "string"}}, {Name: id("b"), Type: &TypeExpr{Name: "long"}}},
			Values:  []Expr{str("x"), long(1), str("y"), long(2)}},
			`datatable(a:string, b:long)["x", 1, "y", 2]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Format(tt.n); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestFormatEveryNode(t *testing.T) {
	q := fullTree()
	out := Format(q)
	if n := strings.Count(out, ";"); n < len(q.Stmts)-1 {
		t.Errorf("got %d statement separators, want at least %d", n, len(q.Stmts)-1)
	}
	for _, s := range q.Stmts {
		if Format(s) == "" {
			t.Errorf("%T printed nothing", s)
		}
	}
}
