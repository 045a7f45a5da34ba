package parser

import "github.com/kqlkit/kqlkit/ast"

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
		return &ast.SummarizeOp{
			Span: sp, Params: opParams(c, s.Params), Aggs: c.namedExprs(s.Aggs),
			By: c.namedExprs(s.By),
		}
	case g.Project != nil:
		return &ast.ProjectOp{Span: sp, Exprs: c.namedExprs(g.Project.Exprs)}
	case g.Join != nil:
		j := g.Join
		return &ast.JoinOp{
			Span: sp, Params: opParams(c, j.Params), Right: c.expr(j.Right), On: c.exprs(j.On),
		}
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
		return &ast.DistinctOp{
			Span: sp, Params: opParams(c, d.Params), Columns: c.namedExprs(d.Columns),
		}
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
		return &ast.LookupOp{
			Span: sp, Params: opParams(c, l.Params), Right: c.expr(l.Right), On: c.exprs(l.On),
		}
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
		return &ast.ParseKvOp{
			Span: sp, Source: c.expr(p.Source), Columns: c.columnDecls(p.Columns),
			With: c.props(p.With),
		}
	case g.Scan != nil:
		return &ast.ScanOp{Span: sp, Text: c.src.Text[sp.Start.Offset:sp.Stop.Offset]}
	case g.Reduce != nil:
		r := g.Reduce
		return &ast.ReduceOp{
			Span: sp, Params: opParams(c, r.Params), By: c.expr(r.By), With: c.props(r.With),
		}
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
		return &ast.SampleDistinctOp{
			Span: sp, Params: opParams(c, s.Params), Count: c.expr(s.Count), Of: c.expr(s.Of),
		}
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
		return &ast.RangeOp{
			Span: sp, Column: c.name(r.Column), From: c.expr(r.From), To: c.expr(r.To),
			Step: c.expr(r.Step),
		}
	case g.Union != nil:
		return c.union(sp, g.Union)
	case g.Search != nil:
		return c.search(sp, g.Search)
	case g.Find != nil:
		return c.find(sp, g.Find)
	}
	return c.evaluate(sp, g.Evaluate)
}
