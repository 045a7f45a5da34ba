package ast_test

import (
	"fmt"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// signInQuery builds, by hand, the tree of
//
//	let threshold = 5;
//	SigninLogs
//	| where ResultType != 0
//	| summarize Failures = count() by UserPrincipalName
//	| where Failures > threshold
func signInQuery() *ast.Query {
	id := func(name string) *ast.Ident { return &ast.Ident{Name: name} }
	num := func(n int64) *ast.Literal { return &ast.Literal{Value: data.LongValue(n)} }
	return &ast.Query{
		Stmts: []ast.Stmt{
			&ast.LetStmt{Name: id("threshold"), Value: num(5)},
			&ast.ExprStmt{X: &ast.PipeExpr{
				Source: id("SigninLogs"),
				Ops: []ast.Operator{
					&ast.WhereOp{Pred: &ast.BinaryExpr{X: id("ResultType"), Op: "!=", Y: num(0)}},
					&ast.SummarizeOp{
						Aggs: []ast.Expr{&ast.AssignExpr{
							Names: []*ast.Ident{id("Failures")},
							Value: &ast.CallExpr{Func: id("count")},
						}},
						By: []ast.Expr{id("UserPrincipalName")},
					},
					&ast.WhereOp{Pred: &ast.BinaryExpr{X: id("Failures"), Op: ">", Y: id("threshold")}},
				},
			}},
		},
	}
}

func ExampleFormat() {
	fmt.Print(ast.Format(signInQuery()))
	// Output:
	// let threshold = 5;
	// SigninLogs
	//   | where ResultType != 0
	//   | summarize Failures = count() by UserPrincipalName
	//   | where Failures > threshold
}

func ExampleInspect() {
	// List the functions a query calls and the operators it uses.
	ast.Inspect(signInQuery(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fmt.Println("calls", n.Func.Name)
		case ast.Operator:
			fmt.Println("operator", n.Name())
		}
		return true
	})
	// Output:
	// operator where
	// operator summarize
	// calls count
	// operator where
}

func ExampleDump() {
	fmt.Print(ast.Dump(&ast.BinaryExpr{
		X:  &ast.Ident{Name: "Account"},
		Op: "=~",
		Y:  &ast.Literal{Value: data.StringValue(`CONTOSO\admin`)},
	}))
	// Output:
	// BinaryExpr Op="=~"
	//   X: Ident Name="Account"
	//   Y: Literal @"CONTOSO\admin"
}

func ExampleFormatValue() {
	fmt.Println(ast.FormatValue(data.TimeSpanValue(90 * data.Minute)))
	fmt.Println(ast.FormatValue(data.StringValue(`C:\Windows`)))
	fmt.Println(ast.FormatValue(data.Null(data.Long)))
	// Output:
	// 90m
	// @"C:\Windows"
	// long(null)
}
