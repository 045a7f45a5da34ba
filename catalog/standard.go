package catalog

import (
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// The documented table pages leave out columns every workspace table has,
// and a few more that real rules rely on. The built-in catalog adds them
// (after the documented columns) so that rules using them can be checked
// and run.

// standardColumns are the standard columns of every Azure Monitor Logs
// table ("Standard columns in Azure Monitor Logs").
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
// (advanced hunting): in Sentinel these tables keep the event time in
// Timestamp as well as in TimeGenerated.
func defenderTable(name string) bool {
	for _, p := range []string{"Device", "Email", "Identity", "CloudAppEvents", "UrlClickEvents",
		"AlertInfo", "AlertEvidence"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// complete adds the standard and known-missing columns to a documented
// schema.
func complete(name string, s data.Schema) data.Schema {
	s = withColumns(s, standardColumns)
	switch {
	case name == "AzureDiagnostics":
		s = withColumns(s, diagnosticsColumns)
	case defenderTable(name):
		s = withColumns(s, []data.ColumnDef{{Name: "Timestamp", Type: data.DateTime}})
	case name == "W3CIISLog":
		// used by the table's own sample queries in the Azure Monitor reference
		s = withColumns(s, []data.ColumnDef{{Name: "sComputerName", Type: data.String}})
	}
	return s
}

// withColumns appends the columns of extra that s lacks.
func withColumns(s data.Schema, extra []data.ColumnDef) data.Schema {
	out := s
	for _, c := range extra {
		if out.Index(c.Name) < 0 {
			out = append(out, c)
		}
	}
	return out
}
