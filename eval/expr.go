package eval

import (
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/functions"
)

// evalFn computes an expression over the active rows of a frame and
// returns a column with one value per active row.
type evalFn func(f *frame) (data.Column, error)

// cexpr is a compiled scalar expression.
type cexpr struct {
	typ   data.Type
	konst *data.Value // set when the value is known at compile time
	eval  evalFn
	name  string // the column name Kusto derives from the expression, if any
	node  ast.Expr
	// col is the input column index for a plain column reference, else -1.
	col int
	// refs lists the input columns the expression reads (sorted, unique).
	refs []int
	// jsonSrc and jsonPath describe parse_json(jsonSrc) followed by member
	// and index steps, which run as one scan of the JSON text.
	jsonSrc  *cexpr
	jsonPath []data.PathStep
	// volatile marks expressions whose value may differ between rows with
	// the same inputs (rand(), new_guid()): never evaluated per distinct
	// value.
	volatile bool
	// cmp describes a comparison `cmpL cmpOp cmpR` in one domain, for the
	// fused filters of where.
	cmpOp      string
	cmpL, cmpR *cexpr
}

// unionRefs merges the column references of several expressions.
func unionRefs(es ...*cexpr) []int {
	var out []int
	for _, e := range es {
		if e == nil {
			continue
		}
		for _, r := range e.refs {
			i := 0
			for i < len(out) && out[i] < r {
				i++
			}
			if i < len(out) && out[i] == r {
				continue
			}
			out = append(out, 0)
			copy(out[i+1:], out[i:])
			out[i] = r
		}
	}
	return out
}

// rowCtx is the row schema expressions are compiled against.
type rowCtx struct {
	schema data.Schema
	// left and right are the join sides for $left / $right.
	left, right data.Schema
	// aggs collects aggregate calls when compiling summarize arguments.
	aggs *aggCollector
}

// frame is what a compiled expression reads at run time.
type frame struct {
	x     *execCtx
	in    *rel
	n     int
	cache []data.Column
	// sides of a join condition
	left, right *frame
}

func newFrame(x *execCtx, in *rel) *frame {
	return &frame{x: x, in: in, n: in.rows(), cache: make([]data.Column, len(in.cols))}
}

// column returns input column i over the active rows, gathering it once.
func (f *frame) column(i int) data.Column {
	if c := f.cache[i]; c != nil {
		return c
	}
	c := f.in.col(i)
	f.cache[i] = c
	return c
}

func constExpr(v data.Value, node ast.Expr) *cexpr {
	vv := v
	return &cexpr{typ: v.Type(), konst: &vv, node: node, col: -1, eval: func(f *frame) (data.Column, error) {
		return data.NewConst(vv, f.n), nil
	}}
}

// scalar compiles a scalar expression. row may be nil when no columns are
// in scope (a scalar let).
func (c *compiler) scalar(sc *scope, row *rowCtx, e ast.Expr) *cexpr {
	ce := c.scalarNode(sc, row, e)
	if ce.node == nil {
		ce.node = e
	}
	return ce
}

func (c *compiler) scalarNode(sc *scope, row *rowCtx, e ast.Expr) *cexpr {
	switch e := e.(type) {
	case *ast.Literal:
		return constExpr(e.Value, e)
	case *ast.ParenExpr:
		inner := c.scalar(sc, row, e.X)
		out := *inner
		out.node = e
		return &out
	case *ast.Ident:
		return c.ident(sc, row, e)
	case *ast.UnaryExpr:
		return c.unary(sc, row, e)
	case *ast.BinaryExpr:
		return c.binary(sc, row, e)
	case *ast.InExpr:
		return c.inExpr(sc, row, e)
	case *ast.BetweenExpr:
		return c.between(sc, row, e)
	case *ast.CallExpr:
		return c.call(sc, row, e)
	case *ast.MemberExpr:
		return c.member(sc, row, e)
	case *ast.IndexExpr:
		return c.index(sc, row, e)
	case *ast.PipeExpr, *ast.DataTableExpr, *ast.OpExpr:
		c.errorf(e, "a tabular expression cannot be used as a scalar value; use toscalar()")
	case *ast.TypeOfExpr:
		if e.Type == nil || e.Type.Tabular {
			c.errorf(e, "typeof() of a table is not supported here")
			break
		}
		t, ok := data.ParseType(e.Type.Name)
		if !ok {
			c.errorf(e, "unknown type '%s'", e.Type.Name)
			break
		}
		return constExpr(data.StringValue(t.String()), e)
	case *ast.StarExpr:
		c.errorf(e, "'*' is not allowed here")
	case *ast.AssignExpr:
		c.errorf(e, "an assignment is not allowed here")
	default:
		c.errorf(e, "expression not supported: %s", describe(e))
	}
	return badExpr(e)
}

// badExpr stands in for an expression that failed to compile when all
// errors are collected.
func badExpr(e ast.Expr) *cexpr {
	return &cexpr{typ: data.Unknown, node: e, col: -1, eval: func(f *frame) (data.Column, error) {
		return nil, fmt.Errorf("expression did not compile")
	}}
}

func describe(n ast.Node) string {
	s := fmt.Sprintf("%T", n)
	s = strings.TrimPrefix(s, "*ast.")
	return s
}

func (c *compiler) ident(sc *scope, row *rowCtx, id *ast.Ident) *cexpr {
	if row != nil {
		if i := row.schema.Index(id.Name); i >= 0 {
			return colRef(i, row.schema[i], id)
		}
	}
	if b := sc.lookup(id.Name); b != nil {
		if b.kind != bindScalar && c.rowOpen(row) {
			return badExpr(id) // most likely a column the open rows have
		}
		switch b.kind {
		case bindScalar:
			out := *b.expr
			out.node = id
			out.name = id.Name
			out.col = -1
			return &out
		case bindTable:
			c.errorf(id, "'%s' is a tabular expression; use toscalar() to take a value from it", id.Name)
		case bindFunc:
			if len(b.fn.Params) == 0 {
				return c.callUser(sc, row, &ast.CallExpr{Span: id.Span, Func: id}, b)
			}
			c.errorf(id, "'%s' is a function; call it with arguments", id.Name)
		}
		return badExpr(id)
	}
	if c.rowOpen(row) {
		return badExpr(id)
	}
	if row != nil {
		if s := suggest(id.Name, row.schema.Names()); s != "" {
			c.errorf(id, "unknown column '%s' (did you mean '%s'?)", id.Name, s)
		} else {
			c.errorf(id, "unknown column or name '%s'", id.Name)
		}
	} else {
		c.errorf(id, "unknown name '%s'", id.Name)
	}
	return badExpr(id)
}

func colRef(i int, def data.ColumnDef, id ast.Expr) *cexpr {
	return &cexpr{typ: def.Type, name: def.Name, node: id, col: i, refs: []int{i}, eval: func(f *frame) (data.Column, error) {
		return f.column(i), nil
	}}
}

func (c *compiler) unary(sc *scope, row *rowCtx, e *ast.UnaryExpr) *cexpr {
	x := c.scalar(sc, row, e.X)
	if e.Op == "+" || x.typ == data.Unknown {
		return x
	}
	if x.typ == data.Dynamic {
		x = c.convert(x, data.Real)
	}
	switch x.typ {
	case data.Int, data.Long, data.Real, data.TimeSpan, data.Decimal:
	default:
		c.errorf(e, "cannot negate a value of type %s", x.typ)
		return badExpr(e)
	}
	zero := constExpr(zeroOf(x.typ), e)
	return c.arith("-", zero, x, e)
}

func zeroOf(t data.Type) data.Value {
	switch t {
	case data.Int:
		return data.IntValue(0)
	case data.Real:
		return data.RealValue(0)
	case data.TimeSpan:
		return data.TimeSpanValue(0)
	case data.Decimal:
		return data.DecimalValueOf(data.DecimalValue{})
	}
	return data.LongValue(0)
}

// kernelExpr builds an expression applying a kernel to argument
// expressions; it is folded to a constant when every argument is one and
// the kernel is pure.
func (c *compiler) kernelExpr(node ast.Expr, typ data.Type, k functions.Kernel, args []*cexpr, pure bool) *cexpr {
	out := &cexpr{typ: typ, node: node, col: -1, refs: unionRefs(args...)}
	evals := make([]evalFn, len(args))
	allConst := pure
	for i, a := range args {
		out.volatile = out.volatile || a.volatile
		evals[i] = a.eval
		if a.konst == nil {
			allConst = false
		}
	}
	out.eval = func(f *frame) (data.Column, error) {
		cols := make([]data.Column, len(evals))
		for i, ev := range evals {
			col, err := ev(f)
			if err != nil {
				return nil, err
			}
			cols[i] = col
		}
		return applyKernelMemo(f, out, k, cols)
	}
	if allConst {
		v, err := evalConst(out)
		if err != nil {
			c.errorf(node, "%v", err)
			return badExpr(node)
		}
		r := constExpr(v, node)
		r.typ = typ
		return r
	}
	return out
}

// evalConst evaluates an expression without rows.
func evalConst(e *cexpr) (data.Value, error) {
	f := &frame{x: &execCtx{fctx: &functions.Ctx{}}, in: &rel{n: 1}, n: 1}
	col, err := e.eval(f)
	if err != nil {
		return data.Value{}, err
	}
	if col.Len() != 1 {
		return data.Value{}, fmt.Errorf("internal error: constant has %d rows", col.Len())
	}
	v := col.Value(0)
	if v.Type() != e.typ && !(v.IsNull()) {
		return v, nil
	}
	return v, nil
}

// applyKernel runs a kernel, first trying it on the distinct values of a
// single dictionary-encoded argument.
func applyKernel(f *frame, k functions.Kernel, cols []data.Column) (data.Column, error) {
	return applyKernelMemo(f, nil, k, cols)
}

// applyKernelMemo is applyKernel for expression e: over a dictionary shared
// by several chunks (a loaded column), results are remembered per
// dictionary code for the rest of the run, so each distinct value is
// computed once per goroutine.
func applyKernelMemo(f *frame, e *cexpr, k functions.Kernel, cols []data.Column) (data.Column, error) {
	if e != nil {
		if r, ok, err := memoDictArg(f, e, k, cols); ok {
			return r, err
		}
	}
	if r, ok, err := onDictArg(f, k, cols); ok {
		return r, err
	}
	r, err := k(f.x.fctx, f.n, cols)
	if err != nil {
		return nil, err
	}
	if r.Len() != f.n {
		return nil, fmt.Errorf("internal error: function returned %d rows for %d", r.Len(), f.n)
	}
	return r, nil
}

// onDictArg applies k to the values of the one dictionary-encoded argument
// when every other argument is constant and the dictionary is smaller than
// the column.
func onDictArg(f *frame, k functions.Kernel, cols []data.Column) (data.Column, bool, error) {
	di := -1
	for i, col := range cols {
		switch col.(type) {
		case *data.ConstCol:
			continue
		case *data.DictCol:
			if di >= 0 {
				return nil, false, nil
			}
			di = i
		default:
			return nil, false, nil
		}
	}
	if di < 0 {
		return nil, false, nil
	}
	d := cols[di].(*data.DictCol)
	vals := d.Values
	codes := d.Codes
	if vals.Len() > len(codes)/2 {
		vals, codes = compactDict(d)
		if vals.Len() > len(codes)/2 {
			return nil, false, nil
		}
	}
	m := vals.Len()
	args := make([]data.Column, len(cols))
	for i, col := range cols {
		if i == di {
			args[i] = vals
		} else {
			args[i] = data.NewConst(col.Value(0), m)
		}
	}
	r, err := k(f.x.fctx, m, args)
	if err != nil {
		return nil, true, err
	}
	if rc, ok := r.(*data.ConstCol); ok {
		return data.NewConst(rc.V, len(codes)), true, nil
	}
	return &data.DictCol{Codes: codes, Values: r}, true, nil
}

// compactDict returns the values a dictionary column actually uses and codes
// into them.
func compactDict(d *data.DictCol) (data.Column, []uint32) {
	nv := d.Values.Len()
	if nv > 4*len(d.Codes) {
		remap := make(map[uint32]uint32, len(d.Codes)/4)
		used := make([]int32, 0, len(d.Codes)/4)
		codes := make([]uint32, len(d.Codes))
		for i, code := range d.Codes {
			r, ok := remap[code]
			if !ok {
				r = uint32(len(used))
				remap[code] = r
				used = append(used, int32(code))
			}
			codes[i] = r
		}
		return d.Values.Gather(used), codes
	}
	remap := make([]uint32, nv)
	used := make([]int32, 0, 64)
	codes := make([]uint32, len(d.Codes))
	for i, code := range d.Codes {
		r := remap[code]
		if r == 0 {
			used = append(used, int32(code))
			r = uint32(len(used))
			remap[code] = r
		}
		codes[i] = r - 1
	}
	return d.Values.Gather(used), codes
}

// suggest returns the candidate closest to name when it is close enough to
// be a likely typo.
func suggest(name string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, cand := range candidates {
		d := diag.EditDistance(strings.ToLower(name), strings.ToLower(cand))
		if d < bestD {
			best, bestD = cand, d
		}
	}
	if bestD <= max(1, len(name)/3) {
		return best
	}
	return ""
}
