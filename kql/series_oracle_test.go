package kql_test

import (
	"context"
	"encoding/json"
	"math"
	"testing"

	"github.com/kqlkit/kqlkit/kql"
)

// The conformance cases of the series decomposition functions generate
// their input with rand(), so they cannot be rerun as they are. Their
// expected output holds the input series, though: this test feeds it to
// kqlkit and compares the decomposition with Microsoft's.
func TestSeriesOracleReplay(t *testing.T) {
	cases := map[string]struct {
		input, call, column string
		scale               float64 // the case multiplies the column
	}{
		"series-decompose-function-00":           {"y", "series_decompose(y)", "series_decompose_y_baseline", 1},
		"series-decompose-function-01":           {"y", "series_decompose(y)", "series_decompose_y_residual", 1},
		"series-decompose-function-02":           {"y", "series_decompose(y, -1, 'linefit')", "series_decompose_y_trend", 1},
		"series-decompose-anomalies-function-01": {"y", "series_decompose_anomalies(y)", "series_decompose_anomalies_y_ad_flag", 10},
		"series-decompose-anomalies-function-02": {"y", "series_decompose_anomalies(y, 1.5, -1, 'linefit')", "series_decompose_anomalies_y_ad_flag", 10},
		"series-decompose-forecast-function-00":  {"y", "y_forcasted = series_decompose_forecast(y, 24*7)", "y_forcasted", 1},
		"series-outliers-function-00":            {"series", "outliers = series_outliers(y)", "outliers", 1},
	}
	env, err := kql.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range loadConformance(t) {
		want, ok := cases[c.ID]
		if !ok {
			continue
		}
		t.Run(c.ID, func(t *testing.T) {
			col := func(name string) []float64 {
				for i, n := range c.Expected.Columns {
					if n == name {
						var vals []float64
						if err := json.Unmarshal(c.Expected.Rows[0][i], &vals); err != nil {
							t.Fatal(err)
						}
						return vals
					}
				}
				t.Fatalf("no column %s", name)
				return nil
			}
			y, _ := json.Marshal(col(want.input))
			q, err := env.Compile("", "print y = dynamic("+string(y)+") | extend "+want.call+" | project "+want.column)
			if err != nil {
				t.Fatal(err)
			}
			res, err := q.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var got []float64
			if err := json.Unmarshal([]byte(res.Primary().Cols[0].Value(0).Dyn().String()), &got); err != nil {
				t.Fatal(err)
			}
			exp := col(want.column)
			if len(got) != len(exp) {
				t.Fatalf("got %d values, want %d", len(got), len(exp))
			}
			for i := range exp {
				if math.Abs(got[i]*want.scale-exp[i]) > 1e-9*math.Max(1, math.Abs(exp[i])) {
					t.Fatalf("value %d: got %v, want %v", i, got[i]*want.scale, exp[i])
				}
			}
		})
	}
}
