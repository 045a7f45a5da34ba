package ast

import "strings"

// keyword returns the canonical spelling of an operator's name: lower
// case, with the legacy mvexpand and mvapply hyphenated.
func keyword(name string) string {
	switch name = strings.ToLower(name); name {
	case "mvexpand":
		return "mv-expand"
	case "mvapply":
		return "mv-apply"
	}
	return name
}

// op prints an operator, its name first; continuation lines are indented
// from p.base.
func (p *printer) op(op Operator) {
	if isNil(op) {
		return
	}
	fits := p.flat || p.col()+p.width(op) <= maxLine
	if p.listOp(op, fits) || p.tableOp(op) || p.otherOp(op) {
		return
	}
	p.str(op.Name())
}

// tableOp prints the operators that combine or produce tables.
func (p *printer) tableOp(op Operator) bool {
	switch o := op.(type) {
	case *UnionOp:
		p.str("union")
		p.opParams(o.Params)
		p.byte(' ')
		p.tabulars(o.Tables)
	case *JoinOp:
		p.joinLike("join", o.Params, o.Right, o.On)
	case *LookupOp:
		p.joinLike("lookup", o.Params, o.Right, o.On)
	case *ForkOp:
		p.str("fork")
		for _, b := range o.Branches {
			p.byte(' ')
			p.tabular(b)
		}
	case *FacetOp:
		p.str("facet by ")
		printList(p, o.By, false, p.item)
		if o.With != nil {
			p.str(" with ")
			p.tabular(o.With)
		}
	case *PartitionOp:
		p.str("partition")
		p.opParams(o.Params)
		p.str(" by ")
		p.expr(o.By, precAssign)
		p.byte(' ')
		p.partitionSub(o.Sub, o.End())
	case *MvApplyOp:
		p.mvApply(o)
	case *SearchOp:
		p.str("search")
		p.opParams(o.Params)
		p.inTables(o.Tables)
		p.byte(' ')
		p.expr(o.Pred, precAssign)
	case *FindOp:
		p.find(o)
	case *RangeOp:
		p.str("range ")
		p.ident(o.Column)
		p.str(" from ")
		p.expr(o.From, precAssign)
		p.str(" to ")
		p.expr(o.To, precAssign)
		p.str(" step ")
		p.expr(o.Step, precAssign)
	default:
		return false
	}
	return true
}

// partitionSub prints partition's subquery: `(Ops)` working on each
// partition, or `{ Query }` standing alone, whose brace ends at end.
func (p *printer) partitionSub(e Expr, end Pos) {
	x, isPipe := e.(*PipeExpr)
	if isPipe && x != nil && isNil(x.Source) {
		p.tabular(e)
		return
	}
	p.byte('{')
	if isPipe && x != nil && !p.short(x) {
		p.closing(end, func() { p.nested(x) })
	} else {
		p.byte(' ')
		p.expr(e, precLowest)
		p.byte(' ')
	}
	p.byte('}')
}

// tabulars prints a comma-separated list of table arguments.
func (p *printer) tabulars(list []Expr) { commaList(p, list, p.tabular) }

func (p *printer) joinLike(name string, params []*OpParam, right Expr, on []Expr) {
	p.str(name)
	p.opParams(params)
	p.byte(' ')
	p.tabular(right)
	if len(on) > 0 {
		p.str(" on ")
		p.exprs(on, precAssign)
	}
}

func (p *printer) inTables(tables []Expr) {
	if len(tables) > 0 {
		p.str(" in (")
		p.tabulars(tables)
		p.byte(')')
	}
}

func (p *printer) mvApply(o *MvApplyOp) {
	p.str(keyword(o.Name()))
	p.opParams(o.Params)
	p.byte(' ')
	printList(p, o.Items, false, p.item)
	if !isNil(o.Limit) {
		p.str(" limit ")
		p.expr(o.Limit, precAssign)
	}
	if o.ID != nil {
		p.str(" id = ")
		p.ident(o.ID)
	}
	p.str(" on ")
	p.tabular(o.On)
}

func (p *printer) find(o *FindOp) {
	p.str("find")
	p.opParams(o.Params)
	p.inTables(o.Tables)
	p.str(" where ")
	p.expr(o.Pred, precAssign)
	switch {
	case o.ProjectSmart:
		p.str(" project-smart")
	case len(o.Project) > 0:
		p.str(" project ")
		p.exprs(o.Project, precAssign)
	}
	if len(o.ProjectAway) > 0 {
		p.str(" project-away ")
		p.exprs(o.ProjectAway, precAssign)
	}
}

// otherOp prints the remaining operators.
func (p *printer) otherOp(op Operator) bool {
	if p.rowOp(op) {
		return true
	}
	switch o := op.(type) {
	case *MvExpandOp:
		p.str(keyword(o.Name()))
		p.opParams(o.Params)
		p.byte(' ')
		printList(p, o.Items, false, p.item)
		if !isNil(o.Limit) {
			p.str(" limit ")
			p.expr(o.Limit, precAssign)
		}
	case *ParseOp:
		p.parse(o)
	case *ParseKvOp:
		p.str("parse-kv ")
		p.expr(o.Source, precAssign)
		p.str(" as (")
		p.columns(o.Columns)
		p.byte(')')
		p.with(o.With)
	case *MakeSeriesOp:
		p.makeSeries(o)
	case *EvaluateOp:
		p.str("evaluate")
		p.opParams(o.Params)
		p.byte(' ')
		p.expr(o.Call, precAssign)
		if o.Schema != nil {
			p.str(" : ")
			p.typ(o.Schema)
		}
	case *InvokeOp:
		p.str("invoke ")
		p.expr(o.Call, precAssign)
	case *AsOp:
		p.str("as")
		p.opParams(o.Params)
		p.byte(' ')
		p.ident(o.Alias)
	case *RenderOp:
		p.str("render ")
		p.ident(o.Chart)
		p.with(o.With)
		for _, e := range o.Extra {
			p.byte(' ')
			p.expr(e, precAssign)
		}
	case *ReduceOp:
		p.str("reduce")
		p.opParams(o.Params)
		p.str(" by ")
		p.expr(o.By, precAssign)
		if len(o.With) > 0 {
			p.str(" with ")
			p.opParamList(o.With)
		}
	case *ScanOp:
		p.str(o.Text)
		p.skipComments(o.End())
	default:
		return p.simpleOp(op)
	}
	return true
}

// with prints ` with (Params)` when there are any.
func (p *printer) with(list []*OpParam) {
	if len(list) > 0 {
		p.str(" with (")
		p.opParamList(list)
		p.byte(')')
	}
}

// rowOp prints the operators that pick rows.
func (p *printer) rowOp(op Operator) bool {
	switch o := op.(type) {
	case *TakeOp:
		p.str(keyword(o.Name()))
		p.opParams(o.Params)
		p.byte(' ')
		p.expr(o.Count, precAssign)
	case *TopOp:
		p.str("top ")
		p.expr(o.Count, precAssign)
		p.str(" by ")
		printList(p, o.By, false, p.item)
	case *TopNestedOp:
		printList(p, o.Clauses, false, p.item)
	case *TopHittersOp:
		p.str("top-hitters ")
		p.expr(o.Count, precAssign)
		p.str(" of ")
		p.expr(o.Of, precAssign)
		if !isNil(o.By) {
			p.str(" by ")
			p.expr(o.By, precAssign)
		}
	case *SampleOp:
		p.str("sample")
		p.opParams(o.Params)
		p.byte(' ')
		p.expr(o.Count, precAssign)
	case *SampleDistinctOp:
		p.str("sample-distinct")
		p.opParams(o.Params)
		p.byte(' ')
		p.expr(o.Count, precAssign)
		p.str(" of ")
		p.expr(o.Of, precAssign)
	default:
		return false
	}
	return true
}

// simpleOp prints the operators with no or few arguments.
func (p *printer) simpleOp(op Operator) bool {
	switch o := op.(type) {
	case *CountOp:
		p.str("count")
		if o.As != nil {
			p.str(" as ")
			p.ident(o.As)
		}
	case *ConsumeOp:
		p.str("consume")
		p.opParams(o.Params)
	case *GetSchemaOp:
		p.str("getschema")
	case *ExecuteAndCacheOp:
		p.str("execute_and_cache")
	default:
		return false
	}
	return true
}

func (p *printer) parse(o *ParseOp) {
	p.str(keyword(o.Name()))
	p.opParams(o.Params)
	p.byte(' ')
	p.expr(o.Source, precAssign)
	p.str(" with")
	for _, part := range o.Pattern {
		if part != nil {
			p.byte(' ')
			p.part(part)
			p.done(part)
		}
	}
}

func (p *printer) makeSeries(o *MakeSeriesOp) {
	p.str("make-series")
	p.opParams(o.Params)
	p.byte(' ')
	printList(p, o.Aggs, false, p.item)
	p.str(" on ")
	p.expr(o.On, precAssign)
	if o.InRange {
		p.str(" in range(")
		p.exprs([]Expr{o.From, o.To, o.Step}, precLowest)
		p.byte(')')
	} else {
		p.clause(" from ", o.From)
		p.clause(" to ", o.To)
		p.clause(" step ", o.Step)
	}
	if len(o.By) > 0 {
		p.str(" by ")
		p.exprs(o.By, precAssign)
	}
}

// clause prints kw and e when e is present.
func (p *printer) clause(kw string, e Expr) {
	if !isNil(e) {
		p.str(kw)
		p.expr(e, precAssign)
	}
}

// part prints the nodes that are neither expressions, statements nor
// operators.
func (p *printer) part(n Node) {
	switch n := n.(type) {
	case *SortExpr:
		p.expr(n.X, precAssign)
		if n.Order != "" {
			p.byte(' ')
			p.str(n.Order)
		}
		if n.Nulls != "" {
			p.str(" nulls ")
			p.str(n.Nulls)
		}
	case *MvExpandItem:
		p.expr(n.X, precAssign)
		if n.To != nil {
			p.str(" to typeof(")
			p.typ(n.To)
			p.byte(')')
		}
	case *MakeSeriesAgg:
		p.expr(n.X, precAssign)
		p.clause(" default = ", n.Default)
	case *TopNestedClause:
		p.topNested(n)
	case *ParsePart:
		p.parsePart(n)
	case *PatternRule:
		p.patternRule(n)
	default:
		p.decl(n)
	}
}

func (p *printer) topNested(c *TopNestedClause) {
	p.str("top-nested")
	if !isNil(c.Count) {
		p.byte(' ')
		p.expr(c.Count, precAssign)
	}
	p.clause(" of ", c.Of)
	p.clause(" with others = ", c.Others)
	p.clause(" by ", c.By)
	if c.Order != "" {
		p.byte(' ')
		p.str(c.Order)
	}
}

func (p *printer) parsePart(n *ParsePart) {
	switch {
	case n.Star:
		p.byte('*')
	case n.Literal != nil:
		p.expr(n.Literal, precAssign)
	case n.Column != nil:
		p.ident(n.Column)
		if n.Type != nil {
			p.byte(':')
			p.typ(n.Type)
		}
	}
}

// decl prints declarations and the other small nodes.
func (p *printer) decl(n Node) {
	switch n := n.(type) {
	case *Param:
		p.param(n)
	case *TypeExpr:
		p.typ(n)
	case *ColumnDecl:
		p.column(n)
	case *OpParam:
		p.opParam(n)
	case *Comment:
		p.str(n.Text)
	}
}
