package parser

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/data"
)

// Token types of the KQL lexer. Words are split three ways: identifiers
// (including the keywords Kusto lets stand for a name, such as count or on),
// reserved keywords, and the reserved keywords Kusto still accepts as the
// name on the left of '=' in extend or project (declKeyword).
const (
	tokIdent lexer.TokenType = iota + 1
	tokKeyword
	tokDeclKeyword
	tokNumber
	tokTimeSpan
	tokString
	tokTypedLit // a typed literal such as datetime(2020-01-01), with its text
	tokBool
	tokPunct
	tokBinOp     // a binary operator: + - * / % == < and has …
	tokListOp    // in !in in~ !in~ has_any has_all
	tokBetweenOp // between !between
)

var symbols = map[string]lexer.TokenType{
	"EOF":         lexer.EOF,
	"Ident":       tokIdent,
	"Keyword":     tokKeyword,
	"DeclKeyword": tokDeclKeyword,
	"Number":      tokNumber,
	"TimeSpan":    tokTimeSpan,
	"String":      tokString,
	"TypedLit":    tokTypedLit,
	"Bool":        tokBool,
	"Punct":       tokPunct,
	"BinOp":       tokBinOp,
	"ListOp":      tokListOp,
	"BetweenOp":   tokBetweenOp,
}

// lexError is a lexical error at a byte offset of the query.
type lexError struct {
	Offset int
	Msg    string
}

func (e *lexError) Error() string { return e.Msg }

// kqlLexer turns a query into tokens. It never panics: anything it cannot
// read becomes a lexError.
type kqlLexer struct {
	src      string
	off      int // byte offset of the next character
	line     int
	col      int // rune column of the next character, 1-based
	comments []commentSpan
	err      *lexError
}

// commentSpan is a `//` comment found while lexing.
type commentSpan struct {
	Pos, End lexer.Position
	Text     string
}

func newLexer(src string) *kqlLexer {
	return &kqlLexer{src: src, line: 1, col: 1}
}

// tokenize lexes the whole source. On a lexical error it returns the tokens
// read so far and the error.
func tokenize(src string) ([]lexer.Token, []commentSpan, *lexError) {
	l := newLexer(src)
	toks := make([]lexer.Token, 0, len(src)/4+1)
	for {
		t := l.next()
		if l.err != nil {
			return toks, l.comments, l.err
		}
		toks = append(toks, t)
		if t.Type == lexer.EOF {
			return toks, l.comments, nil
		}
	}
}

// Next implements lexer.Lexer.
func (l *kqlLexer) Next() (lexer.Token, error) {
	t := l.next()
	if l.err != nil {
		return t, l.err
	}
	return t, nil
}

func (l *kqlLexer) pos() lexer.Position {
	return lexer.Position{Offset: l.off, Line: l.line, Column: l.col}
}

// advance moves past n bytes that hold no line break.
func (l *kqlLexer) advance(n int) {
	l.col += utf8.RuneCountInString(l.src[l.off : l.off+n])
	l.off += n
}

// advanceText moves past n bytes that may hold line breaks.
func (l *kqlLexer) advanceText(n int) {
	end := l.off + n
	for l.off < end {
		i := strings.IndexByte(l.src[l.off:end], '\n')
		if i < 0 {
			l.advance(end - l.off)
			return
		}
		l.off += i + 1
		l.line++
		l.col = 1
	}
}

func (l *kqlLexer) fail(off int, msg string) lexer.Token {
	l.err = &lexError{Offset: off, Msg: msg}
	return lexer.Token{Type: lexer.EOF, Pos: l.pos()}
}

func (l *kqlLexer) next() lexer.Token {
	l.skipSpaceAndComments()
	start := l.pos()
	if l.off >= len(l.src) {
		return lexer.Token{Type: lexer.EOF, Pos: start}
	}
	typ, n, msg := l.scan()
	if msg != "" {
		return l.fail(l.off, msg)
	}
	text := l.src[l.off : l.off+n]
	if typ == tokString || typ == tokTypedLit {
		l.advanceText(n)
	} else {
		l.advance(n)
	}
	return lexer.Token{Type: typ, Value: text, Pos: start}
}

// skipSpaceAndComments moves past white space and `//` comments, keeping
// the comments.
func (l *kqlLexer) skipSpaceAndComments() {
	for l.off < len(l.src) {
		c := l.src[l.off]
		switch {
		case c == '\n':
			l.off++
			l.line++
			l.col = 1
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			l.off++
			l.col++
		case c == '/' && strings.HasPrefix(l.src[l.off:], "//"):
			l.comment()
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(l.src[l.off:])
			if !unicode.IsSpace(r) && r != '\uFEFF' && r != '\u200B' {
				return
			}
			l.off += size
			l.col++
		default:
			return
		}
	}
}

func (l *kqlLexer) comment() {
	start := l.pos()
	n := strings.IndexByte(l.src[l.off:], '\n')
	if n < 0 {
		n = len(l.src) - l.off
	}
	text := strings.TrimRight(l.src[l.off:l.off+n], "\r")
	l.advance(n)
	l.comments = append(l.comments, commentSpan{Pos: start, End: l.pos(), Text: text})
}

// scan finds the token at l.off: its type and length in bytes, or an error
// message.
func (l *kqlLexer) scan() (lexer.TokenType, int, string) {
	s := l.src[l.off:]
	c := s[0]
	switch {
	case isIdentStart(c):
		return l.scanWord(s)
	case c >= '0' && c <= '9':
		return scanNumber(s)
	case c == '"' || c == '\'':
		return scanQuoted(s, 0)
	case c == '@' && len(s) > 1 && (s[1] == '"' || s[1] == '\''):
		return scanVerbatim(s, 1)
	case c == '`' && strings.HasPrefix(s, "```"), c == '~' && strings.HasPrefix(s, "~~~"):
		return scanMultiLine(s)
	case c == '$' && len(s) > 1 && isIdentStart(s[1]):
		return tokIdent, 1 + wordLen(s[1:]), ""
	case c == '!':
		return scanBang(s)
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) {
			return l.scanWord(s)
		}
		if r == utf8.RuneError {
			return 0, 0, "invalid UTF-8 in query text"
		}
		return 0, 0, "unexpected character '" + string(r) + "'"
	}
	if n := punctLen(s); n > 0 {
		return punctType(s[:n]), n, ""
	}
	return 0, 0, "unexpected character '" + quoteChar(c) + "'"
}

func quoteChar(c byte) string {
	if c < ' ' || c == 0x7f {
		return "\\x" + string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&15])
	}
	return string(rune(c))
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9'
}

// wordLen returns the length of the identifier at the start of s,
// including non-ASCII letters and digits.
func wordLen(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isIdentChar(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i += size
	}
	return i
}

// scanWord reads an identifier or keyword, including the keywords written
// with a hyphen (project-away), `in~`, `matches regex`, the obfuscated
// string prefix h"…" and typed literals such as datetime(…).
func (l *kqlLexer) scanWord(s string) (lexer.TokenType, int, string) {
	n := wordLen(s)
	word := s[:n]
	rest := s[n:]
	if (word == "h" || word == "H") && len(rest) > 0 {
		switch rest[0] {
		case '"', '\'':
			return scanQuoted(s, 1)
		case '@':
			if len(rest) > 1 && (rest[1] == '"' || rest[1] == '\'') {
				return scanVerbatim(s, 2)
			}
		}
	}
	if len(rest) > 0 {
		switch rest[0] {
		case '-':
			if m := wordLen(rest[1:]); m > 0 && hyphenKeywords[s[:n+1+m]] {
				return tokKeyword, n + 1 + m, ""
			}
		case '~':
			if word == "in" {
				return tokListOp, n + 1, ""
			}
		case '(':
			if typedLiteralWords[word] {
				return scanTypedLiteral(s, n)
			}
		case ' ':
			if word == "matches" && strings.HasPrefix(rest, " regex") &&
				wordLen(rest[1:]) == len("regex") {
				return tokBinOp, n + len(" regex"), ""
			}
		}
	}
	if word == "typeof" && strings.HasPrefix(strings.TrimLeft(rest, " \t\r\n"), "(") {
		// typeof(T) is the type construct; typeof alone may name a column.
		return tokKeyword, n, ""
	}
	return wordType(word), n, ""
}

func wordType(word string) lexer.TokenType {
	switch {
	case binOpWords[word]:
		return tokBinOp
	case listOps[word]:
		return tokListOp
	case word == "between":
		return tokBetweenOp
	case reservedWords[word]:
		if declKeywords[word] {
			return tokDeclKeyword
		}
		return tokKeyword
	case strings.EqualFold(word, "true"), strings.EqualFold(word, "false"):
		return tokBool
	}
	return tokIdent
}

// scanBang reads `!=`, `!~` and the negated keyword operators (`!has`,
// `!in~`, `!between`, …).
func scanBang(s string) (lexer.TokenType, int, string) {
	if len(s) > 1 && (s[1] == '=' || s[1] == '~') {
		return tokBinOp, 2, ""
	}
	n := wordLen(s[1:])
	if w := s[1 : 1+n]; n > 0 && negatableWords[w] {
		switch {
		case w == "in" && len(s) > 3 && s[3] == '~':
			return tokListOp, 4, ""
		case w == "in":
			return tokListOp, 1 + n, ""
		case w == "between":
			return tokBetweenOp, 1 + n, ""
		}
		return tokBinOp, 1 + n, ""
	}
	return 0, 0, "unexpected character '!'"
}

// scanNumber reads an integer, real, hexadecimal number or timespan
// literal (a number directly followed by a unit: 1d, 1.5h, 100ms).
func scanNumber(s string) (lexer.TokenType, int, string) {
	if len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		i := 2
		for i < len(s) && isHexDigit(s[i]) {
			i++
		}
		if i == 2 || i < len(s) && isIdentChar(s[i]) {
			return 0, 0, "invalid hexadecimal number '" + s[:i+wordLen(s[i:])] + "'"
		}
		return tokNumber, i, ""
	}
	i := digits(s, 0)
	if i+1 < len(s) && s[i] == '.' && s[i+1] != '.' {
		i = digits(s, i+1)
	} else if i+1 == len(s) && s[i] == '.' {
		i++
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if k := digits(s, j); k > j {
			i = k
		}
	}
	if i < len(s) && isIdentChar(s[i]) {
		n := i + wordLen(s[i:])
		if _, ok := data.ParseTimeSpanLiteral(s[:n]); ok && !strings.HasSuffix(s[:i], ".") {
			return tokTimeSpan, n, ""
		}
		if digits(s, 0) == i {
			// Kusto reads 90th_Percentile or 24hr as a name.
			return tokIdent, n, ""
		}
		return 0, 0, "invalid number '" + s[:n] + "'"
	}
	return tokNumber, i, ""
}

func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// scanQuoted reads a '…' or "…" string with backslash escapes; the quote is
// at s[at]. The string may not span lines.
func scanQuoted(s string, at int) (lexer.TokenType, int, string) {
	q := s[at]
	for i := at + 1; i < len(s); i++ {
		switch s[i] {
		case q:
			return tokString, i + 1, ""
		case '\\':
			i++
		case '\n', '\r':
			return 0, 0, "unterminated string literal"
		}
	}
	return 0, 0, "unterminated string literal"
}

// scanVerbatim reads @'…' or @"…" (the quote at s[at]) where a doubled
// quote stands for one quote and backslashes are plain characters.
func scanVerbatim(s string, at int) (lexer.TokenType, int, string) {
	q := s[at]
	for i := at + 1; i < len(s); i++ {
		switch s[i] {
		case q:
			if i+1 < len(s) && s[i+1] == q {
				i++
				continue
			}
			return tokString, i + 1, ""
		case '\n', '\r':
			return 0, 0, "unterminated string literal"
		}
	}
	return 0, 0, "unterminated string literal"
}

// scanMultiLine reads a ```…``` or ~~~…~~~ string.
func scanMultiLine(s string) (lexer.TokenType, int, string) {
	fence := s[:3]
	if i := strings.Index(s[3:], fence); i >= 0 {
		return tokString, 3 + i + 3, ""
	}
	return 0, 0, "unterminated multi-line string literal"
}

// scanTypedLiteral reads `word(…)` up to the closing parenthesis, skipping
// over quoted strings; n is the length of word.
func scanTypedLiteral(s string, n int) (lexer.TokenType, int, string) {
	for i := n + 1; i < len(s); i++ {
		switch s[i] {
		case ')':
			return tokTypedLit, i + 1, ""
		case '(':
			return 0, 0, "unexpected '(' in " + s[:n] + " literal"
		case '"', '\'':
			_, end, msg := scanQuoted(s, i)
			if msg != "" {
				return 0, 0, msg
			}
			i = end - 1
		}
	}
	return 0, 0, "expected ')' to close " + s[:n] + " literal"
}

// punctLen returns the length of the punctuation token at the start of s,
// or 0.
func punctLen(s string) int {
	if len(s) >= 2 {
		switch s[:2] {
		case "==", "<=", ">=", "<>", "=~", "..", "=>":
			return 2
		}
	}
	switch s[0] {
	case '(', ')', '[', ']', '{', '}', '|', '+', '-', '*', '/', '%', '.', '<', '>', '=', ':',
		';', ',', '?', '@':
		return 1
	}
	return 0
}

func punctType(p string) lexer.TokenType {
	switch p {
	case "==", "<>", "<", "<=", ">", ">=", "=~", "+", "-", "*", "/", "%", ":":
		return tokBinOp
	}
	return tokPunct
}

// lexDefinition makes the lexer available to participle. It implements
// lexer.StringDefinition so that participle's ParseString takes the fast
// path.
type lexDefinition struct{}

func (lexDefinition) Symbols() map[string]lexer.TokenType { return symbols }

func (d lexDefinition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

func (lexDefinition) LexString(_ string, input string) (lexer.Lexer, error) {
	return newLexer(input), nil
}
