package tableio

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

// Format is an output format.
type Format int

// The output formats.
const (
	// FormatTable is an aligned text table with a header row.
	FormatTable Format = iota
	// FormatCSV is a header row and one record per row (RFC 4180).
	FormatCSV
	// FormatJSON is the Log Analytics query response shape (DESIGN.md).
	FormatJSON
	// FormatJSONL is one JSON object per row.
	FormatJSONL
)

var formatNames = [...]string{"table", "csv", "json", "jsonl"}

// String returns the format's name.
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat returns the format called name ("table", "csv", "json",
// "jsonl"; "ndjson" is an alias of "jsonl").
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(name) {
	case "ndjson":
		return FormatJSONL, nil
	}
	for i, n := range formatNames {
		if strings.EqualFold(n, name) {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("unknown format '%s' (want table, csv, json or jsonl)", name)
}

// WriteOptions control Write.
type WriteOptions struct {
	Format Format
	// MaxCellWidth truncates table cells longer than this many characters
	// (marking the cut with "…"); 0 keeps them whole.
	MaxCellWidth int
	// CSVTypes writes CSV headers as "Name:type", which ReadCSV reads back
	// with the same types.
	CSVTypes bool
}

// Write writes tables to w in the given format.
func Write(w io.Writer, tables []*data.Table, format Format) error {
	return WriteWith(w, tables, WriteOptions{Format: format})
}

// WriteWith writes tables to w as opts say.
func WriteWith(w io.Writer, tables []*data.Table, opts WriteOptions) (err error) {
	defer guard("write", &err)
	bw := bufio.NewWriterSize(w, 64<<10)
	switch opts.Format {
	case FormatTable:
		err = writeTables(bw, tables, opts)
	case FormatCSV:
		err = writeCSV(bw, tables, opts)
	case FormatJSON:
		err = writeJSON(bw, tables)
	case FormatJSONL:
		err = writeJSONL(bw, tables)
	default:
		return fmt.Errorf("unknown format %v", opts.Format)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// writeJSON writes {"tables":[…]} with one row per line.
func writeJSON(w *bufio.Writer, tables []*data.Table) error {
	buf := []byte(`{"tables":[`)
	for k, t := range tables {
		if k > 0 {
			buf = append(buf, ',')
		}
		name := t.Name
		if name == "" {
			name = "PrimaryResult"
		}
		buf = append(buf, `{"name":`...)
		buf = appendJSONString(buf, name)
		buf = append(buf, `,"columns":[`...)
		for j, c := range t.Schema {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, `{"name":`...)
			buf = appendJSONString(buf, c.Name)
			buf = append(buf, `,"type":"`...)
			buf = append(buf, c.Type.String()...)
			buf = append(buf, `"}`...)
		}
		buf = append(buf, `],"rows":[`...)
		cells := cellFuncs(t, jsonCell)
		for i := 0; i < t.Rows(); i++ {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, "\n["...)
			for j, f := range cells {
				if j > 0 {
					buf = append(buf, ',')
				}
				buf = f(buf, i)
			}
			buf = append(buf, ']')
			if len(buf) > 32<<10 {
				if _, err := w.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
		if t.Rows() > 0 {
			buf = append(buf, '\n')
		}
		buf = append(buf, "]}"...)
	}
	buf = append(buf, "]}\n"...)
	_, err := w.Write(buf)
	return err
}

// writeJSONL writes one object per row, for every table in turn.
func writeJSONL(w *bufio.Writer, tables []*data.Table) error {
	var buf []byte
	for _, t := range tables {
		cells := cellFuncs(t, jsonCell)
		keys := make([][]byte, len(t.Schema))
		for j, c := range t.Schema {
			keys[j] = append(appendJSONString(nil, c.Name), ':')
		}
		for i := 0; i < t.Rows(); i++ {
			buf = append(buf[:0], '{')
			for j, f := range cells {
				if j > 0 {
					buf = append(buf, ',')
				}
				buf = append(buf, keys[j]...)
				buf = f(buf, i)
			}
			buf = append(buf, "}\n"...)
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeCSV writes each table as a header and records; tables are separated
// by a blank line.
func writeCSV(w *bufio.Writer, tables []*data.Table, opts WriteOptions) error {
	var buf []byte
	for k, t := range tables {
		if k > 0 {
			buf = append(buf, '\n')
		}
		for j, c := range t.Schema {
			if j > 0 {
				buf = append(buf, ',')
			}
			name := c.Name
			if opts.CSVTypes {
				name += ":" + c.Type.String()
			}
			buf = appendCSVField(buf, []byte(name))
		}
		buf = append(buf, '\n')
		cells := cellFuncs(t, textCell)
		var cell []byte
		for i := 0; i < t.Rows(); i++ {
			for j, f := range cells {
				if j > 0 {
					buf = append(buf, ',')
				}
				cell = f(cell[:0], i)
				if len(cells) == 1 && len(cell) == 0 {
					buf = append(buf, `""`...) // a bare empty line would read as no row
					continue
				}
				buf = appendCSVField(buf, cell)
			}
			buf = append(buf, '\n')
			if len(buf) > 32<<10 {
				if _, err := w.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
	}
	_, err := w.Write(buf)
	return err
}

// appendCSVField appends a field, quoted when it holds a comma, a quote or
// a line break.
func appendCSVField(dst, v []byte) []byte {
	need := false
	for _, c := range v {
		if c == ',' || c == '"' || c == '\n' || c == '\r' {
			need = true
			break
		}
	}
	if !need {
		return append(dst, v...)
	}
	dst = append(dst, '"')
	for _, c := range v {
		if c == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

func cellFuncs(t *data.Table, mk func(data.Column) cellFunc) []cellFunc {
	out := make([]cellFunc, len(t.Cols))
	for j, c := range t.Cols {
		out[j] = mk(c)
	}
	return out
}

// writeTables writes aligned text tables, a blank line between them; when
// there are several, each starts with its name.
func writeTables(w *bufio.Writer, tables []*data.Table, opts WriteOptions) error {
	for k, t := range tables {
		if k > 0 {
			if _, err := w.WriteString("\n"); err != nil {
				return err
			}
		}
		if len(tables) > 1 {
			if _, err := fmt.Fprintf(w, "%s:\n", t.Name); err != nil {
				return err
			}
		}
		if err := writeTable(w, t, opts); err != nil {
			return err
		}
	}
	return nil
}

// writeTable makes two passes: one for the column widths, one to print.
func writeTable(w *bufio.Writer, t *data.Table, opts WriteOptions) error {
	cells := cellFuncs(t, textCell)
	widths := make([]int, len(cells))
	for j, c := range t.Schema {
		widths[j] = utf8.RuneCountInString(c.Name)
	}
	var cell []byte
	for i := 0; i < t.Rows(); i++ {
		for j, f := range cells {
			cell = displayCell(f(cell[:0], i), opts.MaxCellWidth)
			widths[j] = max(widths[j], utf8.RuneCount(cell))
		}
	}
	right := make([]bool, len(cells))
	for j, c := range t.Schema {
		right[j] = c.Type.IsNumeric()
	}
	var line []byte
	flush := func() error {
		line = append(trimRightSpace(line), '\n')
		_, err := w.Write(line)
		line = line[:0]
		return err
	}
	for j, c := range t.Schema {
		line = pad(line, []byte(c.Name), widths[j], right[j], j > 0)
	}
	if err := flush(); err != nil {
		return err
	}
	for j := range t.Schema {
		line = pad(line, []byte(strings.Repeat("-", widths[j])), widths[j], false, j > 0)
	}
	if err := flush(); err != nil {
		return err
	}
	for i := 0; i < t.Rows(); i++ {
		for j, f := range cells {
			cell = displayCell(f(cell[:0], i), opts.MaxCellWidth)
			line = pad(line, cell, widths[j], right[j], j > 0)
		}
		if err := flush(); err != nil {
			return err
		}
	}
	return nil
}

// pad appends v padded to width runes, after a two-space gap when sep.
func pad(line, v []byte, width int, right, sep bool) []byte {
	if sep {
		line = append(line, "  "...)
	}
	n := width - utf8.RuneCount(v)
	if right {
		line = appendSpaces(line, n)
		return append(line, v...)
	}
	line = append(line, v...)
	return appendSpaces(line, n)
}

func appendSpaces(b []byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, ' ')
	}
	return b
}

func trimRightSpace(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

// displayCell makes a cell fit on one line (control characters shown as
// escapes) and cuts it to max runes when max > 0.
func displayCell(v []byte, max int) []byte {
	clean := true
	for _, c := range v {
		if c < 0x20 || c == 0x7f {
			clean = false
			break
		}
	}
	if !clean {
		var out []byte
		for _, c := range v {
			switch {
			case c == '\n':
				out = append(out, `\n`...)
			case c == '\r':
				out = append(out, `\r`...)
			case c == '\t':
				out = append(out, `\t`...)
			case c < 0x20 || c == 0x7f:
				out = append(out, fmt.Sprintf(`\x%02x`, c)...)
			default:
				out = append(out, c)
			}
		}
		v = out
	}
	if max > 0 && utf8.RuneCount(v) > max {
		n, k := 0, 0
		for k < len(v) && n < max-1 {
			_, size := utf8.DecodeRune(v[k:])
			k += size
			n++
		}
		v = append(v[:k:k], "…"...)
	}
	return v
}
