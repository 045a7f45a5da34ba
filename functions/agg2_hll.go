package functions

import (
	"encoding/base64"
	"fmt"
	"math"
	"math/bits"
	"sort"

	"github.com/kqlkit/kqlkit/data"
)

// hll values. hll() returns a dynamic value that dcount_hll() counts and
// hll_merge() combines. kqlkit's format is its own (Kusto's is internal):
// ["hll", p, "s", h1, h2, …] holds the distinct 64-bit hashes exactly while
// there are fewer than 2^(p-1) of them, then ["hll", p, "d", "<base64
// registers>"] is a HyperLogLog sketch with 2^p registers. Small sets
// therefore count exactly, as dcount() does.

// hllPrecision maps Kusto's accuracy levels 0–4 to a register count 2^p.
var hllPrecision = [5]int{12, 14, 16, 17, 18}

func init() {
	registerAgg(
		&Aggregate{Name: "hll", Sig: "hll(expr [, accuracy: int]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "hll",
			Doc: "Returns the intermediate state of dcount for expr in each group, for dcount_hll and hll_merge " +
				"(null for an empty group). Accuracy 0–4 (default 1) sets the sketch size.",
			Examples: []Example{{"range x from 1 to 10 step 1 | summarize h = hll(x) | project dcount_hll(h)", "10"}},
			Bind:     hllBinder("hll", false)},
		&Aggregate{Name: "hll_if", Sig: "hll_if(expr, predicate: bool [, accuracy: int]): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "hll_if",
			Doc:      "hll() over the rows for which the predicate is true.",
			Examples: []Example{{"range x from 1 to 10 step 1 | summarize h = hll_if(x, x > 5) | project dcount_hll(h)", "5"}},
			Bind:     hllBinder("hll_if", true)},
		&Aggregate{Name: "hll_merge", Sig: "hll_merge(hll: dynamic): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "hll_merge",
			Doc:      "Merges the hll values of each group into one.",
			Examples: []Example{{"range x from 1 to 10 step 1 | summarize h = hll(x) by x % 2 | summarize m = hll_merge(h) | project dcount_hll(m)", "10"}},
			Bind: func(args []ArgInfo) (AggBinding, error) {
				if len(args) != 1 || args[0].Star || args[0].Type != data.Dynamic {
					return AggBinding{}, fmt.Errorf("hll_merge() expects one dynamic argument")
				}
				return AggBinding{Types: []data.Type{data.Dynamic}, New: func() Agg { return &hllAgg{merge: true} }}, nil
			}},
	)
	register(
		&Scalar{Name: "hll_merge", Sig: "hll_merge(hll1: dynamic, hll2: dynamic, ...): dynamic", Naming: NamePrefixOnly, Prefix: "hll_merged_result",
			Doc:      "Merges hll values into one; arguments that are not hll values are ignored.",
			Examples: []Example{{"range x from 1 to 10 step 1 | extend y = x + 10 | summarize a = hll(x), b = hll(y) | project dcount_hll(hll_merge(a, b))", "20"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynArity("hll_merge", args, 2, 16); err != nil {
					return data.Unknown, nil, err
				}
				return data.Dynamic, dynRows(func(row []data.Dyn) data.Dyn {
					return HLLMerge(row...)
				}), dynAllDynamic("hll_merge", args)
			}},
		&Scalar{Name: "dcount_hll", Sig: "dcount_hll(hll: dynamic): long", Naming: NameFuncAndFirstArg,
			Doc:      "Returns the distinct count held by an hll value (exact for small sets, estimated otherwise); null for other values.",
			Examples: []Example{{"range x from 1 to 10 step 1 | summarize h = hll(x) | project dcount_hll(h)", "10"}},
			Bind: dynBinder("dcount_hll", 1, 1, []int{0}, nil, data.Long,
				Map1(data.Long, func(d data.Dyn) (int64, bool) {
					s, ok := hllDecode(d)
					if !ok {
						return 0, false
					}
					return s.count(), true
				}))},
	)
}

func hllBinder(name string, pred bool) func([]ArgInfo) (AggBinding, error) {
	return func(args []ArgInfo) (AggBinding, error) {
		need := 1
		if pred {
			need = 2
		}
		if len(args) < need || len(args) > need+1 {
			return AggBinding{}, fmt.Errorf("%s() expects %d or %d arguments, got %d", name, need, need+1, len(args))
		}
		for _, a := range args {
			if a.Star {
				return AggBinding{}, fmt.Errorf("%s() does not accept '*'", name)
			}
		}
		if t := args[0].Type; t == data.Real || t == data.Bool {
			return AggBinding{}, fmt.Errorf("%s() cannot count values of type %s", name, t)
		}
		if pred && args[1].Type != data.Bool {
			return AggBinding{}, fmt.Errorf("%s() expects a bool predicate as argument 2, got %s", name, args[1].Type)
		}
		p := hllPrecision[1]
		if len(args) == need+1 {
			a := args[need]
			if a.Const == nil || !a.Type.IsInteger() || a.Const.IsNull() {
				return AggBinding{}, fmt.Errorf("%s() expects a constant accuracy level", name)
			}
			lvl := a.Const.Int64()
			if lvl < 0 || lvl > 4 {
				return AggBinding{}, fmt.Errorf("%s() expects an accuracy level between 0 and 4, got %d", name, lvl)
			}
			p = hllPrecision[lvl]
		}
		return AggBinding{Types: []data.Type{data.Dynamic}, New: func() Agg { return &hllAgg{p: p, pred: pred} }}, nil
	}
}

// hllSketch is an exact hash set (sparse) or a HyperLogLog sketch (dense).
type hllSketch struct {
	p      int
	sparse map[uint64]struct{}
	regs   []uint8
}

func newHLL(p int) *hllSketch { return &hllSketch{p: p, sparse: map[uint64]struct{}{}} }

func (s *hllSketch) add(h uint64) {
	if s.regs == nil {
		s.sparse[h] = struct{}{}
		if len(s.sparse) >= 1<<(s.p-1) {
			s.densify()
		}
		return
	}
	idx := h >> (64 - s.p)
	rho := uint8(bits.LeadingZeros64(h<<s.p|1<<(s.p-1))) + 1
	if rho > s.regs[idx] {
		s.regs[idx] = rho
	}
}

func (s *hllSketch) densify() {
	s.regs = make([]uint8, 1<<s.p)
	hs := s.sparse
	s.sparse = nil
	for h := range hs {
		s.add(h)
	}
}

// merge folds o into s (s may be nil) and returns the result. Sketches of
// different precisions merge at the smaller one.
func (s *hllSketch) merge(o *hllSketch) *hllSketch {
	if s == nil {
		c := newHLL(o.p)
		return c.merge(o)
	}
	if o.p < s.p {
		s.reduce(o.p)
	}
	if o.regs == nil {
		for h := range o.sparse {
			s.add(h)
		}
		return s
	}
	if s.regs == nil {
		s.densify()
	}
	if s.p != o.p {
		o = o.clone()
		o.reduce(s.p)
	}
	for i, r := range o.regs {
		if r > s.regs[i] {
			s.regs[i] = r
		}
	}
	return s
}

func (s *hllSketch) clone() *hllSketch {
	c := &hllSketch{p: s.p, regs: append([]uint8(nil), s.regs...)}
	if s.sparse != nil {
		c.sparse = make(map[uint64]struct{}, len(s.sparse))
		for h := range s.sparse {
			c.sparse[h] = struct{}{}
		}
	}
	return c
}

// reduce lowers the precision to p.
func (s *hllSketch) reduce(p int) {
	if s.regs == nil {
		s.p = p
		if len(s.sparse) >= 1<<(p-1) {
			s.densify()
		}
		return
	}
	regs := make([]uint8, 1<<p)
	shift := s.p - p
	for i, r := range s.regs {
		if r == 0 {
			continue
		}
		j := i >> shift
		// the dropped index bits become leading bits of the remainder
		low := uint64(i) & (1<<shift - 1)
		nr := r + uint8(shift)
		if low != 0 {
			nr = uint8(shift-bits.Len64(low)) + 1
		}
		if nr > regs[j] {
			regs[j] = nr
		}
	}
	s.p, s.regs = p, regs
}

// count estimates the cardinality; dense sketches use Ertl's improved
// estimator ("New cardinality estimation algorithms for HyperLogLog
// sketches", 2017), which needs no bias tables and is unbiased over the
// whole range.
func (s *hllSketch) count() int64 {
	if s.regs == nil {
		return int64(len(s.sparse))
	}
	q := 64 - s.p
	hist := make([]float64, q+2)
	for _, r := range s.regs {
		hist[min(int(r), q+1)]++
	}
	m := float64(len(s.regs))
	z := m * hllTau(1-hist[q+1]/m)
	for k := q; k >= 1; k-- {
		z = 0.5 * (z + hist[k])
	}
	z += m * hllSigma(hist[0]/m)
	return int64(math.Round(m * m / (2 * math.Ln2) / z))
}

func hllSigma(x float64) float64 {
	if x == 1 {
		return math.Inf(1)
	}
	y, z := 1.0, x
	for {
		x *= x
		prev := z
		z += x * y
		y += y
		if z == prev {
			return z
		}
	}
}

func hllTau(x float64) float64 {
	if x == 0 || x == 1 {
		return 0
	}
	y, z := 1.0, 1-x
	for {
		x = math.Sqrt(x)
		prev := z
		y *= 0.5
		z -= (1 - x) * (1 - x) * y
		if z == prev {
			return z / 3
		}
	}
}

func (s *hllSketch) encode() data.Dyn {
	if s == nil {
		return data.Dyn{}
	}
	head := []data.Dyn{data.DynStringOf("hll"), data.DynLongOf(int64(s.p))}
	if s.regs != nil {
		return data.DynArrayOf(append(head, data.DynStringOf("d"),
			data.DynStringOf(base64.StdEncoding.EncodeToString(s.regs))))
	}
	hs := make([]uint64, 0, len(s.sparse))
	for h := range s.sparse {
		hs = append(hs, h)
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i] < hs[j] })
	items := append(head, data.DynStringOf("s"))
	for _, h := range hs {
		items = append(items, data.DynLongOf(int64(h)))
	}
	return data.DynArrayOf(items)
}

func hllDecode(d data.Dyn) (*hllSketch, bool) {
	if d.Kind() != data.DynArray || d.Len() < 3 || d.Index(0).Str() != "hll" || d.Index(0).Kind() != data.DynString {
		return nil, false
	}
	p, ok := dynLong(data.DynamicValue(d.Index(1)))
	if !ok || p < 4 || p > 18 {
		return nil, false
	}
	s := newHLL(int(p))
	switch d.Index(2).Str() {
	case "s":
		for _, it := range d.Items()[3:] {
			if !dynIsIntegral(it) {
				return nil, false
			}
			s.sparse[uint64(it.Long())] = struct{}{}
		}
		return s, true
	case "d":
		regs, err := base64.StdEncoding.DecodeString(d.Index(3).Str())
		if err != nil || len(regs) != 1<<p {
			return nil, false
		}
		s.sparse, s.regs = nil, regs
		return s, true
	}
	return nil, false
}

// hllHash hashes a value consistently with Kusto equality across int and
// long.
func hllHash(v data.Value) uint64 {
	k := keyOfDyn(v.ToDyn())
	return data.HashString(uint64(k.kind)<<56^k.n, k.s)
}

// hllAgg implements hll, hll_if and (merge) hll_merge.
type hllAgg struct {
	p      int
	pred   bool
	merge  bool
	groups []*hllSketch
}

func (a *hllAgg) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.groups = grow(a.groups, ng)
	if a.merge {
		r := data.NewReader[data.Dyn](args[0])
		for i, g := range groups {
			if s, ok := hllDecode(r.At(i)); ok {
				a.groups[g] = a.groups[g].merge(s)
			}
		}
		return nil
	}
	ok := predicate(nil)
	if a.pred {
		ok = predicate(args[1])
	}
	col := args[0]
	for i, g := range groups {
		if !ok(i) {
			continue
		}
		v := col.Value(i)
		if v.IsNull() {
			continue
		}
		if a.groups[g] == nil {
			a.groups[g] = newHLL(a.p)
		}
		a.groups[g].add(hllHash(v))
	}
	return nil
}

func (a *hllAgg) Merge(other Agg, into []uint32, ng int) {
	o := other.(*hllAgg)
	a.groups = grow(a.groups, ng)
	for g, s := range o.groups {
		if s != nil {
			t := into[g]
			a.groups[t] = a.groups[t].merge(s)
		}
	}
}

func (a *hllAgg) Result(ng int) []data.Column {
	a.groups = grow(a.groups, ng)
	out := make([]data.Dyn, ng)
	for g, s := range a.groups[:ng] {
		out[g] = s.encode()
	}
	return []data.Column{data.NewVec(data.Dynamic, out, nil)}
}

// HLLCount returns the distinct count held by an hll() value; ok is false
// when d is not one. It is for plugins such as dcount_intersect.
func HLLCount(d data.Dyn) (n int64, ok bool) {
	s, ok := hllDecode(d)
	if !ok {
		return 0, false
	}
	return s.count(), true
}

// HLLMerge merges hll() values (values that are not hll values are
// skipped) and returns the merged value, or null when there is none.
func HLLMerge(ds ...data.Dyn) data.Dyn {
	var acc *hllSketch
	for _, d := range ds {
		if s, ok := hllDecode(d); ok {
			acc = acc.merge(s)
		}
	}
	return acc.encode()
}
