package rule

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/diag"
)

// Operator compares the number of result rows with the trigger threshold.
type Operator string

// Trigger operators, named as Sentinel's API names them.
const (
	GreaterThan Operator = "GreaterThan"
	LessThan    Operator = "LessThan"
	Equal       Operator = "Equal"
	NotEqual    Operator = "NotEqual"
)

// operatorNames maps every accepted spelling (lower case) to its operator.
var operatorNames = map[string]Operator{
	"gt": GreaterThan, "greaterthan": GreaterThan,
	"lt": LessThan, "lessthan": LessThan,
	"eq": Equal, "equal": Equal, "equals": Equal,
	"ne": NotEqual, "notequal": NotEqual, "notequals": NotEqual,
}

// ParseOperator reads gt, lt, eq, ne or GreaterThan, LessThan, Equal,
// NotEqual, in any case.
func ParseOperator(s string) (Operator, bool) {
	op, ok := operatorNames[strings.ToLower(strings.TrimSpace(s))]
	return op, ok
}

// Fires reports whether a run that returned n rows triggers the rule.
func (o Operator) Fires(n, threshold int) bool {
	switch o {
	case LessThan:
		return n < threshold
	case Equal:
		return n == threshold
	case NotEqual:
		return n != threshold
	}
	return n > threshold
}

// Short returns the YAML short form: gt, lt, eq or ne.
func (o Operator) Short() string {
	switch o {
	case LessThan:
		return "lt"
	case Equal:
		return "eq"
	case NotEqual:
		return "ne"
	}
	return "gt"
}

// The values Sentinel accepts for enumerated fields.
var (
	severities = []string{"Informational", "Low", "Medium", "High"}
	kinds      = []string{string(Scheduled), string(NRT)}
	groupings  = []string{string(SingleAlert), string(AlertPerResult)}
	tactics    = []string{"Reconnaissance", "ResourceDevelopment", "InitialAccess", "Execution",
		"Persistence", "PrivilegeEscalation", "DefenseEvasion", "CredentialAccess", "Discovery",
		"LateralMovement", "Collection", "CommandAndControl", "Exfiltration", "Impact",
		"PreAttack", "ImpairProcessControl", "InhibitResponseFunction"}
	matchingMethods = []string{"AllEntities", "AnyAlert", "Selected"}
	alertDetails    = []string{"DisplayName", "Severity"}
	alertProperties = []string{"AlertLink", "ConfidenceLevel", "ConfidenceScore", "ExtendedLinks",
		"ProductComponentName", "ProductName", "ProviderName", "RemediationSteps", "Techniques",
		"SubTechniques"}
	otherKinds = []string{"Fusion", "MicrosoftSecurityIncidentCreation", "MLBehaviorAnalytics",
		"ThreatIntelligence"}
)

// canonical finds s in values ignoring case and spaces ("Command And
// Control" is CommandAndControl).
func canonical(s string, values []string) (string, bool) {
	t := strings.ReplaceAll(s, " ", "")
	for _, v := range values {
		if strings.EqualFold(v, t) {
			return v, true
		}
	}
	return "", false
}

// enum reads a scalar that must be one of values. A value that differs
// only in case or surrounding spaces is accepted with a warning.
func (r *Rule) enum(path string, v *yaml.Node, values []string) string {
	s, ok := r.str(path, v)
	if !ok {
		return ""
	}
	n := resolve(v)
	c, ok := canonical(s, values)
	switch {
	case !ok && path == "kind" && containsFold(otherKinds, s):
		r.errorf(n, "rules of kind '%s' run inside Sentinel only; kqlkit evaluates Scheduled and NRT rules",
			strings.TrimSpace(s))
	case !ok:
		r.errorf(n, "%s %q is not one of %s", leaf(path), s, strings.Join(values, ", "))
	case c != s:
		r.warnf(n, "%s %q is spelled %q in Sentinel", leaf(path), s, c)
	}
	return c
}

// enumList reads a list whose items must be among values.
func (r *Rule) enumList(path string, v *yaml.Node, values []string) []string {
	list := r.strList(path, v)
	var out []string
	for i, s := range list {
		p := r.pos[fmt.Sprintf("%s[%d]", path, i)]
		c, ok := canonical(s, values)
		switch {
		case !ok:
			r.diags.Add(r.diagAt(p, errorSeverity, fmt.Sprintf("%q is not a valid value of '%s'%s",
				s, leaf(path), suggest(s, values))))
			continue
		case c != s:
			r.diags.Add(r.diagAt(p, warningSeverity, fmt.Sprintf("%q is spelled %q in Sentinel", s, c)))
		}
		out = append(out, c)
	}
	return out
}

func containsFold(list []string, s string) bool {
	_, ok := canonical(s, list)
	return ok
}

// suggest returns " (did you mean 'X'?)" for the closest value, or the
// list of values when none is close.
func suggest(s string, values []string) string {
	best, bestD := "", 4
	for _, v := range values {
		if d := diag.EditDistance(strings.ToLower(s), strings.ToLower(v)); d < bestD {
			best, bestD = v, d
		}
	}
	if best == "" && len(s) >= 3 {
		for _, v := range values {
			if strings.HasPrefix(strings.ToLower(v), strings.ToLower(s)) {
				if best != "" {
					best = ""
					break
				}
				best = v
			}
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean '%s'?)", best)
	}
	sorted := append([]string(nil), values...)
	sort.Strings(sorted)
	return " (one of " + strings.Join(sorted, ", ") + ")"
}
