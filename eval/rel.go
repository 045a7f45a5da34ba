package eval

import "github.com/kqlkit/kqlkit/data"

// rel is a relation being processed: columns of equal physical length n and
// an optional selection of active rows. A nil column is a dead column that
// no later operator reads.
type rel struct {
	schema data.Schema
	cols   []data.Column
	n      int
	sel    []int32 // active rows in ascending order; nil means all n rows
}

// rows returns the number of active rows.
func (r *rel) rows() int {
	if r.sel != nil {
		return len(r.sel)
	}
	return r.n
}

// col returns column i over the active rows.
func (r *rel) col(i int) data.Column {
	c := r.cols[i]
	if r.sel == nil || c == nil {
		return c
	}
	return c.Gather(r.sel)
}

// compact returns an equivalent relation without a selection.
func (r *rel) compact() *rel {
	if r.sel == nil {
		return r
	}
	out := &rel{schema: r.schema, cols: make([]data.Column, len(r.cols)), n: len(r.sel)}
	for i := range r.cols {
		out.cols[i] = r.col(i)
	}
	return out
}

// slice returns rows lo..hi-1 of the active rows.
func (r *rel) slice(lo, hi int) *rel {
	if r.sel != nil {
		return &rel{schema: r.schema, cols: r.cols, n: r.n, sel: r.sel[lo:hi:hi]}
	}
	out := &rel{schema: r.schema, cols: make([]data.Column, len(r.cols)), n: hi - lo}
	for i, c := range r.cols {
		if c != nil {
			out.cols[i] = c.Slice(lo, hi)
		}
	}
	return out
}

// table converts the relation to a table (materialising the selection).
func (r *rel) table(name string) *data.Table {
	c := r.compact()
	cols := make([]data.Column, len(c.cols))
	for i, col := range c.cols {
		if col == nil {
			col = data.NullColumn(c.schema[i].Type, c.n)
		}
		cols[i] = col
	}
	t, err := data.NewTableRows(name, c.schema, cols, c.n)
	if err != nil {
		panic(err) // columns are built to match the schema
	}
	return t
}

// relOf wraps a table.
func relOf(t *data.Table) *rel {
	return &rel{schema: t.Schema, cols: t.Cols, n: t.Rows()}
}

// concatRels appends relations with the same schema.
func concatRels(schema data.Schema, parts []*rel) *rel {
	if len(parts) == 1 {
		return parts[0]
	}
	out := &rel{schema: schema, cols: make([]data.Column, len(schema))}
	for _, p := range parts {
		out.n += p.rows()
	}
	for i := range schema {
		cols := make([]data.Column, 0, len(parts))
		dead := false
		for _, p := range parts {
			c := p.col(i)
			if c == nil {
				dead = true
				break
			}
			cols = append(cols, c)
		}
		if !dead {
			out.cols[i] = data.Concat(schema[i].Type, cols)
		}
	}
	return out
}
