package main

import (
	"testing"

	"github.com/kqlkit/kqlkit/lint"
)

func TestCustomAnalyzers(t *testing.T) {
	l, err := lint.New(lint.WithAnalyzers(resultTime, noTake))
	if err != nil {
		t.Fatal(err)
	}
	list, err := l.File("rule.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range list {
		got = append(got, d.Header()+" ["+d.Code+"]")
	}
	want := []string{
		"rule.yaml:15:3: the result has no TimeGenerated column (columns: Target, Resets) [ORG001]",
		"rule.yaml:20:5: 'take' drops rows from the result; alerts are raised from every row [ORG002]",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got[i], want[i])
		}
	}
}

func TestDisableCustom(t *testing.T) {
	l, err := lint.New(lint.WithAnalyzers(resultTime, noTake), lint.Disable("ORG*"))
	if err != nil {
		t.Fatal(err)
	}
	list, err := l.File("rule.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 0 {
		t.Errorf("got %d diagnostics, want none with ORG* disabled", len(list))
	}
}
