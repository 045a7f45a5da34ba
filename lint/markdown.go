package lint

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the documentation of codes as a Markdown page: a
// summary table, then one section per code.
func WriteMarkdown(w io.Writer, codes []CodeInfo) error {
	var b strings.Builder
	b.WriteString("# kql lint codes\n\n")
	b.WriteString("Generated from the linter's documentation (`go test ./lint -run Markdown -update`).\n")
	b.WriteString("Turn a code off with `--disable CODE` or an inline `kql-lint-disable CODE` comment.\n\n")
	b.WriteString("| code | name | severity | summary |\n|---|---|---|---|\n")
	for _, c := range codes {
		off := ""
		if c.Off {
			off = " (off by default)"
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s%s | %s |\n", c.Code, strings.ToLower(c.Code), c.Name,
			c.Severity, off, c.Summary)
	}
	for _, c := range codes {
		fmt.Fprintf(&b, "\n## %s\n\n`%s`, %s. %s\n", c.Code, c.Name, c.Severity, c.Doc)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
