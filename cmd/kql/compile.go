package main

import (
	"errors"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/kql"
)

// compileAndLoad checks the query and loads its tables. When every bound
// table has a declared schema (--schema or the catalog) the query is
// checked before any row is read; a query that names columns only the files
// have is checked again once they are loaded.
func compileAndLoad(tree *ast.Query, src *diag.Source, bs []binding,
	declared map[string]data.Schema, host []kql.Option) (*kql.Query, *loaded, error) {
	allDeclared := true
	for _, b := range bs {
		if _, ok := declared[b.name]; ok {
			continue
		}
		if _, ok := catalog.Lookup(b.name); !ok {
			allDeclared = false
		}
	}
	var early error
	if allDeclared {
		env, err := kql.NewEnv(append(envOptions(declared, nil), host...)...)
		if err != nil {
			return nil, nil, usageErr("%v", err)
		}
		q, err := env.CompileAST(tree, src)
		if err == nil {
			// the query is known: read only the columns it uses
			ld, err := load(bs, declared, q.ColumnsRead())
			if err != nil {
				return nil, nil, err
			}
			return q, ld, nil
		}
		if len(bs) == 0 {
			return nil, nil, inputErr(err)
		}
		early = err
	}
	ld, err := load(bs, declared, nil)
	if err != nil {
		if early != nil {
			return nil, nil, inputErr(early)
		}
		return nil, nil, err
	}
	env, err := kql.NewEnv(append(envOptions(declared, ld.tables), host...)...)
	if err != nil {
		return nil, nil, usageErr("%v", err)
	}
	q, err := env.CompileAST(tree, src)
	if err != nil {
		return nil, nil, inputErr(err)
	}
	return q, ld, nil
}

func asInternal(err error, target *interface{ Internal() bool }) bool {
	return errors.As(err, target) && (*target).Internal()
}
