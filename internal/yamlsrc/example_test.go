package yamlsrc_test

import (
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/internal/yamlsrc"
)

const rule = `id: 1
name: Example rule
query: |
  SigninLogs
  | where ResultTyp != 0
severity: Low # stays as it is
`

func ExampleQuery() {
	src, err := yamlsrc.Query("rule.yaml", []byte(rule))
	if err != nil {
		fmt.Println(err)
		return
	}
	off := strings.Index(src.Text, "ResultTyp")
	fmt.Println(src.Errorf(ast.Pos{Offset: off}, "unknown column 'ResultTyp'"))
	// Output:
	// rule.yaml:5:11: unknown column 'ResultTyp'
	//  |   | where ResultTyp != 0
	//  | ..........^
}

func ExampleReplaceQuery() {
	out, err := yamlsrc.ReplaceQuery([]byte(rule), "SigninLogs\n  | where ResultType != 0\n")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// id: 1
	// name: Example rule
	// query: |
	//   SigninLogs
	//     | where ResultType != 0
	// severity: Low # stays as it is
}
