package data

import (
	"fmt"
	"strings"
)

// ColumnDef names and types one column of a schema.
type ColumnDef struct {
	Name string
	Type Type
}

// Schema is the ordered list of a table's columns.
type Schema []ColumnDef

// Index returns the position of the column called name, or -1. Names are
// case-sensitive, as in Kusto.
func (s Schema) Index(name string) int {
	for i, c := range s {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Names returns the column names in order.
func (s Schema) Names() []string {
	out := make([]string, len(s))
	for i, c := range s {
		out[i] = c.Name
	}
	return out
}

// String formats the schema as Kusto does: "(A:string, B:long)".
func (s Schema) String() string {
	var b strings.Builder
	b.WriteByte('(')
	for i, c := range s {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s:%s", c.Name, c.Type)
	}
	b.WriteByte(')')
	return b.String()
}

// Table is a named, immutable set of equally long columns.
type Table struct {
	Name   string
	Schema Schema
	Cols   []Column
	rows   int
}

// NewTable builds a table, checking that the columns match the schema in
// number, type and length.
func NewTable(name string, schema Schema, cols []Column) (*Table, error) {
	if len(schema) != len(cols) {
		return nil, fmt.Errorf("table %q: %d columns in the schema, %d given", name, len(schema), len(cols))
	}
	rows := 0
	for i, c := range cols {
		if c.Type() != schema[i].Type {
			return nil, fmt.Errorf("table %q: column %q is %s, the schema says %s",
				name, schema[i].Name, c.Type(), schema[i].Type)
		}
		if i == 0 {
			rows = c.Len()
		} else if c.Len() != rows {
			return nil, fmt.Errorf("table %q: column %q has %d rows, column %q has %d",
				name, schema[i].Name, c.Len(), schema[0].Name, rows)
		}
	}
	return &Table{Name: name, Schema: schema, Cols: cols, rows: rows}, nil
}

// MustNewTable is NewTable that panics on error, for tests and literals.
func MustNewTable(name string, schema Schema, cols []Column) *Table {
	t, err := NewTable(name, schema, cols)
	if err != nil {
		panic(err)
	}
	return t
}

// NewTableRows builds a table with an explicit row count, for tables
// without columns (as `print` or `range` can produce before projection).
func NewTableRows(name string, schema Schema, cols []Column, rows int) (*Table, error) {
	if len(cols) == 0 {
		return &Table{Name: name, Schema: schema, rows: rows}, nil
	}
	return NewTable(name, schema, cols)
}

// Rows returns the number of rows.
func (t *Table) Rows() int { return t.rows }

// Column returns the column called name, or nil.
func (t *Table) Column(name string) Column {
	if i := t.Schema.Index(name); i >= 0 {
		return t.Cols[i]
	}
	return nil
}

// Row returns row i boxed, for tests and printing.
func (t *Table) Row(i int) []Value {
	out := make([]Value, len(t.Cols))
	for j, c := range t.Cols {
		out[j] = c.Value(i)
	}
	return out
}

// EmptyTable returns a table with the schema and no rows.
func EmptyTable(name string, schema Schema) *Table {
	cols := make([]Column, len(schema))
	for i, c := range schema {
		cols[i] = EmptyColumn(c.Type)
	}
	return &Table{Name: name, Schema: schema, Cols: cols}
}
