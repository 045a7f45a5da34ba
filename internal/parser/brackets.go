package parser

import (
	"fmt"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/kqlkit/kqlkit/diag"
)

// checkBrackets checks that (), [] and {} balance and nest at most
// maxDepth deep. It runs before the grammar so that unbalanced input gets a
// precise message and deeply nested input cannot exhaust the stack of the
// recursive parser.
func checkBrackets(src *diag.Source, toks []lexer.Token, maxDepth int) *diag.Diagnostic {
	var open []int // indexes of the open brackets
	for i := range toks {
		t := &toks[i]
		if t.Type != tokPunct || len(t.Value) != 1 {
			continue
		}
		switch c := t.Value[0]; c {
		case '(', '[', '{':
			if len(open) >= maxDepth {
				msg := fmt.Sprintf("brackets are nested too deeply (the limit is %d deep)", maxDepth)
				return src.Errorf(astPos(t.Pos), msg)
			}
			open = append(open, i)
		case ')', ']', '}':
			if len(open) == 0 {
				return src.Errorf(astPos(t.Pos), fmt.Sprintf("unexpected '%c'", c))
			}
			o := toks[open[len(open)-1]]
			if want := closing(o.Value[0]); want != c {
				return src.Errorf(astPos(t.Pos), unclosed(src, o, want))
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		o := toks[open[len(open)-1]]
		end := toks[len(toks)-1]
		return src.Errorf(astPos(end.Pos), unclosed(src, o, closing(o.Value[0])))
	}
	return nil
}

func closing(c byte) byte {
	switch c {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}

func unclosed(src *diag.Source, open lexer.Token, want byte) string {
	return fmt.Sprintf("expected '%c' to close '%s' at %s", want, open.Value, mappedPos(src, open.Pos))
}
