package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// applyInput is the source of an mv-apply subquery: the subtable of the
// input row being processed.
type applyInput struct{ s data.Schema }

func (a *applyInput) schema() data.Schema { return a.s }

func (a *applyInput) exec(x *execCtx) (*rel, error) {
	if r := x.applyRows[a]; r != nil {
		return r, nil
	}
	return relOf(data.EmptyTable("", a.s)), nil
}

// mvApplyStage is `mv-apply`: each input row's arrays are expanded into a
// subtable, the subquery runs on it, and its rows are returned next to the
// input row's other columns.
type mvApplyStage struct {
	ex    *mvExpandStage // builds the subtables (its output schema is theirs)
	input *applyInput
	sub   node
	s     data.Schema
	outer []int // output column → input column copied from the row, or -1
	inner []int // output column → subquery column, or -1
}

func (m *mvApplyStage) outSchema() data.Schema { return m.s }

func (c *compiler) mvApply(sc *scope, in data.Schema, op *ast.MvApplyOp) stage {
	if op.ID != nil {
		c.errorf(op.ID, "mv-apply id= is not supported")
	}
	for _, p := range op.Params {
		if p.Name != "with_itemindex" {
			c.errorf(p, "mv-apply parameter '%s' is not supported", p.Name)
		}
	}
	exOp := &ast.MvExpandOp{Span: op.Span, Keyword: "mv-apply", Params: op.Params, Items: op.Items, Limit: op.Limit}
	ex := c.mvExpand(sc, in, exOp).(*mvExpandStage)
	m := &mvApplyStage{ex: ex, input: &applyInput{s: ex.s}}
	m.sub = c.applySub(sc, m.input, op.On.Ops)
	if p, ok := m.sub.(*pipeNode); ok && p.src == m.input {
		// build only the subtable columns the subquery reads
		ex.live.set(prune(p))
	}
	subS := m.sub.schema()
	// the row's columns that were not expanded, then the subquery's other
	// columns
	taken := map[string]bool{}
	for i, def := range in {
		if ex.src[i] != i {
			continue
		}
		taken[def.Name] = true
		if j := subS.Index(def.Name); j >= 0 {
			m.s = append(m.s, subS[j])
			m.outer = append(m.outer, -1)
			m.inner = append(m.inner, j)
			continue
		}
		m.s = append(m.s, def)
		m.outer = append(m.outer, i)
		m.inner = append(m.inner, -1)
	}
	for j, def := range subS {
		if taken[def.Name] {
			continue
		}
		m.s = append(m.s, def)
		m.outer = append(m.outer, -1)
		m.inner = append(m.inner, j)
	}
	return m
}

// applySub compiles an mv-apply subquery (its plan runs once per row).
func (c *compiler) applySub(sc *scope, in node, ops []ast.Operator) node {
	c.applyDepth++
	defer func() { c.applyDepth-- }()
	return c.stages(sc, in, ops)
}

func (m *mvApplyStage) apply(x *execCtx, in *rel) (*rel, error) {
	exRel, rep, err := m.ex.expandRel(x, in)
	if err != nil {
		return nil, err
	}
	old := x.applyRows
	rows := make(map[node]*rel, len(old)+1)
	for k, v := range old {
		rows[k] = v
	}
	x.applyRows = rows
	defer func() { x.applyRows = old }()
	var parts []*rel
	var from []int32 // per output row: the input row (among the active rows)
	n := in.rows()
	lo := 0
	for i := 0; i < n; i++ {
		hi := lo
		for hi < len(rep) && int(rep[hi]) == i {
			hi++
		}
		rows[m.input] = exRel.slice(lo, hi)
		lo = hi
		r, err := m.sub.exec(x)
		if err != nil {
			return nil, err
		}
		if k := r.rows(); k > 0 {
			parts = append(parts, r)
			for ; k > 0; k-- {
				from = append(from, int32(i))
			}
		}
	}
	return m.output(in, parts, from), nil
}

// output puts the subquery rows next to their input rows' columns.
func (m *mvApplyStage) output(in *rel, parts []*rel, from []int32) *rel {
	subS := m.sub.schema()
	var sub *rel
	if len(parts) == 0 {
		sub = relOf(data.EmptyTable("", subS))
	} else {
		sub = concatRels(subS, parts)
	}
	out := &rel{schema: m.s, cols: make([]data.Column, len(m.s)), n: len(from)}
	phys := physical(in, from)
	for o := range m.s {
		if j := m.inner[o]; j >= 0 {
			out.cols[o] = sub.col(j)
		} else if c := in.cols[m.outer[o]]; c != nil {
			out.cols[o] = c.Gather(phys)
		} else {
			out.cols[o] = data.NullColumn(m.s[o].Type, len(from))
		}
	}
	return out
}
