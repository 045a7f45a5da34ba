package functions

import (
	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "isempty", Sig: "isempty(value: scalar): bool",
			Doc: "Returns true when the value is an empty string or null (a dynamic null or empty dynamic " +
				"string included); an empty array or property bag is not empty.",
			Examples: []Example{{"print isempty(\"\")", "true"}, {"print isempty(dynamic([]))", "false"}},
			Bind:     sig("isempty", argAny).bindWith(emptyKernel(true))},
		&Scalar{Name: "isnotempty", Sig: "isnotempty(value: scalar): bool",
			Doc: "Returns true when the value is neither an empty string nor null; " +
				"the opposite of isempty().",
			Examples: []Example{{"print isnotempty(\"a\")", "true"}, {"print isnotempty(long(null))", "false"}},
			Bind:     sig("isnotempty", argAny).bindWith(emptyKernel(false))},
		&Scalar{Name: "isnull", Sig: "isnull(expression: scalar): bool",
			Doc: "Returns true when the value is null. Strings are never null (use isempty()); a dynamic " +
				"value is null only when it holds JSON null.",
			Examples: []Example{{"print isnull(long(null))", "true"}, {"print isnull(\"\")", "false"}},
			Bind:     sig("isnull", argAny).bindWith(nullKernel(true))},
		&Scalar{Name: "isnotnull", Sig: "isnotnull(expression: scalar): bool",
			Doc:      "Returns true when the value is not null; the opposite of isnull().",
			Examples: []Example{{"print isnotnull(1)", "true"}, {"print isnotnull(parse_json(\"\"))", "false"}},
			Bind:     sig("isnotnull", argAny).bindWith(nullKernel(false))},
		&Scalar{Name: "not", Sig: "not(expression: bool): bool",
			Doc:      "Returns the logical negation of a bool; null stays null.",
			Examples: []Example{{"print not(1 > 2)", "true"}},
			Bind: sig("not", argBool).bind(data.Bool,
				Map1(data.Bool, func(b bool) (bool, bool) { return !b, true }))},
		&Scalar{Name: "gettype", Sig: "gettype(value: scalar): string",
			Doc: "Returns the runtime type of a value as a string: the static type name, or for dynamic " +
				"values the kind held (\"int\", \"long\", \"real\", \"string\", \"array\", \"dictionary\", \"null\", …).",
			Examples: []Example{{"print gettype(123.45)", "\"real\""},
				{"print gettype(parse_json('[1, 2]'))", "\"array\""}},
			Naming: NamePrefixAndFirstArg, Prefix: "type",
			Bind: sig("gettype", argAny).bindWith(gettypeKernel)},
	)
	alias("notnull", "isnotnull")
	alias("notempty", "isnotempty")
}

// bindWith is bind for kernels that depend on the argument types.
func (p *params) bindWith(build func(args []ArgInfo) (data.Type, Kernel)) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := p.check(args); err != nil {
			return data.Unknown, nil, err
		}
		t, k := build(args)
		return t, p.wrap(args, k), nil
	}
}

// testKernel builds a bool kernel from a test of one row of a column.
func testKernel(test func(c data.Column) func(i int) bool) Kernel {
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		c := cols[0]
		if r, ok, err := onDict(c, func(v data.Column) (data.Column, error) {
			return testKernel(test)(ctx, v.Len(), []data.Column{v})
		}); ok {
			return r, err
		}
		m := nRows(n, cols)
		f := test(c)
		out := make([]bool, m)
		for i := range out {
			out[i] = f(i)
		}
		return finishRows(data.NewVec(data.Bool, out, nil), m, n), nil
	}
}

func emptyKernel(want bool) func(args []ArgInfo) (data.Type, Kernel) {
	return func(args []ArgInfo) (data.Type, Kernel) {
		switch args[0].Type {
		case data.String:
			return data.Bool, testKernel(func(c data.Column) func(int) bool {
				r := data.NewReader[string](c)
				return func(i int) bool { return (r.At(i) == "") == want }
			})
		case data.Dynamic:
			return data.Bool, testKernel(func(c data.Column) func(int) bool {
				r := data.NewReader[data.Dyn](c)
				return func(i int) bool { return dynEmpty(r.At(i)) == want }
			})
		}
		return nullKernel(want)(args)
	}
}

// dynEmpty reports whether a dynamic value counts as empty: null or "".
func dynEmpty(d data.Dyn) bool {
	return d.IsNull() || (d.Kind() == data.DynString && d.Str() == "")
}

func nullKernel(want bool) func(args []ArgInfo) (data.Type, Kernel) {
	return func(args []ArgInfo) (data.Type, Kernel) {
		switch args[0].Type {
		case data.String:
			return data.Bool, testKernel(func(c data.Column) func(int) bool {
				return func(int) bool { return !want }
			})
		case data.Dynamic:
			return data.Bool, testKernel(func(c data.Column) func(int) bool {
				r := data.NewReader[data.Dyn](c)
				return func(i int) bool { return r.At(i).IsNull() == want }
			})
		}
		return data.Bool, testKernel(func(c data.Column) func(int) bool {
			if k, ok := c.(*data.ConstCol); ok {
				null := k.V.IsNull()
				return func(int) bool { return null == want }
			}
			c = data.Materialize(c)
			return func(i int) bool { return c.IsNull(i) == want }
		})
	}
}

func gettypeKernel(args []ArgInfo) (data.Type, Kernel) {
	t := args[0].Type
	if t != data.Dynamic {
		return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			return data.NewConst(data.StringValue(t.String()), n), nil
		}
	}
	return data.String, Map1(data.String, func(d data.Dyn) (string, bool) { return dynTypeName(d), true })
}

// dynTypeName is gettype() of a dynamic value.
func dynTypeName(d data.Dyn) string {
	switch d.Kind() {
	case data.DynNull:
		return "null"
	case data.DynBool:
		return "bool"
	case data.DynInt:
		return "int"
	case data.DynLong:
		return "long"
	case data.DynReal:
		return "real"
	case data.DynDecimal:
		return "decimal"
	case data.DynString:
		return "string"
	case data.DynDateTime:
		return "datetime"
	case data.DynTimeSpan:
		return "timespan"
	case data.DynGUID:
		return "guid"
	case data.DynArray:
		return "array"
	}
	return "dictionary"
}
