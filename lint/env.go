package lint

import (
	"sort"

	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/eval"
)

// tables is what the linter knows of tables: the ones declared with
// --schema, then the catalog, adjusted where the documented schemas are
// known to be incomplete.
type tables struct {
	declared map[string]data.Schema
	catalog  *catalog.Catalog
}

// lookup returns the schema of a table. The schema of AzureDiagnostics is
// open (eval.Check then accepts names it does not list): its columns
// depend on the resources that send logs to it, and the documented list
// is a sample of them.
func (t *tables) lookup(name string) (data.Schema, bool) {
	if s, ok := t.declared[name]; ok {
		return s, true
	}
	s, ok := t.catalog.Lookup(name)
	if !ok {
		return nil, false
	}
	if name == "AzureDiagnostics" {
		s = eval.Open(s)
	}
	return s, true
}

// names lists the declared and catalog tables, for union wildcards.
func (t *tables) names() []string {
	var out []string
	for name := range t.declared {
		out = append(out, name)
	}
	for _, name := range t.catalog.Names() {
		if _, ok := t.declared[name]; !ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
