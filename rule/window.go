package rule

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// boundTable is a table bound for a rule, with its TimeGenerated column
// read once so that each run can cut it to the query window quickly.
type boundTable struct {
	t     *data.Table
	times data.Reader[int64] // TimeGenerated ticks; zero value when absent
	has   bool
	warn  string
}

// bind prepares a table for windowing.
func bind(t *data.Table) *boundTable {
	bt := &boundTable{t: t}
	i := t.Schema.Index("TimeGenerated")
	switch {
	case i < 0:
	case t.Schema[i].Type != data.DateTime:
		bt.warn = fmt.Sprintf("table '%s': TimeGenerated is %s, not datetime; the query period does not apply to it",
			t.Name, t.Schema[i].Type)
	default:
		bt.times = data.NewReader[int64](t.Cols[i])
		bt.has = true
	}
	return bt
}

// window returns the rows whose TimeGenerated lies in (start, end], in
// their original order; rows with a null TimeGenerated are left out. A
// table without a TimeGenerated column is returned whole.
func (bt *boundTable) window(start, end int64) (*data.Table, string) {
	if !bt.has {
		return bt.t, bt.warn
	}
	n := bt.t.Rows()
	idx := make([]int32, 0, n/4)
	for i := 0; i < n; i++ {
		v, ok := bt.times.Get(i)
		if ok && v > start && v <= end {
			idx = append(idx, int32(i))
		}
	}
	if len(idx) == n {
		return bt.t, ""
	}
	cols := make([]data.Column, len(bt.t.Cols))
	for j, c := range bt.t.Cols {
		cols[j] = c.Gather(idx)
	}
	t, err := data.NewTableRows(bt.t.Name, bt.t.Schema, cols, len(idx))
	if err != nil {
		return bt.t, err.Error()
	}
	return t, ""
}
