package parser

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/ast"
)

// op converts one operator after a '|'.
func (c *converter) op(g *gOp) ast.Operator {
	switch {
	case g.Where != nil:
		return &ast.WhereOp{Span: c.span(g.Where.span), Keyword: g.Where.Keyword, Pred: c.namedExpr(g.Where.Pred)}
	case g.Extend != nil:
		return &ast.ExtendOp{Span: c.span(g.Extend.span), Exprs: c.namedExprs(g.Extend.Exprs)}
	case g.Summarize != nil:
		return c.summarize(g.Summarize)
	case g.Project != nil:
		return &ast.ProjectOp{Span: c.span(g.Project.span), Exprs: c.namedExprs(g.Project.Exprs)}
	case g.Join != nil:
		j := g.Join
		return &ast.JoinOp{Span: c.span(j.span), Params: opParams(c, j.Params), Right: c.expr(j.Right), On: c.exprs(j.On)}
	case g.Sort != nil:
		s := g.Sort
		return &ast.SortOp{Span: c.span(s.span), Keyword: s.Keyword, Params: opParams(c, s.Params), By: c.sortKeys(s.By)}
	case g.MvExpand != nil:
		return c.mvExpand(g.MvExpand)
	case g.Parse != nil:
		return c.parseOp(g.Parse)
	case g.Render != nil:
		return c.render(g.Render)
	case g.Distinct != nil:
		d := g.Distinct
		return &ast.DistinctOp{Span: c.span(d.span), Params: opParams(c, d.Params), Columns: c.namedExprs(d.Columns)}
	case g.ProjectAway != nil:
		return c.projectAway(g.ProjectAway)
	case g.Top != nil:
		t := g.Top
		return &ast.TopOp{Span: c.span(t.span), Count: c.expr(t.Count), By: []*ast.SortExpr{c.sortKey(t.By)}}
	case g.Take != nil:
		t := g.Take
		return &ast.TakeOp{Span: c.span(t.span), Keyword: t.Keyword, Params: opParams(c, t.Params), Count: c.expr(t.Count)}
	case g.ProjectRename != nil:
		return c.projectRename(g.ProjectRename)
	case g.MvApply != nil:
		return c.mvApply(g.MvApply)
	case g.ProjectReorder != nil:
		return c.projectReorder(g.ProjectReorder)
	case g.Lookup != nil:
		l := g.Lookup
		return &ast.LookupOp{Span: c.span(l.span), Params: opParams(c, l.Params), Right: c.expr(l.Right), On: c.exprs(l.On)}
	case g.As != nil:
		return &ast.AsOp{Span: c.span(g.As.span), Params: opParams(c, g.As.Params), Alias: c.name(g.As.Name)}
	case g.Count != nil:
		return &ast.CountOp{Span: c.span(g.Count.span), As: c.name(g.Count.As)}
	}
	return c.op2(g)
}

// op2 converts the less common operators.
func (c *converter) op2(g *gOp) ast.Operator {
	switch {
	case g.Evaluate != nil:
		return c.evaluate(g.Evaluate)
	case g.MakeSeries != nil:
		return c.makeSeries(g.MakeSeries)
	case g.Union != nil:
		return c.union(g.Union)
	case g.Invoke != nil:
		return &ast.InvokeOp{Span: c.span(g.Invoke.span), Call: c.callOf(g.Invoke.Call, "invoke")}
	case g.TopNested != nil:
		return c.topNested(g.TopNested)
	case g.Serialize != nil:
		return &ast.SerializeOp{Span: c.span(g.Serialize.span), Exprs: c.namedExprs(g.Serialize.Exprs)}
	case g.ParseKv != nil:
		p := g.ParseKv
		return &ast.ParseKvOp{Span: c.span(p.span), Source: c.expr(p.Source), Columns: c.columnDecls(p.Columns), With: c.props(p.With)}
	case g.Scan != nil:
		return &ast.ScanOp{Span: c.span(g.Scan.span), Text: c.text(g.Scan.span)}
	case g.Reduce != nil:
		r := g.Reduce
		return &ast.ReduceOp{Span: c.span(r.span), Params: opParams(c, r.Params), By: c.expr(r.By), With: c.props(r.With)}
	case g.Partition != nil:
		return c.partition(g.Partition)
	case g.Search != nil:
		return c.search(g.Search)
	case g.Fork != nil:
		return c.fork(g.Fork)
	case g.Facet != nil:
		f := g.Facet
		op := &ast.FacetOp{Span: c.span(f.span), By: c.exprs(f.By)}
		if f.With != nil {
			op.With = c.subPipe(f.With)
		}
		return op
	case g.TopHitters != nil:
		t := g.TopHitters
		op := &ast.TopHittersOp{Span: c.span(t.span), Count: c.expr(t.Count), Of: c.expr(t.Of)}
		if t.By != nil {
			op.By = c.expr(t.By)
		}
		return op
	case g.SampleDistinct != nil:
		s := g.SampleDistinct
		return &ast.SampleDistinctOp{Span: c.span(s.span), Params: opParams(c, s.Params), Count: c.expr(s.Count), Of: c.expr(s.Of)}
	case g.Sample != nil:
		s := g.Sample
		return &ast.SampleOp{Span: c.span(s.span), Params: opParams(c, s.Params), Count: c.expr(s.Count)}
	case g.GetSchema != nil:
		return &ast.GetSchemaOp{Span: c.span(g.GetSchema.span)}
	case g.Consume != nil:
		return &ast.ConsumeOp{Span: c.span(g.Consume.span), Params: opParams(c, g.Consume.Params)}
	case g.ExecAndCache != nil:
		return &ast.ExecuteAndCacheOp{Span: c.span(g.ExecAndCache.span)}
	}
	c.errorf(g.Pos, "expected a tabular operator")
	return &ast.GetSchemaOp{Span: c.span(g.span)}
}

// sourceOp converts an operator that starts a pipeline.
func (c *converter) sourceOp(g *gSourceOp) ast.Operator {
	switch {
	case g.Print != nil:
		return &ast.PrintOp{Span: c.span(g.Print.span), Exprs: c.namedExprs(g.Print.Exprs)}
	case g.Range != nil:
		r := g.Range
		return &ast.RangeOp{Span: c.span(r.span), Column: c.name(r.Column), From: c.expr(r.From), To: c.expr(r.To), Step: c.expr(r.Step)}
	case g.Union != nil:
		return c.union(g.Union)
	case g.Search != nil:
		return c.search(g.Search)
	case g.Find != nil:
		return c.find(g.Find)
	}
	return c.evaluate(g.Evaluate)
}

func (c *converter) summarize(g *gSummarizeOp) *ast.SummarizeOp {
	return &ast.SummarizeOp{
		Span:   c.span(g.span),
		Params: opParams(c, g.Params),
		Aggs:   c.namedExprs(g.Aggs),
		By:     c.namedExprs(g.By),
	}
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
		return &ast.Ident{Span: c.span(g.span), Name: c.stringValue(g.Quoted, g.Pos), Quoted: true}
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

func (c *converter) projectAway(g *gProjectAwayOp) ast.Operator {
	cols := make([]ast.Expr, 0, len(g.Columns))
	for _, col := range g.Columns {
		cols = append(cols, c.columnPattern(col))
	}
	if g.Keyword == "project-keep" {
		return &ast.ProjectKeepOp{Span: c.span(g.span), Columns: cols}
	}
	return &ast.ProjectAwayOp{Span: c.span(g.span), Columns: cols}
}

func (c *converter) projectRename(g *gProjectRenameOp) *ast.ProjectRenameOp {
	op := &ast.ProjectRenameOp{Span: c.span(g.span)}
	for _, r := range g.Renames {
		op.Renames = append(op.Renames, &ast.AssignExpr{
			Span:  c.span(r.span),
			Names: []*ast.Ident{c.declName(r.New)},
			Value: c.expr(r.Old),
		})
	}
	return op
}

func (c *converter) projectReorder(g *gProjectReorderOp) *ast.ProjectReorderOp {
	op := &ast.ProjectReorderOp{Span: c.span(g.span)}
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
			it.To = c.typeOf(g.To).Type
		}
		out = append(out, it)
	}
	return out
}

func (c *converter) mvExpand(g *gMvExpandOp) *ast.MvExpandOp {
	op := &ast.MvExpandOp{Span: c.span(g.span), Keyword: g.Keyword, Params: opParams(c, g.Params), Items: c.mvItems(g.Items)}
	if g.Limit != nil {
		op.Limit = c.expr(g.Limit)
	}
	return op
}

func (c *converter) mvApply(g *gMvApplyOp) *ast.MvApplyOp {
	op := &ast.MvApplyOp{
		Span: c.span(g.span), Keyword: g.Keyword, Params: opParams(c, g.Params),
		Items: c.mvItems(g.Items), On: c.subPipe(g.On),
	}
	if g.Limit != nil {
		op.Limit = c.expr(g.Limit)
	}
	return op
}

func (c *converter) parseOp(g *gParseOp) *ast.ParseOp {
	op := &ast.ParseOp{Span: c.span(g.span), Keyword: g.Keyword, Params: opParams(c, g.Params), Source: c.expr(g.Source)}
	for _, p := range g.Pattern {
		part := &ast.ParsePart{Span: c.span(p.span)}
		switch {
		case p.Strings != nil:
			part.Literal = c.stringLiteral(part.Span, p.Strings)
		case p.Star:
			part.Star = true
		default:
			part.Column = c.name(p.Column)
			if p.Type != "" {
				part.Type = &ast.TypeExpr{Span: c.typeSpan(p), Name: c.scalarType(p.Type, p.Pos)}
			}
		}
		op.Pattern = append(op.Pattern, part)
	}
	return op
}

// typeSpan is the span of the type of a parse capture (`x:long`): its last
// token.
func (c *converter) typeSpan(p *gParsePart) ast.Span {
	i := c.tokenAt(p.EndPos.Offset) - 1
	if i < 0 {
		return c.span(p.span)
	}
	return tokenSpan(c.toks[i])
}

func (c *converter) render(g *gRenderOp) *ast.RenderOp {
	i := c.tokenAt(g.Pos.Offset) + 1
	op := &ast.RenderOp{Span: c.span(g.span), Chart: &ast.Ident{Span: tokenSpan(c.toks[i]), Name: g.Chart}}
	op.With = c.renderProps(g.With)
	for _, p := range c.renderProps(g.Props) {
		name := &ast.Ident{Span: ast.Span{Start: p.Start, Stop: p.Start}, Name: p.Name}
		name.Stop.Offset += len(p.Name)
		name.Stop.Column += len(p.Name)
		op.Extra = append(op.Extra, &ast.AssignExpr{Span: p.Span, Names: []*ast.Ident{name}, Value: p.Value})
	}
	return op
}

// renderProps converts render properties; a list value (ycolumns = a, b)
// becomes a chain of BinaryExprs with Op ",".
func (c *converter) renderProps(gs []*gRenderProp) []*ast.OpParam {
	out := make([]*ast.OpParam, 0, len(gs))
	for _, g := range gs {
		p := &ast.OpParam{Span: c.span(g.span), Name: g.Name, Value: c.expr(g.Values[0])}
		for _, v := range g.Values[1:] {
			y := c.expr(v)
			p.Value = &ast.BinaryExpr{Span: ast.Span{Start: p.Value.Pos(), Stop: y.End()}, X: p.Value, Op: ",", Y: y}
		}
		out = append(out, p)
	}
	return out
}

func (c *converter) evaluate(g *gEvaluateOp) *ast.EvaluateOp {
	op := &ast.EvaluateOp{Span: c.span(g.span), Params: opParams(c, g.Params), Call: c.callOf(g.Call, "evaluate")}
	if g.Schema != nil {
		op.Schema = c.typeExpr(g.Schema)
	}
	return op
}

// callOf converts the function call of evaluate or invoke.
func (c *converter) callOf(g *gPostfix, keyword string) *ast.CallExpr {
	x := c.postfix(g)
	if call, ok := x.(*ast.CallExpr); ok {
		return call
	}
	c.errorf(g.Pos, "expected a function call after '"+keyword+"'")
	return &ast.CallExpr{Span: c.span(g.span), Func: &ast.Ident{Span: c.span(g.span)}}
}

func (c *converter) makeSeries(g *gMakeSeriesOp) *ast.MakeSeriesOp {
	op := &ast.MakeSeriesOp{Span: c.span(g.span), Params: opParams(c, g.Params), On: c.expr(g.On), By: c.namedExprs(g.By)}
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

func (c *converter) union(g *gUnionOp) *ast.UnionOp {
	return &ast.UnionOp{Span: c.span(g.span), Params: opParams(c, g.Params), Tables: c.unionItems(g.Tables)}
}

func (c *converter) topNested(g *gTopNestedOp) *ast.TopNestedOp {
	op := &ast.TopNestedOp{Span: c.span(g.span)}
	for _, cl := range g.Clauses {
		n := &ast.TopNestedClause{Span: c.span(cl.span), Of: c.namedExpr(cl.Of), By: c.namedExpr(cl.By), Order: cl.Order}
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

func (c *converter) partition(g *gPartitionOp) *ast.PartitionOp {
	op := &ast.PartitionOp{Span: c.span(g.span), Params: opParams(c, g.Params), By: c.name(g.By)}
	if g.Sub != nil {
		op.Sub = c.subPipe(g.Sub)
	} else {
		op.Sub = c.pipe(g.Braced)
	}
	return op
}

func (c *converter) search(g *gSearchOp) *ast.SearchOp {
	op := &ast.SearchOp{Span: c.span(g.span), Params: opParams(c, g.Params), Tables: c.unionItems(g.Tables)}
	c.inSearch = true
	op.Pred = c.expr(g.Pred)
	c.inSearch = false
	return op
}

func (c *converter) find(g *gFindOp) *ast.FindOp {
	op := &ast.FindOp{
		Span: c.span(g.span), Params: opParams(c, g.Params), Tables: c.unionItems(g.Tables),
		ProjectSmart: g.ProjectSmart,
	}
	c.inSearch = true
	op.Pred = c.expr(g.Pred)
	c.inSearch = false
	for _, col := range g.Project {
		x := c.expr(col.X)
		if col.Type != "" {
			id, ok := x.(*ast.Ident)
			if !ok {
				c.errorf(col.Pos, "expected a column name before ':'")
				continue
			}
			x = &ast.ColumnDecl{Span: c.span(col.span), Name: id, Type: &ast.TypeExpr{Span: c.span(col.span), Name: c.scalarType(col.Type, col.Pos)}}
		}
		op.Project = append(op.Project, x)
	}
	for _, col := range g.ProjectAway {
		op.ProjectAway = append(op.ProjectAway, c.columnPattern(col))
	}
	return op
}

func (c *converter) fork(g *gForkOp) *ast.ForkOp {
	op := &ast.ForkOp{Span: c.span(g.span)}
	for _, b := range g.Branches {
		var x ast.Expr = c.subPipe(b.Sub)
		if b.Name != nil {
			x = &ast.AssignExpr{Span: c.span(b.span), Names: []*ast.Ident{c.declName(b.Name)}, Value: x}
		}
		op.Branches = append(op.Branches, x)
	}
	return op
}
