package functions

import "github.com/kqlkit/kqlkit/data"

func init() {
	register(&Scalar{Name: "ingestion_time", Sig: "ingestion_time(): datetime",
		Doc: "The time a row was ingested. In-memory tables have no ingestion-time policy, so, " +
			"as Kusto does for such tables, it is null.",
		Examples: []Example{{"print isnull(ingestion_time())", "true"}},
		Overloads: []Overload{{Result: data.DateTime, Kernel: func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
			return data.NullColumn(data.DateTime, n), nil
		}}}})
}
