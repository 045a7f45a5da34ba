package rule

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// This file decodes the alert-enrichment and incident fields.

func (r *Rule) entityMappings(v *yaml.Node) {
	r.items("entityMappings", v, func(i int, it *yaml.Node) {
		path := fmt.Sprintf("entityMappings[%d]", i)
		if i == maxEntityMappings {
			r.errorf(it, "a rule may map at most %d entities", maxEntityMappings)
		}
		var em EntityMapping
		var et *entityType
		r.pairs(path, it, func(key string, k, v *yaml.Node) {
			switch key {
			case "entityType":
				em.EntityType, et = r.entityTypeField(path+".entityType", v)
			case "fieldMappings":
				em.FieldMappings = r.fieldMappings(path+".fieldMappings", v)
			default:
				r.warnf(k, "unknown field '%s' in an entity mapping", key)
			}
		})
		if _, ok := r.pos["key:"+path+".entityType"]; !ok {
			r.errorf(it, "an entity mapping needs an 'entityType'")
		}
		if len(em.FieldMappings) == 0 {
			r.errorf(it, "an entity mapping needs at least one field mapping")
		}
		if len(em.FieldMappings) > maxIdentifiers {
			r.errorf(it, "an entity mapping may have at most %d identifiers, this one has %d",
				maxIdentifiers, len(em.FieldMappings))
		}
		if et != nil {
			r.checkIdentifiers(path, et, em.FieldMappings)
		}
		r.EntityMappings = append(r.EntityMappings, em)
	})
}

// entityTypeField reads an entity type name.
func (r *Rule) entityTypeField(path string, v *yaml.Node) (string, *entityType) {
	s, ok := r.str(path, v)
	if !ok {
		return "", nil
	}
	et, ok := lookupEntityType(s)
	if !ok {
		r.errorf(resolve(v), "unknown entity type %q%s", s, suggest(s, entityTypeNames()))
		return s, nil
	}
	if et.name != s {
		r.warnf(resolve(v), "entity type %q is spelled %q in Sentinel", s, et.name)
	}
	return et.name, et
}

func (r *Rule) fieldMappings(path string, v *yaml.Node) []FieldMapping {
	var out []FieldMapping
	r.items(path, v, func(i int, it *yaml.Node) {
		p := fmt.Sprintf("%s[%d]", path, i)
		var fm FieldMapping
		r.pairs(p, it, func(key string, k, v *yaml.Node) {
			switch key {
			case "identifier":
				fm.Identifier, _ = r.str(p+".identifier", v)
			case "columnName":
				fm.ColumnName, _ = r.str(p+".columnName", v)
			default:
				r.warnf(k, "unknown field '%s' in a field mapping", key)
			}
		})
		if fm.Identifier == "" {
			r.errorf(it, "a field mapping needs an 'identifier'")
		}
		if strings.TrimSpace(fm.ColumnName) == "" {
			r.errorf(it, "a field mapping needs a 'columnName'")
		}
		out = append(out, fm)
	})
	return out
}

// checkIdentifiers checks that each identifier belongs to the entity type
// and is mapped once, fixing the case of near misses.
func (r *Rule) checkIdentifiers(path string, et *entityType, fms []FieldMapping) {
	seen := map[string]bool{}
	for i := range fms {
		p := r.pos[fmt.Sprintf("%s.fieldMappings[%d].identifier", path, i)]
		id, ok := canonical(fms[i].Identifier, et.identifiers)
		switch {
		case fms[i].Identifier == "":
			continue
		case !ok:
			r.diags.Add(r.diagAt(p, errorSeverity, fmt.Sprintf("'%s' is not an identifier of %s entities%s",
				fms[i].Identifier, et.name, suggest(fms[i].Identifier, et.identifiers))))
			continue
		case id != fms[i].Identifier:
			r.diags.Add(r.diagAt(p, warningSeverity, fmt.Sprintf("identifier %q is spelled %q in Sentinel",
				fms[i].Identifier, id)))
			fms[i].Identifier = id
		}
		if seen[id] {
			r.diags.Add(r.diagAt(p, errorSeverity, fmt.Sprintf("identifier '%s' is mapped twice", id)))
		}
		seen[id] = true
	}
}

func (r *Rule) customDetails(v *yaml.Node) {
	if isNull(v) {
		return
	}
	r.pairs("customDetails", v, func(key string, k, v *yaml.Node) {
		col, ok := r.str("customDetails."+key, v)
		if !ok {
			return
		}
		if strings.TrimSpace(col) == "" {
			r.errorf(resolve(v), "custom detail '%s' names no column", key)
		}
		if len(r.CustomDetails) == maxCustomDetails {
			r.errorf(k, "a rule may have at most %d custom details", maxCustomDetails)
		}
		r.CustomDetails = append(r.CustomDetails, CustomDetail{Key: key, Column: strings.TrimSpace(col)})
	})
}

func (r *Rule) alertDetailsOverride(v *yaml.Node) {
	if isNull(v) {
		return
	}
	const base = "alertDetailsOverride."
	o := &AlertDetailsOverride{}
	r.pairs("alertDetailsOverride", v, func(key string, k, v *yaml.Node) {
		switch key {
		case "alertDisplayNameFormat":
			o.DisplayNameFormat, _ = r.str(base+key, v)
		case "alertDescriptionFormat":
			o.DescriptionFormat, _ = r.str(base+key, v)
		case "alertSeverityColumnName":
			o.SeverityColumn, _ = r.str(base+key, v)
		case "alertTacticsColumnName":
			o.TacticsColumn, _ = r.str(base+key, v)
		case "alertDynamicProperties":
			o.DynamicProperties = r.dynamicProperties(base+key, v)
		default:
			r.warnf(k, "unknown field '%s' in alertDetailsOverride", key)
		}
	})
	o.SeverityColumn = strings.TrimSpace(o.SeverityColumn)
	o.TacticsColumn = strings.TrimSpace(o.TacticsColumn)
	r.AlertDetailsOverride = o
}

func (r *Rule) dynamicProperties(path string, v *yaml.Node) []DynamicProperty {
	var out []DynamicProperty
	r.items(path, v, func(i int, it *yaml.Node) {
		p := fmt.Sprintf("%s[%d]", path, i)
		var dp DynamicProperty
		r.pairs(p, it, func(key string, k, v *yaml.Node) {
			switch key {
			case "alertProperty":
				dp.Property = r.enum(p+".alertProperty", v, alertProperties)
			case "value":
				dp.Column, _ = r.str(p+".value", v)
			default:
				r.warnf(k, "unknown field '%s' in a dynamic property", key)
			}
		})
		if dp.Property != "" && strings.TrimSpace(dp.Column) != "" {
			dp.Column = strings.TrimSpace(dp.Column)
			out = append(out, dp)
		}
	})
	return out
}

func (r *Rule) incidentConfiguration(v *yaml.Node) {
	const base = "incidentConfiguration"
	r.pairs(base, v, func(key string, k, v *yaml.Node) {
		switch key {
		case "createIncident":
			r.Incident.CreateIncident, _ = r.boolean(base+"."+key, v)
		case "groupingConfiguration":
			r.groupingConfiguration(base+"."+key, v)
		default:
			r.warnf(k, "unknown field '%s' in incidentConfiguration", key)
		}
	})
}

func (r *Rule) groupingConfiguration(path string, v *yaml.Node) {
	g := &r.Incident.Grouping
	r.pairs(path, v, func(key string, k, v *yaml.Node) {
		p := path + "." + key
		switch key {
		case "enabled":
			g.Enabled, _ = r.boolean(p, v)
		case "reopenClosedIncident":
			g.ReopenClosedIncident, _ = r.boolean(p, v)
		case "lookbackDuration":
			if d := r.durationField(p, v); d > 0 {
				g.LookbackDuration = d
			}
		case "matchingMethod":
			if m := r.enum(p, v, matchingMethods); m != "" {
				g.MatchingMethod = m
			}
		case "groupByEntities":
			g.GroupByEntities = r.enumList(p, v, entityTypeNames())
		case "groupByAlertDetails":
			g.GroupByAlertDetails = r.enumList(p, v, alertDetails)
		case "groupByCustomDetails":
			g.GroupByCustomDetails = r.strList(p, v)
		default:
			r.warnf(k, "unknown field '%s' in groupingConfiguration", key)
		}
	})
}
