package parser

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/ast"
)

// op converts one operator after a '|'.
func (c *converter) op(g *gOp) ast.Operator {
	sp := c.span(g.span)
	switch {
	case g.Where != nil:
		return &ast.WhereOp{Span: sp, Keyword: "where", Pred: c.namedExpr(g.Where.Pred)}
	case g.Extend != nil:
		return &ast.ExtendOp{Span: sp, Exprs: c.namedExprs(g.Extend.Exprs)}
	case g.Summarize != nil:
		s := g.Summarize
		return &ast.SummarizeOp{Span: sp, Params: opParams(c, s.Params), Aggs: c.namedExprs(s.Aggs), By: c.namedExprs(s.By)}
	case g.Project != nil:
		return &ast.ProjectOp{Span: sp, Exprs: c.namedExprs(g.Project.Exprs)}
	case g.Join != nil:
		j := g.Join
		return &ast.JoinOp{Span: sp, Params: opParams(c, j.Params), Right: c.expr(j.Right), On: c.exprs(j.On)}
	case g.Sort != nil:
		return c.sort(sp, "sort", g.Sort)
	case g.MvExpand != nil:
		return c.mvExpand(sp, "mv-expand", g.MvExpand)
	case g.Parse != nil:
		return c.parseOp(sp, "parse", g.Parse)
	case g.Render != nil:
		return c.render(sp, g.Render)
	case g.Distinct != nil:
		d := g.Distinct
		return &ast.DistinctOp{Span: sp, Params: opParams(c, d.Params), Columns: c.namedExprs(d.Columns)}
	case g.Order != nil:
		return c.sort(sp, "order", g.Order)
	case g.ProjectAway != nil:
		return &ast.ProjectAwayOp{Span: sp, Columns: c.columnPatterns(g.ProjectAway.Columns)}
	case g.Top != nil:
		t := g.Top
		return &ast.TopOp{Span: sp, Count: c.expr(t.Count), By: []*ast.SortExpr{c.sortKey(t.By)}}
	case g.Take != nil:
		return c.take(sp, "take", g.Take)
	case g.Limit != nil:
		return c.take(sp, "limit", g.Limit)
	}
	return c.op2(sp, g)
}

// op2 converts the less common operators.
func (c *converter) op2(sp ast.Span, g *gOp) ast.Operator {
	switch {
	case g.ProjectRename != nil:
		return c.projectRename(sp, g.ProjectRename)
	case g.MvApply != nil:
		return c.mvApply(sp, "mv-apply", g.MvApply)
	case g.ProjectReorder != nil:
		return c.projectReorder(sp, g.ProjectReorder)
	case g.Evaluate != nil:
		return c.evaluate(sp, g.Evaluate)
	case g.Lookup != nil:
		l := g.Lookup
		return &ast.LookupOp{Span: sp, Params: opParams(c, l.Params), Right: c.expr(l.Right), On: c.exprs(l.On)}
	case g.As != nil:
		return &ast.AsOp{Span: sp, Params: opParams(c, g.As.Params), Alias: c.name(g.As.Name)}
	case g.MakeSeries != nil:
		return c.makeSeries(sp, g.MakeSeries)
	case g.MvExpandOld != nil:
		return c.mvExpand(sp, "mvexpand", g.MvExpandOld)
	case g.Union != nil:
		return c.union(sp, g.Union)
	case g.Invoke != nil:
		return &ast.InvokeOp{Span: sp, Call: c.callOf(g.Invoke, "invoke")}
	case g.ParseWhere != nil:
		return c.parseOp(sp, "parse-where", g.ParseWhere)
	case g.Count != nil:
		return &ast.CountOp{Span: sp, As: c.name(g.Count.As)}
	case g.TopNested != nil:
		return c.topNested(sp, g.TopNested)
	case g.Serialize != nil:
		return &ast.SerializeOp{Span: sp, Exprs: c.namedExprs(g.Serialize.Exprs)}
	case g.ProjectKeep != nil:
		return &ast.ProjectKeepOp{Span: sp, Columns: c.columnPatterns(g.ProjectKeep.Columns)}
	case g.ParseKv != nil:
		p := g.ParseKv
		return &ast.ParseKvOp{Span: sp, Source: c.expr(p.Source), Columns: c.columnDecls(p.Columns), With: c.props(p.With)}
	case g.Scan != nil:
		return &ast.ScanOp{Span: sp, Text: c.src.Text[sp.Start.Offset:sp.Stop.Offset]}
	case g.Reduce != nil:
		r := g.Reduce
		return &ast.ReduceOp{Span: sp, Params: opParams(c, r.Params), By: c.expr(r.By), With: c.props(r.With)}
	case g.Partition != nil:
		return c.partition(sp, g.Partition)
	}
	return c.op3(sp, g)
}

// op3 converts the rarest operators.
func (c *converter) op3(sp ast.Span, g *gOp) ast.Operator {
	switch {
	case g.Search != nil:
		return c.search(sp, g.Search)
	case g.Filter != nil:
		return &ast.WhereOp{Span: sp, Keyword: "filter", Pred: c.namedExpr(g.Filter.Pred)}
	case g.Fork != nil:
		return c.fork(sp, g.Fork)
	case g.Facet != nil:
		f := g.Facet
		op := &ast.FacetOp{Span: sp, By: c.exprs(f.By)}
		if f.With != nil {
			op.With = c.subPipe(f.With)
		}
		return op
	case g.TopHitters != nil:
		t := g.TopHitters
		op := &ast.TopHittersOp{Span: sp, Count: c.expr(t.Count), Of: c.expr(t.Of)}
		if t.By != nil {
			op.By = c.expr(t.By)
		}
		return op
	case g.SampleDistinct != nil:
		s := g.SampleDistinct
		return &ast.SampleDistinctOp{Span: sp, Params: opParams(c, s.Params), Count: c.expr(s.Count), Of: c.expr(s.Of)}
	case g.Sample != nil:
		s := g.Sample
		return &ast.SampleOp{Span: sp, Params: opParams(c, s.Params), Count: c.expr(s.Count)}
	case g.MvApplyOld != nil:
		return c.mvApply(sp, "mvapply", g.MvApplyOld)
	case g.GetSchema:
		return &ast.GetSchemaOp{Span: sp}
	case g.Consume != nil:
		return &ast.ConsumeOp{Span: sp, Params: opParams(c, g.Consume.Params)}
	case g.ExecAndCache:
		return &ast.ExecuteAndCacheOp{Span: sp}
	}
	c.errorf(g.Pos(), "expected a tabular operator")
	return &ast.GetSchemaOp{Span: sp}
}

// sourceOp converts the operator that starts a pipeline.
func (c *converter) sourceOp(sp ast.Span, g *gPipe) ast.Operator {
	switch {
	case g.Print != nil:
		return &ast.PrintOp{Span: sp, Exprs: c.namedExprs(g.Print.Exprs)}
	case g.Range != nil:
		r := g.Range
		return &ast.RangeOp{Span: sp, Column: c.name(r.Column), From: c.expr(r.From), To: c.expr(r.To), Step: c.expr(r.Step)}
	case g.Union != nil:
		return c.union(sp, g.Union)
	case g.Search != nil:
		return c.search(sp, g.Search)
	case g.Find != nil:
		return c.find(sp, g.Find)
	}
	return c.evaluate(sp, g.Evaluate)
}

func (c *converter) sort(sp ast.Span, keyword string, g *gSortOp) *ast.SortOp {
	return &ast.SortOp{Span: sp, Keyword: keyword, Params: opParams(c, g.Params), By: c.sortKeys(g.By)}
}

func (c *converter) take(sp ast.Span, keyword string, g *gTakeOp) *ast.TakeOp {
	return &ast.TakeOp{Span: sp, Keyword: keyword, Params: opParams(c, g.Params), Count: c.expr(g.Count)}
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
		return &ast.Ident{Span: c.span(g.span), Name: c.stringValue(g.Quoted, g.Pos()), Quoted: true}
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
	op := &ast.MvExpandOp{Span: sp, Keyword: keyword, Params: opParams(c, g.Params), Items: c.mvItems(g.Items)}
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
	op := &ast.ParseOp{Span: sp, Keyword: keyword, Params: opParams(c, g.Params), Source: c.expr(g.Source)}
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
		op.Extra = append(op.Extra, &ast.AssignExpr{Span: p.Span, Names: []*ast.Ident{name}, Value: p.Value})
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
			p.Value = &ast.BinaryExpr{Span: ast.Span{Start: p.Value.Pos(), Stop: y.End()}, X: p.Value, Op: ",", Y: y}
		}
		out = append(out, p)
	}
	return out
}

func (c *converter) evaluate(sp ast.Span, g *gEvaluateOp) *ast.EvaluateOp {
	op := &ast.EvaluateOp{Span: sp, Params: opParams(c, g.Params), Call: c.callOf(g.Call, "evaluate")}
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
	op := &ast.MakeSeriesOp{Span: sp, Params: opParams(c, g.Params), On: c.expr(g.On), By: c.namedExprs(g.By)}
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
			x = &ast.AssignExpr{Span: c.span(b.span), Names: []*ast.Ident{c.declName(b.Name)}, Value: x}
		}
		op.Branches = append(op.Branches, x)
	}
	return op
}
