package lint

import (
	"strings"

	"github.com/kqlkit/kqlkit/diag"
)

// Inline suppression. In a query, a comment
//
//	// kql-lint-disable-next-line BP302
//	// kql-lint-disable BP304, unknown-column
//	// kql-lint-enable BP304
//
// turns codes off for the next line, or from its line to the end of the
// query (or to a matching kql-lint-enable). In a rule file, a YAML comment
//
//	# kql-lint-disable RULE202
//	# kql-lint-disable-file KQL102
//
// turns codes off for the YAML line that follows (or the line the comment
// ends) and the lines nested under it, or for the whole file. Codes are
// given by code or name, separated by commas or spaces; none means every
// code. Text after " -- " is a free comment (the reason).

// suppressions are the line ranges of a file where codes are off.
type suppressions struct {
	index  map[string]*CodeInfo
	ranges []lineRange
}

// lineRange turns codes off on lines from..to (inclusive).
type lineRange struct {
	from, to int
	codes    map[string]bool // nil: every code
}

func newSuppressions(index map[string]*CodeInfo) *suppressions {
	return &suppressions{index: index}
}

// suppressed reports whether a diagnostic is turned off.
func (s *suppressions) suppressed(d *diag.Diagnostic) bool {
	if s == nil {
		return false
	}
	for _, r := range s.ranges {
		if d.Pos.Line >= r.from && d.Pos.Line <= r.to && (r.codes == nil || r.codes[d.Code]) {
			return true
		}
	}
	return false
}

// add records a range; codes are resolved through the code index (unknown
// codes are kept as written, so they match nothing).
func (s *suppressions) add(from, to int, spec string) {
	if from > to {
		return
	}
	var codes map[string]bool
	if fields := splitCodes(spec); len(fields) > 0 {
		codes = map[string]bool{}
		for _, f := range fields {
			if ci := lookupCode(s.index, f); ci != nil {
				codes[ci.Code] = true
			} else {
				codes[strings.ToUpper(f)] = true
			}
		}
	}
	s.ranges = append(s.ranges, lineRange{from: from, to: to, codes: codes})
}

// splitCodes splits "BP301, BP302 -- reason" into codes.
func splitCodes(spec string) []string {
	if i := strings.Index(spec, "--"); i >= 0 {
		spec = spec[:i]
	}
	return strings.FieldsFunc(spec, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}

// directive splits a comment's text into a kql-lint directive and its
// codes; ok is false for other comments.
func directive(comment string) (verb, codes string, ok bool) {
	t := strings.TrimSpace(comment)
	if !strings.HasPrefix(t, "kql-lint-") {
		return "", "", false
	}
	verb, codes, _ = strings.Cut(t, " ")
	switch verb {
	case "kql-lint-disable", "kql-lint-disable-next-line", "kql-lint-enable", "kql-lint-disable-file":
		return verb, codes, true
	}
	return "", "", false
}

// addQuery records the directives in the comments of a query; positions go
// through src.Map, so that they are lines of the rule file for a rule.
func (s *suppressions) addQuery(src *diag.Source) {
	text := src.Text
	lastLine := s.fileLine(src, len(text))
	open := map[string]int{} // codes spec → first line of an open disable
	for _, c := range queryComments(text) {
		verb, codes, ok := directive(c.text)
		if !ok {
			continue
		}
		line := s.fileLine(src, c.offset)
		switch verb {
		case "kql-lint-disable-next-line":
			next := line + 1
			if i := strings.IndexByte(text[c.offset:], '\n'); i >= 0 {
				next = s.fileLine(src, nextContent(text, c.offset+i+1))
			}
			s.add(next, next, codes)
		case "kql-lint-disable":
			open[normCodes(codes)] = line
		case "kql-lint-enable":
			if from, ok := open[normCodes(codes)]; ok {
				s.add(from, line, codes)
				delete(open, normCodes(codes))
			}
		case "kql-lint-disable-file":
			s.add(1, 1<<30, codes)
		}
	}
	for codes, from := range open {
		s.add(from, lastLine, codes)
	}
}

// nextContent skips blank space from off to the next character.
func nextContent(text string, off int) int {
	for off < len(text) && (text[off] == ' ' || text[off] == '\t' || text[off] == '\r' || text[off] == '\n') {
		off++
	}
	return off
}

func normCodes(spec string) string {
	return strings.ToUpper(strings.Join(splitCodes(spec), ","))
}

// fileLine returns the line, in the file, of a byte offset of the query.
func (s *suppressions) fileLine(src *diag.Source, off int) int {
	p := diag.PosAt(src.Text, off)
	if src.Map != nil {
		p = src.Map(p)
	}
	return p.Line
}

// comment is a // comment of a query: its offset and its text after //.
type comment struct {
	offset int
	text   string
}

// queryComments finds the // comments of a query text, skipping string
// literals ('…', "…", @'…', @"…", ```…```).
func queryComments(text string) []comment {
	var out []comment
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case strings.HasPrefix(text[i:], "```"):
			j := strings.Index(text[i+3:], "```")
			if j < 0 {
				return out
			}
			i += 3 + j + 3
		case c == '@' && i+1 < len(text) && (text[i+1] == '"' || text[i+1] == '\''):
			i = skipVerbatim(text, i+1)
		case c == '"' || c == '\'':
			i = skipQuoted(text, i)
		case strings.HasPrefix(text[i:], "//"):
			end := strings.IndexByte(text[i:], '\n')
			if end < 0 {
				end = len(text) - i
			}
			out = append(out, comment{offset: i, text: strings.TrimRight(text[i+2:i+end], "\r")})
			i += end
		default:
			i++
		}
	}
	return out
}

// skipQuoted returns the offset after the quoted string starting at i
// (backslash escapes; a string ends at the end of its line at the latest).
func skipQuoted(text string, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n':
			return j
		}
	}
	return len(text)
}

// skipVerbatim returns the offset after the verbatim string whose quote is
// at i (a doubled quote stands for one).
func skipVerbatim(text string, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		if text[j] != q {
			continue
		}
		if j+1 < len(text) && text[j+1] == q {
			j++
			continue
		}
		return j + 1
	}
	return len(text)
}

// addYAML records the directives of a rule file's YAML comments. Lines of
// the query (from, to) are skipped: their comments are KQL's.
func (s *suppressions) addYAML(text string, queryFrom, queryTo int) {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		n := i + 1
		if n >= queryFrom && n <= queryTo {
			continue
		}
		c, own := yamlComment(line)
		verb, codes, ok := directive(c)
		if !ok {
			continue
		}
		switch verb {
		case "kql-lint-disable-file":
			s.add(1, 1<<30, codes)
			continue
		case "kql-lint-enable":
			continue
		}
		target := n
		if own {
			target = nextYAMLLine(lines, i+1)
			if target == 0 {
				continue
			}
		}
		s.add(target, blockEnd(lines, target), codes)
	}
}

// yamlComment returns the text of a line's comment (after '#') and whether
// the line holds nothing else. A '#' counts when it starts the line or
// follows a space, outside quotes.
func yamlComment(line string) (text string, own bool) {
	inQuote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inQuote != 0:
			if c == inQuote {
				inQuote = 0
			}
		case c == '"' || c == '\'':
			inQuote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return line[i+1:], strings.TrimSpace(line[:i]) == ""
		}
	}
	return "", false
}

// nextYAMLLine returns the 1-based number of the first line from index i
// that holds content (not blank, not only a comment); 0 when none.
func nextYAMLLine(lines []string, i int) int {
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t != "" && !strings.HasPrefix(t, "#") {
			return i + 1
		}
	}
	return 0
}

// blockEnd returns the last line of the YAML block that starts at line n
// (1-based): the lines after it that are more indented, and, under a key,
// the list items at the key's own indentation.
func blockEnd(lines []string, n int) int {
	if n < 1 || n > len(lines) {
		return n
	}
	first := strings.TrimSpace(lines[n-1])
	k := indentOf(lines[n-1])
	item := strings.HasPrefix(first, "-")
	end := n
	for i := n; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		ind := indentOf(lines[i])
		if ind < k || ind == k && (item || !strings.HasPrefix(t, "-")) {
			break
		}
		end = i + 1
	}
	return end
}

func indentOf(line string) int {
	return len(line) - len(strings.TrimLeft(line, " "))
}
