package tableio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

// ReadOptions control how a table is read.
type ReadOptions struct {
	// Name is the table name. Empty means the file's base name without its
	// extension (or, for a Log Analytics response, the table's own name).
	Name string
	// Schema declares column types, usually from a schema file or the
	// catalog. It may be partial: other columns are inferred. Every column
	// it declares is in the result, null where the file has no value.
	Schema data.Schema
	// Columns, when not nil, keeps only the columns of these names
	// (projection pushdown): other values are checked for syntax but not
	// stored. A name neither in the file nor declared gives no column.
	Columns []string
	// Workers is the number of goroutines that parse (0 means GOMAXPROCS).
	Workers int
	// Path names the input in error messages; ReadFile sets it.
	Path string
}

// SyntaxError reports malformed input: a broken JSON value, an
// unterminated CSV quote, a row with the wrong number of fields. Line and
// Column are 1-based (Column counts runes; 0 when unknown).
type SyntaxError struct {
	Path   string
	Line   int
	Column int
	Msg    string
}

// Error formats the error as "path:line:column: message".
func (e *SyntaxError) Error() string {
	path := e.Path
	if path == "" {
		path = "<input>"
	}
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", path, e.Msg)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", path, e.Line, e.Column, e.Msg)
}

// ErrUnknownFormat is returned by ReadFile for a file extension it does
// not know.
var ErrUnknownFormat = errors.New("unknown file format")

// ReadFile reads a table from a file, choosing the format by extension:
// .jsonl and .ndjson (JSON Lines), .json (an array of objects, JSON Lines,
// or a Log Analytics / Azure Data Explorer query response, of which the
// first table is taken) and .csv (a header row, then records).
func ReadFile(path string, opts ReadOptions) (*data.Table, error) {
	if opts.Path == "" {
		opts.Path = path
	}
	if opts.Name == "" && !strings.EqualFold(filepath.Ext(path), ".json") {
		opts.Name = baseName(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return readJSONLines(f, opts, size)
	case ".csv":
		return readCSV(f, opts, size)
	case ".json":
		t, err := ReadJSON(f, opts)
		if err == nil && t.Name == "" {
			t.Name = baseName(path)
		}
		return t, err
	}
	return nil, fmt.Errorf("%s: %w (want .jsonl, .ndjson, .json or .csv)", path, ErrUnknownFormat)
}

func baseName(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// readState is what every chunk of one read shares, read-only.
type readState struct {
	opts     ReadOptions
	declared data.Schema     // declared columns kept, in order
	keep     map[string]bool // projection; nil keeps everything
	csv      bool            // CSV inference rules
}

func newReadState(opts ReadOptions) *readState {
	rs := &readState{opts: opts}
	if opts.Columns != nil {
		rs.keep = make(map[string]bool, len(opts.Columns))
		for _, c := range opts.Columns {
			rs.keep[c] = true
		}
	}
	seen := map[string]bool{}
	for _, c := range opts.Schema {
		if seen[c.Name] || !rs.wants(c.Name) {
			continue
		}
		seen[c.Name] = true
		rs.declared = append(rs.declared, c)
	}
	return rs
}

// wants reports whether column name is kept by the projection.
func (rs *readState) wants(name string) bool { return rs.keep == nil || rs.keep[name] }

// declaredType returns the declared type of a column, or data.Unknown.
func (rs *readState) declaredType(name string) data.Type {
	if i := rs.declared.Index(name); i >= 0 {
		return rs.declared[i].Type
	}
	return data.Unknown
}

// errAt builds a SyntaxError for byte offset off of text, whose first line
// is line number line.
func (rs *readState) errAt(text []byte, line, off int, msg string) error {
	if off > len(text) {
		off = len(text)
	}
	before := text[:off]
	line += bytes.Count(before, []byte{'\n'})
	if k := bytes.LastIndexByte(before, '\n'); k >= 0 {
		before = before[k+1:]
	}
	return &SyntaxError{Path: rs.opts.Path, Line: line, Column: utf8.RuneCount(before) + 1, Msg: msg}
}

// scanErrAt converts an error from the scanner over text.
func (rs *readState) scanErrAt(text []byte, line int, err error) error {
	var se *scanError
	if errors.As(err, &se) {
		return rs.errAt(text, line, se.off, se.msg)
	}
	return err
}

// ErrInternal marks an error that is a bug in this package (a panic
// caught at the API boundary), not a problem with the input.
var ErrInternal = errors.New("internal error")

// guard turns a panic into an ErrInternal error; use it deferred, with the
// function's named error result.
func guard(path string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %w: %v", path, ErrInternal, r)
	}
}

// utf8BOM is the byte order mark some tools write at the start of a file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readAll reads all of r, without a leading byte order mark.
func readAll(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(r)
	return bytes.TrimPrefix(b, utf8BOM), err
}
