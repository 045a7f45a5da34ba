package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/functions"
)

// Env is what a query is compiled against. The zero value knows no tables
// and the built-in functions.
type Env struct {
	// Table returns the schema of a table the query may read. Tables are
	// bound to data when the query runs.
	Table func(name string) (data.Schema, bool)
	// Tables lists the names of the tables the query may read, for union
	// wildcards (`union Security*`); nil means none are known.
	Tables func() []string
	// Funcs is the function registry; nil means functions.Builtins().
	Funcs *functions.Registry
	// Functions are stored KQL functions (let-style definitions such as
	// ASIM parsers) callable by name, as `let` statements would define them.
	Functions map[string]*ast.FuncExpr
	// Source is the query text's source, for positions in diagnostics.
	Source *diag.Source
	// AllErrors makes Compile collect every error it can instead of
	// stopping at the first one (linters want them all).
	AllErrors bool

	// Host hooks: data a query names that only the host can provide. A
	// query that needs a hook that is nil fails to compile, naming it.

	// Watchlist returns the table _GetWatchlist('alias') reads.
	Watchlist func(alias string) (*data.Table, bool)
	// ExternalData returns the rows externaldata reads from one URI, given
	// the declared schema and the `with (…)` properties (names in lower
	// case). It is called when the query runs; the columns it returns are
	// matched to the declared ones by name (or else by position) and
	// converted.
	ExternalData func(uri string, schema data.Schema, props map[string]string) (*data.Table, error)
	// GeoIP returns what geo_info_from_ip_address gives for an address: a
	// bag with country, state, city, latitude and longitude; false when
	// the address is unknown.
	GeoIP func(ip string) (data.Dyn, bool)
}

func (e *Env) funcs() *functions.Registry {
	if e.Funcs == nil {
		return functions.Builtins()
	}
	return e.Funcs
}
