package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// Render is what a query's render operator asks for: kqlkit draws nothing
// but records it for the caller.
type Render struct {
	// Chart is the visualization (timechart, barchart, table, …).
	Chart string
	// Props are the `with (…)` properties and legacy `kind=…` forms,
	// names as written, values as text (a list of columns joined by ", ").
	Props map[string]string
}

// recordRender remembers a render operator; the last one compiled is the
// query's.
func (c *compiler) recordRender(op *ast.RenderOp) {
	r := &Render{Props: map[string]string{}}
	if op.Chart != nil {
		r.Chart = op.Chart.Name
	}
	for _, p := range op.With {
		r.Props[p.Name] = renderValue(p.Value)
	}
	for _, e := range op.Extra {
		if a, ok := e.(*ast.AssignExpr); ok && len(a.Names) == 1 {
			r.Props[a.Names[0].Name] = renderValue(a.Value)
		}
	}
	c.render = r
}

// renderValue renders a property value as text.
func renderValue(e ast.Expr) string {
	switch v := e.(type) {
	case nil:
		return ""
	case *ast.Ident:
		return v.Name
	case *ast.Literal:
		if v.Value.Type() == data.String {
			return v.Value.Str()
		}
		return v.Value.String()
	case *ast.BinaryExpr:
		if v.Op == "," {
			return renderValue(v.X) + ", " + renderValue(v.Y)
		}
	}
	return strings.TrimSpace(ast.Format(e))
}

// Render returns the query's render operator (the last one compiled), or
// nil when it has none.
func (q *Query) Render() *Render { return q.render }
