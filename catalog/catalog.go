package catalog

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
)

//go:embed tables.json
var tablesJSON []byte

// Catalog maps table names to schemas. A Catalog is immutable: Add and
// Merge return a new catalog and leave the receiver as it was, so a catalog
// may be shared between goroutines. The zero value is an empty catalog.
type Catalog struct {
	base  *tableSet              // shared and never modified; may be nil
	extra map[string]data.Schema // tables added on top of base; copied on write
}

// tableSet is the immutable set of built-in tables.
type tableSet struct {
	m map[string]data.Schema
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
)

// Default returns the built-in catalog of documented Log Analytics and
// Sentinel tables. It is parsed on the first call.
func Default() *Catalog {
	defaultOnce.Do(func() {
		tables, err := parseTables(tablesJSON)
		if err != nil {
			// The embedded file is checked by the tests: a programmer error.
			panic("catalog: embedded tables.json: " + err.Error())
		}
		defaultCat = &Catalog{base: &tableSet{m: tables}}
	})
	return defaultCat
}

// New returns an empty catalog.
func New() *Catalog { return &Catalog{} }

// Lookup returns the schema of a table in the default catalog. Names are
// case-sensitive.
func Lookup(table string) (data.Schema, bool) { return Default().Lookup(table) }

// Names returns the table names of the default catalog, sorted.
func Names() []string { return Default().Names() }

// Suggest returns the name in the default catalog closest to name, for a
// "did you mean" hint, or "" when nothing is close.
func Suggest(name string) string { return Default().Suggest(name) }

// Lookup returns a copy of the schema of the table called table (exact,
// case-sensitive name) and whether the catalog has it.
func (c *Catalog) Lookup(table string) (data.Schema, bool) {
	if c == nil {
		return nil, false
	}
	s, ok := c.extra[table]
	if !ok {
		s, ok = c.base.get(table)
	}
	if !ok {
		return nil, false
	}
	return append(data.Schema(nil), s...), true
}

// Has reports whether the catalog has a table called table.
func (c *Catalog) Has(table string) bool {
	if c == nil {
		return false
	}
	if _, ok := c.extra[table]; ok {
		return true
	}
	_, ok := c.base.get(table)
	return ok
}

// Len returns the number of tables.
func (c *Catalog) Len() int { return len(c.Names()) }

// Names returns the table names, sorted.
func (c *Catalog) Names() []string {
	if c == nil {
		return nil
	}
	out := make([]string, 0, c.base.len()+len(c.extra))
	for n := range c.base.all() {
		if _, dup := c.extra[n]; !dup {
			out = append(out, n)
		}
	}
	for n := range c.extra {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Add returns a catalog with every table of c plus the table name with the
// given schema (replacing a table of the same name). The schema is copied.
// It fails when the name is empty or the schema repeats a column name or
// has a column without a name or type.
func (c *Catalog) Add(name string, schema data.Schema) (*Catalog, error) {
	if err := validate(name, schema); err != nil {
		return nil, err
	}
	out := c.clone(1)
	out.extra[name] = append(data.Schema(nil), schema...)
	return out, nil
}

// Merge returns a catalog with the tables of c and of other; where both
// have a table, other's schema wins.
func (c *Catalog) Merge(other *Catalog) *Catalog {
	if other == nil {
		return c.clone(0)
	}
	out := c.clone(len(other.extra))
	if out.base != other.base {
		for n, s := range other.base.all() {
			out.extra[n] = s
		}
	}
	for n, s := range other.extra {
		out.extra[n] = s
	}
	return out
}

// clone returns a copy of c whose extra map has room for n more tables.
func (c *Catalog) clone(n int) *Catalog {
	out := &Catalog{}
	if c != nil {
		out.base = c.base
		out.extra = make(map[string]data.Schema, len(c.extra)+n)
		for k, v := range c.extra {
			out.extra[k] = v
		}
	} else {
		out.extra = make(map[string]data.Schema, n)
	}
	return out
}

func (t *tableSet) get(name string) (data.Schema, bool) {
	if t == nil {
		return nil, false
	}
	s, ok := t.m[name]
	return s, ok
}

func (t *tableSet) len() int {
	if t == nil {
		return 0
	}
	return len(t.m)
}

// all returns the tables; nil for a nil set.
func (t *tableSet) all() map[string]data.Schema {
	if t == nil {
		return nil
	}
	return t.m
}

func validate(name string, schema data.Schema) error {
	if name == "" {
		return fmt.Errorf("table name is empty")
	}
	seen := make(map[string]bool, len(schema))
	for _, col := range schema {
		switch {
		case col.Name == "":
			return fmt.Errorf("table '%s': a column has no name", name)
		case col.Type == data.Unknown || col.Type > data.Dynamic:
			return fmt.Errorf("table '%s': column '%s' has no valid type", name, col.Name)
		case seen[col.Name]:
			return fmt.Errorf("table '%s': column '%s' appears twice", name, col.Name)
		}
		seen[col.Name] = true
	}
	return nil
}

// Suggest returns the table name closest to name, for a "did you mean"
// hint: a name differing only in case, else the nearest by edit distance
// (at most a third of the name's length), or "" when none is close.
func (c *Catalog) Suggest(name string) string {
	if name == "" || c == nil {
		return ""
	}
	names := c.Names()
	for _, n := range names {
		if strings.EqualFold(n, name) && n != name {
			return n
		}
	}
	best, bestDist := "", len(name)/3+1
	lower := strings.ToLower(name)
	for _, n := range names {
		if abs(len(n)-len(name)) >= bestDist {
			continue
		}
		if d := diag.EditDistance(strings.ToLower(n), lower); d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// tablesFile is the shape of tables.json.
type tablesFile struct {
	Tables map[string]struct {
		Columns []struct {
			Name string `json:"name"`
			Type string `json:"type"`
		} `json:"columns"`
	} `json:"tables"`
}

// parseTables reads the tables.json format.
func parseTables(b []byte) (map[string]data.Schema, error) {
	var f tablesFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, err
	}
	out := make(map[string]data.Schema, len(f.Tables))
	for name, t := range f.Tables {
		s := make(data.Schema, len(t.Columns))
		for i, col := range t.Columns {
			typ, ok := data.ParseType(col.Type)
			if !ok {
				return nil, fmt.Errorf("table '%s': column '%s' has unknown type '%s'",
					name, col.Name, col.Type)
			}
			s[i] = data.ColumnDef{Name: col.Name, Type: typ}
		}
		out[name] = complete(name, s)
	}
	return out, nil
}
