package eval

import (
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/functions"
)

// derivedName returns the name Kusto gives an unnamed expression's column,
// or "" when it gives a positional name (Column1, print_0).
func (c *compiler) derivedName(sc *scope, e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.ParenExpr:
		return c.derivedName(sc, e.X)
	case *ast.MemberExpr:
		base := c.derivedName(sc, e.X)
		return memberName(base, e.Name.Name)
	case *ast.IndexExpr:
		base := c.derivedName(sc, e.X)
		if lit, ok := e.Index.(*ast.Literal); ok {
			return memberName(base, strings.Trim(lit.Value.String(), " "))
		}
		return ""
	case *ast.CallExpr:
		return c.callName(sc, e)
	}
	return ""
}

func (c *compiler) callName(sc *scope, e *ast.CallExpr) string {
	name := e.Func.Name
	reg := c.env.funcs()
	first := func() string {
		if len(e.Args) == 0 {
			return ""
		}
		return c.derivedName(sc, e.Args[0])
	}
	if a, ok := reg.Aggregate(name); ok {
		prefix := a.Prefix
		if prefix == "" {
			prefix = name
		}
		switch a.Naming {
		case functions.NamePrefixAndFirstArg:
			return prefix + "_" + first()
		case functions.NamePrefixOnly:
			return prefix
		case functions.NameFirstArg:
			return first()
		case functions.NameFuncAndFirstArg:
			if f := first(); f != "" {
				return name + "_" + f
			}
		}
		return ""
	}
	if f, ok := reg.Scalar(name); ok {
		prefix := f.Prefix
		if prefix == "" {
			prefix = name
		}
		switch f.Naming {
		case functions.NameFirstArg:
			return first()
		case functions.NameFuncAndFirstArg:
			if f := first(); f != "" {
				return name + "_" + f
			}
		case functions.NamePrefixAndFirstArg:
			return prefix + "_" + first()
		case functions.NamePrefixOnly:
			return prefix
		}
	}
	return ""
}

// nameSet hands out unique column names within one operator's output.
type nameSet struct {
	used    map[string]bool
	counter int
}

func newNameSet() *nameSet { return &nameSet{used: map[string]bool{}} }

// unique returns name, or name with a numeric suffix when it is taken.
func (n *nameSet) unique(name string) string {
	if !n.used[name] {
		n.used[name] = true
		return name
	}
	for i := 1; ; i++ {
		cand := fmt.Sprintf("%s%d", name, i)
		if !n.used[cand] {
			n.used[cand] = true
			return cand
		}
	}
}

// column returns the next free ColumnN name.
func (n *nameSet) column() string {
	for {
		n.counter++
		cand := fmt.Sprintf("Column%d", n.counter)
		if !n.used[cand] {
			n.used[cand] = true
			return cand
		}
	}
}
