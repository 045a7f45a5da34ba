package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var b strings.Builder
	if err := run(&b, "testdata/rule.yaml"); err != nil {
		t.Fatal(err)
	}
	want := `tables: AuditLogs, SecurityEvent, SigninLogs
columns read: EventID, IPAddress, OperationName, ResultType, Target, TargetResources, TimeGenerated, UserPrincipalName
columns written: Attempts, IPs, Target
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRunErrors(t *testing.T) {
	if err := run(&strings.Builder{}, "testdata/missing.yaml"); err == nil {
		t.Error("a missing file: got no error")
	}
}
