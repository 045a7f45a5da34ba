package rule

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// boundTable is a table bound for a rule. The query window is applied by
// the engine (kql.WithTimeWindow) without copying the table; a table whose
// TimeGenerated is not a datetime is seen whole, with a warning.
type boundTable struct {
	t    *data.Table
	warn string
}

// bind checks a table's TimeGenerated column.
func bind(t *data.Table) *boundTable {
	bt := &boundTable{t: t}
	if i := t.Schema.Index("TimeGenerated"); i >= 0 && t.Schema[i].Type != data.DateTime {
		bt.warn = fmt.Sprintf("table '%s': TimeGenerated is %s, not datetime; the query period does not apply to it",
			t.Name, t.Schema[i].Type)
	}
	return bt
}
