package rule_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/rule"
	"github.com/kqlkit/kqlkit/tableio"
)

const ruleYAML = `name: Repeated sign-in failures
severity: Low
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
query: |
  SigninLogs
  | where ResultType != "0"
  | summarize Failures = count() by UserPrincipalName
  | where Failures >= 3
entityMappings:
  - entityType: Account
    fieldMappings:
      - identifier: FullName
        columnName: UserPrincipalName
customDetails:
  Failures: Failures
alertDetailsOverride:
  alertDisplayNameFormat: "{{Failures}} failed sign-ins for {{UserPrincipalName}}"
eventGroupingSettings:
  aggregationKind: AlertPerResult
`

const signins = `{"TimeGenerated":"2025-06-01T11:10:00Z","UserPrincipalName":"alice@contoso.com","ResultType":"50126"}
{"TimeGenerated":"2025-06-01T11:20:00Z","UserPrincipalName":"alice@contoso.com","ResultType":"50126"}
{"TimeGenerated":"2025-06-01T11:30:00Z","UserPrincipalName":"alice@contoso.com","ResultType":"50053"}
{"TimeGenerated":"2025-06-01T11:40:00Z","UserPrincipalName":"bob@contoso.com","ResultType":"50126"}
{"TimeGenerated":"2025-06-01T09:00:00Z","UserPrincipalName":"bob@contoso.com","ResultType":"50126"}
{"TimeGenerated":"2025-06-01T09:10:00Z","UserPrincipalName":"bob@contoso.com","ResultType":"50126"}
`

// Load a rule, check it, and evaluate it at an instant over a table.
func ExampleRule_Evaluate() {
	r, err := rule.Parse("signin-failures.yaml", []byte(ruleYAML))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := r.Validate().Err(); err != nil {
		fmt.Println(err)
		return
	}
	logs, err := tableio.ReadJSONLines(strings.NewReader(signins), tableio.ReadOptions{Name: "SigninLogs",
		Schema: data.Schema{{Name: "TimeGenerated", Type: data.DateTime}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	ev, err := r.Evaluate(context.Background(), rule.WithNow(now), rule.WithTables(logs))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("triggered:", ev.Triggered)
	for _, a := range ev.Alerts {
		fmt.Println(a.Name, a.Severity, a.Entities, a.Detail("Failures"))
	}
	// Output:
	// triggered: true
	// 3 failed sign-ins for alice@contoso.com Low [Account(Name=alice, UPNSuffix=contoso.com)] [3]
}

// Validation errors point into the YAML file.
func ExampleRule_Validate() {
	text := strings.Replace(ruleYAML, "queryPeriod: 1h", "queryPeriod: 30 days", 1)
	r, _ := rule.Parse("signin-failures.yaml", []byte(text))
	for _, d := range r.Validate() {
		fmt.Println(d.Header())
	}
	// Output:
	// signin-failures.yaml:4:14: 'queryPeriod': "30 days" is not a duration (write it as 5m, 1h, 14d or PT1H)
}
