package functions_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/functions"
	"github.com/kqlkit/kqlkit/kql"
)

// TestGeoExamples runs the documented examples of the geospatial functions
// and compares their first result value with the documented result.
func TestGeoExamples(t *testing.T) {
	env, err := kql.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range functions.Builtins().ScalarNames() {
		if !strings.HasPrefix(name, "geo_") || name == "geo_info_from_ip_address" || strings.Contains(name, "h3") {
			continue
		}
		n++
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
			got := showResult(res.Primary().Cols[0].Value(0))
			if res.Primary().Cols[0].IsNull(0) {
				got = "null"
			}
			if got != ex.Result {
				t.Errorf("%s: got %s, want %s", ex.Query, got, ex.Result)
			}
		}
	}
	if n < 40 {
		t.Errorf("got %d geospatial functions, want at least 40", n)
	}
}
