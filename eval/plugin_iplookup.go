package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// ipv4_lookup and ipv6_lookup join rows to the rows of a lookup table
// whose network (IP-prefix notation) contains the row's address:
//
//	T | evaluate ipv4_lookup(LookupTable, SourceKey, LookupKey [, ExtraKey, …] [, return_unmatched])
//	T | evaluate ipv6_lookup(LookupTable, SourceKey, LookupKey [, return_unmatched])
//
// Extra keys are columns of both tables that must be equal too. The
// output has T's columns and the lookup table's (ipv6_lookup: the lookup
// table's first, as Kusto returns them), one row per match, longest
// prefix first; with return_unmatched rows without a match are kept with
// nulls.
type ipLookupStage struct {
	s         data.Schema
	lookup    node
	srcKey    int
	lookupKey int
	extra     [][2]int // input column, lookup column
	unmatched bool
	v6        bool
	lookupOut []int // lookup columns in the output
	inLen     int
}

func (c *compiler) ipLookup(sc *scope, in data.Schema, op *ast.EvaluateOp, v6 bool) stage {
	name := op.Call.Func.Name
	a := c.pluginArgs(op.Call)
	c.checkPluginArgs(a, -1, "return_unmatched")
	st := &ipLookupStage{v6: v6, inLen: len(in), srcKey: -1, lookupKey: -1}
	if len(a.pos) < 3 {
		c.errorf(op.Call, "%s needs a lookup table, a source key column and a lookup key column", name)
		return st
	}
	st.lookup = c.tabular(sc, a.pos[0])
	ls := st.lookup.schema()
	st.srcKey = c.columnArg(in, a.pos[1], "the source key")
	st.lookupKey = c.columnArg(ls, a.pos[2], "the lookup key")
	rest := a.pos[3:]
	if n, ok := a.named["return_unmatched"]; ok {
		st.unmatched = c.boolArg(sc, n.Value)
	} else if len(rest) > 0 {
		if x := c.scalar(sc, nil, rest[len(rest)-1]); x.typ == data.Bool && x.konst != nil {
			st.unmatched = c.boolArg(sc, rest[len(rest)-1])
			rest = rest[:len(rest)-1]
		}
	}
	if v6 && len(rest) > 0 {
		c.errorf(rest[0], "ipv6_lookup takes no extra key columns")
	}
	skip := map[int]bool{}
	for _, e := range rest {
		i, j := c.columnArg(in, e, "an extra key"), c.columnArg(ls, e, "an extra key")
		if i >= 0 && j >= 0 {
			st.extra = append(st.extra, [2]int{i, j})
			skip[j] = true
		}
	}
	if k := st.srcKey; k >= 0 && in[k].Type != data.String {
		c.errorf(a.pos[1], "%s needs a string source key, '%s' is %s", name, in[k].Name, in[k].Type)
	}
	if k := st.lookupKey; k >= 0 && ls[k].Type != data.String {
		c.errorf(a.pos[2], "%s needs a string lookup key, '%s' is %s", name, ls[k].Name, ls[k].Type)
	}
	var lookCols data.Schema
	for j, def := range ls {
		if !skip[j] {
			st.lookupOut = append(st.lookupOut, j)
			lookCols = append(lookCols, def)
		}
	}
	if v6 {
		st.s = append(append(st.s, lookCols...), in...)
	} else {
		st.s = append(append(st.s, in...), lookCols...)
	}
	return st
}

func (c *compiler) boolArg(sc *scope, e ast.Expr) bool {
	v := c.constArg(sc, e, data.Bool, "return_unmatched")
	return v != nil && !v.IsNull() && v.Bool()
}

func (st *ipLookupStage) outSchema() data.Schema { return st.s }

// ipIndex finds the lookup rows whose network contains an address: one
// map per prefix length from the masked network to its rows.
type ipIndex struct {
	v6      bool
	lengths []int // prefix lengths present, longest first
	v4      map[int]map[uint32][]int32
	v6m     map[int]map[[2]uint64][]int32
}

func buildIPIndex(keys data.Column, v6 bool) *ipIndex {
	ix := &ipIndex{v6: v6, v4: map[int]map[uint32][]int32{}, v6m: map[int]map[[2]uint64][]int32{}}
	seen := map[int]bool{}
	strs := data.Strings(keys)
	for r, s := range strs.Vals {
		p, key4, key6, ok := ix.parse(s, -1)
		if !ok {
			continue
		}
		if !seen[p] {
			seen[p] = true
			ix.lengths = append(ix.lengths, p)
		}
		if v6 {
			if ix.v6m[p] == nil {
				ix.v6m[p] = map[[2]uint64][]int32{}
			}
			ix.v6m[p][key6] = append(ix.v6m[p][key6], int32(r))
		} else {
			if ix.v4[p] == nil {
				ix.v4[p] = map[uint32][]int32{}
			}
			ix.v4[p][key4] = append(ix.v4[p][key4], int32(r))
		}
	}
	for i := 1; i < len(ix.lengths); i++ {
		for j := i; j > 0 && ix.lengths[j] > ix.lengths[j-1]; j-- {
			ix.lengths[j], ix.lengths[j-1] = ix.lengths[j-1], ix.lengths[j]
		}
	}
	return ix
}

// parse reads an address, masked to prefix (its own prefix when -1), and
// returns its prefix length.
func (ix *ipIndex) parse(s string, prefix int) (int, uint32, [2]uint64, bool) {
	if ix.v6 {
		n, ok := functions.ParseIPv6Net(s)
		if !ok {
			return 0, 0, [2]uint64{}, false
		}
		p := n.Prefix
		if prefix >= 0 {
			p = prefix
		}
		m := functions.IPv6Net{Hi: n.Hi, Lo: n.Lo, Prefix: p}
		hi, lo := maskV6(m)
		return n.Prefix, 0, [2]uint64{hi, lo}, true
	}
	n, ok := functions.ParseIPv4Net(s)
	if !ok {
		return 0, 0, [2]uint64{}, false
	}
	p := n.Prefix
	if prefix >= 0 {
		p = prefix
	}
	return n.Prefix, n.Addr & mask32(p), [2]uint64{}, true
}

func mask32(p int) uint32 {
	if p <= 0 {
		return 0
	}
	return ^uint32(0) << (32 - min(p, 32))
}

func maskV6(n functions.IPv6Net) (uint64, uint64) {
	p := n.Prefix
	switch {
	case p <= 0:
		return 0, 0
	case p < 64:
		return n.Hi & (^uint64(0) << (64 - p)), 0
	case p < 128:
		return n.Hi, n.Lo & (^uint64(0) << (128 - p))
	}
	return n.Hi, n.Lo
}

// matches returns the lookup rows whose network contains address s.
func (ix *ipIndex) matches(s string) []int32 {
	own, _, _, ok := ix.parse(s, -1)
	if !ok {
		return nil
	}
	var out []int32
	for _, p := range ix.lengths {
		if p > own {
			continue
		}
		_, k4, k6, _ := ix.parse(s, p)
		if ix.v6 {
			out = append(out, ix.v6m[p][k6]...)
		} else {
			out = append(out, ix.v4[p][k4]...)
		}
	}
	return out
}

func (st *ipLookupStage) run(x *execCtx, in *rel) (*rel, error) {
	lk, err := st.lookup.exec(x)
	if err != nil {
		return nil, err
	}
	lk = lk.compact()
	ix := buildIPIndex(orNull(lk.cols[st.lookupKey], data.String, lk.n), st.v6)
	in = in.compact()
	src := data.Strings(orNull(in.cols[st.srcKey], data.String, in.n))
	var left, right []int32 // right -1: unmatched
	for r := 0; r < in.n; r++ {
		found := false
		for _, m := range ix.matches(strings.TrimSpace(src.Vals[r])) {
			if st.extraEqual(in, lk, r, int(m)) {
				left, right = append(left, int32(r)), append(right, m)
				found = true
			}
		}
		if !found && st.unmatched {
			left, right = append(left, int32(r)), append(right, -1)
		}
	}
	inCols := make([]data.Column, len(in.schema))
	for i, c := range in.cols {
		inCols[i] = orNull(c, in.schema[i].Type, in.n).Gather(left)
	}
	var lkCols []data.Column
	for _, j := range st.lookupOut {
		lkCols = append(lkCols, gatherOrNull(orNull(lk.cols[j], lk.schema[j].Type, lk.n), lk.schema[j].Type, right))
	}
	cols := append(inCols, lkCols...)
	if st.v6 {
		cols = append(lkCols, inCols...)
	}
	return &rel{schema: st.s, cols: cols, n: len(left)}, nil
}

func (st *ipLookupStage) extraEqual(in, lk *rel, r, m int) bool {
	for _, e := range st.extra {
		a, b := orNull(in.cols[e[0]], in.schema[e[0]].Type, in.n), orNull(lk.cols[e[1]], lk.schema[e[1]].Type, lk.n)
		va, vb := a.Value(r), b.Value(m)
		if va.IsNull() || vb.IsNull() || !valuesEqual(va, vb) {
			return false
		}
	}
	return true
}
