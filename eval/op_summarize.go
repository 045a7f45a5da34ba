package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// summarizeStage groups rows by key expressions and aggregates each group.
type summarizeStage struct {
	keys   []*cexpr // over the input
	aggs   *aggCollector
	inter  data.Schema // keys, then every aggregate output
	outs   []*cexpr    // output expressions over the intermediate relation
	out    data.Schema
	direct bool // outs are exactly the intermediate columns
}

func (c *compiler) summarize(sc *scope, in data.Schema, op *ast.SummarizeOp) stage {
	s := &summarizeStage{}
	inRow := &rowCtx{schema: in}
	names := newNameSet()
	var keyNames []string
	byCol := map[int]bool{}
	for _, k := range op.By {
		name, x := c.namedExpr(sc, inRow, k)
		if name == "" {
			name = names.column()
		}
		name = names.unique(name)
		keyNames = append(keyNames, name)
		if x.col >= 0 {
			if _, assigned := k.(*ast.AssignExpr); !assigned {
				byCol[x.col] = true
			}
		}
		s.keys = append(s.keys, x)
		s.inter = append(s.inter, data.ColumnDef{Name: name, Type: x.typ})
	}
	s.aggs = &aggCollector{in: in, nkeys: len(s.keys), inter: &s.inter, byCol: byCol}
	// aggregate expressions see the keys (by name) and the aggregates
	post := &rowCtx{aggs: s.aggs}
	for i, def := range s.inter[:len(s.keys)] {
		s.out = append(s.out, def)
		s.outs = append(s.outs, colRef(i, def, nil))
	}
	for _, e := range op.Aggs {
		post.schema = s.inter[:len(s.keys)]
		ncalls := len(s.aggs.calls)
		var tuple []string // `(a, b) = arg_max(…)` names several outputs
		if a, ok := e.(*ast.AssignExpr); ok && len(a.Names) > 1 {
			for _, id := range a.Names {
				tuple = append(tuple, id.Name)
			}
			e = a.Value
		}
		name, x := c.namedExpr(sc, post, e)
		if x.typ == data.Unknown {
			s.out = openSchema(s.out) // an error was reported; its columns are unknown
			continue
		}
		if len(s.aggs.calls) == ncalls {
			c.errorf(e, "summarize needs an aggregation function here (count(), sum(), …)")
			continue
		}
		call := s.aggs.calls[len(s.aggs.calls)-1]
		if tuple != nil {
			if !isDirectCall(e) || len(tuple) > len(call.bind.Types) {
				c.errorf(e, "%d names are given, but the aggregate returns %d columns", len(tuple), len(call.bind.Types))
				continue
			}
			s.addMulti(names, call, tuple...)
			continue
		}
		if x.name == call.names[0] && len(call.bind.Types) > 1 && isDirectCall(e) {
			// a multi-column aggregate: one output per column
			s.addMulti(names, call, name)
			continue
		}
		if _, assigned := e.(*ast.AssignExpr); !assigned && isDirectCall(e) && x.name != "" {
			name = x.name // the aggregate's own naming rule (percentile_x_95, …)
		}
		if name == "" {
			name = names.column()
		}
		name = names.unique(name)
		s.out = append(s.out, data.ColumnDef{Name: name, Type: x.typ})
		s.outs = append(s.outs, x)
	}
	return s
}

func isDirectCall(e ast.Expr) bool {
	if a, ok := e.(*ast.AssignExpr); ok {
		e = a.Value
	}
	_, ok := e.(*ast.CallExpr)
	return ok
}

// addMulti adds the columns of arg_max-like aggregates; explicit names
// rename the first ones.
func (s *summarizeStage) addMulti(names *nameSet, call *aggCall, given ...string) {
	base := len(s.inter) - len(call.bind.Types)
	for i, t := range call.bind.Types {
		name := call.names[i]
		if i < len(given) && given[i] != "" {
			name = given[i]
		}
		if name == "" {
			name = names.column()
		}
		name = names.unique(name)
		def := data.ColumnDef{Name: name, Type: t}
		s.out = append(s.out, def)
		s.outs = append(s.outs, colRef(base+i, def, nil))
	}
}

func (s *summarizeStage) outSchema() data.Schema { return s.out }

func (s *summarizeStage) run(x *execCtx, in *rel) (*rel, error) {
	p := s.newPartial(x)
	if err := p.add(x, in); err != nil {
		return nil, err
	}
	return p.result(x)
}

func (s *summarizeStage) newPartial(x *execCtx) partial {
	types := make([]data.Type, len(s.keys))
	for i, k := range s.keys {
		types[i] = k.typ
	}
	p := &sumPartial{s: s, g: newGrouper(types)}
	for _, call := range s.aggs.calls {
		p.states = append(p.states, call.bind.New())
	}
	return p
}

// sumPartial is the state of a summarize over the chunks one goroutine saw.
type sumPartial struct {
	s      *summarizeStage
	g      *grouper
	states []functions.Agg
	groups []uint32
}

func (p *sumPartial) add(x *execCtx, in *rel) error {
	n := in.rows()
	if n == 0 {
		return nil
	}
	f := newFrame(x, in)
	keys := make([]data.Column, len(p.s.keys))
	for i, k := range p.s.keys {
		col, err := k.eval(f)
		if err != nil {
			return err
		}
		keys[i] = col
	}
	if cap(p.groups) < n {
		p.groups = make([]uint32, n)
	}
	groups := p.groups[:n]
	p.g.groups(keys, n, groups)
	for i, call := range p.s.aggs.calls {
		args := make([]data.Column, len(call.args))
		for j, a := range call.args {
			col, err := a.eval(f)
			if err != nil {
				return err
			}
			args[j] = col
		}
		if err := p.states[i].Update(x.fctx, groups, p.g.ngroups, args); err != nil {
			return err
		}
	}
	return nil
}

func (p *sumPartial) merge(x *execCtx, other partial) error {
	o := other.(*sumPartial)
	into := make([]uint32, o.g.ngroups)
	for gr := 0; gr < o.g.ngroups; gr++ {
		if len(p.g.keys) == 0 {
			into[gr] = 0
			continue
		}
		into[gr] = p.g.groupOf(o.g.keyValues(gr))
	}
	for i := range p.states {
		p.states[i].Merge(o.states[i], into, p.g.ngroups)
	}
	return nil
}

func (p *sumPartial) result(x *execCtx) (*rel, error) {
	ng := p.g.ngroups
	cols := p.g.keyColumns()
	for _, st := range p.states {
		cols = append(cols, st.Result(ng)...)
	}
	inter := &rel{schema: p.s.inter, cols: cols, n: ng}
	if ng == 0 {
		return relOf(data.EmptyTable("", p.s.out)), nil
	}
	f := newFrame(x, inter)
	out := make([]data.Column, len(p.s.outs))
	for i, e := range p.s.outs {
		col, err := e.eval(f)
		if err != nil {
			return nil, err
		}
		out[i] = col
	}
	return &rel{schema: p.s.out, cols: out, n: ng}, nil
}
