// Package kql is kqlkit's front door: parse, compile and run Kusto Query
// Language queries over in-memory tables.
//
// A typical program builds an Env once (the tables it will bind, the
// Sentinel catalog, extra functions), compiles each query once, and runs
// the compiled Query as often as it likes, from as many goroutines as it
// likes:
//
//	env, _ := kql.NewEnv(kql.WithTable("Events", schema))
//	q, err := env.Compile(`Events | where Level == "error" | count`)
//	if err != nil {
//		// err prints as file:line:col: message, with the line and a caret
//	}
//	res, err := q.Run(ctx, kql.WithData(events), kql.WithNow(now))
//
// Parse alone gives the syntax tree (package ast) for tools.
package kql
