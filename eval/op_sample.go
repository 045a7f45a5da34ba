package eval

import (
	"math/rand/v2"
	"slices"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// sample keeps up to N random rows (in their input order);
// sample-distinct returns up to N random distinct values of a column.
// Both are random by definition: two runs may give different rows.

type sampleStage struct {
	s     data.Schema
	count *cexpr
}

func (c *compiler) sampleCount(sc *scope, e ast.Expr, what string) *cexpr {
	n := c.scalar(sc, nil, e)
	if !n.typ.IsNumeric() && n.typ != data.Unknown {
		c.errorf(e, "%s expects a numeric count, found %s", what, n.typ)
	}
	return n
}

func (c *compiler) sample(sc *scope, in data.Schema, op *ast.SampleOp) stage {
	c.hintsOnly(op.Params, "sample")
	return &sampleStage{s: in, count: c.sampleCount(sc, op.Count, "sample")}
}

// hintsOnly rejects operator parameters other than hints.
func (c *compiler) hintsOnly(params []*ast.OpParam, op string) {
	for _, p := range params {
		if len(p.Name) < 5 || p.Name[:5] != "hint." {
			c.errorf(p, "%s parameter '%s' is not supported", op, p.Name)
		}
	}
}

func (s *sampleStage) outSchema() data.Schema { return s.s }

// sampleN evaluates a sample count.
func sampleN(x *execCtx, e *cexpr) (int, error) {
	v, err := evalScalar(x, e)
	if err != nil || v.IsNull() {
		return 0, err
	}
	f := v.Float64()
	if v.Type().IsInteger() {
		f = float64(v.Int64())
	}
	return int(max(0, min(f, 1<<31))), nil
}

func (s *sampleStage) run(x *execCtx, in *rel) (*rel, error) {
	k, err := sampleN(x, s.count)
	if err != nil {
		return nil, err
	}
	return gatherRel(in, randomRows(in.rows(), k)), nil
}

// randomRows picks k of n row positions at random, in ascending order.
func randomRows(n, k int) []int32 {
	if k >= n {
		out := make([]int32, n)
		for i := range out {
			out[i] = int32(i)
		}
		return out
	}
	perm := rand.Perm(n)[:k]
	out := make([]int32, k)
	for i, p := range perm {
		out[i] = int32(p)
	}
	slices.Sort(out)
	return out
}

type sampleDistinctStage struct {
	s     data.Schema
	of    *cexpr
	count *cexpr
}

func (c *compiler) sampleDistinct(sc *scope, in data.Schema, op *ast.SampleDistinctOp) stage {
	c.hintsOnly(op.Params, "sample-distinct")
	name, of := c.namedExpr(sc, &rowCtx{schema: in}, op.Of)
	if name == "" {
		name = "Column1"
	}
	return &sampleDistinctStage{s: data.Schema{{Name: name, Type: of.typ}}, of: of,
		count: c.sampleCount(sc, op.Count, "sample-distinct")}
}

func (s *sampleDistinctStage) outSchema() data.Schema { return s.s }

func (s *sampleDistinctStage) run(x *execCtx, in *rel) (*rel, error) {
	k, err := sampleN(x, s.count)
	if err != nil {
		return nil, err
	}
	col, err := s.of.eval(newFrame(x, in))
	if err != nil {
		return nil, err
	}
	g := newGrouper([]data.Type{s.of.typ})
	g.groups([]data.Column{col}, in.rows(), make([]uint32, in.rows()))
	vals := g.keyColumns()[0]
	idx := randomRows(vals.Len(), k)
	return &rel{schema: s.s, cols: []data.Column{vals.Gather(idx)}, n: len(idx)}, nil
}

// consumeStage reads its input and returns no rows.
type consumeStage struct{ s data.Schema }

func (c *compiler) consume(in data.Schema, op *ast.ConsumeOp) stage {
	for _, p := range op.Params {
		if p.Name != "decodeblocks" {
			c.errorf(p, "consume parameter '%s' is not supported", p.Name)
		}
	}
	return &consumeStage{s: in}
}

func (s *consumeStage) outSchema() data.Schema { return s.s }

func (s *consumeStage) run(x *execCtx, in *rel) (*rel, error) {
	return relOf(data.EmptyTable("", s.s)), nil
}

// topHittersStage is `top-hitters N of X [by Y]`: the N values of X with
// the most rows (or the largest sum of Y), computed exactly.
type topHittersStage struct {
	sum *summarizeStage
	top *sortStage
}

func (c *compiler) topHitters(sc *scope, in data.Schema, op *ast.TopHittersOp) stage {
	name := c.derivedName(sc, op.Of)
	if a, ok := op.Of.(*ast.AssignExpr); ok {
		name = a.Names[0].Name
	}
	if name == "" {
		name = "Column1"
	}
	sp := spanOf(op.Of)
	agg, aggName := ast.Expr(&ast.CallExpr{Span: sp, Func: &ast.Ident{Span: sp, Name: "count"}}), "approximate_count_"+name
	if op.By != nil {
		agg = &ast.CallExpr{Span: spanOf(op.By), Func: &ast.Ident{Span: sp, Name: "sum"}, Args: []ast.Expr{op.By}}
		aggName = "approximate_sum_" + name
	}
	of := op.Of
	if _, ok := of.(*ast.AssignExpr); !ok {
		of = &ast.AssignExpr{Span: sp, Names: []*ast.Ident{{Span: sp, Name: name}}, Value: op.Of}
	}
	sum := c.summarize(sc, in, &ast.SummarizeOp{Span: op.Span, By: []ast.Expr{of},
		Aggs: []ast.Expr{&ast.AssignExpr{Span: sp, Names: []*ast.Ident{{Span: sp, Name: aggName}}, Value: agg}}}).(*summarizeStage)
	key := &ast.SortExpr{Span: sp, X: &ast.Ident{Span: sp, Name: aggName}, Order: "desc"}
	top := c.sortOp(sc, sum.outSchema(), []*ast.SortExpr{key}, op.Count).(*sortStage)
	return &topHittersStage{sum: sum, top: top}
}

func (t *topHittersStage) outSchema() data.Schema { return t.sum.outSchema() }

func (t *topHittersStage) run(x *execCtx, in *rel) (*rel, error) {
	r, err := t.sum.run(x, in)
	if err != nil {
		return nil, err
	}
	return t.top.run(x, r)
}
