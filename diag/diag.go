// Package diag holds the positioned messages kqlkit reports: syntax and
// check errors, runtime errors, warnings and lint findings. A Diagnostic
// prints as `file:line:col: message` followed by the source line and a caret
// under the column.
package diag

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/ast"
)

// Severity ranks a diagnostic.
type Severity int

// Severities, most severe first.
const (
	Error Severity = iota
	Warning
	Info
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Diagnostic is one message about a place in a source.
type Diagnostic struct {
	File     string  // source name: a path, or "<query>"
	Pos      ast.Pos // where the problem starts, in the file
	End      ast.Pos // where it ends (may be invalid when unknown)
	Severity Severity
	Code     string // short identifier for lint findings, e.g. "KQL001"; may be ""
	Message  string // lower case, no final punctuation
	Line     string // the text of the source line at Pos, for the caret display
}

// Error formats the diagnostic with its source line and caret.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.Header())
	if d.Line != "" && d.Pos.Column > 0 {
		b.WriteString("\n | ")
		b.WriteString(strings.TrimRight(expandTabs(d.Line), "\r\n"))
		b.WriteString("\n | ")
		col := d.Pos.Column - 1
		if n := utf8.RuneCountInString(d.Line); col > n {
			col = n
		}
		b.WriteString(strings.Repeat(".", col))
		b.WriteByte('^')
	}
	return b.String()
}

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", " ") }

// Header is the first line: `file:line:col: message`.
func (d *Diagnostic) Header() string {
	name := d.File
	if name == "" {
		name = "<query>"
	}
	if !d.Pos.IsValid() {
		return fmt.Sprintf("%s: %s", name, d.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", name, d.Pos.Line, d.Pos.Column, d.Message)
}

// List is a list of diagnostics; as an error it prints the first one and
// how many more there are.
type List []*Diagnostic

// maxListed caps the diagnostics a list collects.
const maxListed = 100

// Add appends d unless the list is full or already holds a diagnostic at the
// same position with the same message.
func (l *List) Add(d *Diagnostic) {
	if len(*l) >= maxListed {
		return
	}
	for _, e := range *l {
		if e.Pos == d.Pos && e.Message == d.Message {
			return
		}
	}
	*l = append(*l, d)
}

// Sort orders the list by file, then position.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Pos.Offset < b.Pos.Offset
	})
}

// Errors returns the diagnostics of severity Error.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Error implements error.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s\n(and %d more errors)", l[0].Error(), len(l)-1)
}

// Err returns nil when the list holds no error-severity diagnostic, else the
// list of errors.
func (l List) Err() error {
	if e := l.Errors(); len(e) > 0 {
		return e
	}
	return nil
}

// Unwrap gives errors.Is and errors.As access to each diagnostic.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, d := range l {
		out[i] = d
	}
	return out
}
