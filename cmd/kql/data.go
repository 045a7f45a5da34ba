package main

import (
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/kql"
	"github.com/kqlkit/kqlkit/tableio"
)

// dataFlags are the flags that bind tables and schemas.
type dataFlags struct {
	Tables  []string `name:"table" short:"t" placeholder:"NAME=PATH" help:"Bind a table to a data file (.jsonl/.ndjson, .json, .csv). Repeatable."`
	Schemas []string `name:"schema" placeholder:"FILE" type:"existingfile" help:"Declare table schemas from a file. Repeatable."`
	Now     string   `name:"now" placeholder:"TIME" help:"The instant now() and ago() use (RFC 3339); default: the current time."`
	hostFlags
}

// binding is one --table flag.
type binding struct {
	name, path string
}

func (f *dataFlags) bindings() ([]binding, error) {
	var out []binding
	seen := map[string]bool{}
	for _, spec := range f.Tables {
		name, path, ok := strings.Cut(spec, "=")
		if !ok || name == "" || path == "" {
			return nil, usageErr("--table expects NAME=PATH, got %q", spec)
		}
		if seen[name] {
			return nil, usageErr("--table binds %q twice", name)
		}
		seen[name] = true
		out = append(out, binding{name: name, path: path})
	}
	return out, nil
}

// now returns the --now instant.
func (f *dataFlags) now() (time.Time, error) {
	if f.Now == "" {
		return time.Now().UTC(), nil
	}
	t, err := time.Parse(time.RFC3339Nano, f.Now)
	if err != nil {
		ticks, err2 := data.ParseDateTime(f.Now)
		if err2 != nil {
			return time.Time{}, usageErr("--now: %q is not an RFC 3339 time (like 2025-06-01T12:00:00Z)", f.Now)
		}
		t = data.TimeFromTicks(ticks)
	}
	return t.UTC(), nil
}

// declared reads the --schema files.
func (f *dataFlags) declared() (map[string]data.Schema, error) {
	out := map[string]data.Schema{}
	for _, path := range f.Schemas {
		m, err := tableio.ReadSchemaFile(path)
		if err != nil {
			return nil, usageErr("%v", err)
		}
		for name, s := range m {
			out[name] = s
		}
	}
	return out, nil
}

// loaded is the data of a command: tables read from files and the
// environment that knows their schemas.
type loaded struct {
	tables []*data.Table
	rows   int
	dur    time.Duration
}

// load reads the bound files, typing each by its declared or catalog
// schema when there is one. columns, when not nil, lists for each table the
// only columns worth reading (nil for a table: all of them).
func load(bs []binding, declared map[string]data.Schema, columns map[string][]string) (*loaded, error) {
	// Loading makes much short-lived garbage next to a growing live heap:
	// collecting more often while it runs keeps the peak memory near the
	// size of the tables, for little extra time.
	defer debug.SetGCPercent(debug.SetGCPercent(30))
	start := time.Now()
	out := &loaded{}
	for _, b := range bs {
		schema, ok := declared[b.name]
		if !ok {
			schema, _ = catalog.Lookup(b.name)
		}
		t, err := tableio.ReadFile(b.path, tableio.ReadOptions{Name: b.name, Schema: schema, Path: b.path,
			Columns: columns[b.name]})
		if err != nil {
			if isIOError(err) {
				return nil, usageErr("%v", err)
			}
			return nil, inputErr(err)
		}
		out.tables = append(out.tables, t)
		out.rows += t.Rows()
	}
	out.dur = time.Since(start)
	return out, nil
}

// isIOError reports whether err is about the file itself (missing,
// unreadable, unknown extension) rather than its content.
func isIOError(err error) bool {
	msg := err.Error()
	for _, s := range []string{"no such file", "permission denied", "is a directory", tableio.ErrUnknownFormat.Error()} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// envOptions declares the schemas of loaded tables and --schema tables.
func envOptions(declared map[string]data.Schema, tables []*data.Table) []kql.Option {
	var opts []kql.Option
	names := make([]string, 0, len(declared))
	for n := range declared {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		opts = append(opts, kql.WithTable(n, declared[n]))
	}
	for _, t := range tables {
		opts = append(opts, kql.WithTable(t.Name, t.Schema))
	}
	return opts
}

func msSince(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
