package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
	"github.com/kqlkit/kqlkit/kql"
	"github.com/kqlkit/kqlkit/tableio"
)

// hostFlags bind the data a query names that is not in tables: watchlists,
// externaldata URIs and workspace functions (ASIM parsers).
type hostFlags struct {
	Watchlists []string `name:"watchlist" placeholder:"ALIAS=PATH" help:"Bind the watchlist _GetWatchlist('ALIAS') reads to a data file (its first column is the SearchKey). Repeatable."`
	External   []string `name:"external" placeholder:"URL=PATH" help:"Bind the data externaldata reads from URL to a file (.csv without header unless the query says ignoreFirstRecord, .json, .jsonl). Repeatable."`
	Functions  []string `name:"functions" placeholder:"FILE" type:"existingfile" help:"Define workspace functions (such as ASIM parsers) from a file of let statements. Repeatable."`
}

// options returns the environment options of the host flags.
func (f *hostFlags) options() ([]kql.Option, error) {
	var opts []kql.Option
	for _, spec := range f.Watchlists {
		alias, path, ok := strings.Cut(spec, "=")
		if !ok || alias == "" || path == "" {
			return nil, usageErr("--watchlist expects ALIAS=PATH, got %q", spec)
		}
		t, err := tableio.ReadFile(path, tableio.ReadOptions{Name: alias})
		if err != nil {
			return nil, usageErr("--watchlist %s: %v", alias, err)
		}
		opts = append(opts, kql.WithWatchlist(alias, t, ""))
	}
	files := map[string]string{}
	for _, spec := range f.External {
		i := strings.LastIndex(spec, "=")
		if i <= 0 || i == len(spec)-1 {
			return nil, usageErr("--external expects URL=PATH, got %q", spec)
		}
		files[spec[:i]] = spec[i+1:]
	}
	if len(files) > 0 {
		opts = append(opts, kql.WithExternalDataFunc(func(uri string, s data.Schema, props map[string]string) (*data.Table, error) {
			path, ok := files[uri]
			if !ok {
				return nil, fmt.Errorf("no file is bound to this URL (--external URL=PATH)")
			}
			return readExternal(path, s, props)
		}))
	}
	for _, path := range f.Functions {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, usageErr("--functions: %v", err)
		}
		opts = append(opts, kql.WithStoredFunctions(path, string(b)))
	}
	return opts, nil
}

// readExternal reads the file bound to an externaldata URL: CSV records
// by position (skipping the first when ignoreFirstRecord is true), other
// formats through tableio.
func readExternal(path string, s data.Schema, props map[string]string) (*data.Table, error) {
	if strings.ToLower(filepath.Ext(path)) != ".csv" {
		return tableio.ReadFile(path, tableio.ReadOptions{Schema: s})
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	r := csv.NewReader(file)
	r.FieldsPerRecord = -1
	skip := strings.EqualFold(props["ignorefirstrecord"], "true")
	vals := make([][]data.Value, len(s))
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if skip && line == 1 {
			continue
		}
		for j, def := range s {
			v := data.Null(def.Type)
			if j < len(rec) {
				v = functions.ConvertValue(data.StringValue(rec[j]), def.Type)
			}
			vals[j] = append(vals[j], v)
		}
	}
	cols := make([]data.Column, len(s))
	rows := 0
	for j, def := range s {
		cols[j] = data.NewColumn(def.Type, vals[j])
		rows = len(vals[j])
	}
	return data.NewTableRows("", s, cols, rows)
}
