package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// takeStage keeps the first N rows.
type takeStage struct {
	s     data.Schema
	count *cexpr
}

func (c *compiler) take(sc *scope, in data.Schema, op *ast.TakeOp) stage {
	n := c.scalar(sc, nil, op.Count)
	if !n.typ.IsInteger() && n.typ != data.Unknown {
		c.errorf(op.Count, "%s expects an integer count, found %s", op.Keyword, n.typ)
	}
	return &takeStage{s: in, count: n}
}

func (t *takeStage) outSchema() data.Schema { return t.s }

func (t *takeStage) run(x *execCtx, in *rel) (*rel, error) {
	v, err := evalScalar(x, t.count)
	if err != nil {
		return nil, err
	}
	n := int(max(0, min(int64(in.rows()), v.Int64())))
	return in.slice(0, n), nil
}

// countStage returns the number of input rows.
type countStage struct{ s data.Schema }

func (c *countStage) outSchema() data.Schema { return c.s }

func (c *countStage) run(x *execCtx, in *rel) (*rel, error) {
	col := data.NewVec(data.Long, []int64{int64(in.rows())}, nil)
	return &rel{schema: c.s, cols: []data.Column{col}, n: 1}, nil
}

// distinctStage keeps one row per distinct combination of its columns.
type distinctStage struct {
	s     data.Schema
	cols  []*cexpr
	inLen int
}

func (c *compiler) distinct(sc *scope, in data.Schema, op *ast.DistinctOp) stage {
	d := &distinctStage{inLen: len(in)}
	row := &rowCtx{schema: in}
	names := newNameSet()
	for _, e := range op.Columns {
		if _, ok := e.(*ast.StarExpr); ok {
			for i, def := range in {
				d.s = append(d.s, data.ColumnDef{Name: names.unique(def.Name), Type: def.Type})
				d.cols = append(d.cols, colRef(i, def, nil))
			}
			continue
		}
		name, x := c.namedExpr(sc, row, e)
		if name == "" {
			name = names.column()
		}
		d.s = append(d.s, data.ColumnDef{Name: names.unique(name), Type: x.typ})
		d.cols = append(d.cols, x)
	}
	return d
}

func (d *distinctStage) outSchema() data.Schema { return d.s }

func (d *distinctStage) run(x *execCtx, in *rel) (*rel, error) {
	types := make([]data.Type, len(d.cols))
	for i, c := range d.cols {
		types[i] = c.typ
	}
	g := newGrouper(types)
	n := in.rows()
	if n == 0 {
		return relOf(data.EmptyTable("", d.s)), nil
	}
	f := newFrame(x, in)
	cols := make([]data.Column, len(d.cols))
	for i, c := range d.cols {
		col, err := c.eval(f)
		if err != nil {
			return nil, err
		}
		cols[i] = col
	}
	groups := make([]uint32, n)
	g.groups(cols, n, groups)
	return &rel{schema: d.s, cols: g.keyColumns(), n: g.ngroups}, nil
}

// getSchemaStage describes its input's columns.
type getSchemaStage struct{}

var getSchemaSchema = data.Schema{
	{Name: "ColumnName", Type: data.String},
	{Name: "ColumnOrdinal", Type: data.Int},
	{Name: "DataType", Type: data.String},
	{Name: "ColumnType", Type: data.String},
}

func (g *getSchemaStage) outSchema() data.Schema { return getSchemaSchema }

func (g *getSchemaStage) run(x *execCtx, in *rel) (*rel, error) {
	var names, dtypes, ctypes []string
	var ords []int64
	for i, def := range in.schema {
		names = append(names, def.Name)
		ords = append(ords, int64(i))
		dtypes = append(dtypes, "System."+def.Type.DotNetName())
		ctypes = append(ctypes, def.Type.String())
	}
	cols := []data.Column{
		data.NewVec(data.String, names, nil), data.NewVec(data.Int, ords, nil),
		data.NewVec(data.String, dtypes, nil), data.NewVec(data.String, ctypes, nil),
	}
	return &rel{schema: getSchemaSchema, cols: cols, n: len(names)}, nil
}
