package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// openColumn marks a schema the checker cannot know in full: the rows of a
// table the environment does not know, or the output of an operator that
// cannot be compiled yet. It appears only once such an error has been
// recorded, so only when all errors are collected (Env.AllErrors). A name
// that an open schema does not list is not reported again, so that one
// unknown table does not also give an error for every column read from it.
var openColumn = data.ColumnDef{Name: "*", Type: data.Unknown}

// Open returns a copy of s marked as open, for a table whose columns vary
// (AzureDiagnostics): Check accepts names such a schema does not list, as
// of unknown type. Compile does not; it reports them.
func Open(s data.Schema) data.Schema { return openSchema(s) }

// openSchema returns s marked as open.
func openSchema(s data.Schema) data.Schema {
	if IsOpen(s) {
		return s
	}
	return append(append(data.Schema(nil), s...), openColumn)
}

// IsOpen reports whether a schema (from Check) may hold columns the checker
// could not know, because an unknown table or an operator that could not
// be compiled feeds it. Its column of type data.Unknown named "*" is the
// mark; the other columns are known.
func IsOpen(s data.Schema) bool {
	for _, c := range s {
		if c.Type == data.Unknown && len(c.Name) > 0 && c.Name[0] == '*' {
			return true
		}
	}
	return false
}

// unknownTypes returns the columns of s with their types unknown: an
// operator that could not be compiled may have changed them.
func unknownTypes(s data.Schema) data.Schema {
	out := make(data.Schema, len(s))
	for i, c := range s {
		out[i] = data.ColumnDef{Name: c.Name, Type: data.Unknown}
	}
	return out
}

// unknownOutputs reports whether an expression that failed to compile may
// have made columns under other names than the one it was given: an
// unnamed call (series_stats(x) makes series_stats_x_min, …) or several
// names at once ((a, b) = f(x)).
func unknownOutputs(exprs []ast.Expr, compiled []*cexpr) bool {
	for i, e := range exprs {
		if i >= len(compiled) || compiled[i].typ != data.Unknown {
			continue
		}
		a, named := e.(*ast.AssignExpr)
		if !named || len(a.Names) > 1 {
			return true
		}
	}
	return false
}

// openStage stands for an operator that could not be compiled: its output
// is its input, opened.
type openStage struct{ s data.Schema }

func (s *openStage) outSchema() data.Schema { return s.s }

// rowOpen reports whether names missing from the rows of row should go
// unreported: only when collecting all errors, for linters.
func (c *compiler) rowOpen(row *rowCtx) bool {
	return c.env.AllErrors && row != nil && IsOpen(row.schema)
}

// declaredSchema is the schema a column list declares (externaldata's);
// it is open when a type cannot be read.
func declaredSchema(cols []*ast.ColumnDecl) data.Schema {
	var s data.Schema
	for _, col := range cols {
		if col == nil || col.Name == nil || col.Type == nil {
			return openSchema(s)
		}
		t, ok := data.ParseType(col.Type.Name)
		if !ok {
			return openSchema(s)
		}
		s = append(s, data.ColumnDef{Name: col.Name.Name, Type: t})
	}
	return s
}
