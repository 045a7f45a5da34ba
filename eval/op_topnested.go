package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// top-nested selects values hierarchically:
//
//	T | top-nested [N] of [Name =] Expr [with others = Const] by [Name =] Agg [asc|desc], …
//
// The first clause groups the rows by its expression and keeps the N
// groups with the largest (or, with asc, smallest) aggregate; each next
// clause does the same within every group kept by the previous ones. The
// output has two columns per clause, the value and its aggregate (named
// aggregated_<value column> unless named), and one row per path of kept
// values. With `with others`, each group also gets a row whose value is
// Const and whose aggregate covers the rows of the values not kept; the
// columns of the deeper clauses are null on that row.

type nestLevel struct {
	key    *cexpr // over the input
	count  *cexpr // nil: every value
	asc    bool
	others *data.Value // nil without `with others`
	sum    *summarizeStage
	rest   *summarizeStage // aggregate by the previous keys (others)
}

type topNestedStage struct {
	s      data.Schema
	levels []*nestLevel
	inLen  int
}

func nestKey(j int) string { return fmt.Sprintf("\x00nest%d", j) }

func (c *compiler) topNested(sc *scope, in data.Schema, op *ast.TopNestedOp) stage {
	st := &topNestedStage{inLen: len(in)}
	row := &rowCtx{schema: in}
	work := append(data.Schema(nil), in...)
	names := newNameSet()
	var keys []ast.Expr
	for j, cl := range op.Clauses {
		lv := &nestLevel{asc: strings.EqualFold(cl.Order, "asc")}
		name, key := c.namedExpr(sc, row, cl.Of)
		if name == "" {
			name = names.column()
		}
		name = names.unique(name)
		lv.key = key
		if cl.Count != nil {
			lv.count = c.scalar(sc, nil, cl.Count)
			if !lv.count.typ.IsInteger() && lv.count.typ != data.Unknown {
				c.errorf(cl.Count, "top-nested expects an integer count, found %s", lv.count.typ)
			}
		}
		if cl.Others != nil {
			lv.others = c.constArg(sc, cl.Others, key.typ, "the others value")
		}
		work = append(work, data.ColumnDef{Name: nestKey(j), Type: key.typ})
		keys = append(keys, &ast.Ident{Span: cl.Span, Name: nestKey(j)})
		agg := cl.By
		lv.sum = c.summarize(sc, work, &ast.SummarizeOp{Span: cl.Span, Aggs: []ast.Expr{agg},
			By: append([]ast.Expr(nil), keys...)}).(*summarizeStage)
		if lv.others != nil {
			lv.rest = c.summarize(sc, work, &ast.SummarizeOp{Span: cl.Span, Aggs: []ast.Expr{agg},
				By: append([]ast.Expr(nil), keys[:j]...)}).(*summarizeStage)
		}
		aggName := "aggregated_" + name
		if a, ok := agg.(*ast.AssignExpr); ok {
			aggName = a.Names[0].Name
		}
		out := lv.sum.outSchema()
		st.s = append(st.s, data.ColumnDef{Name: name, Type: key.typ},
			data.ColumnDef{Name: names.unique(aggName), Type: out[len(out)-1].Type})
		st.levels = append(st.levels, lv)
	}
	return st
}

func (st *topNestedStage) outSchema() data.Schema { return st.s }

// nestNode is a kept value (or an others row) at one level.
type nestNode struct {
	parent   *nestNode
	key, agg data.Value
	others   bool
	children []*nestNode
}

func (st *topNestedStage) run(x *execCtx, in *rel) (*rel, error) {
	in = in.compact()
	f := newFrame(x, in)
	work := &rel{cols: append([]data.Column(nil), in.cols...), n: in.n}
	for _, lv := range st.levels {
		col, err := lv.key.eval(f)
		if err != nil {
			return nil, err
		}
		work.cols = append(work.cols, col)
	}
	root := &nestNode{}
	parents := map[uint32]*nestNode{0: root}
	var prev *grouper
	for j, lv := range st.levels {
		next, kept, err := st.level(x, work, j, lv, prev, parents)
		if err != nil {
			return nil, err
		}
		prev, parents = next, kept
	}
	return st.rows(root), nil
}

// keyTypes returns the types of the first n level keys.
func (st *topNestedStage) keyTypes(n int) []data.Type {
	out := make([]data.Type, n)
	for i := range out {
		out[i] = st.levels[i].key.typ
	}
	return out
}

// rowsUnder returns the rows of work whose first j keys are a kept path
// of the previous level (every row at the first level).
func (st *topNestedStage) rowsUnder(work *rel, j int, prev *grouper, parents map[uint32]*nestNode) []int32 {
	sel := make([]int32, 0, work.n)
	if j == 0 {
		for i := 0; i < work.n; i++ {
			sel = append(sel, int32(i))
		}
		return sel
	}
	ids := make([]uint32, work.n)
	prev.groups(work.cols[st.inLen:st.inLen+j], work.n, ids)
	for i, id := range ids {
		if p := parents[id]; p != nil && !p.others {
			sel = append(sel, int32(i))
		}
	}
	return sel
}

// level computes the kept values of level j under each kept path.
func (st *topNestedStage) level(x *execCtx, work *rel, j int, lv *nestLevel, prev *grouper,
	parents map[uint32]*nestNode) (*grouper, map[uint32]*nestNode, error) {
	sel := st.rowsUnder(work, j, prev, parents)
	res, err := lv.sum.run(x, &rel{cols: work.cols, n: work.n, sel: sel})
	if err != nil {
		return nil, nil, err
	}
	res = res.compact()
	limit := int64(-1)
	if lv.count != nil {
		v, err := evalScalar(x, lv.count)
		if err != nil {
			return nil, nil, err
		}
		limit = max(0, v.Int64())
	}
	// candidates per parent path
	byParent := map[*nestNode][]int{}
	var order []*nestNode
	for r := 0; r < res.n; r++ {
		p := parents[0]
		if j > 0 {
			p = parents[prev.groupOf(rowValues(res, r, j))]
		}
		if byParent[p] == nil {
			order = append(order, p)
		}
		byParent[p] = append(byParent[p], r)
	}
	aggCol := res.cols[j+1]
	g := newGrouper(st.keyTypes(j + 1))
	kept := map[uint32]*nestNode{}
	for _, p := range order {
		rs := byParent[p]
		sortByAgg(rs, aggCol, res.cols[j], lv.asc)
		if limit >= 0 && int64(len(rs)) > limit {
			rs = rs[:limit]
		}
		for _, r := range rs {
			n := &nestNode{parent: p, key: res.cols[j].Value(r), agg: aggCol.Value(r)}
			p.children = append(p.children, n)
			kept[g.groupOf(rowValues(res, r, j+1))] = n
		}
	}
	if lv.others != nil {
		if err := st.others(x, work, j, lv, sel, g, kept, prev, parents); err != nil {
			return nil, nil, err
		}
	}
	return g, kept, nil
}

// others adds, under each kept path, the row aggregating the values of
// level j that were not kept.
func (st *topNestedStage) others(x *execCtx, work *rel, j int, lv *nestLevel, sel []int32, g *grouper,
	kept map[uint32]*nestNode, prev *grouper, parents map[uint32]*nestNode) error {
	ids := make([]uint32, work.n)
	g.groups(work.cols[st.inLen:st.inLen+j+1], work.n, ids)
	var rest []int32
	for _, i := range sel {
		if kept[ids[i]] == nil {
			rest = append(rest, i)
		}
	}
	if len(rest) == 0 {
		return nil
	}
	res, err := lv.rest.run(x, &rel{cols: work.cols, n: work.n, sel: rest})
	if err != nil {
		return err
	}
	res = res.compact()
	for r := 0; r < res.n; r++ {
		p := parents[0]
		if j > 0 {
			p = parents[prev.groupOf(rowValues(res, r, j))]
		}
		if p != nil {
			p.children = append(p.children, &nestNode{parent: p, key: *lv.others, agg: res.cols[j].Value(r), others: true})
		}
	}
	return nil
}

// rowValues returns the first n values of row r.
func rowValues(r *rel, row, n int) []data.Value {
	out := make([]data.Value, n)
	for i := range out {
		out[i] = r.cols[i].Value(row)
	}
	return out
}

// sortByAgg orders rows by their aggregate, largest first unless asc,
// nulls last; ties are ordered by value in the same direction (as Kusto
// returns them).
func sortByAgg(rows []int, agg, key data.Column, asc bool) {
	byAgg := comparer(agg, !asc, false)
	byKey := func(a, b int) int { return 0 }
	if key.Type() != data.Dynamic {
		byKey = comparer(key, !asc, false)
	}
	sort.SliceStable(rows, func(a, b int) bool {
		if r := byAgg(rows[a], rows[b]); r != 0 {
			return r < 0
		}
		return byKey(rows[a], rows[b]) < 0
	})
}

// rows writes one output row per leaf of the tree.
func (st *topNestedStage) rows(root *nestNode) *rel {
	vals := make([][]data.Value, len(st.s))
	var walk func(n *nestNode, depth int)
	walk = func(n *nestNode, depth int) {
		if depth > 0 && (len(n.children) == 0 && (n.others || depth == len(st.levels))) {
			path := make([]*nestNode, depth)
			for k, m := depth-1, n; k >= 0; k, m = k-1, m.parent {
				path[k] = m
			}
			for i := range st.levels {
				kv, av := data.Null(st.s[2*i].Type), data.Null(st.s[2*i+1].Type)
				if i < depth {
					kv, av = path[i].key, path[i].agg
				}
				vals[2*i] = append(vals[2*i], kv)
				vals[2*i+1] = append(vals[2*i+1], av)
			}
			return
		}
		for _, ch := range n.children {
			walk(ch, depth+1)
		}
	}
	walk(root, 0)
	cols := make([]data.Column, len(st.s))
	n := 0
	for i, def := range st.s {
		cols[i] = data.NewColumn(def.Type, vals[i])
		n = len(vals[i])
	}
	return &rel{schema: st.s, cols: cols, n: n}
}
