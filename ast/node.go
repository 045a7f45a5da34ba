package ast

import "fmt"

// Pos is a position in the source text. Offset is a byte offset from the
// start (0-based); Line and Column are 1-based, and Column counts characters
// (runes), not bytes.
type Pos struct {
	Offset int
	Line   int
	Column int
}

// IsValid reports whether the position was set.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats the position as "line:column".
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// Span is embedded in every node: the position of its first character and
// the position just after its last.
type Span struct {
	Start Pos
	Stop  Pos
}

// Pos returns the position of the node's first character.
func (s Span) Pos() Pos { return s.Start }

// End returns the position just after the node's last character.
func (s Span) End() Pos { return s.Stop }

// Node is any node of the tree.
type Node interface {
	Pos() Pos
	End() Pos
}

// Expr is a scalar or tabular expression.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement of a query or of a function body.
type Stmt interface {
	Node
	stmtNode()
}

// Operator is a tabular operator: one stage of a pipeline (after a `|`), or
// the source of one for the operators that can start a pipeline (print,
// range, union, search, find, evaluate).
type Operator interface {
	Node
	// Name returns the operator's keyword as written ("where", "filter",
	// "project-away", "mv-expand", …).
	Name() string
	operatorNode()
}

// Comment is a `//` comment, kept by the parser so printers can keep it.
type Comment struct {
	Span
	Text string // including the leading //
}

// Query is a parsed query: its statements in order and its comments.
type Query struct {
	Span
	Stmts    []Stmt
	Comments []*Comment
}
