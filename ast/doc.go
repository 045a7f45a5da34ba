// Package ast declares the syntax tree of a Kusto Query Language query.
//
// A Query is a list of statements (let, set, declare, and the query
// expression). Expressions cover both scalar expressions (x + 1,
// tolower(Name)) and tabular ones (T | where x > 1); a pipeline is a PipeExpr
// whose Source produces rows and whose Ops transform them. Every node records
// where it starts and ends in the source text (Pos and End), so tools can
// point at it.
//
// Walk and Inspect traverse a tree in source order; NodeAt finds the nodes
// around a text offset. Format and Print turn any tree back into KQL in one
// canonical layout, and FormatValue writes a value as a KQL literal. Dump
// lists a tree for tests and golden files.
//
// The names follow KQL's own vocabulary: WhereOp for `where`, SummarizeOp
// for `summarize`, InExpr for `in`/`has_any`, and so on.
package ast
