package rule

import (
	"strconv"
	"strings"
	"time"

	"github.com/kqlkit/kqlkit/data"
)

// alertSchema is the schema of the SecurityAlert table alerts are written
// to, in the order a workspace returns its columns. Entities and
// ExtendedProperties are dynamic here (the workspace stores them as JSON
// text), so that queries over the alerts need no parse_json.
var alertSchema = data.Schema{
	{Name: "TenantId", Type: data.String},
	{Name: "TimeGenerated", Type: data.DateTime},
	{Name: "DisplayName", Type: data.String},
	{Name: "AlertName", Type: data.String},
	{Name: "AlertSeverity", Type: data.String},
	{Name: "Description", Type: data.String},
	{Name: "ProviderName", Type: data.String},
	{Name: "VendorName", Type: data.String},
	{Name: "VendorOriginalId", Type: data.String},
	{Name: "SystemAlertId", Type: data.String},
	{Name: "ResourceId", Type: data.String},
	{Name: "SourceComputerId", Type: data.String},
	{Name: "AlertType", Type: data.String},
	{Name: "ConfidenceLevel", Type: data.String},
	{Name: "ConfidenceScore", Type: data.Real},
	{Name: "IsIncident", Type: data.Bool},
	{Name: "StartTime", Type: data.DateTime},
	{Name: "EndTime", Type: data.DateTime},
	{Name: "ProcessingEndTime", Type: data.DateTime},
	{Name: "RemediationSteps", Type: data.String},
	{Name: "ExtendedProperties", Type: data.Dynamic},
	{Name: "Entities", Type: data.Dynamic},
	{Name: "SourceSystem", Type: data.String},
	{Name: "WorkspaceSubscriptionId", Type: data.String},
	{Name: "WorkspaceResourceGroup", Type: data.String},
	{Name: "ExtendedLinks", Type: data.String},
	{Name: "ProductName", Type: data.String},
	{Name: "ProductComponentName", Type: data.String},
	{Name: "AlertLink", Type: data.String},
	{Name: "Status", Type: data.String},
	{Name: "CompromisedEntity", Type: data.String},
	{Name: "Tactics", Type: data.String},
	{Name: "Techniques", Type: data.String},
	{Name: "SubTechniques", Type: data.String},
	{Name: "Type", Type: data.String},
}

// AlertSchema returns the schema of the SecurityAlert table AlertsTable
// builds.
func AlertSchema() data.Schema { return append(data.Schema(nil), alertSchema...) }

// AlertsTable returns the alerts as a table named SecurityAlert with
// Sentinel's column names.
func AlertsTable(alerts []*Alert) *data.Table {
	rows := make([][]data.Value, len(alerts))
	for i, a := range alerts {
		rows[i] = a.row()
	}
	cols := make([]data.Column, len(alertSchema))
	for j, def := range alertSchema {
		vals := make([]data.Value, len(rows))
		for i := range rows {
			vals[i] = rows[i][j]
		}
		cols[j] = data.NewColumn(def.Type, vals)
	}
	t, err := data.NewTableRows("SecurityAlert", AlertSchema(), cols, len(alerts))
	if err != nil {
		panic("rule: alert table: " + err.Error()) // the schema and columns are built together
	}
	return t
}

// AlertsTable returns the evaluation's alerts as a SecurityAlert table.
func (e *Evaluation) AlertsTable() *data.Table { return AlertsTable(e.Alerts) }

// row returns the alert's values in alertSchema order.
func (a *Alert) row() []data.Value {
	s := data.StringValue
	t := func(x time.Time) data.Value { return data.DateTimeValue(data.TicksFromTime(x)) }
	score := data.Null(data.Real)
	if f, err := strconv.ParseFloat(a.Properties["ConfidenceScore"], 64); err == nil {
		score = data.RealValue(f)
	}
	return []data.Value{
		s(""), t(a.TimeGenerated), s(a.Name), s(a.Name), s(a.Severity), s(a.Description),
		s(a.Properties["ProviderName"]), s(a.Properties["VendorName"]), s(""), s(a.SystemAlertID),
		s(""), s(""), s(a.AlertType), s(a.Properties["ConfidenceLevel"]), score,
		data.BoolValue(false), t(a.StartTime), t(a.EndTime), t(a.TimeGenerated),
		s(a.Properties["RemediationSteps"]), data.DynamicValue(a.ExtendedProperties()),
		data.DynamicValue(a.EntitiesJSON()), s("Detection"), s(""), s(""),
		s(a.Properties["ExtendedLinks"]), s(a.Properties["ProductName"]),
		s(a.Properties["ProductComponentName"]), s(a.Properties["AlertLink"]),
		s(a.Properties["Status"]), s(""), s(tacticsText(a.Tactics)), s(jsonList(a.Techniques)),
		s(jsonList(a.SubTechniques)), s("SecurityAlert"),
	}
}

// tacticsText joins tactics as SecurityAlert does; "Unknown" when none.
func tacticsText(t []string) string {
	if len(t) == 0 {
		return "Unknown"
	}
	return strings.Join(t, ", ")
}

// jsonList writes a JSON array of strings ("" for none).
func jsonList(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return stringsDyn(list).String()
}

func stringsDyn(list []string) data.Dyn {
	items := make([]data.Dyn, len(list))
	for i, s := range list {
		items[i] = data.DynStringOf(s)
	}
	return data.DynArrayOf(items)
}

// EntitiesJSON returns the alert's entities as Sentinel serialises them:
// an array of objects with "$id", the identifiers and "Type" (account, ip,
// cloud-application, …).
func (a *Alert) EntitiesJSON() data.Dyn {
	items := make([]data.Dyn, len(a.Entities))
	for i, e := range a.Entities {
		keys := []string{"$id"}
		vals := []data.Dyn{data.DynStringOf(strconv.Itoa(i + 3))}
		for _, f := range e.Fields {
			keys = append(keys, f.Name)
			vals = append(vals, identifierDyn(f))
		}
		serialized := e.Type
		if et, ok := lookupEntityType(e.Type); ok {
			serialized = et.serialized
		}
		keys = append(keys, "Type")
		vals = append(vals, data.DynStringOf(serialized))
		items[i] = data.DynBagOf(keys, vals)
	}
	return data.DynArrayOf(items)
}

// identifierDyn types an identifier's value: booleans for IsDomainJoined,
// text otherwise.
func identifierDyn(f EntityField) data.Dyn {
	if f.Name == "IsDomainJoined" {
		if b, err := strconv.ParseBool(strings.ToLower(f.Value)); err == nil {
			return data.DynBoolOf(b)
		}
	}
	return data.DynStringOf(f.Value)
}

// ExtendedProperties returns the property bag Sentinel attaches to
// scheduled-rule alerts: the query, its window and trigger, the event
// grouping, and the custom details under "Custom Details" as JSON text of
// arrays of values.
func (a *Alert) ExtendedProperties() data.Dyn {
	var keys []string
	var vals []data.Dyn
	add := func(k, v string) {
		keys = append(keys, k)
		vals = append(vals, data.DynStringOf(v))
	}
	r := a.rule
	if r != nil {
		window, _ := r.period()
		add("Query Period", data.FormatTimeSpan(int64(window/100)))
		add("Trigger Operator", string(r.TriggerOperator))
		add("Trigger Threshold", strconv.Itoa(r.TriggerThreshold))
	}
	add("Search Query Results Overall Count", strconv.Itoa(a.ResultCount))
	if r != nil {
		add("Query", r.Query)
	}
	add("Query Start Time UTC", queryTime(a.WindowStart))
	add("Query End Time UTC", queryTime(a.TimeGenerated))
	add("Analytic Rule Ids", stringsDyn([]string{a.RuleID}).String())
	if r != nil {
		add("Event Grouping", string(r.EventGrouping))
	}
	add("Analytic Rule Name", a.RuleName)
	if len(a.CustomDetails) > 0 {
		add("Custom Details", a.customDetailsJSON())
	}
	add("ProcessedBySentinel", "True")
	add("Alert generation status", "Full alert created")
	return data.DynBagOf(keys, vals)
}

// customDetailsJSON writes {"Key":["value", …], …}.
func (a *Alert) customDetailsJSON() string {
	keys := make([]string, len(a.CustomDetails))
	vals := make([]data.Dyn, len(a.CustomDetails))
	for i, d := range a.CustomDetails {
		keys[i], vals[i] = d.Key, stringsDyn(d.Values)
	}
	return data.DynBagOf(keys, vals).String()
}

// queryTime formats a window bound as the alert's properties do:
// "2025-06-01 11:00:00Z".
func queryTime(t time.Time) string {
	return t.UTC().Format("2006-01-02 15:04:05Z")
}
