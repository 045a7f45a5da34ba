package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/eval"
	"github.com/kqlkit/kqlkit/kql"
)

// TestOperatorsList runs the example of every operator: a supported one
// must run, an unsupported one must fail with a "not supported" error.
func TestOperatorsList(t *testing.T) {
	env, err := kql.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range eval.Operators() {
		t.Run(op.Name, func(t *testing.T) {
			if !strings.Contains(op.Example, op.Name) && !(op.Name == "sort" || op.Name == "take") {
				t.Errorf("example %q does not use %s", op.Example, op.Name)
			}
			q, err := env.Compile("", op.Example)
			if err == nil {
				_, err = q.Run(context.Background())
			}
			switch {
			case op.Supported && err != nil:
				t.Errorf("%s is listed as supported, but %q fails: %v", op.Name, op.Example, err)
			case !op.Supported && err == nil:
				t.Errorf("%s is listed as unsupported, but %q runs: update the list", op.Name, op.Example)
			case !op.Supported && !strings.Contains(err.Error(), "not supported") && !strings.Contains(err.Error(), "hook"):
				t.Errorf("%s: %q fails without saying it is not supported: %v", op.Name, op.Example, err)
			}
		})
	}
}
