package kql_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kqlkit/kqlkit/eval"
	"github.com/kqlkit/kqlkit/kql"
)

// FuzzRun compiles and runs arbitrary queries: any outcome is fine except
// a panic or an internal error. Seeds are the script tests and the
// conformance queries.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob("../testdata/scripts/*.test")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, c := range parseScript(string(b)) {
			f.Add(c.query)
		}
	}
	cases := loadConformance(f)
	for i, c := range cases {
		if i%3 == 0 && !strings.Contains(c.KQL, "range") {
			f.Add(c.KQL)
		}
	}
	env, err := kql.NewEnv()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, query string) {
		q, err := env.Compile("", query)
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		_, err = q.Run(ctx, kql.WithNow(scriptNow))
		var internal *eval.InternalError
		if errors.As(err, &internal) {
			t.Fatalf("query %q: %v", query, err)
		}
	})
}
