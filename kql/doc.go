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
// Some data a query may name only the host program can provide: the
// watchlists _GetWatchlist reads (WithWatchlist), the files externaldata
// reads (WithExternalData, WithExternalDataFunc), IP geolocation for
// geo_info_from_ip_address (WithGeoIP) and workspace functions such as
// ASIM parsers (WithStoredFunctions). kqlkit uses no network; without the
// option, such a query fails to compile with an error naming it.
//
// A few operators make columns from the data itself (bag_unpack and pivot
// without a declared output schema, search and find over every table):
// such a query is Late, and each Run checks and plans it again once the
// data is known. A render operator draws nothing; Result.Render records it.
//
// Parse alone gives the syntax tree (package ast) for tools.
package kql
