package eval

import (
	"regexp"
	"sort"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// search filters rows of one or several tables with a search predicate:
//
//	[T |] search [kind=case_sensitive] [in (T1, T2, P*)] Predicate
//
// In the predicate a string term matches any column: "err" as has,
// "err*" as hasprefix, "*err" as hassuffix, "*err*" as contains and
// "a*b" as the regex \ba.*b\b (case-insensitively unless
// kind=case_sensitive); Col:"err" restricts a term to a column, `*` matches
// every row and `* has "x"` tests every column. Other expressions are as in
// where. The output is a $table column naming each row's source, then the
// sources' columns (as union aligns them). A source lacking a column the
// predicate names contributes no rows. Without T or `in (…)`, the search
// covers the views in scope and the tables the run binds: which of them
// have matching rows decides the columns, so such a query is late (see
// late.go).

// searchSource is one table a search or find reads.
type searchSource struct {
	n     node
	label string
}

func (c *compiler) searchSource(sc *scope, op *ast.SearchOp) node {
	cs := c.searchCase(op.Params, true)
	if len(op.Tables) == 0 {
		return c.searchAll(sc, op.Pred, cs, op)
	}
	return c.searchUnion(sc, c.sourceList(sc, op.Tables), op.Pred, cs, op)
}

func (c *compiler) searchPipe(sc *scope, p *pipeNode, op *ast.SearchOp) node {
	if len(op.Tables) > 0 {
		c.errorf(op, "search cannot have both a piped input and 'in (…)'")
	}
	in := finishPipe(p)
	src := []searchSource{{n: in, label: nodeLabel(p.src, 0)}}
	if len(p.stages) > 0 {
		src[0].label = "union_arg0"
	}
	return c.searchUnion(sc, src, op.Pred, c.searchCase(op.Params, true), op)
}

// searchCase reads kind=…; it reports whether terms match case-sensitively.
func (c *compiler) searchCase(params []*ast.OpParam, search bool) bool {
	cs := false
	for _, p := range params {
		name := strings.ToLower(p.Name)
		switch {
		case name == "kind" && search:
			switch v := strings.ToLower(paramText(p)); v {
			case "case_sensitive":
				cs = true
			case "default", "case_insensitive":
			default:
				c.errorf(p, "search kind=%s is not supported", v)
			}
		case name == "withsource" && !search:
		case strings.HasPrefix(name, "hint."):
		default:
			c.errorf(p, "parameter '%s' is not supported here", p.Name)
		}
	}
	return cs
}

// sourceList compiles the tables of `in (…)`, expanding wildcards.
func (c *compiler) sourceList(sc *scope, tables []ast.Expr) []searchSource {
	var out []searchSource
	for _, t := range tables {
		if pat, ok := t.(*ast.PatternExpr); ok {
			u := &unionNode{source: -1}
			c.unionPattern(sc, u, pat, false)
			for i, n := range u.inputs {
				out = append(out, searchSource{n: n, label: u.names[i]})
			}
			continue
		}
		n := c.tabular(sc, t)
		out = append(out, searchSource{n: n, label: c.branchLabel(sc, t, n, len(out))})
	}
	return out
}

// filtered returns src filtered by the search predicate, or nil when src
// lacks a column the predicate names.
func (c *compiler) filtered(sc *scope, src searchSource, pred ast.Expr, cs bool) node {
	s := src.n.schema()
	p := c.searchPred(pred, s, cs)
	if missingColumn(sc, p, s) {
		return nil
	}
	return c.stages(sc, src.n, []ast.Operator{&ast.WhereOp{Span: spanOf(pred), Pred: p}})
}

// searchUnion filters each source and aligns their rows under $table.
func (c *compiler) searchUnion(sc *scope, srcs []searchSource, pred ast.Expr, cs bool, at ast.Node) node {
	u := &unionNode{source: -1}
	for _, src := range srcs {
		n := c.filtered(sc, src, pred, cs)
		if n == nil {
			if len(srcs) == 1 { // one source: report the column it lacks
				c.scalar(sc, &rowCtx{schema: src.n.schema()}, c.searchPred(pred, src.n.schema(), cs))
			}
			continue
		}
		u.inputs = append(u.inputs, n)
		u.names = append(u.names, src.label)
	}
	c.unionSchema(u, "outer", "$table")
	return u
}

// searchAll searches every view in scope and every table the run binds.
func (c *compiler) searchAll(sc *scope, pred ast.Expr, cs bool, at ast.Node) node {
	if c.run == nil {
		c.late = true
		return &lateNode{s: data.Schema{{Name: "$table", Type: data.String}}}
	}
	if c.applyDepth > 0 {
		c.errorf(at, "a search over all tables is not supported in a subquery run per row or per partition")
		return &emptyNode{}
	}
	var srcs []searchSource
	for _, name := range viewsInScope(sc) {
		srcs = append(srcs, searchSource{n: c.tabular(sc, &ast.Ident{Span: spanOf(pred), Name: name}), label: name})
	}
	var bound []string
	for name := range c.run.run.in.Tables {
		if sc.lookup(name) == nil && c.tableExists(name) {
			bound = append(bound, name)
		}
	}
	sort.Strings(bound)
	for _, name := range bound {
		srcs = append(srcs, searchSource{n: c.tableRef(sc, &ast.Ident{Span: spanOf(pred), Name: name}), label: name})
	}
	// keep the sources with matching rows: they decide the columns
	u := &unionNode{source: -1}
	for _, src := range srcs {
		n := c.filtered(sc, src, pred, cs)
		if n == nil {
			continue
		}
		r, err := n.exec(c.run)
		if err != nil {
			c.runErr = err
			panic(errStop)
		}
		if r.rows() > 0 {
			u.inputs = append(u.inputs, &rowsNode{r: r.compact()})
			u.names = append(u.names, src.label)
		}
	}
	c.unionSchema(u, "outer", "$table")
	return u
}

// viewsInScope lists the names bound to views (`let v = view () {…}`).
func viewsInScope(sc *scope) []string {
	seen := map[string]bool{}
	var out []string
	for s := sc; s != nil; s = s.parent {
		for name, b := range s.names {
			if b.kind == bindFunc && b.fn.View && len(b.fn.Params) == 0 && !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// missingColumn reports whether pred names a column s lacks (nested
// subqueries aside).
func missingColumn(sc *scope, pred ast.Expr, s data.Schema) bool {
	skip := map[*ast.Ident]bool{}
	missing := false
	ast.Inspect(pred, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.PipeExpr, *ast.OpExpr, *ast.DataTableExpr:
			return false
		case *ast.CallExpr:
			skip[n.Func] = true
		case *ast.MemberExpr:
			skip[n.Name] = true
		case *ast.Ident:
			if !skip[n] && s.Index(n.Name) < 0 && sc.lookup(n.Name) == nil {
				missing = true
			}
		}
		return !missing
	})
	return missing
}

// searchPred rewrites a search predicate into a where predicate over the
// columns of s.
func (c *compiler) searchPred(e ast.Expr, s data.Schema, cs bool) ast.Expr {
	switch x := e.(type) {
	case *ast.StarExpr:
		return &ast.Literal{Span: x.Span, Value: data.BoolValue(true)}
	case *ast.ParenExpr:
		return &ast.ParenExpr{Span: x.Span, X: c.searchPred(x.X, s, cs)}
	case *ast.Literal:
		if x.Value.Type() == data.String && !x.Value.IsNull() {
			return termMatch(x, allColumns(x.Span, s), x.Value.Str(), cs)
		}
	case *ast.CallExpr:
		if strings.EqualFold(x.Func.Name, "not") && len(x.Args) == 1 {
			return &ast.CallExpr{Span: x.Span, Func: x.Func, Args: []ast.Expr{c.searchPred(x.Args[0], s, cs)}}
		}
	case *ast.BinaryExpr:
		return c.searchBinary(x, s, cs)
	}
	return e
}

func (c *compiler) searchBinary(x *ast.BinaryExpr, s data.Schema, cs bool) ast.Expr {
	switch op := strings.ToLower(x.Op); {
	case op == "and" || op == "or":
		return &ast.BinaryExpr{Span: x.Span, X: c.searchPred(x.X, s, cs), Op: x.Op, OpPos: x.OpPos,
			Y: c.searchPred(x.Y, s, cs)}
	case op == ":":
		lit, ok := x.Y.(*ast.Literal)
		if !ok || lit.Value.Type() != data.String {
			c.errorf(x.Y, "a search term after ':' must be a string literal")
			return x
		}
		return termMatch(lit, []ast.Expr{x.X}, lit.Value.Str(), cs)
	}
	if _, ok := x.X.(*ast.StarExpr); ok {
		var parts []ast.Expr
		for _, col := range allColumns(x.Span, s) {
			parts = append(parts, &ast.BinaryExpr{Span: x.Span, X: col, Op: x.Op, OpPos: x.OpPos, Y: x.Y})
		}
		return orAll(x.Span, parts)
	}
	return x
}

// allColumns returns every column of s, as strings.
func allColumns(sp ast.Span, s data.Schema) []ast.Expr {
	var out []ast.Expr
	for _, def := range s {
		var col ast.Expr = &ast.Ident{Span: sp, Name: def.Name}
		if def.Type != data.String {
			col = &ast.CallExpr{Span: sp, Func: &ast.Ident{Span: sp, Name: "tostring"}, Args: []ast.Expr{col}}
		}
		out = append(out, col)
	}
	return out
}

// termMatch tests a search term against columns.
func termMatch(at *ast.Literal, cols []ast.Expr, term string, cs bool) ast.Expr {
	op, arg := termOp(term, cs)
	var parts []ast.Expr
	for _, col := range cols {
		parts = append(parts, &ast.BinaryExpr{Span: at.Span, X: col, Op: op, OpPos: at.Pos(),
			Y: &ast.Literal{Span: at.Span, Value: data.StringValue(arg)}})
	}
	return orAll(at.Span, parts)
}

// termOp chooses the operator a term's wildcards ask for.
func termOp(term string, cs bool) (op, arg string) {
	suffix := ""
	if cs {
		suffix = "_cs"
	}
	inner := strings.Trim(term, "*")
	switch {
	case term == "*" || inner == "":
		return "matches regex", ".*"
	case !strings.Contains(inner, "*"):
		lead, trail := strings.HasPrefix(term, "*"), strings.HasSuffix(term, "*")
		switch {
		case lead && trail:
			return "contains" + suffix, inner
		case lead:
			return "hassuffix" + suffix, inner
		case trail:
			return "hasprefix" + suffix, inner
		}
		return "has" + suffix, inner
	}
	parts := strings.Split(term, "*")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	re := `\b` + strings.Join(parts, ".*") + `\b`
	if !cs {
		re = "(?i)" + re
	}
	return "matches regex", re
}

// orAll joins expressions with or (false when there are none).
func orAll(sp ast.Span, parts []ast.Expr) ast.Expr {
	if len(parts) == 0 {
		return &ast.Literal{Span: sp, Value: data.BoolValue(false)}
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out = &ast.BinaryExpr{Span: sp, X: out, Op: "or", Y: p}
	}
	return &ast.ParenExpr{Span: sp, X: out}
}
