package kql

import (
	"fmt"
	"sort"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/eval"
	"github.com/kqlkit/kqlkit/functions"
)

// Env is what queries are compiled against: table schemas, functions and
// stored KQL functions. It is immutable once built and safe to share.
type Env struct {
	tables    map[string]data.Schema
	catalog   *catalog.Catalog
	funcs     *functions.Registry
	stored    map[string]*ast.FuncExpr
	allErrors bool
}

// Option configures an Env.
type Option func(*Env) error

// NewEnv builds an environment. By default it knows the Sentinel table
// catalog and the built-in functions.
func NewEnv(opts ...Option) (*Env, error) {
	e := &Env{tables: map[string]data.Schema{}, catalog: catalog.Default(), funcs: functions.Builtins(),
		stored: map[string]*ast.FuncExpr{}}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// WithTable declares a table the queries may read. It takes precedence
// over a catalog table of the same name.
func WithTable(name string, schema data.Schema) Option {
	return func(e *Env) error {
		if name == "" {
			return fmt.Errorf("kql: a table needs a name")
		}
		seen := map[string]bool{}
		for _, c := range schema {
			if seen[c.Name] {
				return fmt.Errorf("kql: table %q declares column %q twice", name, c.Name)
			}
			seen[c.Name] = true
		}
		e.tables[name] = schema
		return nil
	}
}

// WithTables declares the schemas of tables.
func WithTables(tables ...*data.Table) Option {
	return func(e *Env) error {
		for _, t := range tables {
			if err := WithTable(t.Name, t.Schema)(e); err != nil {
				return err
			}
		}
		return nil
	}
}

// WithCatalog replaces the table catalog (nil for none).
func WithCatalog(c *catalog.Catalog) Option {
	return func(e *Env) error {
		e.catalog = c
		return nil
	}
}

// WithFunctions replaces the function registry, for programs that add
// their own Go functions (start from functions.Builtins().Clone()).
func WithFunctions(r *functions.Registry) Option {
	return func(e *Env) error {
		if r == nil {
			return fmt.Errorf("kql: nil function registry")
		}
		e.funcs = r
		return nil
	}
}

// WithStoredFunctions adds KQL functions defined in a text of let
// statements (`let f = (a:string) { ... };`), as a workspace's saved
// functions or ASIM parsers would be. name labels errors.
func WithStoredFunctions(name, text string) Option {
	return func(e *Env) error {
		q, err := Parse(name, text)
		if err != nil {
			return err
		}
		for _, st := range q.Stmts {
			let, ok := st.(*ast.LetStmt)
			if !ok {
				return fmt.Errorf("%s: only let statements may define stored functions", name)
			}
			fn, ok := let.Value.(*ast.FuncExpr)
			if !ok {
				fn = &ast.FuncExpr{Span: let.Span, Body: &ast.Block{Span: let.Span,
					Stmts: []ast.Stmt{&ast.ExprStmt{Span: let.Span, X: let.Value}}}}
			}
			e.stored[let.Name.Name] = fn
		}
		return nil
	}
}

// WithAllErrors makes Compile report every error it finds rather than the
// first one (useful for linters).
func WithAllErrors() Option {
	return func(e *Env) error {
		e.allErrors = true
		return nil
	}
}

// Schema returns the schema of a table the environment knows.
func (e *Env) Schema(table string) (data.Schema, bool) {
	if s, ok := e.tables[table]; ok {
		return s, true
	}
	if e.catalog != nil {
		return e.catalog.Lookup(table)
	}
	return nil, false
}

// TableNames returns the names of the tables the environment knows (declared
// and catalog tables), sorted.
func (e *Env) TableNames() []string {
	seen := map[string]bool{}
	var names []string
	for name := range e.tables {
		seen[name] = true
		names = append(names, name)
	}
	if e.catalog != nil {
		for _, name := range e.catalog.Names() {
			if !seen[name] {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names
}

// Compile parses and checks a query. name labels positions in errors.
func (e *Env) Compile(name, text string) (*Query, error) {
	return e.CompileSource(diag.NewSource(name, text))
}

// CompileSource parses and checks the query of src.
func (e *Env) CompileSource(src *diag.Source) (*Query, error) {
	tree, err := ParseSource(src)
	if err != nil {
		return nil, err
	}
	return e.CompileAST(tree, src)
}

// CompileAST checks a parsed query; src gives positions for errors.
func (e *Env) CompileAST(tree *ast.Query, src *diag.Source) (*Query, error) {
	env := &eval.Env{Table: e.Schema, Tables: e.TableNames, Funcs: e.funcs, Functions: e.stored,
		Source: src, AllErrors: e.allErrors}
	q, errs := eval.Compile(tree, env)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &Query{q: q, tree: tree, env: e}, nil
}
