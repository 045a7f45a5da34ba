package functions

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	for _, spec := range []struct {
		name string
		max  bool
		pred bool
	}{{"min", false, false}, {"max", true, false}, {"minif", false, true}, {"maxif", true, true}} {
		spec := spec
		sig := spec.name + "(expr: orderable): same type"
		what := "smallest"
		if spec.max {
			what = "largest"
		}
		doc := "Returns the " + what + " value of each group (nulls are skipped)."
		if spec.pred {
			sig = spec.name + "(expr: orderable, predicate: bool): same type"
			doc = "Returns the " + what + " value among the rows for which the predicate is true."
		}
		registerAgg(&Aggregate{Name: spec.name, Sig: sig, Doc: doc, Naming: NamePrefixAndFirstArg, Prefix: spec.name,
			Examples: []Example{{"range x from 1 to 5 step 1 | summarize " + spec.name + "(x" + map[bool]string{true: ", x < 4", false: ""}[spec.pred] + ")", ""}},
			Bind: func(args []ArgInfo) (AggBinding, error) {
				want := []data.Type{data.Unknown}
				if spec.pred {
					want = append(want, data.Bool)
				}
				if err := wantArgs(spec.name, args, want...); err != nil {
					return AggBinding{}, err
				}
				t := args[0].Type
				if t == data.Dynamic {
					return AggBinding{}, fmt.Errorf("%s() cannot order dynamic values; convert them first", spec.name)
				}
				return AggBinding{Types: []data.Type{t}, New: func() Agg { return newMinMax(t, spec.max, spec.pred) }}, nil
			}})
	}
}

func newMinMax(t data.Type, isMax, pred bool) Agg {
	switch t {
	case data.Int, data.Long, data.DateTime, data.TimeSpan:
		return &minMaxAgg[int64]{t: t, max: isMax, pred: pred, cmp: cmp.Compare[int64]}
	case data.Real:
		return &minMaxAgg[float64]{t: t, max: isMax, pred: pred, cmp: cmp.Compare[float64]}
	case data.String:
		return &minMaxAgg[string]{t: t, max: isMax, pred: pred, cmp: strings.Compare, skipEmpty: true}
	case data.Bool:
		return &minMaxAgg[bool]{t: t, max: isMax, pred: pred, cmp: cmpBool}
	case data.Decimal:
		return &minMaxAgg[data.DecimalValue]{t: t, max: isMax, pred: pred, cmp: data.DecimalValue.Cmp}
	case data.GUID:
		return &minMaxAgg[data.GUIDValue]{t: t, max: isMax, pred: pred, cmp: cmpGUID}
	}
	return &minMaxAgg[data.Dyn]{t: t, max: isMax, pred: pred, cmp: func(a, b data.Dyn) int { return 0 }}
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int { return cmp.Compare(b2i(a), b2i(b)) }

// cmpGUID orders GUIDs by their text, as Kusto does.
func cmpGUID(a, b data.GUIDValue) int { return strings.Compare(a.String(), b.String()) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

type minMaxAgg[T data.Elem] struct {
	t         data.Type
	max       bool
	pred      bool
	skipEmpty bool // strings: "" is Kusto's null
	cmp       func(a, b T) int
	vals      []T
	has       []bool
}

func (a *minMaxAgg[T]) better(x, cur T) bool {
	c := a.cmp(x, cur)
	if a.max {
		return c > 0
	}
	return c < 0
}

func (a *minMaxAgg[T]) Update(ctx *Ctx, groups []uint32, ng int, args []data.Column) error {
	a.vals, a.has = grow(a.vals, ng), grow(a.has, ng)
	ok := predicate(nil)
	if a.pred {
		ok = predicate(args[1])
	}
	r := data.NewReader[T](args[0])
	for i, g := range groups {
		x, valid := r.Get(i)
		if !valid || !ok(i) || (a.skipEmpty && any(x) == any("")) {
			continue
		}
		if !a.has[g] || a.better(x, a.vals[g]) {
			a.vals[g], a.has[g] = x, true
		}
	}
	return nil
}

func (a *minMaxAgg[T]) Merge(other Agg, into []uint32, ng int) {
	o := other.(*minMaxAgg[T])
	a.vals, a.has = grow(a.vals, ng), grow(a.has, ng)
	for g, h := range o.has {
		if !h {
			continue
		}
		t := into[g]
		if !a.has[t] || a.better(o.vals[g], a.vals[t]) {
			a.vals[t], a.has[t] = o.vals[g], true
		}
	}
}

func (a *minMaxAgg[T]) Result(ng int) []data.Column {
	a.vals, a.has = grow(a.vals, ng), grow(a.has, ng)
	var nulls data.Bitmap
	for g := 0; g < ng; g++ {
		if !a.has[g] && a.t != data.String {
			if nulls == nil {
				nulls = data.NewBitmap(ng)
			}
			nulls.Set(g)
		}
	}
	return []data.Column{data.NewVec(a.t, a.vals[:ng], nulls)}
}
