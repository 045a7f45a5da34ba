package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// stage compiles one operator applied to rows of schema in.
func (c *compiler) stage(sc *scope, in data.Schema, op ast.Operator) stage {
	switch op := op.(type) {
	case *ast.WhereOp:
		return c.where(sc, in, op)
	case *ast.MakeSeriesOp:
		return c.makeSeries(sc, in, op)
	case *ast.EvaluateOp:
		return c.evaluate(sc, in, op)
	case *ast.TopNestedOp:
		return c.topNested(sc, in, op)
	case *ast.TopHittersOp:
		return c.topHitters(sc, in, op)
	case *ast.SampleOp:
		return c.sample(sc, in, op)
	case *ast.SampleDistinctOp:
		return c.sampleDistinct(sc, in, op)
	case *ast.ConsumeOp:
		return c.consume(in, op)
	case *ast.PartitionOp:
		return c.partition(sc, in, op)
	case *ast.ReduceOp:
		return c.reduce(sc, in, op)
	case *ast.ExtendOp:
		return c.extend(sc, in, op)
	case *ast.ProjectOp:
		return c.project(sc, in, op)
	case *ast.ProjectAwayOp:
		return c.projectAway(in, op.Columns, false)
	case *ast.ProjectKeepOp:
		return c.projectAway(in, op.Columns, true)
	case *ast.ProjectRenameOp:
		return c.projectRename(in, op)
	case *ast.ProjectReorderOp:
		return c.projectReorder(in, op)
	case *ast.SummarizeOp:
		return c.summarize(sc, in, op)
	case *ast.SortOp:
		return c.sortOp(sc, in, op.By, nil)
	case *ast.TopOp:
		return c.sortOp(sc, in, op.By, op.Count)
	case *ast.TakeOp:
		return c.take(sc, in, op)
	case *ast.CountOp:
		name := "Count"
		if op.As != nil {
			name = op.As.Name
		}
		return &countStage{s: data.Schema{{Name: name, Type: data.Long}}}
	case *ast.DistinctOp:
		return c.distinct(sc, in, op)
	case *ast.JoinOp:
		return c.join(sc, in, op)
	case *ast.LookupOp:
		return c.lookup(sc, in, op)
	case *ast.MvExpandOp:
		return c.mvExpand(sc, in, op)
	case *ast.ParseOp:
		return c.parse(sc, in, op)
	case *ast.MvApplyOp:
		return c.mvApply(sc, in, op)
	case *ast.ParseKvOp:
		return c.parseKv(sc, in, op)
	case *ast.GetSchemaOp:
		return &getSchemaStage{}
	case *ast.SerializeOp:
		if len(op.Exprs) == 0 {
			return nil
		}
		return c.extend(sc, in, &ast.ExtendOp{Span: op.Span, Exprs: op.Exprs})
	case *ast.RenderOp:
		c.recordRender(op)
		return nil // recorded for the caller; no effect on rows
	}
	c.errorf(op, "operator '%s' is not supported yet", op.Name())
	return &openStage{s: openSchema(unknownTypes(in))}
}
