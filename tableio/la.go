package tableio

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// errNotResponse tells that a JSON document is not a query response.
var errNotResponse = errors.New("not a query response")

// ReadLogAnalytics reads a query response and returns all its tables. It
// accepts the Log Analytics API shape
//
//	{"tables":[{"name":"PrimaryResult","columns":[{"name":"A","type":"string"}],"rows":[["x"]]}]}
//
// (what `kql query --format json` writes), the Azure Data Explorer v1 shape
// ({"Tables":[{"TableName","Columns":[{"ColumnName","DataType","ColumnType"}],"Rows"}]})
// and the v2 shape (an array of frames, of which the DataTable frames of
// kind PrimaryResult are read). Property names are matched without regard
// to case; a column type is a Kusto name or a .NET name ("Int64").
//
// Column types come from the response; opts.Schema adds the columns it
// declares that the response lacks (all null). opts.Columns projects.
func ReadLogAnalytics(r io.Reader, opts ReadOptions) (_ []*data.Table, err error) {
	defer guard(opts.Path, &err)
	b, err := readAll(r)
	if err != nil {
		return nil, pathErr(opts.Path, err)
	}
	tables, err := readResponse(b, opts)
	if errors.Is(err, errNotResponse) {
		return nil, &SyntaxError{Path: opts.Path, Line: 1, Column: 1,
			Msg: "not a query response: want an object with 'tables' or an array of frames"}
	}
	return tables, err
}

// respTable is one table of a response, before its rows are read.
type respTable struct {
	name, frameType, kind string
	cols                  []respColumn
	rows                  [2]int // byte span of the rows array, or zeros
	hasRows               bool
}

type respColumn struct {
	name string
	typ  data.Type
}

// responseReader reads the tables of a response document.
type responseReader struct {
	b    []byte
	sc   scanner
	opts ReadOptions
}

// readResponse reads b as a query response; errNotResponse when it is not
// shaped like one.
func readResponse(b []byte, opts ReadOptions) ([]*data.Table, error) {
	rr := &responseReader{b: b, opts: opts}
	rr.sc.reset(b)
	rr.sc.skipWS()
	var tables []*respTable
	var err error
	switch rr.sc.peek() {
	case '{':
		tables, err = rr.v1()
	case '[':
		tables, err = rr.v2()
	default:
		return nil, errNotResponse
	}
	if err != nil {
		return nil, rr.wrap(err)
	}
	rr.sc.skipWS()
	if rr.sc.i != len(b) {
		return nil, rr.wrap(rr.sc.errorf("unexpected text after the JSON value"))
	}
	out := make([]*data.Table, 0, len(tables))
	for _, t := range tables {
		tab, err := rr.table(t)
		if err != nil {
			return nil, err
		}
		out = append(out, tab)
	}
	return out, nil
}

func (rr *responseReader) wrap(err error) error {
	if errors.Is(err, errNotResponse) {
		return err
	}
	return (&readState{opts: rr.opts}).scanErrAt(rr.b, 1, err)
}

// object walks the properties of the object at the scanner: for each, it
// calls f with the name, the scanner at the value; f must consume it.
func (rr *responseReader) object(f func(key string) error) error {
	sc := &rr.sc
	if sc.peek() != '{' {
		return sc.unexpected("a JSON object")
	}
	sc.i++
	sc.skipWS()
	if sc.peek() == '}' {
		sc.i++
		return nil
	}
	for {
		if sc.peek() != '"' {
			return sc.unexpected("a quoted property name")
		}
		k, err := sc.readString()
		if err != nil {
			return err
		}
		key := strings.ToLower(string(k))
		sc.skipWS()
		if sc.peek() != ':' {
			return sc.unexpected("':'")
		}
		sc.i++
		sc.skipWS()
		if err := f(key); err != nil {
			return err
		}
		sc.skipWS()
		switch sc.peek() {
		case ',':
			sc.i++
			sc.skipWS()
		case '}':
			sc.i++
			return nil
		default:
			return sc.unexpected("',' or '}'")
		}
	}
}

// array walks the elements of the array at the scanner with f.
func (rr *responseReader) array(f func(i int) error) error {
	sc := &rr.sc
	if sc.peek() != '[' {
		return sc.unexpected("a JSON array")
	}
	sc.i++
	sc.skipWS()
	if sc.peek() == ']' {
		sc.i++
		return nil
	}
	for i := 0; ; i++ {
		if err := f(i); err != nil {
			return err
		}
		sc.skipWS()
		switch sc.peek() {
		case ',':
			sc.i++
			sc.skipWS()
		case ']':
			sc.i++
			return nil
		default:
			return sc.unexpected("',' or ']'")
		}
	}
}

func (rr *responseReader) str() (string, error) {
	if rr.sc.peek() != '"' {
		return "", rr.sc.unexpected("a string")
	}
	v, err := rr.sc.readString()
	return string(v), err
}

// v1 reads {"tables":[…], …}.
func (rr *responseReader) v1() ([]*respTable, error) {
	var tables []*respTable
	found := false
	err := rr.object(func(key string) error {
		if key != "tables" {
			return rr.sc.skipValue(0)
		}
		found = true
		return rr.array(func(int) error {
			t, err := rr.tableObject()
			tables = append(tables, t)
			return err
		})
	})
	if err == nil && !found {
		return nil, errNotResponse
	}
	return tables, err
}

// v2 reads an array of frames; an array whose first element is not a frame
// is not a response.
func (rr *responseReader) v2() ([]*respTable, error) {
	var tables []*respTable
	frames := 0
	err := rr.array(func(i int) error {
		frames++
		if rr.sc.peek() != '{' {
			if i == 0 {
				return errNotResponse
			}
			return rr.sc.unexpected("a frame object")
		}
		t, err := rr.tableObject()
		if err != nil {
			return err
		}
		if i == 0 && t.frameType == "" {
			return errNotResponse
		}
		if t.frameType == "DataTable" && (t.kind == "" || t.kind == "PrimaryResult") {
			tables = append(tables, t)
		}
		return nil
	})
	if err == nil && frames == 0 {
		return nil, errNotResponse // [] is an empty array of rows
	}
	return tables, err
}

// tableObject reads one table (or frame) object; the rows are only
// checked and located, to be read once the columns are known.
func (rr *responseReader) tableObject() (*respTable, error) {
	t := &respTable{}
	err := rr.object(func(key string) error {
		var err error
		switch key {
		case "name", "tablename":
			t.name, err = rr.str()
		case "frametype":
			t.frameType, err = rr.str()
		case "tablekind":
			t.kind, err = rr.str()
		case "columns":
			err = rr.array(func(int) error {
				c, err := rr.column()
				t.cols = append(t.cols, c)
				return err
			})
		case "rows":
			start := rr.sc.i
			if rr.sc.peek() != '[' {
				return rr.sc.unexpected("an array of rows")
			}
			err = rr.sc.skipValue(0)
			t.rows, t.hasRows = [2]int{start, rr.sc.i}, true
		default:
			err = rr.sc.skipValue(0)
		}
		return err
	})
	return t, err
}

// column reads {"name":…, "type":…} or its ADX spellings.
func (rr *responseReader) column() (respColumn, error) {
	var c respColumn
	var kusto, dotnet string
	start := rr.sc.i
	err := rr.object(func(key string) error {
		var err error
		switch key {
		case "name", "columnname":
			c.name, err = rr.str()
		case "type", "columntype":
			kusto, err = rr.str()
		case "datatype":
			dotnet, err = rr.str()
		default:
			err = rr.sc.skipValue(0)
		}
		return err
	})
	if err != nil {
		return c, err
	}
	if c.name == "" {
		rr.sc.i = start
		return c, rr.sc.errorf("a column has no name")
	}
	c.typ = data.Unknown
	for _, name := range []string{kusto, dotnet} {
		if name == "" {
			continue
		}
		t, ok := data.ParseType(name)
		if !ok {
			t, ok = data.ParseDotNetType(name)
		}
		if !ok {
			rr.sc.i = start
			return c, rr.sc.errorf("column '%s' has unknown type '%s'", c.name, name)
		}
		c.typ = t
		break
	}
	return c, nil
}

// table reads the rows of t into a table.
func (rr *responseReader) table(t *respTable) (*data.Table, error) {
	opts := rr.opts
	var schema data.Schema
	seen := map[string]bool{}
	for _, c := range t.cols {
		if seen[c.name] {
			return nil, &SyntaxError{Path: opts.Path, Msg: fmt.Sprintf(
				"table '%s': column '%s' appears twice", t.name, c.name)}
		}
		seen[c.name] = true
		typ := c.typ
		if typ == data.Unknown {
			if i := opts.Schema.Index(c.name); i >= 0 {
				typ = opts.Schema[i].Type
			}
		}
		schema = append(schema, data.ColumnDef{Name: c.name, Type: typ})
	}
	for _, c := range opts.Schema {
		if !seen[c.Name] {
			schema = append(schema, c)
		}
	}
	opts.Schema, opts.Name = schema, t.name
	rs := newReadState(opts)
	d := newDocParser(rs, rr.b[:t.rows[1]], t.rows[0])
	pos := make([]int, len(t.cols))
	for j, c := range t.cols {
		pos[j] = -1
		if i, ok := d.p.keys[c.name]; ok {
			pos[j] = i
		}
	}
	if t.hasRows {
		if err := d.rowArrays(pos); err != nil {
			return nil, rs.scanErrAt(rr.b, 1, err)
		}
	}
	return merge(rs, d.finish())
}

// rowArrays reads [[v, …], …]: row values by position, pos giving the
// column of each position (-1 to skip).
func (d *docParser) rowArrays(pos []int) error {
	sc := &d.p.sc
	sc.i++ // [
	sc.skipWS()
	if sc.peek() == ']' {
		return nil
	}
	for {
		if err := d.p.rowArray(pos); err != nil {
			return err
		}
		d.rowDone()
		sc = &d.p.sc
		sc.skipWS()
		if sc.peek() == ']' {
			return nil
		}
		sc.i++ // ',' (the array was checked already)
		sc.skipWS()
	}
}

func (p *chunkParser) rowArray(pos []int) error {
	sc := &p.sc
	start := sc.i
	if sc.peek() != '[' {
		return sc.unexpected("a row array")
	}
	sc.i++
	sc.skipWS()
	n := 0
	for sc.peek() != ']' {
		if n == len(pos) {
			sc.i = start
			return sc.errorf("a row has more values than the %d columns", len(pos))
		}
		var err error
		if pos[n] < 0 {
			err = sc.skipValue(0)
		} else {
			err = p.value(p.cols[pos[n]])
		}
		if err != nil {
			return err
		}
		n++
		sc.skipWS()
		if sc.peek() == ',' {
			sc.i++
			sc.skipWS()
		}
	}
	sc.i++
	if n != len(pos) {
		sc.i = start
		return sc.errorf("a row has %d values, want %d", n, len(pos))
	}
	p.endRow()
	return nil
}
