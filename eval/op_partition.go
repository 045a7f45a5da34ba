package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// partition runs a subquery on the rows of each value of a column and
// unions the results:
//
//	T | partition [hint.strategy=native|shuffle|legacy] [hints] by Col (subquery)
//
// The subquery's input is the partition's rows. Partitions run in order
// of their value's first appearance. The legacy form with its own source,
// `by Col { T | … toscalar(Col) … }`, is not supported.
type partitionStage struct {
	key   int
	input *applyInput
	sub   node
}

func (c *compiler) partition(sc *scope, in data.Schema, op *ast.PartitionOp) stage {
	for _, p := range op.Params {
		if !strings.HasPrefix(strings.ToLower(p.Name), "hint.") {
			c.errorf(p, "partition parameter '%s' is not supported", p.Name)
		}
	}
	st := &partitionStage{key: c.columnArg(in, op.By, "the partition key"), input: &applyInput{s: in}}
	sub, ok := op.Sub.(*ast.PipeExpr)
	if !ok || sub.Source != nil {
		c.errorf(op.Sub, "partition with a subquery that has its own source is not supported; use (operator | …) over the partition's rows")
		st.sub = &emptyNode{s: in}
		return st
	}
	c.applyDepth++
	st.sub = c.stages(sc, st.input, sub.Ops)
	c.applyDepth--
	return st
}

func (st *partitionStage) outSchema() data.Schema { return st.sub.schema() }

func (st *partitionStage) run(x *execCtx, in *rel) (*rel, error) {
	n := in.rows()
	if n == 0 || st.key < 0 {
		return relOf(data.EmptyTable("", st.sub.schema())), nil
	}
	key := orNull(in.col(st.key), in.schema[st.key].Type, n)
	g := newGrouper([]data.Type{key.Type()})
	ids := make([]uint32, n)
	g.groups([]data.Column{key}, n, ids)
	members := make([][]int32, g.ngroups)
	for i, id := range ids {
		members[id] = append(members[id], int32(i))
	}
	old := x.applyRows
	rows := make(map[node]*rel, len(old)+1)
	for k, v := range old {
		rows[k] = v
	}
	x.applyRows = rows
	defer func() { x.applyRows = old }()
	var parts []*rel
	for _, m := range members {
		if err := x.check(); err != nil {
			return nil, err
		}
		rows[st.input] = gatherRel(in, m)
		r, err := st.sub.exec(x)
		if err != nil {
			return nil, err
		}
		parts = append(parts, r)
	}
	return concatRels(st.sub.schema(), parts), nil
}
