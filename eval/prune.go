package eval

// pruner is a stage that can tell which of its input columns it reads to
// produce the output columns still needed downstream. Stages remember the
// liveness of their output and skip dead columns, so that a selection is
// never materialised for a column nobody reads.
type pruner interface {
	need(live []bool) []bool
}

// prune computes column liveness backwards through a pipeline's stages and
// returns which columns of the source are read. The pipeline's own output
// is entirely live.
func prune(p *pipeNode) []bool {
	schemas := make([]int, len(p.stages)+1)
	schemas[0] = len(p.src.schema())
	for i, s := range p.stages {
		schemas[i+1] = len(s.outSchema())
	}
	live := allLive(schemas[len(p.stages)])
	for i := len(p.stages) - 1; i >= 0; i-- {
		if len(live) < schemas[i+1] {
			// a stage that reads no columns (count) may answer nil
			live = append(live, make([]bool, schemas[i+1]-len(live))...)
		}
		if pr, ok := p.stages[i].(pruner); ok {
			live = pr.need(live)
		} else {
			live = allLive(schemas[i])
		}
	}
	if sp, ok := p.src.(sourcePruner); ok {
		sp.needOut(live)
	}
	return live
}

// sourcePruner is a source node that can skip output columns nobody reads.
type sourcePruner interface {
	needOut(live []bool)
}

func allLive(n int) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = true
	}
	return out
}

func markRefs(in []bool, es ...*cexpr) {
	for _, e := range es {
		if e == nil {
			continue
		}
		for _, r := range e.refs {
			if r < len(in) {
				in[r] = true
			}
		}
	}
}

func (w *whereStage) need(live []bool) []bool {
	in := append([]bool(nil), live...)
	markRefs(in, w.pred)
	return in
}

func (p *projectStage) need(live []bool) []bool {
	p.live = live
	in := make([]bool, p.inLen)
	for i, e := range p.exprs {
		if live[i] {
			markRefs(in, e)
		}
	}
	return in
}

func (s *summarizeStage) need(live []bool) []bool {
	in := make([]bool, len(s.aggs.in))
	markRefs(in, s.keys...)
	for _, call := range s.aggs.calls {
		markRefs(in, call.args...)
	}
	return in
}

func (s *sortStage) need(live []bool) []bool {
	in := append([]bool(nil), live...)
	for _, k := range s.keys {
		markRefs(in, k.x)
	}
	return in
}

func (t *takeStage) need(live []bool) []bool { return append([]bool(nil), live...) }

func (c *countStage) need(live []bool) []bool { return nil }

func (d *distinctStage) need(live []bool) []bool {
	in := make([]bool, d.inLen)
	markRefs(in, d.cols...)
	return in
}
