package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/rule"
)

// ruleClassifier gives codes to the diagnostics of the rule package
// (rule.Validate and rule.Check), from their wording and the field of the
// file they point into.
type ruleClassifier struct {
	doc  *layout
	kind rule.Kind
}

// reCaseOnly reads a missing column and the suggestion that follows it.
var reCaseOnly = regexp.MustCompile(`^column '([^']*)' is not in the query's result \(did you mean '([^']*)'\?\)`)

// reTopField reads the name of an unknown top-level field.
var reTopField = regexp.MustCompile(`^unknown field '([^']*)' \(kept, not used\)$`)

// ruleFields are the top-level fields of the rule format, for suggestions.
var ruleFields = []string{"id", "name", "description", "severity", "kind", "version", "status",
	"enabled", "requiredDataConnectors", "queryFrequency", "queryPeriod", "triggerOperator",
	"triggerThreshold", "tactics", "relevantTechniques", "query", "entityMappings", "customDetails",
	"alertDetailsOverride", "eventGroupingSettings", "incidentConfiguration", "suppressionEnabled",
	"suppressionDuration", "tags", "metadata"}

// otherKinds are the rule kinds without a scheduled query.
var otherKinds = []string{"Fusion", "MicrosoftSecurityIncidentCreation", "MLBehaviorAnalytics",
	"ThreatIntelligence", "MicrosoftThreatIntelligence", "Anomaly"}

// rawKind is the kind field as written.
func (rc *ruleClassifier) rawKind() string {
	f := rc.doc.byName["kind"]
	if f == nil {
		return ""
	}
	return strings.TrimSpace(f.value.Value)
}

// classify sets the code (and maybe the severity) of d; it returns false
// when d should be dropped.
func (rc *ruleClassifier) classify(d *diag.Diagnostic) bool {
	msg := d.Message
	other := containsFold(otherKinds, rc.rawKind())
	switch {
	case strings.Contains(msg, "run inside Sentinel only"):
		d.Code, d.Severity = CodeUnsupportedKind, diag.Warning
	case strings.HasPrefix(msg, "the rule has no") || strings.HasPrefix(msg, "a scheduled rule needs"):
		d.Code = CodeRequired
		return !other || strings.Contains(msg, "'name'") || strings.Contains(msg, "'severity'")
	case strings.HasPrefix(msg, "unknown field"):
		d.Code = CodeUnknownField
		if m := reTopField.FindStringSubmatch(msg); m != nil {
			if s := suggestName(m[1], ruleFields); s != "" {
				d.Message = fmt.Sprintf("unknown field '%s' (did you mean '%s'?)", m[1], s)
			}
		}
	case strings.Contains(msg, " is spelled "):
		d.Code = CodeSpelling
	case strings.Contains(msg, "' must be ") && !strings.Contains(msg, "negative") ||
		strings.HasSuffix(msg, "is given twice"):
		d.Code = CodeFieldType
	case strings.Contains(msg, "is not in the query's result"):
		d.Code = rc.columnCode(d.Pos.Line)
		if m := reCaseOnly.FindStringSubmatch(msg); m != nil && strings.EqualFold(m[1], m[2]) {
			d.Severity = diag.Warning
			d.Message = fmt.Sprintf("column '%s' is not in the query's result, which has '%s': "+
				"column names are case-sensitive", m[1], m[2])
		}
	case strings.HasPrefix(msg, `"" is not`):
		d.Code, d.Severity = rc.sectionCode(rc.doc.section(d.Pos.Line), msg), diag.Warning
		d.Message = "an empty entry: " + msg
	default:
		d.Code = rc.sectionCode(rc.doc.section(d.Pos.Line), msg)
	}
	return true
}

// columnCode is the code of a mapped column missing from the result.
func (rc *ruleClassifier) columnCode(line int) string {
	switch rc.doc.section(line) {
	case "customDetails":
		return CodeCustomDetails
	case "alertDetailsOverride":
		return CodeAlertDetails
	}
	return CodeEntityColumn
}

// sectionCode is the code of a problem with the value of a field.
func (rc *ruleClassifier) sectionCode(section, msg string) string {
	switch section {
	case "tactics":
		return CodeTactic
	case "relevantTechniques", "techniques", "subTechniques":
		return CodeTechnique
	case "queryFrequency", "queryPeriod":
		if strings.Contains(msg, "is longer than") || strings.HasPrefix(msg, "NRT rules") {
			return CodeSchedule
		}
		return CodeDuration
	case "suppressionDuration":
		return CodeDuration
	case "triggerThreshold":
		return CodeThreshold
	case "entityMappings", "sentinelEntitiesMappings":
		return CodeEntity
	case "customDetails":
		return CodeCustomDetails
	case "alertDetailsOverride":
		return CodeAlertDetails
	case "incidentConfiguration":
		if strings.Contains(msg, "not a duration") || strings.Contains(msg, "Sentinel allows") {
			return CodeDuration
		}
		return CodeIncident
	}
	return CodeEnum // severity, kind, triggerOperator, eventGroupingSettings, …
}

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
