package kql

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/internal/parser"
)

// Parse parses a query. name labels positions in errors ("" prints as
// <query>). The error, if any, is a diag.List.
func Parse(name, text string) (*ast.Query, error) {
	return ParseSource(diag.NewSource(name, text))
}

// ParseSource parses the query text of src; positions in errors go through
// src.Map, so a query embedded in a file is reported at its place there.
func ParseSource(src *diag.Source) (*ast.Query, error) {
	q, errs := parser.Parse(src)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return q, nil
}
