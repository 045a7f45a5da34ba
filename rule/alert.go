package rule

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"time"

	"github.com/kqlkit/kqlkit/data"
)

// Alert is one alert a run produced, with the fields of Sentinel's
// SecurityAlert table.
type Alert struct {
	Name          string // AlertName and DisplayName
	Description   string
	Severity      string
	Tactics       []string
	Techniques    []string // parent techniques: T1078
	SubTechniques []string // T1078.004
	Entities      []Entity
	CustomDetails []DetailValues // in the rule's order
	StartTime     time.Time      // first event (TimeGenerated of the rows), else the window start
	EndTime       time.Time      // last event, else the window end
	TimeGenerated time.Time      // when the rule ran
	SystemAlertID string         // deterministic: derived from the rule id, the instant and the index
	AlertType     string         // "<workspace>_<rule id>"
	Properties    map[string]string
	Rows          []int // the result rows the alert covers
	Summary       bool  // the last alert of a capped AlertPerResult run, covering every row
	RuleID        string
	RuleName      string
	WindowStart   time.Time
	ResultCount   int // rows the query returned in this run

	rule *Rule
}

// DetailValues are the values of one custom detail, one per row the alert
// covers, as text.
type DetailValues struct {
	Key    string
	Values []string
}

// Detail returns the values of a custom detail.
func (a *Alert) Detail(key string) []string {
	for _, d := range a.CustomDetails {
		if d.Key == key {
			return d.Values
		}
	}
	return nil
}

// Default alert properties of scheduled-rule alerts, as Sentinel writes
// them; alertDynamicProperties may override the first five.
var defaultProperties = map[string]string{
	"ProviderName":         "ASI Scheduled Alerts",
	"ProductName":          "Azure Sentinel",
	"ProductComponentName": "Scheduled Alerts",
	"AlertLink":            "",
	"RemediationSteps":     "",
	"ConfidenceLevel":      "",
	"ConfidenceScore":      "",
	"ExtendedLinks":        "",
	"VendorName":           "Microsoft",
	"Status":               "New",
}

// alerts builds the alerts of a triggered run.
func (p *prepared) alerts(ev *Evaluation) []*Alert {
	n := ev.Results.Rows()
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	b := &alertBuilder{p: p, ev: ev, cols: resultColumns(ev.Results)}
	if p.rule.EventGrouping != AlertPerResult || n == 0 {
		return []*Alert{b.build(0, all, false)}
	}
	max := p.rule.maxAlerts()
	var out []*Alert
	for i := 0; i < n; i++ {
		if n > max && i == max-1 {
			out = append(out, b.build(i, all, true))
			break
		}
		out = append(out, b.build(i, []int{i}, false))
	}
	return out
}

// alertBuilder turns result rows into alerts.
type alertBuilder struct {
	p    *prepared
	ev   *Evaluation
	cols map[string]data.Column
}

func resultColumns(t *data.Table) map[string]data.Column {
	m := make(map[string]data.Column, len(t.Schema))
	for i, c := range t.Schema {
		m[c.Name] = t.Cols[i]
	}
	return m
}

// text returns the value of column col at row as tostring() would write
// it; "" for a missing column or a row out of range.
func (b *alertBuilder) text(col string, row int) string {
	c, ok := b.cols[col]
	if !ok || row < 0 || row >= c.Len() {
		return ""
	}
	return c.Value(row).String()
}

// build makes alert number index covering rows (the first row fills the
// templates).
func (b *alertBuilder) build(index int, rows []int, summary bool) *Alert {
	r := b.p.rule
	first := -1
	if len(rows) > 0 {
		first = rows[0]
	}
	a := &Alert{Name: r.Name, Description: r.Description, Severity: r.Severity,
		Tactics: r.Tactics, TimeGenerated: b.ev.Now, Rows: rows, Summary: summary,
		RuleID: r.ID, RuleName: r.Name, WindowStart: b.ev.WindowStart,
		ResultCount: b.ev.Results.Rows(), Properties: map[string]string{}, rule: r}
	a.Techniques, a.SubTechniques = splitTechniques(r.RelevantTechniques)
	for k, v := range defaultProperties {
		a.Properties[k] = v
	}
	b.override(a, first)
	a.Entities = b.entities(rows)
	a.CustomDetails = b.details(rows)
	a.StartTime, a.EndTime = b.span(rows)
	a.SystemAlertID = alertID(r, b.ev.Now, index)
	a.AlertType = b.p.cfg.workspace + "_" + ruleKey(r)
	return a
}

// override applies alertDetailsOverride with the values of row.
func (b *alertBuilder) override(a *Alert, row int) {
	o := b.p.rule.AlertDetailsOverride
	if o == nil {
		return
	}
	value := func(col string) string { return b.text(col, row) }
	if t, err := parseTemplate(o.DisplayNameFormat); err == nil && o.DisplayNameFormat != "" {
		if s := t.render(value); strings.TrimSpace(s) != "" {
			a.Name = s
		}
	}
	if t, err := parseTemplate(o.DescriptionFormat); err == nil && o.DescriptionFormat != "" {
		if s := t.render(value); strings.TrimSpace(s) != "" {
			a.Description = s
		}
	}
	if o.SeverityColumn != "" {
		if s, ok := canonical(value(o.SeverityColumn), severities); ok {
			a.Severity = s
		}
	}
	if o.TacticsColumn != "" {
		if t := parseTactics(value(o.TacticsColumn)); len(t) > 0 {
			a.Tactics = t
		}
	}
	for _, dp := range o.DynamicProperties {
		v := value(dp.Column)
		switch dp.Property {
		case "Techniques", "SubTechniques":
			if list := splitList(v); len(list) > 0 {
				tech, sub := splitTechniques(list)
				if dp.Property == "Techniques" && len(tech) > 0 {
					a.Techniques = tech
				}
				if len(sub) > 0 {
					a.SubTechniques = sub
				}
			}
		default:
			if strings.TrimSpace(v) != "" {
				a.Properties[dp.Property] = v
			}
		}
	}
}

// parseTactics reads a tactics column: a dynamic array, a JSON array text
// or a comma-separated list. It returns nil unless every item is a valid
// tactic (the rule's tactics apply then).
func parseTactics(s string) []string {
	list := splitList(s)
	var out []string
	for _, t := range list {
		c, ok := canonical(t, tactics)
		if !ok {
			return nil
		}
		out = appendUnique(out, c)
	}
	return out
}

// splitList reads a JSON array of strings or a comma-separated list.
func splitList(s string) []string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		if d, err := data.ParseJSON(s); err == nil && d.Kind() == data.DynArray {
			var out []string
			for _, it := range d.Items() {
				out = append(out, strings.TrimSpace(data.DynamicValue(it).String()))
			}
			return out
		}
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitTechniques separates parent techniques from sub-techniques; a
// sub-technique also contributes its parent.
func splitTechniques(list []string) (tech, sub []string) {
	for _, t := range list {
		t = strings.TrimSpace(t)
		if !validTechnique(t) {
			continue
		}
		if parent, _, ok := strings.Cut(t, "."); ok {
			sub = appendUnique(sub, t)
			tech = appendUnique(tech, parent)
			continue
		}
		tech = appendUnique(tech, t)
	}
	return tech, sub
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// entities collects the mapped entities of rows, without duplicates.
func (b *alertBuilder) entities(rows []int) []Entity {
	var out []Entity
	seen := map[string]bool{}
	for _, row := range rows {
		for _, em := range b.p.rule.EntityMappings {
			e, ok := b.entity(em, row)
			if !ok || seen[e.key()] {
				continue
			}
			seen[e.key()] = true
			out = append(out, e)
		}
	}
	return out
}

// entity builds one entity from a row; ok is false when every identifier
// is empty or Sentinel would drop the entity.
func (b *alertBuilder) entity(em EntityMapping, row int) (Entity, bool) {
	e := Entity{Type: em.EntityType}
	for _, fm := range em.FieldMappings {
		v := strings.TrimSpace(b.text(fm.ColumnName, row))
		if v == "" {
			continue
		}
		if fm.Identifier == "FullName" {
			e.Fields = append(e.Fields, expandFullName(em.EntityType, v)...)
			continue
		}
		e.Fields = append(e.Fields, EntityField{Name: fm.Identifier, Value: v})
	}
	if len(e.Fields) == 0 {
		return e, false
	}
	if e.Type == "Account" && builtinAccounts[strings.ToUpper(e.Get("Name"))] {
		return e, false
	}
	return e, true
}

// details collects the custom detail values of rows.
func (b *alertBuilder) details(rows []int) []DetailValues {
	var out []DetailValues
	for _, cd := range b.p.rule.CustomDetails {
		dv := DetailValues{Key: cd.Key, Values: []string{}}
		for _, row := range rows {
			dv.Values = append(dv.Values, b.text(cd.Column, row))
		}
		out = append(out, dv)
	}
	return out
}

// span returns the first and last TimeGenerated of rows, or the query
// window when the result has no such column or no value.
func (b *alertBuilder) span(rows []int) (start, end time.Time) {
	start, end = b.ev.WindowStart, b.ev.Now
	c, ok := b.cols["TimeGenerated"]
	if !ok || c.Type() != data.DateTime {
		return start, end
	}
	var lo, hi int64
	found := false
	for _, row := range rows {
		v := c.Value(row)
		if v.IsNull() {
			continue
		}
		t := v.Int64()
		if !found || t < lo {
			lo = t
		}
		if !found || t > hi {
			hi = t
		}
		found = true
	}
	if !found {
		return start, end
	}
	return data.TimeFromTicks(lo), data.TimeFromTicks(hi)
}

// ruleKey is the rule's id, or a name-derived stand-in when it has none.
func ruleKey(r *Rule) string {
	if strings.TrimSpace(r.ID) != "" {
		return strings.TrimSpace(r.ID)
	}
	return nameGUID("rule|" + r.Name)
}

// alertID derives a stable GUID from the rule, the instant and the index.
func alertID(r *Rule, now time.Time, index int) string {
	return nameGUID(fmt.Sprintf("alert|%s|%d|%d", ruleKey(r), data.TicksFromTime(now), index))
}

// nameGUID formats the SHA-1 of s as a version-5 style GUID.
func nameGUID(s string) string {
	h := sha1.Sum([]byte(s))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
