package parser

import "github.com/kqlkit/kqlkit/ast"

func (c *converter) dataTable(sp ast.Span, g *gDataTable) *ast.DataTableExpr {
	return &ast.DataTableExpr{
		Span:    sp,
		Params:  opParams(c, g.Params),
		Columns: c.columnDecls(g.Columns),
		Values:  c.exprs(g.Values),
	}
}

func (c *converter) externalData(sp ast.Span, g *gExternal) *ast.ExternalDataExpr {
	return &ast.ExternalDataExpr{
		Span:    sp,
		Kind:    g.Keyword,
		Columns: c.columnDecls(g.Columns),
		URIs:    c.exprs(g.URIs),
		With:    c.props(g.With),
	}
}
