package parser

import (
	"fmt"
	"os"
	"testing"

	"github.com/kqlkit/kqlkit/diag"
)

func TestDebugQuery(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip()
	}
	tree, errs := Parse(diag.NewSource("", q))
	if errs != nil {
		fmt.Println(errs.Error())
		return
	}
	fmt.Printf("%d stmts\n", len(tree.Stmts))
	for _, s := range tree.Stmts {
		fmt.Printf("%#v\n", s)
	}
}
