package eval

import (
	"fmt"
	"math"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// mvItem is one expanded expression of mv-expand or mv-apply.
type mvItem struct {
	x   *cexpr    // a dynamic value over the input rows
	out int       // output column
	typ data.Type // type of the expanded values (to typeof(T)), dynamic by default
}

// mvExpansion is what mv-expand and mv-apply share: the expressions to
// expand, the per-row limit and the bag mode.
type mvExpansion struct {
	items    []mvItem
	limit    int64
	bagArray bool // bags expand to [key, value] arrays rather than one-key bags
}

// mvExpandStage is `mv-expand`: each input row becomes one row per element
// of its arrays (zipped when there are several).
type mvExpandStage struct {
	mvExpansion
	s     data.Schema
	inLen int
	src   []int // per output column: the input column it copies, or -1
	index int   // output column of with_itemindex, or -1
	live  liveCols
}

func (m *mvExpandStage) outSchema() data.Schema { return m.s }

// mvDefaultLimit is the per-row limit of mv-expand; the legacy mvexpand
// spelling defaults to 128.
const (
	mvDefaultLimit       = math.MaxInt32
	mvLegacyDefaultLimit = 128
)

func (c *compiler) mvExpand(sc *scope, in data.Schema, op *ast.MvExpandOp) stage {
	m := &mvExpandStage{inLen: len(in), index: -1}
	m.limit = mvDefaultLimit
	if strings.EqualFold(op.Keyword, "mvexpand") {
		m.limit = mvLegacyDefaultLimit
	}
	indexName := ""
	for _, p := range op.Params {
		switch strings.ToLower(p.Name) {
		case "bagexpansion", "kind":
			switch strings.ToLower(paramText(p)) {
			case "bag":
			case "array":
				m.bagArray = true
			default:
				c.errorf(p, "%s: %s must be bag or array", op.Name(), p.Name)
			}
		case "with_itemindex":
			indexName = paramText(p)
		default:
			c.errorf(p, "%s parameter '%s' is not supported", op.Name(), p.Name)
		}
	}
	if op.Limit != nil {
		m.limit = c.constLimit(sc, op.Limit, op.Name())
	}
	m.s = append(data.Schema(nil), in...)
	for i := range in {
		m.src = append(m.src, i)
	}
	names := newNameSet()
	for _, def := range in {
		names.used[def.Name] = true
	}
	for _, it := range op.Items {
		item, name := c.mvItem(sc, in, it, op.Name())
		if i := m.s.Index(name); i >= 0 {
			item.out = i
			m.s[i] = data.ColumnDef{Name: name, Type: item.typ}
			m.src[i] = -1
		} else {
			if name == "" {
				name = names.column()
			}
			names.used[name] = true
			item.out = len(m.s)
			m.s = append(m.s, data.ColumnDef{Name: name, Type: item.typ})
			m.src = append(m.src, -1)
		}
		m.items = append(m.items, item)
	}
	if indexName != "" {
		m.index = len(m.s)
		m.s = append(m.s, data.ColumnDef{Name: names.unique(indexName), Type: data.Long})
		m.src = append(m.src, -1)
	}
	return m
}

// mvItem compiles `[Name =] Expr [to typeof(T)]` and returns the output
// column name: the given one, the column expanded, or the name Kusto
// derives from the expression ("" for a positional one).
func (c *compiler) mvItem(sc *scope, in data.Schema, it *ast.MvExpandItem, opName string) (mvItem, string) {
	row := &rowCtx{schema: in}
	name, x := c.namedExpr(sc, row, it.X)
	if _, named := it.X.(*ast.AssignExpr); !named && name == "" && len(x.refs) == 1 {
		// an unnamed expression over one column takes that column's place
		name = in[x.refs[0]].Name
	}
	item := mvItem{x: x, typ: data.Dynamic}
	if x.typ != data.Dynamic && x.typ != data.Unknown {
		c.errorf(it.X, "%s expects a dynamic array or bag, found %s", opName, x.typ)
	}
	if it.To != nil {
		t, ok := data.ParseType(it.To.Name)
		if !ok || it.To.Tabular {
			c.errorf(it.To, "unknown type '%s'", it.To.Name)
		}
		item.typ = t
	}
	return item, name
}

// constLimit compiles a constant row limit.
func (c *compiler) constLimit(sc *scope, e ast.Expr, opName string) int64 {
	x := c.scalar(sc, nil, e)
	if x.konst == nil || !x.typ.IsInteger() || x.konst.IsNull() {
		c.errorf(e, "%s: the limit must be a constant integer", opName)
		return 0
	}
	return max(0, x.konst.Int64())
}

func (m *mvExpandStage) need(live []bool) []bool {
	m.live.set(live)
	in := make([]bool, m.inLen)
	for o, src := range m.src {
		if src >= 0 && o < len(live) && live[o] {
			in[src] = true
		}
	}
	for _, it := range m.items {
		markRefs(in, it.x)
	}
	return in
}

func (m *mvExpandStage) apply(x *execCtx, in *rel) (*rel, error) {
	out, _, err := m.expandRel(x, in)
	return out, err
}

// expandRel returns the expanded rows and, for each, the input row (among
// the active rows) it comes from.
func (m *mvExpandStage) expandRel(x *execCtx, in *rel) (*rel, []int32, error) {
	srcs, err := m.evalItems(x, in)
	if err != nil {
		return nil, nil, err
	}
	rep, pos, err := m.rows(srcs)
	if err != nil {
		return nil, nil, err
	}
	out := &rel{schema: m.s, cols: make([]data.Column, len(m.s)), n: len(rep)}
	phys := physical(in, rep)
	for o, src := range m.src {
		if src >= 0 && in.cols[src] != nil && m.live.at(o) {
			out.cols[o] = in.cols[src].Gather(phys)
		}
	}
	for k, it := range m.items {
		if !m.live.at(it.out) {
			continue
		}
		s := srcs[k]
		at := func(j int) data.Dyn { return expandedAt(s[rep[j]], int(pos[j]), m.bagArray) }
		out.cols[it.out] = castExpanded(len(rep), at, it.typ)
	}
	if m.index >= 0 && m.live.at(m.index) {
		out.cols[m.index] = data.NewVec(data.Long, pos, nil)
	}
	return out, rep, nil
}

// evalItems evaluates the expanded expressions over the active rows.
func (e *mvExpansion) evalItems(x *execCtx, in *rel) ([][]data.Dyn, error) {
	f := newFrame(x, in)
	srcs := make([][]data.Dyn, len(e.items))
	for k, it := range e.items {
		col, err := it.x.eval(f)
		if err != nil {
			return nil, err
		}
		srcs[k] = data.Dyns(col).Vals
	}
	return srcs, nil
}

// rows lists the output rows: the input row each comes from (among the
// active rows) and its element index.
func (e *mvExpansion) rows(srcs [][]data.Dyn) (rep []int32, pos []int64, err error) {
	n := 0
	if len(srcs) > 0 {
		n = len(srcs[0])
	}
	counts := make([]int32, n)
	total := 0
	for i := range counts {
		cnt := 0
		for _, s := range srcs {
			cnt = max(cnt, expandedLen(s[i]))
		}
		cnt = int(min(int64(cnt), e.limit))
		counts[i] = int32(cnt)
		total += cnt
	}
	if total > maxJoinRows {
		return nil, nil, &RunError{Msg: fmt.Sprintf("mv-expand: more than %d rows", maxJoinRows)}
	}
	rep = make([]int32, 0, total)
	pos = make([]int64, 0, total)
	for i, cnt := range counts {
		for p := int32(0); p < cnt; p++ {
			rep = append(rep, int32(i))
			pos = append(pos, int64(p))
		}
	}
	return rep, pos, nil
}

// expandedLen is the number of rows a value expands to: its elements or
// entries, one for null and for a scalar.
func expandedLen(d data.Dyn) int {
	switch d.Kind() {
	case data.DynArray, data.DynBag:
		return d.Len()
	}
	return 1
}

// expandedAt is element p of an expanded value (null past its end); a bag
// entry becomes a one-key bag, or with bagArray a [key, value] array.
func expandedAt(d data.Dyn, p int, bagArray bool) data.Dyn {
	switch d.Kind() {
	case data.DynArray:
		if p < d.Len() {
			return d.Items()[p]
		}
		return data.Dyn{}
	case data.DynBag:
		if p >= d.Len() {
			return data.Dyn{}
		}
		k, v := d.Keys()[p], d.Items()[p]
		if bagArray {
			return data.DynArrayOf([]data.Dyn{data.DynStringOf(k), v})
		}
		return data.DynBagOf([]string{k}, []data.Dyn{v})
	}
	if p == 0 {
		return d
	}
	return data.Dyn{}
}
