package lint

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/kqlkit/kqlkit/diag"
)

// WriteText writes diagnostics as `file:line:col: severity: message [code]`,
// each followed by its source line and a caret under the column.
func WriteText(w io.Writer, list diag.List) error {
	for _, d := range list {
		c := *d
		c.Message = fmt.Sprintf("%s: %s [%s]", d.Severity, d.Message, d.Code)
		if _, err := fmt.Fprintln(w, c.Error()); err != nil {
			return err
		}
	}
	return nil
}

// jsonDiag is one line of the JSON output.
type jsonDiag struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Severity  string `json:"severity"`
	Code      string `json:"code"`
	Message   string `json:"message"`
}

// WriteJSON writes one JSON object per diagnostic and line: file, line,
// column, end_line, end_column (just after the last character; the start
// when the end is not known), severity (error, warning, info), code and
// message.
func WriteJSON(w io.Writer, list diag.List) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range list {
		end := endOf(d)
		j := jsonDiag{File: d.File, Line: d.Pos.Line, Column: d.Pos.Column, EndLine: end.Line,
			EndColumn: end.Column, Severity: d.Severity.String(), Code: d.Code, Message: d.Message}
		if err := enc.Encode(j); err != nil {
			return err
		}
	}
	return nil
}

// endOf returns the end of a diagnostic's range: End when it is known and
// after Pos, else Pos.
func endOf(d *diag.Diagnostic) struct{ Line, Column int } {
	e := d.End
	if !e.IsValid() || e.Line < d.Pos.Line || e.Line == d.Pos.Line && e.Column < d.Pos.Column {
		return struct{ Line, Column int }{d.Pos.Line, d.Pos.Column}
	}
	return struct{ Line, Column int }{e.Line, e.Column}
}

// HasErrors reports whether a list holds a diagnostic of severity error.
func HasErrors(list diag.List) bool { return len(list.Errors()) > 0 }
