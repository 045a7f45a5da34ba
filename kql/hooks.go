package kql

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/eval"
)

// Host hooks: data a query names that only the program running it can
// provide. Without the matching option, such a query fails to compile
// with an error naming what is missing.

// hooks holds the host data bound to an Env.
type hooks struct {
	watchlists map[string]*data.Table
	external   map[string]*data.Table
	externalFn func(uri string, schema data.Schema, props map[string]string) (*data.Table, error)
	geoIP      func(ip string) (GeoInfo, bool)
}

// GeoInfo is what geo_info_from_ip_address returns for an address.
type GeoInfo struct {
	Country, State, City string
	Latitude, Longitude  float64
}

func (h *hooks) apply(env *eval.Env) {
	if h.watchlists != nil {
		env.Watchlist = func(alias string) (*data.Table, bool) {
			t, ok := h.watchlists[alias]
			return t, ok
		}
	}
	if h.external != nil || h.externalFn != nil {
		env.ExternalData = h.readExternal
	}
	if h.geoIP != nil {
		env.GeoIP = func(ip string) (data.Dyn, bool) {
			g, ok := h.geoIP(ip)
			if !ok {
				return data.Dyn{}, false
			}
			return data.DynBagOf([]string{"country", "state", "city", "latitude", "longitude"},
				[]data.Dyn{data.DynStringOf(g.Country), data.DynStringOf(g.State), data.DynStringOf(g.City),
					data.DynRealOf(g.Latitude), data.DynRealOf(g.Longitude)}), true
		}
	}
}

func (h *hooks) readExternal(uri string, schema data.Schema, props map[string]string) (*data.Table, error) {
	if t, ok := h.external[uri]; ok {
		return t, nil
	}
	if h.externalFn != nil {
		return h.externalFn(uri, schema, props)
	}
	return nil, fmt.Errorf("no data is bound for this URI (kql.WithExternalData)")
}

// WithWatchlist binds the table _GetWatchlist(alias) returns. As in
// Microsoft Sentinel, the result has the columns _DTItemId,
// LastUpdatedTimeUTC, SearchKey and WatchlistItem (a bag of the row's
// fields) before the table's own columns; SearchKey is the table's
// searchKey column converted to string ("" means its first column). Those
// columns the table already has are kept as they are.
func WithWatchlist(alias string, t *data.Table, searchKey string) Option {
	return func(e *Env) error {
		if alias == "" || t == nil {
			return fmt.Errorf("kql: a watchlist needs an alias and a table")
		}
		w, err := watchlistTable(alias, t, searchKey)
		if err != nil {
			return err
		}
		if e.hooks.watchlists == nil {
			e.hooks.watchlists = map[string]*data.Table{}
		}
		e.hooks.watchlists[alias] = w
		return nil
	}
}

// WithExternalData binds the rows externaldata reads from uri. Its columns
// are matched to those the query declares by name (or else by position)
// and converted to the declared types.
func WithExternalData(uri string, t *data.Table) Option {
	return func(e *Env) error {
		if t == nil {
			return fmt.Errorf("kql: nil table for externaldata %q", uri)
		}
		if e.hooks.external == nil {
			e.hooks.external = map[string]*data.Table{}
		}
		e.hooks.external[uri] = t
		return nil
	}
}

// WithExternalDataFunc sets the function externaldata reads its URIs with
// (when no table is bound to the URI with WithExternalData). It is called
// when the query runs, with the declared schema and the `with (…)`
// properties (names in lower case); it may be called from several
// goroutines at once.
func WithExternalDataFunc(f func(uri string, schema data.Schema, props map[string]string) (*data.Table, error)) Option {
	return func(e *Env) error {
		e.hooks.externalFn = f
		return nil
	}
}

// WithGeoIP sets the IP geolocation lookup geo_info_from_ip_address uses
// (kqlkit ships no geolocation data and uses no network). It may be called
// from several goroutines at once.
func WithGeoIP(lookup func(ip string) (GeoInfo, bool)) Option {
	return func(e *Env) error {
		e.hooks.geoIP = lookup
		return nil
	}
}

// watchlist columns Sentinel adds before the watchlist's own.
var watchlistCols = data.Schema{
	{Name: "_DTItemId", Type: data.String},
	{Name: "LastUpdatedTimeUTC", Type: data.DateTime},
	{Name: "SearchKey", Type: data.String},
	{Name: "WatchlistItem", Type: data.Dynamic},
}

// watchlistTable adds the Sentinel watchlist columns to a table.
func watchlistTable(alias string, t *data.Table, searchKey string) (*data.Table, error) {
	n := t.Rows()
	key := 0
	if searchKey != "" {
		if key = t.Schema.Index(searchKey); key < 0 {
			return nil, fmt.Errorf("kql: watchlist %q has no column %q for its search key", alias, searchKey)
		}
	}
	var schema data.Schema
	var cols []data.Column
	for _, def := range watchlistCols {
		if t.Schema.Index(def.Name) >= 0 {
			continue
		}
		schema = append(schema, def)
		cols = append(cols, watchlistColumn(def.Name, t, key, n))
	}
	schema = append(schema, t.Schema...)
	cols = append(cols, t.Cols...)
	return data.NewTableRows(alias, schema, cols, n)
}

func watchlistColumn(name string, t *data.Table, key, n int) data.Column {
	switch name {
	case "_DTItemId":
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprint(i + 1)
		}
		return data.NewVec(data.String, ids, nil)
	case "LastUpdatedTimeUTC":
		return data.NullColumn(data.DateTime, n)
	case "SearchKey":
		if len(t.Cols) == 0 {
			return data.NewConst(data.StringValue(""), n)
		}
		vals := make([]string, n)
		for i := range vals {
			vals[i] = valueText(t.Cols[key].Value(i))
		}
		return data.NewVec(data.String, vals, nil)
	}
	items := make([]data.Dyn, n)
	for i := range items {
		vals := make([]data.Dyn, len(t.Schema))
		for j := range t.Schema {
			vals[j] = t.Cols[j].Value(i).ToDyn()
		}
		items[i] = data.DynBagOf(t.Schema.Names(), vals)
	}
	return data.NewVec(data.Dynamic, items, nil)
}

// valueText is a value as tostring() gives it.
func valueText(v data.Value) string {
	if v.IsNull() {
		return ""
	}
	if v.Type() == data.String {
		return v.Str()
	}
	return v.String()
}
