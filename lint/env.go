package lint

import (
	"sort"
	"strings"

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
	s = withColumns(s, standardColumns)
	switch {
	case name == "AzureDiagnostics":
		s = eval.Open(withColumns(s, diagnosticsColumns))
	case defenderTable(name):
		s = withColumns(s, []data.ColumnDef{{Name: "Timestamp", Type: data.DateTime}})
	case name == "W3CIISLog":
		// used by the table's own sample queries in the Azure Monitor reference
		s = withColumns(s, []data.ColumnDef{{Name: "sComputerName", Type: data.String}})
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

// standardColumns are the columns every Log Analytics table has ("Standard
// columns in Azure Monitor Logs"); many table pages of the reference leave
// some of them out.
var standardColumns = []data.ColumnDef{
	{Name: "TenantId", Type: data.String}, {Name: "TimeGenerated", Type: data.DateTime},
	{Name: "_TimeReceived", Type: data.DateTime},
	{Name: "Type", Type: data.String}, {Name: "_ItemId", Type: data.String},
	{Name: "_ResourceId", Type: data.String}, {Name: "_SubscriptionId", Type: data.String},
	{Name: "_IsBillable", Type: data.String}, {Name: "_BilledSize", Type: data.Real},
}

// diagnosticsColumns are columns of AzureDiagnostics its page leaves out.
var diagnosticsColumns = []data.ColumnDef{
	{Name: "SourceSystem", Type: data.String}, {Name: "ResourceId", Type: data.String},
	{Name: "SubscriptionId", Type: data.String},
}

// defenderTable reports whether a table comes from Microsoft Defender XDR
// (advanced hunting). In Sentinel these tables keep the event time in
// Timestamp as well as in TimeGenerated; the Log Analytics reference lists
// only the latter.
func defenderTable(name string) bool {
	for _, p := range []string{"Device", "Email", "Identity", "CloudAppEvents", "UrlClickEvents",
		"AlertInfo", "AlertEvidence"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// withColumns appends the columns of extra that s lacks.
func withColumns(s data.Schema, extra []data.ColumnDef) data.Schema {
	out := append(data.Schema(nil), s...)
	for _, c := range extra {
		if out.Index(c.Name) < 0 {
			out = append(out, c)
		}
	}
	return out
}
