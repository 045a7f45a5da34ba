package eval

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// Data only the host can provide: watchlists, externaldata, IP
// geolocation and workspace functions (Env's hooks). Without the hook, the
// query fails to compile with an error that names it.

// workspaceFunc matches the names of Sentinel workspace functions: ASIM
// parsers (imDns, _Im_Dns, _ASim_Dns, ASimDns, vimDns).
var workspaceFunc = regexp.MustCompile(`^(im|_Im_|_ASim_|ASim|vim)[A-Z]`)

// storedHint is the advice given for an unknown workspace function.
const storedHint = "workspace functions such as ASIM parsers must be defined " +
	"with kql.WithStoredFunctions or kql --functions FILE.kql"

// unknownTabularFunc reports a call of a tabular function kqlkit does not
// know.
func (c *compiler) unknownTabularFunc(call *ast.CallExpr) {
	name := call.Func.Name
	if tabularFuncs[name] {
		c.errorf(call.Func, "tabular function '%s' is not supported", name)
		return
	}
	_, scalar := c.env.funcs().Scalar(name)
	_, agg := c.env.funcs().Aggregate(name)
	if scalar || agg {
		c.errorf(call.Func, "tabular function '%s' is not supported", name)
		return
	}
	if builtinName.MatchString(name) {
		if s := suggest(name, append(c.env.funcs().ScalarNames(), c.env.funcs().AggregateNames()...)); s != "" {
			c.errorf(call.Func, "unknown function '%s' (did you mean '%s'?)", name, s)
			return
		}
		c.errorf(call.Func, "unknown function '%s'", name)
		return
	}
	c.errorf(call.Func, "unknown function '%s' (%s)", name, storedHint)
}

// builtinName matches names spelled like Kusto's built-in functions (lower
// case with underscores); other unknown names are likely workspace
// functions.
var builtinName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// unknownSource reports whether e names a table or tabular function the
// environment does not know, so that a statement made of it is reported as
// such rather than as a scalar expression.
func (c *compiler) unknownSource(sc *scope, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return sc.lookup(e.Name) == nil
	case *ast.CallExpr:
		if sc.lookup(e.Func.Name) != nil {
			return false
		}
		_, scalar := c.env.funcs().Scalar(e.Func.Name)
		_, agg := c.env.funcs().Aggregate(e.Func.Name)
		return !scalar && !agg
	}
	return false
}

// unknownTableHint returns advice for an unknown table name that looks
// like a workspace function.
func unknownTableHint(name string) string {
	if workspaceFunc.MatchString(name) {
		return " (" + storedHint + ")"
	}
	return ""
}

// watchlist compiles _GetWatchlist('alias').
func (c *compiler) watchlist(sc *scope, call *ast.CallExpr) node {
	if len(call.Args) != 1 {
		c.errorf(call, "_GetWatchlist expects one argument, the watchlist alias")
		return &emptyNode{}
	}
	v := c.scalar(sc, nil, call.Args[0])
	if v.konst == nil || v.typ != data.String {
		c.errorf(call.Args[0], "_GetWatchlist expects a constant string alias")
		return &emptyNode{}
	}
	alias := v.konst.Str()
	if c.env.Watchlist != nil {
		if t, ok := c.env.Watchlist(alias); ok {
			return &constNode{s: t.Schema, cols: t.Cols, n: t.Rows()}
		}
	}
	c.errorf(call, "_GetWatchlist('%s'): no watchlist '%s' is bound (host hook: kql.WithWatchlist, or kql --watchlist %s=FILE)",
		alias, alias, alias)
	return &emptyNode{s: openSchema(nil)}
}

// externalNode reads externaldata through the host hook when it runs.
type externalNode struct {
	s     data.Schema
	uris  []string
	props map[string]string
	read  func(uri string, schema data.Schema, props map[string]string) (*data.Table, error)
}

func (c *compiler) externalData(sc *scope, e *ast.ExternalDataExpr) node {
	n := &externalNode{props: map[string]string{}, read: c.env.ExternalData}
	names := newNameSet()
	for _, col := range e.Columns {
		t, ok := data.ParseType(col.Type.Name)
		if !ok {
			c.errorf(col.Type, "unknown type '%s'", col.Type.Name)
			continue
		}
		n.s = append(n.s, data.ColumnDef{Name: names.unique(col.Name.Name), Type: t})
	}
	for _, u := range e.URIs {
		v := c.scalar(sc, nil, u)
		if v.typ == data.Unknown {
			continue
		}
		if v.konst == nil || v.typ != data.String {
			c.errorf(u, "externaldata expects constant string URIs")
			continue
		}
		n.uris = append(n.uris, v.konst.Str())
	}
	for _, p := range e.With {
		n.props[strings.ToLower(p.Name)] = propText(c, sc, p)
	}
	if n.read == nil {
		uri := ""
		if len(n.uris) > 0 {
			uri = n.uris[0]
		}
		c.errorf(e, "externaldata: no data is bound for '%s' (host hook: kql.WithExternalData, or kql --external URL=FILE)", uri)
	}
	return n
}

// propText returns a `with (…)` property's value as text.
func propText(c *compiler, sc *scope, p *ast.OpParam) string {
	switch v := p.Value.(type) {
	case *ast.Ident:
		return v.Name
	case *ast.Literal:
		if v.Value.Type() == data.String {
			return v.Value.Str()
		}
		return v.Value.String()
	}
	return ""
}

func (n *externalNode) schema() data.Schema { return n.s }

func (n *externalNode) exec(x *execCtx) (*rel, error) {
	var parts []*rel
	for _, uri := range n.uris {
		t, err := n.read(uri, n.s, n.props)
		if err != nil {
			return nil, &RunError{Msg: fmt.Sprintf("externaldata '%s': %v", uri, err)}
		}
		r, err := conform(t, n.s)
		if err != nil {
			return nil, &RunError{Msg: fmt.Sprintf("externaldata '%s': %v", uri, err)}
		}
		parts = append(parts, r)
	}
	if len(parts) == 0 {
		return relOf(data.EmptyTable("", n.s)), nil
	}
	return concatRels(n.s, parts), nil
}

// conform fits a table to a schema: columns by name when the table has
// them all, else by position; values are converted to the schema's types.
func conform(t *data.Table, s data.Schema) (*rel, error) {
	if t == nil {
		return relOf(data.EmptyTable("", s)), nil
	}
	byName := true
	for _, def := range s {
		if t.Schema.Index(def.Name) < 0 {
			byName = false
		}
	}
	if !byName && len(t.Schema) < len(s) {
		return nil, fmt.Errorf("the data has %d columns, the query declares %d", len(t.Schema), len(s))
	}
	cols := make([]data.Column, len(s))
	for i, def := range s {
		j := i
		if byName {
			j = t.Schema.Index(def.Name)
		}
		cols[i] = convertColumn(t.Cols[j], def.Type)
	}
	return &rel{schema: s, cols: cols, n: t.Rows()}, nil
}

// geoInfo compiles geo_info_from_ip_address(ip) over the GeoIP hook.
func (c *compiler) geoInfo(sc *scope, row *rowCtx, e *ast.CallExpr) *cexpr {
	if len(e.Args) != 1 {
		c.errorf(e, "geo_info_from_ip_address expects one argument")
		return badExpr(e)
	}
	if c.env.GeoIP == nil {
		c.errorf(e.Func, "geo_info_from_ip_address: no IP geolocation data is bound (host hook: kql.WithGeoIP)")
		return badExpr(e)
	}
	ip := c.scalar(sc, row, e.Args[0])
	if ip.typ == data.Unknown {
		return badExpr(e)
	}
	if ip.typ != data.String {
		ip = c.convert(ip, data.String)
	}
	lookup := c.env.GeoIP
	k := functions.Map1(data.Dynamic, func(s string) (data.Dyn, bool) {
		d, ok := lookup(strings.TrimSpace(s))
		return d, ok && !d.IsNull()
	})
	return c.kernelExpr(e, data.Dynamic, k, []*cexpr{ip}, true)
}
