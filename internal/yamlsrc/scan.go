package yamlsrc

import (
	"strconv"
	"unicode/utf8"
)

// scanner re-reads a YAML scalar from the file text, building its value
// together with, for each byte of the value, the offset in the file of the
// character it came from. It follows the YAML 1.2 rules for block (literal
// and folded), double-quoted, single-quoted and plain scalars in block
// context; the caller checks its result against the YAML library's.
type scanner struct {
	src  string
	pos  int
	text []byte
	offs []int // offs[i] is the file offset of text[i]
}

func (s *scanner) emit(c byte, off int) {
	s.text = append(s.text, c)
	s.offs = append(s.offs, off)
}

func (s *scanner) emitString(str string, off int) {
	for i := 0; i < len(str); i++ {
		s.emit(str[i], off)
	}
}

// emitBreaks appends line breaks recorded as file offsets.
func (s *scanner) emitBreaks(breaks []int) {
	for _, off := range breaks {
		s.emit('\n', off)
	}
}

func (s *scanner) at(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

func (s *scanner) cur() byte { return s.at(s.pos) }

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

func isBreak(c byte) bool { return c == '\n' || c == '\r' }

func (s *scanner) eof() bool { return s.pos >= len(s.src) }

func (s *scanner) blankOrEnd(i int) bool {
	return i >= len(s.src) || isBlank(s.src[i]) || isBreak(s.src[i])
}

// readBreak consumes a line break (\n, \r\n or \r) and returns its offset.
func (s *scanner) readBreak() int {
	off := s.pos
	if s.cur() == '\r' && s.at(s.pos+1) == '\n' {
		s.pos++
	}
	s.pos++
	return off
}

// column returns the 0-based column of the current position, in characters.
func (s *scanner) column() int {
	start := s.pos
	for start > 0 && !isBreak(s.src[start-1]) {
		start--
	}
	return utf8.RuneCountInString(s.src[start:s.pos])
}

// copyChar appends the (possibly multi-byte) character at the current
// position.
func (s *scanner) copyChar() {
	_, n := utf8.DecodeRuneInString(s.src[s.pos:])
	for i := 0; i < n; i++ {
		s.emit(s.src[s.pos], s.pos)
		s.pos++
	}
}

// skipComment skips blanks and a comment up to the end of the line.
func (s *scanner) skipToBreak() {
	for isBlank(s.cur()) {
		s.pos++
	}
	if s.cur() == '#' {
		for !s.eof() && !isBreak(s.cur()) {
			s.pos++
		}
	}
}

// block scans a literal (|) or folded (>) block scalar whose indicator is at
// the current position; parentIndent is the indentation of the mapping that
// holds it. It returns the content indentation and the offset just after the
// last content line.
func (s *scanner) block(parentIndent int) (indent, end int, ok bool) {
	literal := s.cur() == '|'
	s.pos++
	chomp, increment := 0, 0
	for i := 0; i < 2; i++ {
		switch c := s.cur(); {
		case c == '+':
			chomp = 1
		case c == '-':
			chomp = -1
		case c >= '1' && c <= '9':
			increment = int(c - '0')
		default:
			continue
		}
		s.pos++
	}
	s.skipToBreak()
	if !s.eof() && !isBreak(s.cur()) {
		return 0, 0, false
	}
	end = s.pos
	if !s.eof() {
		s.readBreak()
		end = s.pos
	}
	if increment > 0 {
		indent = parentIndent + increment
	}
	breaks := s.blockBreaks(&indent, parentIndent)

	var leadingBreak []int
	leadingBlank := false
	for s.column() == indent && !s.eof() {
		trailingBlank := isBlank(s.cur())
		if !literal && len(leadingBreak) > 0 && !leadingBlank && !trailingBlank {
			if len(breaks) == 0 {
				s.emit(' ', leadingBreak[0])
			}
		} else {
			s.emitBreaks(leadingBreak)
		}
		leadingBreak = nil
		s.emitBreaks(breaks)
		leadingBlank = isBlank(s.cur())
		for !s.eof() && !isBreak(s.cur()) {
			s.copyChar()
		}
		end = s.pos
		if s.eof() {
			break
		}
		leadingBreak = []int{s.readBreak()}
		end = s.pos
		breaks = s.blockBreaks(&indent, parentIndent)
	}
	if chomp != -1 {
		s.emitBreaks(leadingBreak)
	}
	if chomp == 1 {
		s.emitBreaks(breaks)
	}
	return indent, end, true
}

// blockBreaks consumes the empty lines before a block scalar's next content
// line and returns the offsets of their breaks; when *indent is 0 it
// determines the indentation from the first content line.
func (s *scanner) blockBreaks(indent *int, parentIndent int) []int {
	var breaks []int
	maxIndent := 0
	for {
		for (*indent == 0 || s.column() < *indent) && s.cur() == ' ' {
			s.pos++
		}
		if c := s.column(); c > maxIndent {
			maxIndent = c
		}
		if !isBreak(s.cur()) {
			break
		}
		breaks = append(breaks, s.readBreak())
	}
	if *indent == 0 {
		*indent = max(maxIndent, parentIndent+1, 1)
	}
	return breaks
}

// flow scans a double- or single-quoted scalar whose opening quote is at the
// current position, and returns the offset after the closing quote.
func (s *scanner) flow() (end int, ok bool) {
	single := s.cur() == '\''
	quote := s.cur()
	s.pos++
	for {
		leadingBlanks := false
		for !s.eof() && !s.blankOrEnd(s.pos) {
			c := s.cur()
			switch {
			case single && c == '\'' && s.at(s.pos+1) == '\'':
				s.emit('\'', s.pos)
				s.pos += 2
			case c == quote:
				s.pos++
				return s.pos, true
			case !single && c == '\\' && isBreak(s.at(s.pos+1)):
				s.pos++
				s.readBreak()
				leadingBlanks = true
			case !single && c == '\\':
				if !s.escape() {
					return 0, false
				}
			default:
				s.copyChar()
			}
			if leadingBlanks {
				break
			}
		}
		if s.eof() {
			return 0, false
		}
		s.foldBlanks(leadingBlanks)
	}
}

// foldBlanks consumes blanks and line breaks inside a flow or plain scalar
// and appends what they fold to: the blanks themselves on one line, a
// space for one line break, a line break for each empty line.
func (s *scanner) foldBlanks(leadingBlanks bool) {
	var whitespace []int
	var leadingBreak int = -1
	var trailing []int
	for isBlank(s.cur()) || isBreak(s.cur()) {
		if isBlank(s.cur()) {
			if !leadingBlanks {
				whitespace = append(whitespace, s.pos)
			}
			s.pos++
			continue
		}
		if !leadingBlanks {
			whitespace = nil
			leadingBreak = s.readBreak()
			leadingBlanks = true
		} else {
			trailing = append(trailing, s.readBreak())
		}
	}
	switch {
	case !leadingBlanks:
		for _, off := range whitespace {
			s.emit(s.src[off], off)
		}
	case leadingBreak >= 0 && len(trailing) == 0:
		s.emit(' ', leadingBreak)
	default:
		s.emitBreaks(trailing)
	}
}

// escapes maps the one-character escapes of double-quoted scalars.
var escapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v",
	'f': "\f", 'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '/': "/", '\\': "\\",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// escape consumes a backslash escape and appends the character it stands for.
func (s *scanner) escape() bool {
	off := s.pos
	c := s.at(s.pos + 1)
	if r, ok := escapes[c]; ok {
		s.emitString(r, off)
		s.pos += 2
		return true
	}
	width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
	if width == 0 || s.pos+2+width > len(s.src) {
		return false
	}
	v, err := strconv.ParseUint(s.src[s.pos+2:s.pos+2+width], 16, 32)
	if err != nil {
		return false
	}
	s.emitString(string(rune(v)), off)
	s.pos += 2 + width
	return true
}

// plain scans a plain scalar starting at the current position; indent is
// the least indentation of its continuation lines. It returns the offset
// after its last character.
func (s *scanner) plain(indent int) (end int) {
	var spaces, trailing []int
	leadingBreak := -1
	leadingBlanks := false
	end = s.pos
	for {
		if s.column() == 0 && s.blankOrEnd(s.pos+3) &&
			(hasPrefixAt(s.src, s.pos, "---") || hasPrefixAt(s.src, s.pos, "...")) {
			break
		}
		if s.cur() == '#' {
			break
		}
		for !s.blankOrEnd(s.pos) && !(s.cur() == ':' && s.blankOrEnd(s.pos+1)) {
			switch {
			case leadingBlanks && leadingBreak >= 0 && len(trailing) == 0:
				s.emit(' ', leadingBreak)
			case leadingBlanks:
				s.emitBreaks(trailing)
			default:
				for _, off := range spaces {
					s.emit(s.src[off], off)
				}
			}
			spaces, trailing, leadingBreak, leadingBlanks = nil, nil, -1, false
			s.copyChar()
			end = s.pos
		}
		if !isBlank(s.cur()) && !isBreak(s.cur()) {
			break
		}
		for isBlank(s.cur()) || isBreak(s.cur()) {
			switch {
			case isBlank(s.cur()):
				if !leadingBlanks {
					spaces = append(spaces, s.pos)
				}
				s.pos++
			case !leadingBlanks:
				spaces = nil
				leadingBreak = s.readBreak()
				leadingBlanks = true
			default:
				trailing = append(trailing, s.readBreak())
			}
		}
		if leadingBlanks && s.column() < indent {
			break
		}
	}
	return end
}

func hasPrefixAt(s string, i int, prefix string) bool {
	return len(s)-i >= len(prefix) && s[i:i+len(prefix)] == prefix
}
