package ast

import (
	"io"
	"strings"
	"unicode/utf8"
)

const (
	maxLine   = 100 // a longer operator line is broken
	maxNested = 80  // a longer nested pipeline goes on several lines
)

// Print writes n to w as KQL text in the canonical layout (see Format).
func Print(w io.Writer, n Node) error {
	_, err := io.WriteString(w, Format(n))
	return err
}

// Format returns n as KQL text in the printer's canonical layout. A *Query
// keeps its comments and ends with a line break; any other node is printed
// without a final line break. Format never fails: parts missing from a
// hand-built tree are left out. Parsing the text gives back the same tree,
// positions and spellings aside, and formatting that tree gives the same
// text. The layout:
//
//   - Statements go one per line; each but the last ends with `;`. A query
//     ends with a line break.
//   - A pipeline at statement level (the query, a let value, the result of a
//     function body) puts its source on the first line and each `| op` on a
//     line of its own, indented 2 spaces more than the statement.
//   - A pipeline nested in brackets (a join's right side, `in (…)`,
//     `toscalar(…)`, union legs, fork branches, …) stays on one line when it
//     has at most one operator and is at most 80 characters long. Otherwise
//     its lines are indented 2 spaces more than the line that opens the
//     bracket (for an operator line: than the operator's name), and the
//     closing bracket goes on a line of its own at that line's indent.
//   - An operator line longer than 100 characters is broken: `where` before
//     each `and` (or `or`) of its top-level chain; project, extend and the
//     other list operators one item per line; summarize puts `by …` on a
//     line of its own and, if still too long, one aggregate per line. A
//     datatable whose text is too long puts each row on a line. Continuation
//     lines are indented 2 spaces more than the operator's name.
//   - Function bodies stay on one line when they are a single short scalar
//     expression; otherwise each statement goes on its own line, indented
//     2 spaces, with `}` on a line of its own.
//   - Operator parameters are written name=value; operator keywords in
//     lower case, with the legacy spellings mvexpand, mvapply and
//     external_data written mv-expand, mv-apply and externaldata.
//     Synonyms that are all current (where/filter, sort/order, take/limit)
//     are kept as written.
//   - Literals are printed from their values (see FormatValue); names are
//     bracketed (['a b']) when they were written so or must be.
//   - Parentheses in the tree (ParenExpr) are kept; others are added only
//     where precedence requires them.
//   - Comments are kept. A comment goes on its own line before the first
//     printed line that starts after it in the source, at that line's indent;
//     a comment that followed the last token of a printed line on the same
//     source line stays at the end of that line.
func Format(n Node) string {
	p := &printer{widths: map[Node]int{}}
	if q, ok := n.(*Query); ok && q != nil {
		for _, c := range q.Comments {
			if c != nil {
				p.comments = append(p.comments, c)
			}
		}
	}
	p.node(n)
	p.finish()
	if _, ok := n.(*Query); ok && len(p.out) > 0 {
		p.out = append(p.out, '\n')
	}
	return string(p.out)
}

// printer accumulates the text of a tree.
type printer struct {
	out       []byte
	lineStart int  // offset in out where the current line starts
	base      int  // indent of the current line's content
	flat      bool // keep everything on one line

	comments []*Comment
	next     int // index of the next comment to print
	last     Pos // end of the last node printed
	widths   map[Node]int
	closeAt  Pos // end of the bracket that closes what is being printed
}

func (p *printer) str(s string) { p.out = append(p.out, s...) }

func (p *printer) byte(c byte) { p.out = append(p.out, c) }

// col returns the column (0-based, in characters) where the next character
// would go.
func (p *printer) col() int { return utf8.RuneCount(p.out[p.lineStart:]) }

// newline starts a new line indented by indent for a node starting at pos,
// first writing the comments that come before pos. In flat mode it writes a
// space instead.
func (p *printer) newline(indent int, pos Pos) {
	if p.flat {
		p.byte(' ')
		return
	}
	p.trailingComment()
	if len(p.out) > 0 {
		p.byte('\n')
	}
	p.lineStart = len(p.out)
	p.flushComments(pos, indent)
	p.out = append(p.out, strings.Repeat(" ", indent)...)
	p.base = indent
}

// trailingComment appends the next comment to the current line when in the
// source it followed the last node printed, on that node's last line.
func (p *printer) trailingComment() {
	if p.next >= len(p.comments) || !p.last.IsValid() {
		return
	}
	c := p.comments[p.next]
	if c.Start.Line == p.last.Line && c.Start.Offset >= p.last.Offset {
		p.str(" ")
		p.str(strings.TrimRight(c.Text, "\r\n"))
		p.next++
	}
}

// flushComments writes, each on its own line, the comments that start
// before pos.
func (p *printer) flushComments(pos Pos, indent int) {
	if !pos.IsValid() {
		return
	}
	for p.next < len(p.comments) && p.comments[p.next].Start.Offset < pos.Offset {
		p.commentLine(p.comments[p.next], indent)
		p.next++
	}
}

// skipComments passes over the comments before end, which are part of text
// printed as written.
func (p *printer) skipComments(end Pos) {
	for p.next < len(p.comments) && end.IsValid() && p.comments[p.next].Start.Offset < end.Offset {
		p.next++
	}
}

func (p *printer) commentLine(c *Comment, indent int) {
	p.out = append(p.out, strings.Repeat(" ", indent)...)
	p.str(strings.TrimRight(c.Text, "\r\n"))
	p.byte('\n')
	p.lineStart = len(p.out)
}

// finish writes the comments not printed yet.
func (p *printer) finish() {
	p.trailingComment()
	for ; p.next < len(p.comments); p.next++ {
		if len(p.out) > 0 {
			p.byte('\n')
		}
		p.str(strings.TrimRight(p.comments[p.next].Text, "\r\n"))
	}
}

// done records that n has been printed.
func (p *printer) done(n Node) {
	if isNil(n) {
		return
	}
	if e := n.End(); e.IsValid() && e.Offset >= p.last.Offset {
		p.last = e
	}
}

// flatText returns n printed on one line.
func (p *printer) flatText(n Node) string {
	q := &printer{flat: true, widths: p.widths}
	q.node(n)
	return string(q.out)
}

// width returns the length of n printed on one line.
func (p *printer) width(n Node) int {
	if w, ok := p.widths[n]; ok {
		return w
	}
	w := utf8.RuneCountInString(p.flatText(n))
	p.widths[n] = w
	return w
}

// flatly prints with f on one line.
func (p *printer) flatly(f func()) {
	saved := p.flat
	p.flat = true
	f()
	p.flat = saved
}

// node prints any node.
func (p *printer) node(n Node) {
	if isNil(n) {
		return
	}
	switch n := n.(type) {
	case *Query:
		if len(n.Stmts) > 0 && !isNil(n.Stmts[0]) {
			p.flushComments(n.Stmts[0].Pos(), 0)
		}
		p.stmts(n.Stmts, 0)
	case Stmt:
		p.stmt(n)
	case Expr:
		p.topExpr(n)
	case Operator:
		p.op(n)
	case *Block:
		p.block(n, n.End())
	default:
		p.part(n)
	}
	p.done(n)
}

// stmts prints statements one per line at indent, separated by `;`. The
// first is printed where the output stands.
func (p *printer) stmts(list []Stmt, indent int) {
	first := true
	for i, s := range list {
		if isNil(s) {
			continue
		}
		if !first {
			p.newline(indent, s.Pos())
		}
		first = false
		p.base = indent
		p.stmt(s)
		p.done(s)
		if i < len(list)-1 {
			p.byte(';')
		}
	}
}

// stmt prints a statement; pipelines in it are laid out from p.base.
func (p *printer) stmt(s Stmt) {
	switch s := s.(type) {
	case *LetStmt:
		p.str("let ")
		p.ident(s.Name)
		p.str(" = ")
		p.topExpr(s.Value)
	case *ExprStmt:
		p.topExpr(s.X)
	case *SetStmt:
		p.str("set ")
		if s.Name != nil {
			p.str(s.Name.Name)
		}
		if !isNil(s.Value) {
			p.str(" = ")
			p.expr(s.Value, precLowest)
		}
	case *DeclareStmt:
		p.str("declare ")
		p.str(orDefault(s.Kind, "query_parameters"))
		p.byte('(')
		p.params(s.Params)
		p.byte(')')
	case *AliasStmt:
		p.str("alias database ")
		p.ident(s.Name)
		p.str(" = ")
		p.expr(s.Value, precLowest)
	case *PatternStmt:
		p.pattern(s)
	}
}

// pattern prints `declare pattern Name [= (Params)[[PathParams]] { Rules }]`
// with one rule per line.
func (p *printer) pattern(s *PatternStmt) {
	p.str("declare pattern ")
	p.ident(s.Name)
	if len(s.Params) == 0 && len(s.PathParams) == 0 && len(s.Rules) == 0 {
		return
	}
	p.str(" = (")
	p.params(s.Params)
	p.byte(')')
	if len(s.PathParams) > 0 {
		p.byte('[')
		p.params(s.PathParams)
		p.byte(']')
	}
	p.str(" {")
	base := p.base
	for _, r := range s.Rules {
		if r == nil {
			continue
		}
		p.newline(base+2, r.Pos())
		p.patternRule(r)
		p.byte(';')
		p.done(r)
	}
	p.newline(base, s.End())
	p.byte('}')
}

// patternRule prints `(Args)[.[Path]] = { Body }`.
func (p *printer) patternRule(r *PatternRule) {
	p.byte('(')
	p.exprs(r.Args, precLowest)
	p.byte(')')
	if !isNil(r.Path) {
		p.str(".[")
		p.expr(r.Path, precLowest)
		p.byte(']')
	}
	p.str(" = ")
	if r.Body != nil {
		p.block(r.Body, r.End())
	} else {
		p.str("{ }")
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// topExpr prints an expression in statement position, where a pipeline
// takes one line per operator.
func (p *printer) topExpr(e Expr) {
	if x, ok := e.(*PipeExpr); ok && x != nil {
		p.pipeline(x, p.base)
		p.done(x)
		return
	}
	p.expr(e, precLowest)
}

// pipeline prints x with its source at the current position and each
// operator on its own line at indent+2.
func (p *printer) pipeline(x *PipeExpr, indent int) {
	ops := x.Ops
	if src, ok := x.Source.(*OpExpr); ok && src != nil {
		p.op(src.Op)
		p.done(src)
	} else if !isNil(x.Source) {
		p.expr(x.Source, precAssign)
	} else if len(ops) > 0 {
		p.opLine(ops[0], indent)
		ops = ops[1:]
	}
	for _, op := range ops {
		if isNil(op) {
			continue
		}
		p.newline(indent+2, op.Pos())
		p.str("| ")
		p.opLine(op, indent+4)
	}
}

// opLine prints an operator whose name starts at column base.
func (p *printer) opLine(op Operator, base int) {
	if isNil(op) {
		return
	}
	saved := p.base
	p.base = base
	p.op(op)
	p.done(op)
	p.base = saved
}

// nested prints a pipeline inside brackets the caller writes: on one line
// when short, else on lines of its own.
func (p *printer) nested(x *PipeExpr) {
	if p.short(x) {
		p.flatly(func() { p.pipeline(x, 0) })
		return
	}
	base, end := p.base, later(p.closeAt, x.End())
	p.newline(base+2, x.Pos())
	p.pipeline(x, base+2)
	p.done(x)
	p.newline(base, end)
}

// short reports whether a nested pipeline stays on one line.
func (p *printer) short(x *PipeExpr) bool {
	return p.flat || len(x.Ops) <= 1 && p.width(x) <= maxNested
}

// later returns the later of two positions, ignoring an invalid one.
func later(a, b Pos) Pos {
	if !a.IsValid() || b.IsValid() && b.Offset > a.Offset {
		return b
	}
	return a
}

// closing prints f with p.closeAt set to end, the end of the bracket f's
// output is closed by: comments before it go before the bracket.
func (p *printer) closing(end Pos, f func()) {
	saved := p.closeAt
	p.closeAt = end
	f()
	p.closeAt = saved
}

// block prints a function body with its braces; the closing brace ends at
// end.
func (p *printer) block(b *Block, end Pos) {
	if p.flat || p.shortBlock(b) {
		p.flatly(func() {
			p.str("{ ")
			p.stmts(b.Stmts, 0)
			p.str(" }")
		})
		return
	}
	base := p.base
	p.byte('{')
	var first Pos
	if len(b.Stmts) > 0 && !isNil(b.Stmts[0]) {
		first = b.Stmts[0].Pos()
	}
	p.newline(base+2, first)
	p.stmts(b.Stmts, base+2)
	p.newline(base, later(end, b.End()))
	p.byte('}')
}

// shortBlock reports whether a body stays on one line: a single statement
// that is not a pipeline with operators, short enough.
func (p *printer) shortBlock(b *Block) bool {
	if len(b.Stmts) != 1 {
		return len(b.Stmts) == 0
	}
	if s, ok := b.Stmts[0].(*ExprStmt); ok {
		if x, ok := s.X.(*PipeExpr); ok && x != nil && len(x.Ops) > 0 {
			return false
		}
	} else {
		return false
	}
	return p.width(b) <= maxNested
}
