// Package data holds the values kqlkit computes with: Kusto's scalar types,
// boxed scalar values, the dynamic tree, typed column vectors with null masks
// and tables. Both the evaluator and the function library build on it.
//
// Column vectors are the unit of work. A column stores its values in a Go
// slice of the type's natural representation (int64 ticks for datetime and
// timespan, float64 for real, string for string, Dynamic for dynamic) with a
// separate null bitmap. A Dict column stores small integer codes into a
// column of distinct values, so that work on repeated strings or JSON
// documents can be done once per distinct value. A Const column is one value
// repeated.
//
// Everything in this package is immutable once built and safe to share
// between goroutines.
package data
