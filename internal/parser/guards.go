package parser

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// Guards are zero-size grammar elements that look ahead without consuming
// anything: each either matches the empty input or answers "no match"
// (participle.NextMatch), so that participle skips an optional or
// alternative part without trying its sub-productions one by one. Each try
// of a grammar alternative costs participle an allocation, and these parts
// are tried at nearly every token (after each operand, before each named
// expression), so the guards keep the grammar fast. Being zero-size, a
// guard costs no allocation itself.

// stmtGuard matches before the keyword of a let, set, declare or alias
// statement.
type stmtGuard struct{}

func (*stmtGuard) Parse(lex *lexer.PeekingLexer) error {
	switch lex.Peek().Value {
	case "let", "set", "declare", "alias":
		return nil
	}
	return participle.NextMatch
}

// signGuard matches before a '+' or '-' sign.
type signGuard struct{}

func (*signGuard) Parse(lex *lexer.PeekingLexer) error {
	if t := lex.Peek(); t.Type == tokBinOp && (t.Value == "-" || t.Value == "+") {
		return nil
	}
	return participle.NextMatch
}

// sourceGuard matches before an operator that starts a pipeline.
type sourceGuard struct{}

func (*sourceGuard) Parse(lex *lexer.PeekingLexer) error {
	switch lex.Peek().Value {
	case "print", "range", "union", "search", "find", "evaluate":
		return nil
	}
	return participle.NextMatch
}

// armGuard matches before a binary operator.
type armGuard struct{}

func (*armGuard) Parse(lex *lexer.PeekingLexer) error {
	switch lex.Peek().Type {
	case tokBinOp, tokListOp, tokBetweenOp:
		return nil
	}
	return participle.NextMatch
}

// suffixGuard matches before '.', '[' or '('.
type suffixGuard struct{}

func (*suffixGuard) Parse(lex *lexer.PeekingLexer) error {
	if t := lex.Peek(); t.Type == tokPunct && (t.Value == "." || t.Value == "[" || t.Value == "(") {
		return nil
	}
	return participle.NextMatch
}

// nameGuard matches before `Name =`, `['Name'] =` and `(A, B) =`.
type nameGuard struct{}

func (*nameGuard) Parse(lex *lexer.PeekingLexer) error {
	cp := lex.Checkpoint
	defer func() { lex.Checkpoint = cp }()
	t := lex.Next()
	switch {
	case t.Type == tokIdent || t.Type == tokDeclKeyword:
	case t.Value == "[":
		if lex.Next().Type != tokString || lex.Next().Value != "]" {
			return participle.NextMatch
		}
	case t.Value == "(":
		for {
			n := lex.Next()
			if n.Value == "[" {
				lex.Next()
				n = lex.Next()
			}
			if n.Value == ")" {
				break
			}
			if n.Value != "," && n.Type != tokIdent && n.Type != tokDeclKeyword && n.Value != "]" {
				return participle.NextMatch
			}
			if n.EOF() {
				return participle.NextMatch
			}
		}
	default:
		return participle.NextMatch
	}
	if lex.Peek().Value != "=" || lex.Peek().Type != tokPunct {
		return participle.NextMatch
	}
	return nil
}
