package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/functions"
)

// Env is what a query is compiled against. The zero value knows no tables
// and the built-in functions.
type Env struct {
	// Table returns the schema of a table the query may read. Tables are
	// bound to data when the query runs.
	Table func(name string) (data.Schema, bool)
	// Tables lists the names of the tables the query may read, for union
	// wildcards (`union Security*`); nil means none are known.
	Tables func() []string
	// Funcs is the function registry; nil means functions.Builtins().
	Funcs *functions.Registry
	// Functions are stored KQL functions (let-style definitions such as
	// ASIM parsers) callable by name, as `let` statements would define them.
	Functions map[string]*ast.FuncExpr
	// Source is the query text's source, for positions in diagnostics.
	Source *diag.Source
	// AllErrors makes Compile collect every error it can instead of
	// stopping at the first one (linters want them all).
	AllErrors bool
}

func (e *Env) funcs() *functions.Registry {
	if e.Funcs == nil {
		return functions.Builtins()
	}
	return e.Funcs
}
