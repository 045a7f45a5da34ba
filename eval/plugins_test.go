package eval_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/eval"
	"github.com/kqlkit/kqlkit/kql"
)

// TestPluginsList runs the example of every listed plugin: a supported one
// must run, an unsupported one must fail with "plugin 'x' is not supported".
func TestPluginsList(t *testing.T) {
	env, err := kql.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range eval.Plugins() {
		t.Run(p.Name, func(t *testing.T) {
			if !strings.Contains(p.Example, "evaluate "+p.Name+"(") {
				t.Errorf("example %q does not evaluate %s", p.Example, p.Name)
			}
			q, err := env.Compile("", p.Example)
			if err == nil {
				_, err = q.Run(context.Background())
			}
			switch {
			case p.Supported && err != nil:
				t.Errorf("%s is listed as supported, but %q fails: %v", p.Name, p.Example, err)
			case !p.Supported && err == nil:
				t.Errorf("%s is listed as unsupported, but %q runs: update the list", p.Name, p.Example)
			case !p.Supported && !strings.Contains(err.Error(), "plugin '"+p.Name+"' is not supported"):
				t.Errorf("%s: %q fails without saying it is not supported: %v", p.Name, p.Example, err)
			}
		})
	}
}
