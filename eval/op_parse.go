package eval

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// parseMode is the kind= of parse.
type parseMode int

const (
	parseSimple parseMode = iota
	parseRelaxed
	parseRegex
)

// parseCol is one column a parse pattern extracts.
type parseCol struct {
	out   int       // output column
	typ   data.Type // declared type (string when none)
	group int       // submatch index
}

// parseStage is `parse` and `parse-where`: a pattern, compiled to one
// regular expression, extracts columns from a string.
type parseStage struct {
	s     data.Schema
	inLen int
	src   *cexpr
	re    *regexp.Regexp
	mode  parseMode
	where bool // parse-where: drop the rows that do not match
	cols  []parseCol
	fast  *fastMatcher // the pattern without the regexp engine, when it allows
	copy  []int        // per output column: the input column it keeps, or -1
	live  liveCols
}

func (p *parseStage) outSchema() data.Schema { return p.s }

func (c *compiler) parse(sc *scope, in data.Schema, op *ast.ParseOp) stage {
	p := &parseStage{inLen: len(in), where: strings.EqualFold(op.Keyword, "parse-where")}
	flags := ""
	for _, prm := range op.Params {
		switch strings.ToLower(prm.Name) {
		case "kind":
			switch strings.ToLower(paramText(prm)) {
			case "simple":
				p.mode = parseSimple
			case "relaxed":
				p.mode = parseRelaxed
			case "regex":
				p.mode = parseRegex
			default:
				c.errorf(prm, "%s kind '%s' is not supported (use simple, relaxed or regex)", op.Name(), paramText(prm))
			}
		case "flags":
			flags = paramText(prm)
		default:
			c.errorf(prm, "%s parameter '%s' is not supported", op.Name(), prm.Name)
		}
	}
	if p.where && p.mode == parseRelaxed {
		c.errorf(op, "parse-where supports only kind=simple and kind=regex")
	}
	if flags != "" && p.mode != parseRegex {
		c.errorf(op, "%s: flags need kind=regex", op.Name())
	}
	p.src = c.scalar(sc, &rowCtx{schema: in}, op.Source)
	if p.src.typ != data.String && p.src.typ != data.Unknown {
		p.src = c.convert(p.src, data.String)
	}
	p.s = append(data.Schema(nil), in...)
	for i := range in {
		p.copy = append(p.copy, i)
	}
	expr := c.parsePattern(p, op, in)
	prefix, err := regexFlags(flags)
	if err != nil {
		c.errorf(op, "%s: %v", op.Name(), err)
	}
	re, err := regexp.Compile(prefix + expr)
	if err != nil {
		c.errorf(op, "%s: the pattern is not a valid regular expression: %v", op.Name(), err)
		return p
	}
	p.re = re
	for k := range p.cols {
		// user groups in regex literals shift the numbering: find ours by name
		p.cols[k].group = re.SubexpIndex(fmt.Sprintf("c%d", p.cols[k].group))
	}
	return p
}

// regexFlags turns parse's flags (i, m, s, U) into an inline group.
func regexFlags(flags string) (string, error) {
	if flags == "" {
		return "", nil
	}
	for _, f := range flags {
		if !strings.ContainsRune("imsU", f) {
			return "", fmt.Errorf("regex flag '%c' is not supported (use i, m, s or U)", f)
		}
	}
	return "(?" + flags + ")", nil
}

// parsePattern builds the regular expression of a parse pattern and adds
// its columns to the output schema.
func (c *compiler) parsePattern(p *parseStage, op *ast.ParseOp, in data.Schema) string {
	var b strings.Builder
	seen := map[string]bool{}
	group := 0
	fast := &fastMatcher{}
	fastOK := p.mode != parseRegex
	for i, part := range op.Pattern {
		next := (*ast.ParsePart)(nil)
		if i+1 < len(op.Pattern) {
			next = op.Pattern[i+1]
		}
		switch {
		case part.Star:
			b.WriteString(".*?")
			fast.items = append(fast.items, fastItem{lazy: true, capture: -1})
		case part.Literal != nil:
			lit := part.Literal.Value.Str()
			fast.items = append(fast.items, fastItem{lit: lit, capture: -1})
			if p.mode != parseRegex {
				lit = regexp.QuoteMeta(lit)
			}
			b.WriteString("(?:" + lit + ")")
		case part.Column != nil:
			name := part.Column.Name
			if seen[name] {
				c.errorf(part.Column, "%s extracts column '%s' twice", op.Name(), name)
			}
			seen[name] = true
			typ := data.String
			if part.Type != nil {
				t, ok := data.ParseType(part.Type.Name)
				if !ok {
					c.errorf(part.Type, "unknown type '%s'", part.Type.Name)
				}
				typ = t
			}
			starNext := next != nil && next.Star
			if typ == data.String && starNext {
				c.errorf(part.Column, "%s: '*' after the string column '%s' is ambiguous", op.Name(), name)
			}
			group++
			capture := c.captureRegex(p.mode, typ, starNext, part)
			b.WriteString(fmt.Sprintf("(?P<c%d>%s)", group, capture))
			fastOK = fastOK && capture == ".*?"
			fast.items = append(fast.items, fastItem{lazy: true, capture: fast.ncap})
			fast.ncap++
			p.addColumn(name, typ, group)
		}
	}
	if p.mode != parseRegex {
		b.WriteString("$")
	}
	if fastOK {
		p.fast = fast
	}
	return b.String()
}

// captureRegex is the sub-expression a column captures: lazy text in
// simple and relaxed mode (a typed column in simple mode takes its type's
// shape before a `*`), greedy text or the type's shape in regex mode.
func (c *compiler) captureRegex(mode parseMode, t data.Type, starNext bool, part *ast.ParsePart) string {
	switch mode {
	case parseRelaxed:
		return ".*?"
	case parseSimple:
		if !starNext || t == data.String {
			return ".*?"
		}
		if s := typeShape(t, false); s != "" {
			return s
		}
		c.errorf(part.Column, "parse: a %s column followed by '*' is not supported", t)
		return ".*?"
	}
	if s := typeShape(t, true); s != "" {
		return s
	}
	return ".*"
}

// typeShape is the text a typed column matches where its extent is not
// bounded by a literal ("" when the type has no shape).
func typeShape(t data.Type, regexMode bool) string {
	switch t {
	case data.Int, data.Long:
		if regexMode {
			return `[-+]?\d+`
		}
		return `\s*[-+]?\d+`
	case data.Real:
		if regexMode {
			return `[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?`
		}
		return `\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`
	case data.Bool:
		if regexMode {
			return `(?i:true|false)`
		}
		return `\s*(?i:true|false|\d+)`
	}
	return ""
}

// addColumn places an extracted column: in place of an input column of the
// same name, else at the end.
func (p *parseStage) addColumn(name string, t data.Type, group int) {
	out := p.s.Index(name)
	if out >= 0 {
		p.s[out] = data.ColumnDef{Name: name, Type: t}
		p.copy[out] = -1
	} else {
		out = len(p.s)
		p.s = append(p.s, data.ColumnDef{Name: name, Type: t})
		p.copy = append(p.copy, -1)
	}
	p.cols = append(p.cols, parseCol{out: out, typ: t, group: group})
}

func (p *parseStage) need(live []bool) []bool {
	p.live.set(live)
	in := make([]bool, p.inLen)
	for o, src := range p.copy {
		if src >= 0 && o < len(live) && live[o] {
			in[src] = true
		}
	}
	markRefs(in, p.src)
	return in
}

func (p *parseStage) isLive(o int) bool { return p.live.at(o) }
