package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// schema_merge([PreserveOrder]) merges schemas given as getschema rows
// (ColumnName, ColumnOrdinal, DataType, ColumnType; each schema's ordinals
// start at 0): a column seen first in a later schema is inserted at its
// ordinal; int, long and real widen to a common type. With PreserveOrder
// (the default) a column whose ordinal differs from the one it first had
// is reported as out of order, after the others, with ordinal -1; columns
// of incompatible types are reported likewise.
type schemaMergeStage struct {
	preserve *cexpr
	cols     [4]int
}

func (c *compiler) schemaMerge(sc *scope, in data.Schema, op *ast.EvaluateOp) stage {
	a := c.pluginArgs(op.Call)
	c.checkPluginArgs(a, 1, "PreserveOrder")
	st := &schemaMergeStage{}
	if e := a.arg(0, "PreserveOrder"); e != nil {
		st.preserve = c.scalar(sc, nil, e)
	}
	for i, def := range getSchemaSchema {
		j := in.Index(def.Name)
		if j < 0 || in[j].Type != def.Type && !(def.Type.IsInteger() && in[j].Type.IsInteger()) {
			c.errorf(op.Call, "schema_merge needs getschema rows (a %s column '%s')", def.Type, def.Name)
			return st
		}
		st.cols[i] = j
	}
	return st
}

// schemaMergeSchema is getschema's, but with long ordinals (as Kusto
// returns them).
var schemaMergeSchema = data.Schema{
	{Name: "ColumnName", Type: data.String}, {Name: "ColumnOrdinal", Type: data.Long},
	{Name: "DataType", Type: data.String}, {Name: "ColumnType", Type: data.String},
}

func (st *schemaMergeStage) outSchema() data.Schema { return schemaMergeSchema }

type mergedCol struct {
	name, dtype, ctype string
	ordinal            int64
	err                string
}

func (st *schemaMergeStage) run(x *execCtx, in *rel) (*rel, error) {
	preserve := true
	if st.preserve != nil {
		v, err := evalScalar(x, st.preserve)
		if err != nil {
			return nil, err
		}
		preserve = v.IsNull() || v.Bool()
	}
	var order []*mergedCol
	byName := map[string]*mergedCol{}
	for r := 0; r < in.rows(); r++ {
		name := in.col(st.cols[0]).Value(r).Str()
		ord := in.col(st.cols[1]).Value(r).Int64()
		dtype, ctype := in.col(st.cols[2]).Value(r).Str(), in.col(st.cols[3]).Value(r).Str()
		m := byName[name]
		if m == nil {
			m = &mergedCol{name: name, dtype: dtype, ctype: ctype, ordinal: ord}
			byName[name] = m
			at := min(int(max(ord, 0)), len(order))
			order = append(order[:at], append([]*mergedCol{m}, order[at:]...)...)
			continue
		}
		if preserve && ord != m.ordinal && m.err == "" {
			m.err = "columns are out of order"
		}
		if ctype != m.ctype && m.err == "" {
			if t, ok := widerType(m.ctype, ctype); ok {
				m.ctype, m.dtype = t.String(), "System."+t.DotNetName()
			} else {
				m.err = "types are incompatible"
			}
		}
	}
	var names, dtypes, ctypes []string
	var ords []int64
	var bad []*mergedCol
	for _, m := range order {
		if m.err != "" {
			bad = append(bad, m)
			continue
		}
		names, ords, dtypes, ctypes = append(names, m.name), append(ords, int64(len(names))), append(dtypes, m.dtype), append(ctypes, m.ctype)
	}
	for _, m := range bad {
		names, ords = append(names, m.name), append(ords, -1)
		dtypes, ctypes = append(dtypes, "ERROR(unknown CSL type:ERROR("+m.err+"))"), append(ctypes, "ERROR("+m.err+")")
	}
	cols := []data.Column{data.NewVec(data.String, names, nil), data.NewVec(data.Long, ords, nil),
		data.NewVec(data.String, dtypes, nil), data.NewVec(data.String, ctypes, nil)}
	return &rel{schema: schemaMergeSchema, cols: cols, n: len(names)}, nil
}

// widerType returns the common type of two numeric type names.
func widerType(a, b string) (data.Type, bool) {
	ta, ok1 := data.ParseType(a)
	tb, ok2 := data.ParseType(b)
	if !ok1 || !ok2 || !ta.IsNumeric() || !tb.IsNumeric() || ta == data.Decimal || tb == data.Decimal {
		return data.Unknown, false
	}
	switch {
	case ta == data.Real || tb == data.Real:
		return data.Real, true
	case ta == data.Long || tb == data.Long:
		return data.Long, true
	}
	return data.Int, true
}
