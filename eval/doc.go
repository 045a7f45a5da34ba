// Package eval checks and runs KQL queries over in-memory tables.
//
// Compile turns a parsed query into a Query: names are resolved against the
// environment (table schemas, functions, let bindings), every expression is
// typed and compiled into a vectorised closure, and every tabular operator
// into a plan node that knows its output schema. A Query is immutable and
// may be run many times, from many goroutines at once.
//
// Run evaluates the plan over the tables given. Operators work on
// relations: a set of equally long columns plus an optional selection
// vector of active rows, so that `where` narrows a relation without copying
// it. Row-local operators (where, extend, project, …) run on chunks of rows,
// in parallel when a query is large enough, and feed the operators that
// need all their input (summarize, sort, join, …).
//
// Operators whose output columns depend on the data (bag_unpack, pivot,
// search over every table) make a query late: Run compiles it again with
// the data at hand (see late.go).
package eval
