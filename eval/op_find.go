package eval

import (
	"sort"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// find filters rows of several tables and shapes them into one schema:
//
//	find [withsource=Name] [in (T1, T2, P*)] where Predicate
//	     [project-smart | project Col[:type], … [, pack_all()] | project-away Col, …]
//
// The predicate is a search predicate (see op_search.go). The output
// starts with a source_ column (or withsource's name). With project-smart,
// the default, it has the columns the predicate names and those every
// source shares, the others of each row packed in a pack_ bag; with
// project, the listed columns (null where a source lacks one, converted
// to a given type) and, for pack_all(), a column1 bag of all the row's
// columns. Sources lacking a column the predicate names are left out.
// Without `in (…)` find covers the views in scope and the tables the run
// binds, which makes the query late (see late.go).

// findOut is one output column of find and how each source fills it.
type findOut struct {
	def  data.ColumnDef
	pack bool // a bag of the source's columns not in named
	all  bool // pack_all(): every column
}

type findNode struct {
	s      data.Schema
	srcs   []node
	labels []string
	outs   []findOut
	named  map[string]bool // columns given their own output column
}

func (c *compiler) find(sc *scope, op *ast.FindOp) node {
	source := "source_"
	for _, p := range op.Params {
		if p.Name == "withsource" {
			source = paramText(p)
		}
	}
	c.searchCase(op.Params, false)
	var srcs []searchSource
	if len(op.Tables) > 0 {
		srcs = c.sourceList(sc, op.Tables)
	} else {
		if c.run == nil {
			c.late = true
			return &lateNode{s: data.Schema{{Name: source, Type: data.String}}}
		}
		srcs = c.allSources(sc, op)
	}
	n := &findNode{named: map[string]bool{}}
	var schemas []data.Schema
	for _, src := range srcs {
		f := c.filtered(sc, src, op.Pred, false)
		if f == nil {
			continue
		}
		n.srcs = append(n.srcs, f)
		n.labels = append(n.labels, src.label)
		schemas = append(schemas, src.n.schema())
	}
	n.s = data.Schema{{Name: source, Type: data.String}}
	switch {
	case len(op.Project) > 0:
		c.findProject(n, op.Project, schemas)
	case len(op.ProjectAway) > 0:
		away := map[string]bool{}
		for _, e := range op.ProjectAway {
			if id, ok := e.(*ast.Ident); ok {
				away[id.Name] = true
			}
		}
		for _, col := range unionColumns(n.srcs, "outer") {
			if !away[col.src] {
				n.add(findOut{def: data.ColumnDef{Name: col.name, Type: col.t}})
			}
		}
	default:
		c.findSmart(n, op.Pred, schemas)
	}
	return n
}

// allSources lists the views in scope and the tables the run binds.
func (c *compiler) allSources(sc *scope, op *ast.FindOp) []searchSource {
	var out []searchSource
	for _, name := range viewsInScope(sc) {
		out = append(out, searchSource{n: c.tabular(sc, &ast.Ident{Span: op.Span, Name: name}), label: name})
	}
	var bound []string
	for name := range c.run.run.in.Tables {
		if sc.lookup(name) == nil && c.tableExists(name) {
			bound = append(bound, name)
		}
	}
	sort.Strings(bound)
	for _, name := range bound {
		out = append(out, searchSource{n: c.tableRef(sc, &ast.Ident{Span: op.Span, Name: name}), label: name})
	}
	return out
}

func (n *findNode) add(o findOut) {
	n.s = append(n.s, o.def)
	n.outs = append(n.outs, o)
	if !o.pack {
		n.named[o.def.Name] = true
	}
}

// findProject sets the output of `project Col[:type], … [, pack_all()]`.
func (c *compiler) findProject(n *findNode, items []ast.Expr, schemas []data.Schema) {
	for _, e := range items {
		switch x := e.(type) {
		case *ast.ColumnDecl:
			t, ok := data.ParseType(x.Type.Name)
			if !ok {
				c.errorf(x.Type, "unknown type '%s'", x.Type.Name)
				continue
			}
			n.add(findOut{def: data.ColumnDef{Name: x.Name.Name, Type: t}})
		case *ast.Ident:
			n.add(findOut{def: data.ColumnDef{Name: x.Name, Type: findType(c, x, schemas)}})
		case *ast.CallExpr:
			if x.Func.Name != "pack_all" || len(x.Args) != 0 {
				c.errorf(x, "find project takes columns and pack_all()")
				continue
			}
			n.add(findOut{def: data.ColumnDef{Name: "column1", Type: data.Dynamic}, pack: true, all: true})
		default:
			c.errorf(e, "find project takes columns and pack_all()")
		}
	}
}

// findType is the type of a projected column across the sources (it must
// be the same in all that have it, or be given).
func findType(c *compiler, id *ast.Ident, schemas []data.Schema) data.Type {
	t := data.Unknown
	for _, s := range schemas {
		if i := s.Index(id.Name); i >= 0 {
			if t != data.Unknown && t != s[i].Type {
				c.errorf(id, "column '%s' has several types in the sources; give one (%s:type)", id.Name, id.Name)
				return t
			}
			t = s[i].Type
		}
	}
	if t == data.Unknown {
		return data.String
	}
	return t
}

// findSmart sets the project-smart output: the predicate's columns, the
// columns every source has, and a pack_ bag of the rest.
func (c *compiler) findSmart(n *findNode, pred ast.Expr, schemas []data.Schema) {
	cols := unionColumns(n.srcs, "outer")
	inPred := map[string]bool{}
	ast.Inspect(pred, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok {
			inPred[id.Name] = true
		}
		return true
	})
	for _, col := range cols {
		shared := true
		for _, s := range schemas {
			if i := s.Index(col.src); i < 0 || s[i].Type != col.t {
				shared = false
			}
		}
		if inPred[col.src] || shared {
			n.add(findOut{def: data.ColumnDef{Name: col.name, Type: col.t}})
		}
	}
	n.add(findOut{def: data.ColumnDef{Name: "pack_", Type: data.Dynamic}, pack: true})
}

func (n *findNode) schema() data.Schema { return n.s }

func (n *findNode) exec(x *execCtx) (*rel, error) {
	parts := make([]*rel, 0, len(n.srcs))
	for i, src := range n.srcs {
		r, err := src.exec(x)
		if err != nil {
			return nil, err
		}
		parts = append(parts, n.shape(n.labels[i], r.compact()))
	}
	if len(parts) == 0 {
		return relOf(data.EmptyTable("", n.s)), nil
	}
	return concatRels(n.s, parts), nil
}

// shape maps one source's rows to the output columns.
func (n *findNode) shape(label string, r *rel) *rel {
	cols := []data.Column{data.NewConst(data.StringValue(label), r.n)}
	for _, o := range n.outs {
		if o.pack {
			cols = append(cols, n.pack(r, o.all))
			continue
		}
		name := o.def.Name
		i := r.schema.Index(name)
		if i < 0 {
			// a column renamed name_type by unionColumns
			for j, def := range r.schema {
				if def.Name+"_"+def.Type.String() == name {
					i = j
				}
			}
		}
		if i < 0 || r.cols[i] == nil {
			cols = append(cols, data.NullColumn(o.def.Type, r.n))
			continue
		}
		c := r.cols[i]
		if c.Type() != o.def.Type {
			c = functions.Convert(c, o.def.Type)
		}
		cols = append(cols, c)
	}
	return &rel{schema: n.s, cols: cols, n: r.n}
}

// pack builds the bag column of a source's columns (all, or those without
// an output column of their own), leaving out nulls.
func (n *findNode) pack(r *rel, all bool) data.Column {
	vals := make([]data.Dyn, r.n)
	for row := range vals {
		var keys []string
		var items []data.Dyn
		for j, def := range r.schema {
			if (!all && n.named[def.Name]) || r.cols[j] == nil {
				continue
			}
			v := r.cols[j].Value(row)
			if v.IsNull() {
				continue
			}
			keys, items = append(keys, def.Name), append(items, v.ToDyn())
		}
		vals[row] = data.DynBagOf(keys, items)
	}
	return data.NewVec(data.Dynamic, vals, nil)
}
