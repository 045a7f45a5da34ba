//go:build ignore

// gen writes sample.jsonl, the small AADProvisioningLogs sample the
// example rule runs over. It is deterministic: run it again and the file
// does not change.
//
//	go run gen.go > sample.jsonl
//
// The data, for an evaluation at 2025-06-01T12:00:00Z:
//   - a burst of 37 failures of one Salesforce provisioning job in the last
//     hour, spelled "Failure", "failure" and "FAILURE" (the rule fires on it);
//   - 12 failures of a ServiceNow job in the last hour (below the threshold);
//   - 45 failures of a Workday job two to three hours ago (outside the
//     query period);
//   - successes and skipped objects of all three apps over the last three
//     hours.
package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"time"
)

var now = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

const tenant = "5f1c6b2e-8a31-4c0e-9d57-0b6a4f3e2c19"

type app struct {
	name, job, spID, target string
	errors                  [][2]string // code, message
}

var apps = []app{
	{"Salesforce 2", "SalesforceOutDelta.5f1c6b2e8a314c0e.7d4e", "0c6f1d2a-4b7e-4a39-9f0e-5c2d8b1a6e73", "User",
		[][2]string{{"SalesforceInvalidSession", "Salesforce rejected the request: INVALID_SESSION_ID."},
			{"SalesforceLicenseLimitExceeded", "Salesforce rejected the request: LICENSE_LIMIT_EXCEEDED."},
			{"SalesforceDuplicateUsername", "Salesforce rejected the request: DUPLICATE_USERNAME."}}},
	{"ServiceNow", "ServiceNowOutDelta.5f1c6b2e8a314c0e.19ab", "7a2e9c41-0d3b-4f6a-8e15-2b9c7d4f1a08", "sys_user",
		[][2]string{{"ServiceNowUnauthorized", "ServiceNow returned 401 Unauthorized."}}},
	{"Workday to Active Directory", "Workday2AD.5f1c6b2e8a314c0e.c3f0", "e4b7a2d9-6c1f-4e38-a0d5-9f2b3c8e7a16", "User",
		[][2]string{{"AzureActiveDirectoryInvalidAttribute", "The attribute 'employeeId' is invalid."}}},
}

var failureSpellings = []string{"Failure", "Failure", "failure", "FAILURE"}

type row map[string]any

func main() {
	rng := rand.New(rand.NewPCG(42, 2025))
	var rows []row
	add := func(a app, at time.Time, result string, i int) {
		rows = append(rows, makeRow(rng, a, at, result, i))
	}
	// The burst: 37 Salesforce failures between 11:08 and 11:56.
	for i := 0; i < 37; i++ {
		at := now.Add(-52*time.Minute + time.Duration(i)*78*time.Second)
		add(apps[0], at, failureSpellings[i%len(failureSpellings)], i)
	}
	// Background failures of ServiceNow in the last hour.
	for i := 0; i < 12; i++ {
		add(apps[1], now.Add(-time.Duration(rng.IntN(3500)+30)*time.Second), "Failure", i)
	}
	// An old burst of Workday failures, 2 to 3 hours ago.
	for i := 0; i < 45; i++ {
		add(apps[2], now.Add(-2*time.Hour-time.Duration(rng.IntN(3500))*time.Second),
			failureSpellings[i%len(failureSpellings)], i)
	}
	// Successes and skipped objects.
	for i := 0; i < 210; i++ {
		result := "Success"
		if i%5 == 0 {
			result = "Skipped"
		}
		add(apps[i%3], now.Add(-time.Duration(rng.IntN(3*3600-60)+30)*time.Second), result, 100+i)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		return rows[i]["TimeGenerated"].(string) < rows[j]["TimeGenerated"].(string)
	})
	enc := json.NewEncoder(os.Stdout)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func makeRow(rng *rand.Rand, a app, at time.Time, result string, i int) row {
	user := fmt.Sprintf("user%03d@contoso.com", i)
	code, msg := "None", fmt.Sprintf("Export of '%s' to %s succeeded.", user, a.name)
	switch result {
	case "Skipped":
		msg = "The object was skipped because it did not pass the scoping filter."
	case "Success":
	default:
		e := a.errors[i%len(a.errors)]
		code, msg = e[0], e[1]
	}
	return row{
		"TenantId":           tenant,
		"TimeGenerated":      at.Format("2006-01-02T15:04:05.0000000Z"),
		"Id":                 guid(rng),
		"JobId":              a.job,
		"CycleId":            guid(rng),
		"OperationName":      []string{"Export", "Import", "Other"}[i%3],
		"ProvisioningAction": []string{"Create", "Update", "Disable"}[i%3],
		"ResultType":         result,
		"ResultSignature":    code,
		"ResultDescription":  msg,
		"DurationMs":         50 + rng.IntN(900),
		"ServicePrincipal":   js(map[string]string{"Id": a.spID, "Name": a.name, "IdentityType": "ServicePrincipal"}),
		"SourceIdentity":     js(map[string]string{"Id": guid(rng), "Name": user, "IdentityType": "User"}),
		"TargetIdentity":     js(map[string]string{"Id": fmt.Sprintf("t-%s-%03d", a.target, i), "Name": user, "IdentityType": a.target}),
		"SourceSystem":       "Azure",
		"Category":           "ProvisioningLogs",
		"Type":               "AADProvisioningLogs",
	}
}

func guid(rng *rand.Rand) string {
	a, b := rng.Uint64(), rng.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, a>>16&0xffff, a&0xfff, b>>48&0x3fff|0x8000, b&0xffffffffffff)
}

// js returns JSON text with keys in a fixed order (Id, Name, IdentityType).
func js(m map[string]string) string {
	return fmt.Sprintf(`{"Id":%q,"Name":%q,"IdentityType":%q}`, m["Id"], m["Name"], m["IdentityType"])
}
