// Package functions is kqlkit's library of KQL scalar and aggregate
// functions. Each function is registered with its KQL signature (used by
// the checker and linters), its documentation, and a binder that, given the
// argument types and any constant arguments, returns the result type and a
// vectorised kernel.
//
// Kernels work on whole columns: a call gets one data.Column per argument
// (a *data.ConstCol for constant arguments, possibly a *data.DictCol) and
// returns a column of the same length. The Map helpers build kernels from
// per-value Go functions, handling nulls, constants and dictionaries once.
package functions
