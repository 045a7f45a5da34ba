package rule

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/internal/yamlsrc"
)

// knownFields are the top-level fields of the analytic-rule YAML that
// kqlkit reads, or knows and keeps without using (tags, metadata, …).
var knownFields = map[string]bool{
	"id": true, "name": true, "displayName": true, "description": true, "severity": true,
	"kind": true, "version": true, "status": true, "enabled": true,
	"requiredDataConnectors": true, "queryFrequency": true, "queryPeriod": true,
	"triggerOperator": true, "triggerThreshold": true, "tactics": true,
	"relevantTechniques": true, "techniques": true, "subTechniques": true, "query": true,
	"entityMappings": true, "customDetails": true, "alertDetailsOverride": true,
	"eventGroupingSettings": true, "incidentConfiguration": true,
	"suppressionEnabled": true, "suppressionDuration": true, "tags": true,
	"metadata": true, "sentinelEntitiesMappings": true, "alertRuleTemplateName": true,
	"templateVersion": true,
}

// decode reads the top-level mapping into the rule, setting defaults first.
func (r *Rule) decode(m *yaml.Node) {
	r.Kind = Scheduled
	r.Enabled = true
	r.EventGrouping = SingleAlert
	r.TriggerOperator = GreaterThan
	r.Incident = IncidentConfig{CreateIncident: true,
		Grouping: IncidentGrouping{LookbackDuration: defaultLookback, MatchingMethod: "AllEntities"}}
	r.Raw = map[string]any{}
	var queryNode *yaml.Node
	r.pairs("", m, func(key string, k, v *yaml.Node) {
		r.Raw[key] = plain(v)
		if !knownFields[key] {
			r.Unknown = append(r.Unknown, key)
			r.warnf(k, "unknown field '%s' (kept, not used)", key)
			return
		}
		if key == "query" {
			queryNode = resolve(v)
		}
		r.field(key, v)
	})
	if r.Name == "" {
		if s, ok := r.Raw["displayName"].(string); ok {
			r.Name = s
		}
	}
	r.querySource(queryNode)
}

// field decodes one known top-level field.
func (r *Rule) field(key string, v *yaml.Node) {
	switch key {
	case "id":
		r.ID, _ = r.str(key, v)
	case "name":
		r.Name, _ = r.str(key, v)
	case "description":
		r.Description, _ = r.str(key, v)
	case "severity":
		r.Severity = r.enum(key, v, severities)
	case "kind":
		r.Kind = Kind(r.enum(key, v, kinds))
	case "version":
		r.Version, _ = r.str(key, v)
	case "status":
		r.Status, _ = r.str(key, v)
	case "enabled":
		r.Enabled, _ = r.boolean(key, v)
	case "requiredDataConnectors":
		r.dataConnectors(v)
	case "queryFrequency":
		r.QueryFrequency = r.durationField(key, v)
	case "queryPeriod":
		r.QueryPeriod = r.durationField(key, v)
	case "triggerOperator":
		r.triggerOperator(v)
	case "triggerThreshold":
		r.TriggerThreshold, _ = r.integer(key, v)
	case "tactics":
		r.Tactics = r.enumList(key, v, tactics)
	case "relevantTechniques", "techniques", "subTechniques":
		r.RelevantTechniques = append(r.RelevantTechniques, r.techniques(key, v)...)
	case "query":
		r.Query, _ = r.str(key, v)
	case "entityMappings":
		r.entityMappings(v)
	case "customDetails":
		r.customDetails(v)
	case "alertDetailsOverride":
		r.alertDetailsOverride(v)
	case "eventGroupingSettings":
		r.eventGrouping(v)
	case "incidentConfiguration":
		r.incidentConfiguration(v)
	case "suppressionEnabled":
		r.SuppressionEnabled, _ = r.boolean(key, v)
	case "suppressionDuration":
		r.SuppressionDuration = r.durationField(key, v)
	case "tags":
		if t, ok := r.Raw[key].([]any); ok {
			r.Tags = t
		}
	}
}

// querySource positions the query in the file.
func (r *Rule) querySource(n *yaml.Node) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return
	}
	if src, err := yamlsrc.Query(displayName(r.path), r.text); err == nil && src.Text == r.Query {
		r.source = src
		return
	}
	r.source = nestedSource(displayName(r.path), r.text, n)
}

func (r *Rule) dataConnectors(v *yaml.Node) {
	r.items("requiredDataConnectors", v, func(i int, it *yaml.Node) {
		path := fmt.Sprintf("requiredDataConnectors[%d]", i)
		var dc DataConnector
		r.pairs(path, it, func(key string, k, v *yaml.Node) {
			switch key {
			case "connectorId":
				dc.ConnectorID, _ = r.str(path+"."+key, v)
			case "dataTypes":
				dc.DataTypes = r.strList(path+"."+key, v)
			default:
				r.warnf(k, "unknown field '%s' in a required data connector", key)
			}
		})
		r.RequiredDataConnectors = append(r.RequiredDataConnectors, dc)
	})
}

func (r *Rule) triggerOperator(v *yaml.Node) {
	s, ok := r.str("triggerOperator", v)
	if !ok {
		return
	}
	op, ok := ParseOperator(s)
	if !ok {
		r.errorf(resolve(v), "unknown trigger operator %q (want gt, lt, eq, ne or GreaterThan, LessThan, Equal, NotEqual)",
			strings.TrimSpace(s))
		return
	}
	r.TriggerOperator = op
}

func (r *Rule) techniques(path string, v *yaml.Node) []string {
	list := r.strList(path, v)
	out := list[:0]
	for i, t := range list {
		t = strings.TrimSpace(t)
		if !validTechnique(t) {
			p := r.pos[fmt.Sprintf("%s[%d]", path, i)]
			msg := fmt.Sprintf("%q is not a MITRE ATT&CK technique id (like T1078 or T1078.004)", t)
			r.diags.Add(r.diagAt(p, errorSeverity, msg))
			continue
		}
		out = append(out, t)
	}
	return out
}

// validTechnique reports whether s looks like T1234 or T1234.567.
func validTechnique(s string) bool {
	if len(s) != 5 && len(s) != 9 || s[0] != 'T' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if i == 5 {
			if s[i] != '.' {
				return false
			}
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (r *Rule) eventGrouping(v *yaml.Node) {
	r.pairs("eventGroupingSettings", v, func(key string, k, v *yaml.Node) {
		if key != "aggregationKind" {
			r.warnf(k, "unknown field '%s' in eventGroupingSettings", key)
			return
		}
		if g := r.enum("eventGroupingSettings.aggregationKind", v, groupings); g != "" {
			r.EventGrouping = Grouping(g)
		}
	})
}
