package eval_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/kql"
)

func TestColumnsRead(t *testing.T) {
	schema := data.Schema{{Name: "A", Type: data.Long}, {Name: "B", Type: data.String},
		{Name: "C", Type: data.String}, {Name: "D", Type: data.Long}}
	env, err := kql.NewEnv(kql.WithTable("T", schema), kql.WithTable("U", schema))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		want  map[string][]string
	}{
		{"T | where A > 1 | summarize count() by B", map[string][]string{"T": {"A", "B"}}},
		{"T | where A > 1", map[string][]string{"T": {"A", "B", "C", "D"}}},
		{"T", map[string][]string{"T": nil}},
		{"T | project B | take 3", map[string][]string{"T": {"B"}}},
		{"T | count", map[string][]string{"T": {}}},
		{"let X = T; X | project A; X | project C", map[string][]string{"T": {"A", "C"}}},
		{"T | project A | join (U) on A", map[string][]string{"T": {"A"}, "U": nil}},
		{"T | extend E = strlen(C) | project E, D", map[string][]string{"T": {"C", "D"}}},
	} {
		q, err := env.Compile("", tc.query)
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		got := q.ColumnsRead()
		for _, cols := range got {
			sort.Strings(cols)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.query, got, tc.want)
		}
	}
}
