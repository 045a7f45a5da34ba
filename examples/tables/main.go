// Command tables prints the tables that a Microsoft Sentinel rule's query
// reads and the columns it refers to. It is a small demonstration of
// walking the syntax tree, the first step of most linters:
//
//	go run ./examples/tables rule.yaml
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/internal/parser"
	"github.com/kqlkit/kqlkit/internal/yamlsrc"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tables RULE.yaml")
		os.Exit(2)
	}
	if err := run(os.Stdout, os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run reads the rule at path and writes its tables and columns to w.
func run(w io.Writer, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	src, err := yamlsrc.Query(path, b)
	if err != nil {
		return err
	}
	q, errs := parser.Parse(src)
	if err := errs.Err(); err != nil {
		return err
	}
	r := collect(q)
	fmt.Fprintf(w, "tables: %s\n", list(r.tables))
	fmt.Fprintf(w, "columns read: %s\n", list(r.read))
	fmt.Fprintf(w, "columns written: %s\n", list(r.written))
	return nil
}

func list(set map[string]bool) string {
	var names []string
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// refs collects the names a query uses.
type refs struct {
	bound   map[string]bool     // names bound by let statements and parameters
	seen    map[*ast.Ident]bool // identifiers already classified
	tables  map[string]bool
	read    map[string]bool
	written map[string]bool
}

func collect(q *ast.Query) *refs {
	r := &refs{
		bound: map[string]bool{}, seen: map[*ast.Ident]bool{},
		tables: map[string]bool{}, read: map[string]bool{}, written: map[string]bool{},
	}
	// First the names the query itself binds: they are neither tables nor
	// columns.
	ast.Inspect(q, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.LetStmt:
			r.bound[n.Name.Name] = true
		case *ast.Param:
			r.bound[n.Name.Name] = true
		}
		return true
	})
	ast.Walk(r, q)
	return r
}

// table records e as a table when it is a name the query does not bind,
// or a table of another database: database("d").Name.
func (r *refs) table(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Ident:
		if !r.bound[e.Name] {
			r.tables[e.Name] = true
			r.seen[e] = true
		}
	case *ast.MemberExpr:
		if c, ok := e.X.(*ast.CallExpr); ok && c.Func != nil && c.Func.Name == "database" {
			r.tables[e.Name.Name] = true
			r.seen[e.Name] = true
		}
	}
}

// Visit classifies the identifiers of the tree. It returns nil for the
// nodes whose children it walks itself, to skip names that are not columns.
func (r *refs) Visit(n ast.Node) ast.Visitor {
	switch n := n.(type) {
	case *ast.PipeExpr:
		r.table(n.Source)
	case *ast.JoinOp:
		r.table(n.Right)
	case *ast.LookupOp:
		r.table(n.Right)
	case *ast.UnionOp:
		for _, t := range n.Tables {
			r.table(t)
		}
	case *ast.CallExpr:
		r.call(n)
		return nil
	case *ast.MemberExpr:
		// $left.Col and $right.Col name columns; x.Prop is a property
		// of the dynamic column x.
		if id, ok := n.X.(*ast.Ident); ok && (id.Name == "$left" || id.Name == "$right") {
			r.read[n.Name.Name] = true
			return nil
		}
		ast.Walk(r, n.X)
		return nil
	case *ast.AssignExpr:
		for _, name := range n.Names {
			r.written[name.Name] = true
		}
		ast.Walk(r, n.Value)
		return nil
	case *ast.LetStmt:
		ast.Walk(r, n.Value)
		return nil
	case *ast.Ident:
		if !r.seen[n] && !r.bound[n.Name] {
			r.read[n.Name] = true
		}
	case *ast.OpParam, *ast.RenderOp, *ast.AsOp, *ast.Param, *ast.TypeExpr, *ast.ColumnDecl:
		return nil
	}
	return r
}

// call walks a call's arguments (not its name); table("Name") reads a
// table.
func (r *refs) call(c *ast.CallExpr) {
	if c.Func != nil && c.Func.Name == "table" && len(c.Args) == 1 {
		if lit, ok := c.Args[0].(*ast.Literal); ok {
			r.tables[lit.Value.Str()] = true
			return
		}
	}
	for _, a := range c.Args {
		ast.Walk(r, a)
	}
}
