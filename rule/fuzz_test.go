package rule

import (
	"context"
	"testing"
)

// FuzzParse checks that reading and validating any text never panics, and
// that a rule that validates can be evaluated without panicking.
func FuzzParse(f *testing.F) {
	f.Add(base)
	f.Add("name: x\nseverity: Low\nquery: T\nqueryFrequency: 5m\nqueryPeriod: 5m\n")
	f.Add("query: |\n  T\n  | where x > 1\nentityMappings:\n  - entityType: IP\n    fieldMappings: []\n")
	f.Add("alertDetailsOverride:\n  alertDisplayNameFormat: '{{'\n  alertDynamicProperties: [{alertProperty: X}]\n")
	f.Add("incidentConfiguration: {groupingConfiguration: {lookbackDuration: P8D, matchingMethod: Selected}}\n")
	f.Add("a: &x [*x]\n")
	f.Fuzz(func(t *testing.T, text string) {
		r, err := Parse("fuzz.yaml", []byte(text))
		if err != nil {
			return
		}
		if r.Validate().Err() != nil {
			return
		}
		_, _ = r.Evaluate(context.Background(), WithNow(testNow))
	})
}
