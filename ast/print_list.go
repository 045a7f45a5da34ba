package ast

// listOp prints the operators made mostly of a list, which break one item
// per line when too long.
func (p *printer) listOp(op Operator, fits bool) bool {
	switch o := op.(type) {
	case *WhereOp:
		p.str(keyword(o.Name()))
		p.byte(' ')
		p.predicate(o.Pred, fits)
	case *ExtendOp:
		p.str("extend")
		items(p, o.Exprs, fits)
	case *ProjectOp:
		p.str("project")
		items(p, o.Exprs, fits)
	case *ProjectAwayOp:
		p.str("project-away")
		items(p, o.Columns, fits)
	case *ProjectKeepOp:
		p.str("project-keep")
		items(p, o.Columns, fits)
	case *ProjectRenameOp:
		p.str("project-rename")
		items(p, o.Renames, fits)
	case *ProjectReorderOp:
		p.str("project-reorder")
		items(p, o.Columns, fits)
	case *SerializeOp:
		p.str("serialize")
		items(p, o.Exprs, fits)
	case *PrintOp:
		p.str("print")
		items(p, o.Exprs, fits)
	case *DistinctOp:
		p.str("distinct")
		p.opParams(o.Params)
		items(p, o.Columns, fits)
	case *SummarizeOp:
		p.summarize(o, fits)
	case *SortOp:
		p.str(keyword(o.Name()))
		p.opParams(o.Params)
		p.str(" by ")
		printList(p, o.By, false, p.item)
	default:
		return false
	}
	return true
}

// items prints a space and the list, one item per line unless it fits.
func items[T Node](p *printer, xs []T, fits bool) {
	if len(xs) == 0 {
		return
	}
	broken := !fits && len(xs) > 1
	if !broken {
		p.byte(' ')
	}
	printList(p, xs, broken, p.item)
}

// printList prints items separated by commas: on one line, or each on its own
// line indented 2 more than p.base.
func printList[T Node](p *printer, xs []T, broken bool, f func(Node)) {
	base := p.base
	for i, it := range xs {
		if i > 0 {
			p.byte(',')
		}
		if broken {
			p.newline(base+2, posOf(it))
		} else if i > 0 {
			p.byte(' ')
		}
		f(it)
		p.done(it)
	}
	p.base = base
}

// item prints one element of an operator's list.
func (p *printer) item(n Node) {
	if isNil(n) {
		return
	}
	switch n := n.(type) {
	case Expr:
		p.expr(n, precAssign)
	default:
		p.part(n)
	}
}

// predicate prints a where condition; when it does not fit, each operand of
// its top-level and/or chain after the first starts a line.
func (p *printer) predicate(e Expr, fits bool) {
	b, ok := e.(*BinaryExpr)
	if fits || !ok || b == nil {
		p.expr(e, precAssign)
		return
	}
	op := opText(b.Op)
	if op != "and" && op != "or" {
		p.expr(e, precAssign)
		return
	}
	var rest []*BinaryExpr
	for ok && b != nil && opText(b.Op) == op {
		rest = append(rest, b)
		e = b.X
		b, ok = e.(*BinaryExpr)
	}
	base := p.base
	prec := binaryPrec(op)
	p.expr(e, prec)
	for i := len(rest) - 1; i >= 0; i-- {
		p.newline(base+2, rest[i].OpPos)
		p.str(op)
		p.byte(' ')
		p.expr(rest[i].Y, prec+1)
	}
	p.base = base
}

func (p *printer) summarize(o *SummarizeOp, fits bool) {
	p.str("summarize")
	p.opParams(o.Params)
	base := p.base
	if len(o.Aggs) > 0 {
		head := p.col() + 1 + p.listWidth(exprNodes(o.Aggs))
		items(p, o.Aggs, fits || head <= maxLine)
	}
	if len(o.By) == 0 {
		return
	}
	if fits {
		p.str(" by ")
	} else {
		p.newline(base+2, posOf(o.By[0]))
		p.str("by ")
	}
	p.flatly(func() { printList(p, o.By, false, p.item) })
	p.base = base
}

func exprNodes(list []Expr) []Node {
	out := make([]Node, len(list))
	for i, e := range list {
		out[i] = e
	}
	return out
}

// listWidth returns the width of a comma-separated list on one line.
func (p *printer) listWidth(list []Node) int {
	w := 0
	for i, n := range list {
		if i > 0 {
			w += 2
		}
		if !isNil(n) {
			w += p.width(n)
		}
	}
	return w
}

// opParams prints operator parameters, each preceded by a space.
func (p *printer) opParams(list []*OpParam) {
	for _, prm := range list {
		if prm != nil {
			p.byte(' ')
			p.opParam(prm)
		}
	}
}

// opParamList prints parameters separated by commas, as in `with (…)`.
func (p *printer) opParamList(list []*OpParam) { commaList(p, list, p.opParam) }

func (p *printer) opParam(prm *OpParam) {
	if prm == nil {
		return
	}
	p.str(prm.Name)
	if !isNil(prm.Value) {
		p.byte('=')
		p.expr(prm.Value, precPipe)
	}
	p.done(prm)
}
