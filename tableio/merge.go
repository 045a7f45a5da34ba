package tableio

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/kqlkit/kqlkit/data"
)

// merge joins the chunk results of one read, in input order, into a table.
// Column order: declared columns in schema order, then the others in order
// of first appearance.
func merge(rs *readState, parts []*chunkResult) (*data.Table, error) {
	order, byName := columnOrder(rs, parts)
	rows := 0
	for _, p := range parts {
		rows += p.rows
	}
	schema := make(data.Schema, len(order))
	cols := make([]data.Column, len(order))
	mergeOne := func(i int) {
		name := order[i]
		pieces := make([]*colBuilder, len(parts))
		for k, p := range parts {
			if j, ok := byName[k][name]; ok {
				pieces[k] = p.cols[j]
				p.cols[j] = nil // let the pieces go as soon as they are merged
			}
		}
		typ := rs.declaredType(name)
		var col data.Column
		if typ == data.Unknown {
			col = mergeInferred(pieces, parts, rows, rs.csv)
		} else {
			col = mergeTyped(typ, pieces, parts, rows)
		}
		schema[i] = data.ColumnDef{Name: name, Type: col.Type()}
		cols[i] = col
	}
	if err := parallel(rs.workers(), len(order), mergeOne); err != nil {
		return nil, err
	}
	return data.NewTableRows(rs.opts.Name, schema, cols, rows)
}

// columnOrder lists the output columns and, per part, where each is.
func columnOrder(rs *readState, parts []*chunkResult) ([]string, []map[string]int) {
	var order []string
	seen := map[string]bool{}
	for _, c := range rs.declared {
		order = append(order, c.Name)
		seen[c.Name] = true
	}
	byName := make([]map[string]int, len(parts))
	for k, p := range parts {
		byName[k] = make(map[string]int, len(p.cols))
		for j, c := range p.cols {
			byName[k][c.name] = j
			if !seen[c.name] {
				seen[c.name] = true
				order = append(order, c.name)
			}
		}
	}
	return order, byName
}

// mergeTyped concatenates the pieces of a column of a declared type; a
// missing piece is all null.
func mergeTyped(typ data.Type, pieces []*colBuilder, parts []*chunkResult, rows int) data.Column {
	if allNull(pieces) {
		return data.NullColumn(typ, rows)
	}
	switch typ {
	case data.String:
		sps := make([]*strPart, len(pieces))
		for k, c := range pieces {
			if c != nil {
				sps[k] = &c.sp
			}
		}
		return mergeStrings(sps, parts, rows)
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		return concat(typ, pieces, parts, rows, func(c *colBuilder) []int64 { return c.i64 })
	case data.Real:
		return concat(typ, pieces, parts, rows, func(c *colBuilder) []float64 { return c.f64 })
	case data.Bool:
		return concat(typ, pieces, parts, rows, func(c *colBuilder) []bool { return c.bools })
	case data.GUID:
		return concat(typ, pieces, parts, rows, func(c *colBuilder) []data.GUIDValue { return c.guids })
	case data.Decimal:
		return concat(typ, pieces, parts, rows, func(c *colBuilder) []data.DecimalValue { return c.decs })
	case data.Dynamic:
		return concat(typ, pieces, parts, rows, func(c *colBuilder) []data.Dyn { return c.dyns })
	}
	return data.NullColumn(typ, rows)
}

// allNull reports whether no piece holds a non-null value.
func allNull(pieces []*colBuilder) bool {
	for _, c := range pieces {
		if c == nil {
			continue
		}
		switch c.typ {
		case data.String:
			for _, v := range c.sp.vals {
				if v != "" {
					return false
				}
			}
			for _, sp := range c.sp.spans {
				if sp.n != 0 {
					return false
				}
			}
		case data.Dynamic:
			for _, d := range c.dyns {
				if !d.IsNull() {
					return false
				}
			}
		default:
			if c.n > 0 && !allSet(c.nulls, c.n) {
				return false
			}
		}
	}
	return true
}

// allSet reports whether bits 0..n-1 are all set.
func allSet(b bits, n int) bool {
	for i := 0; i < n; i++ {
		if !b.get(i) {
			return false
		}
	}
	return true
}

// concat joins typed vectors; rows of missing pieces are null.
func concat[T data.Elem](typ data.Type, pieces []*colBuilder, parts []*chunkResult, rows int,
	vals func(*colBuilder) []T) data.Column {
	out := make([]T, rows)
	var nulls data.Bitmap
	needNulls := func() {
		if nulls == nil {
			nulls = data.NewBitmap(rows)
		}
	}
	off := 0
	for k, p := range parts {
		c := pieces[k]
		switch {
		case c == nil:
			if typ != data.Dynamic {
				needNulls()
				for i := 0; i < p.rows; i++ {
					nulls.Set(off + i)
				}
			}
		default:
			copy(out[off:], vals(c))
			if c.nulls.any && typ != data.Dynamic {
				needNulls()
				appendBits(nulls, off, c.nulls.w, p.rows)
			}
			pieces[k] = nil
		}
		off += p.rows
	}
	if nulls != nil && !nulls.Any() {
		nulls = nil
	}
	return data.NewVec(typ, out, nulls)
}

// parallel calls f(0) … f(n-1) on up to workers goroutines. A panic in f
// (a bug) is returned as an internal error rather than crashing.
func parallel(workers, n int, f func(i int)) error {
	workers = max(1, min(workers, n))
	var next atomic.Int64
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failure error
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					failure = fmt.Errorf("%w while merging columns: %v", ErrInternal, r)
					mu.Unlock()
				}
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
	return failure
}

// workers returns the number of goroutines to use.
func (rs *readState) workers() int {
	if rs.opts.Workers > 0 {
		return rs.opts.Workers
	}
	return runtime.GOMAXPROCS(0)
}
