package parser

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/ast"
)

// Conversion of the parts of operators.

func (c *converter) sort(sp ast.Span, keyword string, g *gSortOp) *ast.SortOp {
	return &ast.SortOp{
		Span: sp, Keyword: keyword, Params: opParams(c, g.Params), By: c.sortKeys(g.By),
	}
}

func (c *converter) take(sp ast.Span, keyword string, g *gTakeOp) *ast.TakeOp {
	return &ast.TakeOp{
		Span: sp, Keyword: keyword, Params: opParams(c, g.Params), Count: c.expr(g.Count),
	}
}

func (c *converter) columnPatterns(gs []*gColumnPattern) []ast.Expr {
	out := make([]ast.Expr, 0, len(gs))
	for _, g := range gs {
		out = append(out, c.columnPattern(g))
	}
	return out
}

func (c *converter) sortKeys(gs []*gSortKey) []*ast.SortExpr {
	out := make([]*ast.SortExpr, 0, len(gs))
	for _, g := range gs {
		out = append(out, c.sortKey(g))
	}
	return out
}

func (c *converter) sortKey(g *gSortKey) *ast.SortExpr {
	return &ast.SortExpr{Span: c.span(g.span), X: c.expr(g.X), Order: g.Order, Nulls: g.Nulls}
}

// columnPattern converts a column name or wildcard pattern; the parts of a
// pattern must be written together (Prop*, not Prop *).
func (c *converter) columnPattern(g *gColumnPattern) ast.Expr {
	if g.Quoted != "" {
		return c.ident(g.span, "", g.Quoted)
	}
	return c.pattern(g.Parts)
}

// pattern converts name parts and '*' written side by side into an Ident
// (no '*') or a PatternExpr.
func (c *converter) pattern(parts []lexer.Token) ast.Expr {
	var b strings.Builder
	for i, t := range parts {
		if i > 0 && parts[i-1].Pos.Offset+len(parts[i-1].Value) != t.Pos.Offset {
			c.errorf(t.Pos, "unexpected '"+t.Value+"' (expected ',')")
		}
		b.WriteString(t.Value)
	}
	sp := ast.Span{Start: astPos(parts[0].Pos), Stop: tokenEnd(parts[len(parts)-1])}
	if s := b.String(); strings.Contains(s, "*") {
		return &ast.PatternExpr{Span: sp, Pattern: s}
	}
	return &ast.Ident{Span: sp, Name: b.String()}
}

func (c *converter) projectRename(sp ast.Span, g *gProjectRenameOp) *ast.ProjectRenameOp {
	op := &ast.ProjectRenameOp{Span: sp}
	for _, r := range g.Renames {
		op.Renames = append(op.Renames, &ast.AssignExpr{
			Span:  c.span(r.span),
			Names: []*ast.Ident{c.declName(r.New)},
			Value: c.expr(r.Old),
		})
	}
	return op
}

func (c *converter) projectReorder(sp ast.Span, g *gProjectReorderOp) *ast.ProjectReorderOp {
	op := &ast.ProjectReorderOp{Span: sp}
	for _, k := range g.Columns {
		op.Columns = append(op.Columns, &ast.SortExpr{
			Span:  c.span(k.span),
			X:     c.columnPattern(k.Column),
			Order: k.Order,
		})
	}
	return op
}

func (c *converter) mvItems(gs []*gMvItem) []*ast.MvExpandItem {
	out := make([]*ast.MvExpandItem, 0, len(gs))
	for _, g := range gs {
		it := &ast.MvExpandItem{Span: c.span(g.span), X: c.namedExpr(g.X)}
		if g.To != nil {
			it.To = c.typeOfType(g.To)
		}
		out = append(out, it)
	}
	return out
}

func (c *converter) mvExpand(sp ast.Span, keyword string, g *gMvExpandOp) *ast.MvExpandOp {
	op := &ast.MvExpandOp{
		Span: sp, Keyword: keyword, Params: opParams(c, g.Params), Items: c.mvItems(g.Items),
	}
	if g.Limit != nil {
		op.Limit = c.expr(g.Limit)
	}
	return op
}

func (c *converter) mvApply(sp ast.Span, keyword string, g *gMvApplyOp) *ast.MvApplyOp {
	op := &ast.MvApplyOp{
		Span: sp, Keyword: keyword, Params: opParams(c, g.Params),
		Items: c.mvItems(g.Items), On: c.subPipe(g.On),
	}
	if g.Limit != nil {
		op.Limit = c.expr(g.Limit)
	}
	return op
}

func (c *converter) parseOp(sp ast.Span, keyword string, g *gParseOp) *ast.ParseOp {
	op := &ast.ParseOp{
		Span: sp, Keyword: keyword, Params: opParams(c, g.Params), Source: c.expr(g.Source),
	}
	for _, p := range g.Pattern {
		part := &ast.ParsePart{Span: c.span(p.span)}
		switch {
		case p.Strings != nil:
			part.Literal = c.stringLiteral(part.Span, p.Strings)
		case p.Star:
			part.Star = true
		default:
			part.Column = c.name(p.Column)
			if p.Type != nil {
				part.Type = c.typeName(p.Type)
			}
		}
		op.Pattern = append(op.Pattern, part)
	}
	return op
}

// typeName converts a scalar type name.
func (c *converter) typeName(g *gTypeName) *ast.TypeExpr {
	return &ast.TypeExpr{Span: c.span(g.span), Name: c.scalarType(g.Name, g.Pos())}
}

func (c *converter) render(sp ast.Span, g *gRenderOp) *ast.RenderOp {
	op := &ast.RenderOp{Span: sp, Chart: &ast.Ident{Span: tokenSpan(g.Chart), Name: g.Chart.Value}}
	op.With = c.renderProps(g.With)
	for _, p := range c.renderProps(g.Props) {
		name := &ast.Ident{Span: ast.Span{Start: p.Start, Stop: p.Start}, Name: p.Name}
		name.Stop.Offset += len(p.Name)
		name.Stop.Column += len(p.Name)
		op.Extra = append(op.Extra, &ast.AssignExpr{
			Span: p.Span, Names: []*ast.Ident{name}, Value: p.Value,
		})
	}
	return op
}

// renderProps converts render properties; a list value (ycolumns = a, b)
// becomes a chain of BinaryExprs with Op ",".
func (c *converter) renderProps(gs []*gRenderProp) []*ast.OpParam {
	out := make([]*ast.OpParam, 0, len(gs))
	for _, g := range gs {
		p := &ast.OpParam{Span: c.span(g.span), Name: g.Name.Value, Value: c.expr(g.Values[0])}
		for _, v := range g.Values[1:] {
			y := c.expr(v)
			p.Value = &ast.BinaryExpr{
				Span: ast.Span{Start: p.Value.Pos(), Stop: y.End()}, X: p.Value, Op: ",",
				Y: y,
			}
		}
		out = append(out, p)
	}
	return out
}

func (c *converter) evaluate(sp ast.Span, g *gEvaluateOp) *ast.EvaluateOp {
	op := &ast.EvaluateOp{
		Span: sp, Params: opParams(c, g.Params), Call: c.callOf(g.Call, "evaluate"),
	}
	if g.Schema != nil {
		op.Schema = c.typeExpr(g.Schema)
	}
	return op
}

// callOf converts the function call of evaluate or invoke.
func (c *converter) callOf(g *gOperand, keyword string) *ast.CallExpr {
	x := c.operand(g)
	if call, ok := x.(*ast.CallExpr); ok {
		return call
	}
	c.errorf(g.Pos(), "expected a function call after '"+keyword+"'")
	return &ast.CallExpr{Span: c.span(g.span), Func: &ast.Ident{Span: c.span(g.span)}}
}

func (c *converter) makeSeries(sp ast.Span, g *gMakeSeriesOp) *ast.MakeSeriesOp {
	op := &ast.MakeSeriesOp{
		Span: sp, Params: opParams(c, g.Params), On: c.expr(g.On), By: c.namedExprs(g.By),
	}
	for _, a := range g.Aggs {
		agg := &ast.MakeSeriesAgg{Span: c.span(a.span), X: c.namedExpr(a.X)}
		if a.Default != nil {
			agg.Default = c.expr(a.Default)
		}
		op.Aggs = append(op.Aggs, agg)
	}
	if r := g.InRange; r != nil {
		op.InRange = true
		op.From, op.To, op.Step = c.expr(r.From), c.expr(r.To), c.expr(r.Step)
		return op
	}
	if g.From != nil {
		op.From = c.expr(g.From)
	}
	if g.To != nil {
		op.To = c.expr(g.To)
	}
	op.Step = c.expr(g.Step)
	return op
}

func (c *converter) unionItems(gs []*gUnionItem) []ast.Expr {
	out := make([]ast.Expr, 0, len(gs))
	for _, g := range gs {
		if g.Pattern != nil {
			out = append(out, c.pattern(g.Pattern))
		} else {
			out = append(out, c.expr(g.Expr))
		}
	}
	return out
}

func (c *converter) union(sp ast.Span, g *gUnionOp) *ast.UnionOp {
	return &ast.UnionOp{Span: sp, Params: opParams(c, g.Params), Tables: c.unionItems(g.Tables)}
}

func (c *converter) topNested(sp ast.Span, g *gTopNestedOp) *ast.TopNestedOp {
	op := &ast.TopNestedOp{Span: sp}
	for _, cl := range append([]*gTopNestedClause{g.First}, g.Rest...) {
		n := &ast.TopNestedClause{
			Span: c.span(cl.span), Of: c.namedExpr(cl.Of), By: c.namedExpr(cl.By),
			Order: cl.Order,
		}
		if cl.Count != nil {
			n.Count = c.expr(cl.Count)
		}
		if cl.Others != nil {
			n.Others = c.expr(cl.Others)
		}
		op.Clauses = append(op.Clauses, n)
	}
	return op
}

func (c *converter) partition(sp ast.Span, g *gPartitionOp) *ast.PartitionOp {
	op := &ast.PartitionOp{Span: sp, Params: opParams(c, g.Params), By: c.name(g.By)}
	if g.Sub != nil {
		op.Sub = c.subPipe(g.Sub)
	} else {
		op.Sub = c.pipe(g.Braced)
	}
	return op
}

func (c *converter) search(sp ast.Span, g *gSearchOp) *ast.SearchOp {
	op := &ast.SearchOp{Span: sp, Params: opParams(c, g.Params), Tables: c.unionItems(g.Tables)}
	c.inSearch = true
	op.Pred = c.expr(g.Pred)
	c.inSearch = false
	return op
}

func (c *converter) find(sp ast.Span, g *gFindOp) *ast.FindOp {
	op := &ast.FindOp{
		Span: sp, Params: opParams(c, g.Params), Tables: c.unionItems(g.Tables),
		ProjectSmart: g.ProjectSmart,
	}
	c.inSearch = true
	op.Pred = c.expr(g.Pred)
	c.inSearch = false
	for _, col := range g.Project {
		x := c.expr(col.X)
		if col.Type != nil {
			id, ok := x.(*ast.Ident)
			if !ok {
				c.errorf(col.Pos(), "expected a column name before ':'")
				continue
			}
			x = &ast.ColumnDecl{Span: c.span(col.span), Name: id, Type: c.typeName(col.Type)}
		}
		op.Project = append(op.Project, x)
	}
	for _, col := range g.ProjectAway {
		op.ProjectAway = append(op.ProjectAway, c.columnPattern(col))
	}
	return op
}

func (c *converter) fork(sp ast.Span, g *gForkOp) *ast.ForkOp {
	op := &ast.ForkOp{Span: sp}
	for _, b := range g.Branches {
		var x ast.Expr = c.subPipe(b.Sub)
		if b.Name != nil {
			x = &ast.AssignExpr{
				Span: c.span(b.span), Names: []*ast.Ident{c.declName(b.Name)}, Value: x,
			}
		}
		op.Branches = append(op.Branches, x)
	}
	return op
}
