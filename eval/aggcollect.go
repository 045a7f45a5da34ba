package eval

import (
	"fmt"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// aggCall is one aggregate call inside summarize.
type aggCall struct {
	fn      *functions.Aggregate
	bind    functions.AggBinding
	args    []*cexpr // compiled against the input rows
	star    []int    // positions of `*` arguments
	names   []string // output column names (arg_max: several)
	node    *ast.CallExpr
	starCol []int // input columns a `*` argument expands to
}

// aggCollector gathers the aggregate calls of a summarize. Aggregates
// become columns of an intermediate relation (keys first, then every
// aggregate output); expressions around them are evaluated afterwards over
// that relation.
type aggCollector struct {
	in    data.Schema // the summarize input
	nkeys int
	calls []*aggCall
	inter *data.Schema // the intermediate schema, grown as calls are added
	byCol map[int]bool // input columns used as plain by-keys
}

func (a *aggCollector) add(c *compiler, sc *scope, row *rowCtx, e *ast.CallExpr, fn *functions.Aggregate) *cexpr {
	inRow := &rowCtx{schema: a.in}
	call := &aggCall{fn: fn, node: e}
	infos := make([]functions.ArgInfo, len(e.Args))
	for i, arg := range e.Args {
		if _, ok := arg.(*ast.StarExpr); ok {
			call.star = append(call.star, i)
			infos[i] = functions.ArgInfo{Star: true}
			call.args = append(call.args, nil)
			continue
		}
		x := c.scalar(sc, inRow, arg)
		if x.typ == data.Unknown {
			return badExpr(e)
		}
		call.args = append(call.args, x)
		infos[i] = functions.ArgInfo{Type: x.typ, Const: x.konst}
	}
	if len(call.star) > 0 {
		infos, call.args = a.expandStar(call, infos)
	}
	b, err := fn.Bind(infos)
	if err != nil {
		c.errorf(e, "%v", err)
		return badExpr(e)
	}
	call.bind = b
	call.names = a.outputNames(c, sc, call)
	a.calls = append(a.calls, call)
	first := len(*a.inter)
	for i, t := range b.Types {
		*a.inter = append(*a.inter, data.ColumnDef{Name: fmt.Sprintf("\x00agg%d_%d", len(a.calls), i), Type: t})
	}
	idx := first
	return &cexpr{typ: b.Types[0], node: e, col: -1, name: call.names[0], refs: []int{idx}, eval: func(f *frame) (data.Column, error) {
		return f.column(idx), nil
	}}
}

// expandStar replaces `*` arguments by every input column not used as a
// by-key (nor already named), as arg_max(x, *) and take_any(*) do.
func (a *aggCollector) expandStar(call *aggCall, infos []functions.ArgInfo) ([]functions.ArgInfo, []*cexpr) {
	var outInfos []functions.ArgInfo
	var outArgs []*cexpr
	used := map[int]bool{}
	for _, x := range call.args {
		if x != nil && x.col >= 0 {
			used[x.col] = true
		}
	}
	for i, x := range call.args {
		if x != nil {
			outInfos = append(outInfos, infos[i])
			outArgs = append(outArgs, x)
			continue
		}
		for j, def := range a.in {
			if used[j] || a.byCol[j] {
				continue
			}
			used[j] = true
			call.starCol = append(call.starCol, len(outArgs))
			outInfos = append(outInfos, functions.ArgInfo{Type: def.Type})
			outArgs = append(outArgs, colRef(j, def, nil))
		}
	}
	return outInfos, outArgs
}

// outputNames names an aggregate's output columns the way Kusto does.
func (a *aggCollector) outputNames(c *compiler, sc *scope, call *aggCall) []string {
	n := len(call.bind.Types)
	argNames := make([]string, len(call.node.Args))
	for i, a := range call.node.Args {
		argNames[i] = c.derivedName(sc, a)
	}
	infos := make([]functions.ArgInfo, len(call.args))
	for i, x := range call.args {
		if x != nil {
			infos[i] = functions.ArgInfo{Type: x.typ, Const: x.konst}
		}
	}
	if names, ok := functions.AggColumnNames(call.fn.Name, argNames, infos); ok && len(names) == n {
		return names
	}
	names := make([]string, n)
	perArg := call.fn.Name == "take_any" || call.fn.Name == "arg_max" || call.fn.Name == "arg_min"
	if n == 1 && !perArg {
		names[0] = c.derivedName(sc, call.node)
		return names
	}
	// one column per argument (arg_max, arg_min, take_any with several)
	for i := 0; i < n && i < len(call.args); i++ {
		if x := call.args[i]; x != nil && x.name != "" {
			names[i] = x.name
		} else if i < len(call.node.Args) {
			names[i] = c.derivedName(sc, call.node.Args[i])
		}
	}
	return names
}
