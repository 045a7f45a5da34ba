package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// bag_unpack turns the top-level properties of a dynamic column into
// columns:
//
//	T | evaluate bag_unpack(Column [, OutputColumnPrefix] [, columnsConflict] [, ignoredProperties])
//	    [: (Name: type, … [, *])]
//
// The output has T's columns without Column, then one column per property
// found (sorted by name, prefixed), typed after the property's values
// (dynamic when they differ in type). A property named like an existing
// column is an error unless columnsConflict is 'replace_source' (the
// column takes the property's values) or 'keep_source' (the property is
// dropped). With a declared schema the output has exactly its columns
// (after T's other columns when it has `*`), the values converted.

type bagUnpack struct {
	in       data.Schema
	col      int
	prefix   string
	conflict string
	ignored  map[string]bool
	declared data.Schema // nil without an output schema
	star     bool
	node     ast.Node
}

func (c *compiler) bagUnpack(sc *scope, in data.Schema, op *ast.EvaluateOp) *bagUnpack {
	a := c.pluginArgs(op.Call)
	c.checkPluginArgs(a, 4, "OutputColumnPrefix", "columnsConflict", "ignoredProperties")
	u := &bagUnpack{in: in, col: -1, conflict: "error", ignored: map[string]bool{}, node: op}
	if col := a.arg(0, ""); col != nil {
		u.col = c.columnArg(in, col, "the column to unpack")
		if u.col >= 0 && in[u.col].Type != data.Dynamic {
			c.errorf(col, "bag_unpack needs a dynamic column, '%s' is %s", in[u.col].Name, in[u.col].Type)
		}
	} else {
		c.errorf(op.Call, "bag_unpack needs the column to unpack")
	}
	if v := c.constArg(sc, a.arg(1, "OutputColumnPrefix"), data.String, "the column prefix"); v != nil {
		u.prefix = v.Str()
	}
	if v := c.constArg(sc, a.arg(2, "columnsConflict"), data.String, "columnsConflict"); v != nil {
		switch u.conflict = v.Str(); u.conflict {
		case "error", "replace_source", "keep_source":
		default:
			c.errorf(a.arg(2, "columnsConflict"), "columnsConflict must be 'error', 'replace_source' or 'keep_source'")
		}
	}
	if v := c.constArg(sc, a.arg(3, "ignoredProperties"), data.Dynamic, "ignoredProperties"); v != nil && !v.IsNull() {
		for _, it := range v.Dyn().Items() {
			u.ignored[functions.DynToString(it)] = true
		}
	}
	u.declared, u.star = c.declaredSchema(op.Schema)
	return u
}

// rest returns the input columns other than the unpacked one.
func (u *bagUnpack) rest() []int {
	var out []int
	for i := range u.in {
		if i != u.col {
			out = append(out, i)
		}
	}
	return out
}

func (u *bagUnpack) speculative() data.Schema {
	var s data.Schema
	if u.declared == nil || u.star {
		for _, i := range u.rest() {
			s = append(s, u.in[i])
		}
	}
	return append(s, u.declared...)
}

// slot is one property found in the bags.
type slot struct {
	name  string
	typ   data.Type
	typed bool
}

// slots returns the properties of the bags in column c, sorted by name,
// typed after their non-null values.
func (u *bagUnpack) slots(c data.Column, n int) []*slot {
	byName := map[string]*slot{}
	get := dynColumn(c)
	for i := 0; i < n; i++ {
		d := get(i)
		if d.Kind() != data.DynBag {
			continue
		}
		keys, vals := d.Keys(), d.Items()
		for k, key := range keys {
			if u.ignored[key] || vals[k].IsNull() {
				continue
			}
			s := byName[key]
			if s == nil {
				s = &slot{name: key}
				byName[key] = s
			}
			t := dynType(vals[k])
			switch {
			case !s.typed:
				s.typ, s.typed = t, true
			case s.typ != t:
				s.typ = data.Dynamic
			}
		}
	}
	out := make([]*slot, 0, len(byName))
	for _, s := range byName {
		if !s.typed {
			s.typ = data.Dynamic
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// dynType is the column type of a dynamic value's kind.
func dynType(d data.Dyn) data.Type {
	switch d.Kind() {
	case data.DynBool:
		return data.Bool
	case data.DynInt:
		return data.Int
	case data.DynLong:
		return data.Long
	case data.DynReal:
		return data.Real
	case data.DynDecimal:
		return data.Decimal
	case data.DynString:
		return data.String
	case data.DynDateTime:
		return data.DateTime
	case data.DynTimeSpan:
		return data.TimeSpan
	case data.DynGUID:
		return data.GUID
	}
	return data.Dynamic
}

// dynColumn returns a reader of the dynamic values of a column.
func dynColumn(c data.Column) func(int) data.Dyn {
	return func(i int) data.Dyn {
		v := c.Value(i)
		if v.IsNull() || v.Type() != data.Dynamic {
			return data.Dyn{}
		}
		return v.Dyn()
	}
}

// dynAs converts a property value to a column value of type t.
func dynAs(d data.Dyn, t data.Type) data.Value {
	if d.IsNull() {
		return data.Null(t)
	}
	v := data.DynamicValue(d)
	if t == data.Dynamic {
		return v
	}
	return functions.ConvertValue(v, t)
}

func (u *bagUnpack) apply(x *execCtx, in *rel) (*rel, error) {
	in = in.compact()
	n := in.n
	bags := in.cols[u.col]
	if bags == nil {
		bags = data.NullColumn(data.Dynamic, n)
	}
	var out data.Schema
	var cols []data.Column
	if u.declared == nil || u.star {
		for _, i := range u.rest() {
			out = append(out, u.in[i])
			cols = append(cols, orNull(in.cols[i], u.in[i].Type, n))
		}
	}
	var slots []*slot
	if u.declared != nil {
		for _, def := range u.declared {
			slots = append(slots, &slot{name: strings.TrimPrefix(def.Name, u.prefix), typ: def.Type})
		}
	} else {
		slots = u.slots(bags, n)
	}
	get := dynColumn(bags)
	for _, s := range slots {
		name := u.prefix + s.name
		vals := make([]data.Value, n)
		for i := range vals {
			p, _ := get(i).Get(s.name)
			vals[i] = dynAs(p, s.typ)
		}
		col := data.NewColumn(s.typ, vals)
		if j := out.Index(name); j >= 0 && u.declared == nil {
			switch u.conflict {
			case "keep_source":
				continue
			case "replace_source":
				out[j], cols[j] = data.ColumnDef{Name: name, Type: s.typ}, col
				continue
			}
			return nil, &RunError{Msg: fmt.Sprintf("bag_unpack: property '%s' conflicts with column '%s' "+
				"(use columnsConflict='replace_source' or 'keep_source')", s.name, name)}
		}
		out = append(out, data.ColumnDef{Name: name, Type: s.typ})
		cols = append(cols, col)
	}
	return &rel{schema: out, cols: cols, n: n}, nil
}

// orNull replaces a dead column by nulls.
func orNull(c data.Column, t data.Type, n int) data.Column {
	if c == nil {
		return data.NullColumn(t, n)
	}
	return c
}
