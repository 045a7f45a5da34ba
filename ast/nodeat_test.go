package ast_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/ast"
)

func typeNames(path []ast.Node) string {
	var names []string
	for _, n := range path {
		names = append(names, reflect.TypeOf(n).Elem().Name())
	}
	return strings.Join(names, " ")
}

func TestNodeAt(t *testing.T) {
	src := "let n = 1; // one\nT\n| where Name == 'x' and n > 0\n| project Name"
	q, errs := parse(t, "q", src)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		at   string // the text at the offset
		want string
	}{
		{"Name ==", "Query ExprStmt PipeExpr WhereOp BinaryExpr BinaryExpr Ident"},
		{"'x'", "Query ExprStmt PipeExpr WhereOp BinaryExpr BinaryExpr Literal"},
		{"== 'x'", "Query ExprStmt PipeExpr WhereOp BinaryExpr BinaryExpr"},
		{"1;", "Query LetStmt Literal"},
		{"// one", "Query Comment"},
		{"T\n", "Query ExprStmt PipeExpr Ident"},
		{"Name\x00", "Query ExprStmt PipeExpr ProjectOp Ident"},
	}
	for _, tt := range tests {
		at := strings.TrimSuffix(tt.at, "\x00")
		off := strings.Index(src, at)
		if strings.HasSuffix(tt.at, "\x00") {
			off = strings.LastIndex(src, at)
		}
		if got := typeNames(ast.NodeAt(q, off)); got != tt.want {
			t.Errorf("NodeAt(%q) = %s, want %s", tt.at, got, tt.want)
		}
	}
	if path := ast.NodeAt(q, len(src)+5); path != nil {
		t.Errorf("past the end: got %s, want nothing", typeNames(path))
	}
	if n, ok := ast.Innermost(q, strings.Index(src, "project")).(*ast.ProjectOp); !ok || n == nil {
		t.Errorf("Innermost at project: got %T, want *ast.ProjectOp", n)
	}
}
