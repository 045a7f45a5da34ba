package eval

import (
	"path"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// projectStage computes its output columns from expressions over the
// input; a plain column reference keeps the input column as it is.
type projectStage struct {
	s     data.Schema
	exprs []*cexpr
	inLen int
	live  []bool // output columns read downstream; nil means all
}

func (p *projectStage) isLive(i int) bool { return p.live == nil || p.live[i] }

func (p *projectStage) outSchema() data.Schema { return p.s }

func (p *projectStage) apply(x *execCtx, in *rel) (*rel, error) {
	allRefs := true
	for _, e := range p.exprs {
		if e.col < 0 {
			allRefs = false
			break
		}
	}
	if allRefs {
		cols := make([]data.Column, len(p.exprs))
		for i, e := range p.exprs {
			if p.isLive(i) {
				cols[i] = in.cols[e.col]
			}
		}
		return &rel{schema: p.s, cols: cols, n: in.n, sel: in.sel}, nil
	}
	f := newFrame(x, in)
	cols := make([]data.Column, len(p.exprs))
	for i, e := range p.exprs {
		if !p.isLive(i) {
			continue
		}
		col, err := e.eval(f)
		if err != nil {
			return nil, err
		}
		cols[i] = col
	}
	return &rel{schema: p.s, cols: cols, n: in.rows()}, nil
}

func (c *compiler) extend(sc *scope, in data.Schema, op *ast.ExtendOp) stage {
	// Every expression sees the input columns only, as in Kusto: a column
	// defined by the same extend is not visible to the expressions after it.
	row := &rowCtx{schema: in}
	out := append(data.Schema(nil), in...)
	exprs := make([]*cexpr, len(in))
	for i, def := range in {
		exprs[i] = colRef(i, def, nil)
	}
	names := newNameSet()
	for _, def := range in {
		names.used[def.Name] = true
	}
	var steps, bags []*cexpr
	work := append(data.Schema(nil), in...) // the input, then the bags of spread calls
	add := func(name string, x *cexpr) {
		names.used[name] = true
		if i := out.Index(name); i >= 0 {
			out[i] = data.ColumnDef{Name: name, Type: x.typ}
			exprs[i] = x
			return
		}
		out = append(out, data.ColumnDef{Name: name, Type: x.typ})
		exprs = append(exprs, x)
	}
	for _, e := range op.Exprs {
		if sp := c.multiCall(sc, row, e, false); sp != nil {
			steps = append(steps, sp.bag) // one per expression, for unknownOutputs
			for i, x := range c.spreadSteps(sp, &work, &bags) {
				add(sp.names[i], x)
			}
			continue
		}
		name, x := c.namedExpr(sc, row, e)
		steps = append(steps, x)
		if name == "" {
			name = names.column()
		}
		add(name, x)
	}
	if c.env.AllErrors && unknownOutputs(op.Exprs, steps) {
		out = openSchema(out) // a failed call may make other columns (series_stats, (a, b) = …)
	}
	if len(bags) > 0 {
		return &spreadStage{s: out, bags: bags, exprs: exprs}
	}
	return &projectStage{s: out, exprs: exprs, inLen: len(in)}
}

func (c *compiler) project(sc *scope, in data.Schema, op *ast.ProjectOp) stage {
	row := &rowCtx{schema: in}
	var out data.Schema
	var exprs, bags []*cexpr
	work := append(data.Schema(nil), in...) // the input, then the bags of spread calls
	names := newNameSet()
	for _, e := range op.Exprs {
		if sp := c.multiCall(sc, row, e, true); sp != nil {
			for i, x := range c.spreadSteps(sp, &work, &bags) {
				name := names.unique(sp.names[i])
				out = append(out, data.ColumnDef{Name: name, Type: x.typ})
				exprs = append(exprs, x)
			}
			continue
		}
		if pat, ok := e.(*ast.PatternExpr); ok {
			for i, def := range in {
				if matchPattern(pat.Pattern, def.Name) && !names.used[def.Name] {
					names.used[def.Name] = true
					out = append(out, def)
					exprs = append(exprs, colRef(i, def, pat))
				}
			}
			continue
		}
		name, x := c.namedExpr(sc, row, e)
		if name == "" {
			name = names.column()
		} else if _, explicit := e.(*ast.AssignExpr); explicit && names.used[name] {
			c.errorf(e, "column '%s' is projected twice", name)
		} else {
			name = names.unique(name)
		}
		names.used[name] = true
		out = append(out, data.ColumnDef{Name: name, Type: x.typ})
		exprs = append(exprs, x)
	}
	if len(bags) > 0 {
		return &spreadStage{s: out, bags: bags, exprs: exprs}
	}
	return &projectStage{s: out, exprs: exprs, inLen: len(in)}
}

// matchPattern matches a column name against a wildcard pattern (only `*`
// is special).
func matchPattern(pattern, name string) bool {
	ok, err := path.Match(escapeGlob(pattern), name)
	return err == nil && ok
}

func escapeGlob(p string) string {
	out := make([]byte, 0, len(p))
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '?', '[', ']', '\\':
			out = append(out, '\\')
		}
		out = append(out, p[i])
	}
	return string(out)
}

// columnList resolves names and wildcard patterns to input positions.
func (c *compiler) columnList(in data.Schema, items []ast.Expr) []bool {
	hit := make([]bool, len(in))
	for _, it := range items {
		switch it := it.(type) {
		case *ast.Ident:
			i := in.Index(it.Name)
			if i < 0 {
				c.unknownColumn(in, it)
				continue
			}
			hit[i] = true
		case *ast.PatternExpr:
			for i, def := range in {
				if matchPattern(it.Pattern, def.Name) {
					hit[i] = true
				}
			}
		default:
			c.errorf(it, "expected a column name")
		}
	}
	return hit
}

func (c *compiler) unknownColumn(in data.Schema, id *ast.Ident) {
	if c.env.AllErrors && IsOpen(in) {
		return
	}
	if s := suggest(id.Name, in.Names()); s != "" {
		c.errorf(id, "unknown column '%s' (did you mean '%s'?)", id.Name, s)
		return
	}
	c.errorf(id, "unknown column '%s'", id.Name)
}

func (c *compiler) projectAway(in data.Schema, items []ast.Expr, keep bool) stage {
	hit := c.columnList(in, items)
	var out data.Schema
	var exprs []*cexpr
	for i, def := range in {
		if hit[i] == keep {
			out = append(out, def)
			exprs = append(exprs, colRef(i, def, nil))
		}
	}
	return &projectStage{s: out, exprs: exprs, inLen: len(in)}
}

func (c *compiler) projectRename(in data.Schema, op *ast.ProjectRenameOp) stage {
	out := append(data.Schema(nil), in...)
	exprs := make([]*cexpr, len(in))
	for i, def := range in {
		exprs[i] = colRef(i, def, nil)
	}
	for _, r := range op.Renames {
		old, ok := r.Value.(*ast.Ident)
		if !ok || len(r.Names) != 1 {
			c.errorf(r, "project-rename expects NewName = ExistingName")
			continue
		}
		i := in.Index(old.Name)
		if i < 0 {
			c.unknownColumn(in, old)
			continue
		}
		out[i].Name = r.Names[0].Name
	}
	seen := map[string]bool{}
	for _, def := range out {
		if seen[def.Name] {
			c.errorf(op, "project-rename gives two columns the name '%s'", def.Name)
		}
		seen[def.Name] = true
	}
	return &projectStage{s: out, exprs: exprs, inLen: len(in)}
}

func (c *compiler) projectReorder(in data.Schema, op *ast.ProjectReorderOp) stage {
	var order []int
	used := make([]bool, len(in))
	for _, k := range op.Columns {
		items := []ast.Expr{k.X}
		hit := c.columnList(in, items)
		var group []int
		for i, h := range hit {
			if h && !used[i] {
				group = append(group, i)
			}
		}
		sortGroup(in, group, k.Order)
		for _, i := range group {
			used[i] = true
			order = append(order, i)
		}
	}
	for i := range in {
		if !used[i] {
			order = append(order, i)
		}
	}
	out := make(data.Schema, len(order))
	exprs := make([]*cexpr, len(order))
	for k, i := range order {
		out[k] = in[i]
		exprs[k] = colRef(i, in[i], nil)
	}
	return &projectStage{s: out, exprs: exprs, inLen: len(in)}
}

// sortGroup orders the columns a wildcard matched, as project-reorder's
// asc/desc/granny-asc/granny-desc ask.
func sortGroup(in data.Schema, group []int, order string) {
	if order == "" {
		return
	}
	less := func(a, b string) bool {
		if order == "granny-asc" || order == "granny-desc" {
			return grannyLess(a, b) != (order == "granny-desc")
		}
		return (a < b) != (order == "desc")
	}
	for i := 1; i < len(group); i++ {
		for j := i; j > 0 && less(in[group[j]].Name, in[group[j-1]].Name); j-- {
			group[j], group[j-1] = group[j-1], group[j]
		}
	}
}

// grannyLess compares names with digit runs compared as numbers.
func grannyLess(a, b string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			x, y := a[si:i], b[sj:j]
			if len(x) != len(y) {
				return len(x) < len(y)
			}
			if x != y {
				return x < y
			}
			continue
		}
		if a[i] != b[j] {
			return a[i] < b[j]
		}
		i++
		j++
	}
	return len(a)-i < len(b)-j
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
