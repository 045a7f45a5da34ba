package functions_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/functions"
	"github.com/kqlkit/kqlkit/kql"
)

// TestSeriesExamples runs the documented examples of every series_*
// function and compares the first value of the last result column with
// the documented result.
func TestSeriesExamples(t *testing.T) {
	env, err := kql.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range functions.Builtins().ScalarNames() {
		if !strings.HasPrefix(name, "series_") {
			continue
		}
		f, _ := functions.Builtins().Scalar(name)
		if len(f.Examples) == 0 || f.Doc == "" || !strings.HasPrefix(f.Sig, name+"(") {
			t.Errorf("%s: missing documentation or examples", name)
		}
		for _, ex := range f.Examples {
			q, err := env.Compile("", ex.Query)
			if err != nil {
				t.Errorf("%s: %v", ex.Query, err)
				continue
			}
			res, err := q.Run(context.Background())
			if err != nil {
				t.Errorf("%s: %v", ex.Query, err)
				continue
			}
			tab := res.Primary()
			got := showResult(tab.Cols[len(tab.Cols)-1].Value(0))
			if got != ex.Result {
				t.Errorf("%s: got %s, want %s", ex.Query, got, ex.Result)
			}
		}
	}
}
