// Package parser turns Kusto Query Language text into the syntax tree of
// package ast.
//
// The text goes through four steps:
//
//   - a hand-written lexer (lexer.go, keywords.go) makes tokens, telling
//     reserved words from names the way Kusto does and reading hyphenated
//     keywords (project-away), typed literals (datetime(…)) and every
//     string form as single tokens;
//   - a pass over the tokens (brackets.go) checks that brackets balance and
//     nest within the limit, so the recursive grammar cannot run out of
//     stack;
//   - the participle grammar (grammar_*.go) parses the tokens into private
//     structs. Binary expressions are parsed flat, and zero-size guards
//     (guards.go) let participle skip optional parts without trying them;
//   - a conversion pass (convert*.go, precedence.go, literal.go) builds the
//     public ast nodes: it applies Kusto's operator precedence and decodes
//     literals into data.Values.
//
// A syntax error comes out as one diag.Diagnostic in plain words
// (errors.go), positioned in the query or, through diag.Source's mapping,
// in the file that holds it.
package parser

import (
	"fmt"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// Default limits.
const (
	DefaultMaxDepth = 1000    // brackets nested in one another
	DefaultMaxBytes = 1 << 20 // query text, in bytes
)

// Limits bounds the input Parse accepts. A zero field takes its default.
type Limits struct {
	MaxDepth int // deepest nesting of (), [] and {}
	MaxBytes int // longest query text in bytes
}

// Options configure ParseWith.
type Options struct {
	Limits Limits
}

func (o Options) withDefaults() Options {
	if o.Limits.MaxDepth <= 0 {
		o.Limits.MaxDepth = DefaultMaxDepth
	}
	if o.Limits.MaxBytes <= 0 {
		o.Limits.MaxBytes = DefaultMaxBytes
	}
	return o
}

// lookahead is how many tokens participle may read into an alternative
// before the alternative is taken for good. Three is enough for every
// choice in the grammar (`(a) = …` against `(a) + …` is the longest).
const lookahead = 3

var (
	queryParser = participle.MustBuild[gQuery](
		participle.Lexer(lexDefinition{}),
		participle.UseLookahead(lookahead),
	)
	exprParser = participle.MustBuild[gExprRoot](
		participle.Lexer(lexDefinition{}),
		participle.UseLookahead(lookahead),
	)
)

// gExprRoot is the root production of ParseExpr.
type gExprRoot struct {
	span
	X *gPipe `parser:"@@"`
}

// Parse parses a whole query: statements separated by ';'. On a syntax
// error it returns a nil query and one diagnostic. It is safe for
// concurrent use.
func Parse(src *diag.Source) (*ast.Query, diag.List) {
	return ParseWith(src, Options{})
}

// ParseWith is Parse with options.
func ParseWith(src *diag.Source, opts Options) (q *ast.Query, errs diag.List) {
	defer recoverInternal(src, &errs)
	p, errs := prepare(src, opts)
	if errs != nil {
		return nil, errs
	}
	g, err := queryParser.ParseFromLexer(p.peeker())
	if err != nil {
		return nil, p.syntaxError(err)
	}
	q = p.conv.query(g)
	if p.conv.err != nil {
		return nil, diag.List{p.conv.err}
	}
	return q, nil
}

// ParseExpr parses a single expression, which may be a pipeline
// (T | where x > 1).
func ParseExpr(src *diag.Source) (x ast.Expr, errs diag.List) {
	defer recoverInternal(src, &errs)
	p, errs := prepare(src, Options{})
	if errs != nil {
		return nil, errs
	}
	g, err := exprParser.ParseFromLexer(p.peeker())
	if err != nil {
		return nil, p.syntaxError(err)
	}
	x = p.conv.pipe(g.X)
	if p.conv.err != nil {
		return nil, diag.List{p.conv.err}
	}
	return x, nil
}

// recoverInternal turns a panic into an "internal error" diagnostic: the
// parser must never crash its caller. A fuzz test fails when one appears.
func recoverInternal(src *diag.Source, errs *diag.List) {
	if r := recover(); r != nil {
		*errs = diag.List{src.Errorf(ast.Pos{}, fmt.Sprintf("internal error: %v", r))}
	}
}

// parse holds the state of one parse.
type parse struct {
	src  *diag.Source
	toks []lexer.Token
	conv *converter
}

// prepare checks the size limit, lexes and checks brackets.
func prepare(src *diag.Source, opts Options) (*parse, diag.List) {
	opts = opts.withDefaults()
	text := src.Text
	if len(text) > opts.Limits.MaxBytes {
		msg := fmt.Sprintf("query is too long: %d bytes, the limit is %d", len(text), opts.Limits.MaxBytes)
		return nil, diag.List{src.Errorf(ast.Pos{Offset: 0, Line: 1, Column: 1}, msg)}
	}
	toks, comments, lerr := tokenize(text)
	if lerr != nil {
		return nil, diag.List{src.Errorf(diag.PosAt(text, lerr.Offset), lerr.Msg)}
	}
	if d := checkBrackets(src, toks, opts.Limits.MaxDepth); d != nil {
		return nil, diag.List{d}
	}
	return &parse{src: src, toks: toks, conv: newConverter(src, toks, comments)}, nil
}

// peeker hands the tokens to participle.
func (p *parse) peeker() *lexer.PeekingLexer {
	pl, _ := lexer.Upgrade(&sliceLexer{toks: p.toks})
	return pl
}

// sliceLexer replays tokens already read.
type sliceLexer struct {
	toks []lexer.Token
	i    int
}

func (s *sliceLexer) Next() (lexer.Token, error) {
	t := s.toks[s.i]
	if s.i < len(s.toks)-1 {
		s.i++
	}
	return t, nil
}
