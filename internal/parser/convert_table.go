package parser

import "github.com/kqlkit/kqlkit/ast"

func (c *converter) dataTable(g *gDataTable) *ast.DataTableExpr {
	return &ast.DataTableExpr{
		Span:    c.span(g.span),
		Params:  opParams(c, g.Params),
		Columns: c.columnDecls(g.Columns),
		Values:  c.exprs(g.Values),
	}
}

func (c *converter) externalData(g *gExternal) *ast.ExternalDataExpr {
	return &ast.ExternalDataExpr{
		Span:    c.span(g.span),
		Kind:    g.Keyword,
		Columns: c.columnDecls(g.Columns),
		URIs:    c.exprs(g.URIs),
		With:    c.props(g.With),
	}
}
