package eval

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// parseKvStage is `parse-kv Expr as (Keys) with (…)`: it extracts the
// values of the listed keys from key/value text.
type parseKvStage struct {
	s      data.Schema
	src    *cexpr
	keys   []string
	types  []data.Type
	outs   []int
	copy   []int // per output column: the input column kept, or -1
	pair   string
	kv     string
	quotes [][2]rune
	escape []rune
	greedy bool
	re     *regexp.Regexp
}

func (p *parseKvStage) outSchema() data.Schema { return p.s }

func (c *compiler) parseKv(sc *scope, in data.Schema, op *ast.ParseKvOp) stage {
	p := &parseKvStage{}
	p.src = c.scalar(sc, &rowCtx{schema: in}, op.Source)
	if p.src.typ != data.String && p.src.typ != data.Unknown {
		p.src = c.convert(p.src, data.String)
	}
	for _, w := range op.With {
		c.parseKvParam(sc, p, w)
	}
	if (p.pair == "") != (p.kv == "") {
		c.errorf(op, "parse-kv needs both pair_delimiter and kv_delimiter, or neither")
	}
	p.s = append(data.Schema(nil), in...)
	for i := range in {
		p.copy = append(p.copy, i)
	}
	for _, col := range op.Columns {
		t, ok := data.ParseType(col.Type.Name)
		if !ok {
			c.errorf(col.Type, "unknown type '%s'", col.Type.Name)
		}
		name := col.Name.Name
		out := p.s.Index(name)
		if out >= 0 {
			p.s[out] = data.ColumnDef{Name: name, Type: t}
			p.copy[out] = -1
		} else {
			out = len(p.s)
			p.s = append(p.s, data.ColumnDef{Name: name, Type: t})
			p.copy = append(p.copy, -1)
		}
		p.keys = append(p.keys, name)
		p.types = append(p.types, t)
		p.outs = append(p.outs, out)
	}
	return p
}

func (c *compiler) parseKvParam(sc *scope, p *parseKvStage, w *ast.OpParam) {
	v := c.scalar(sc, nil, w.Value)
	if v.konst == nil {
		c.errorf(w, "parse-kv: '%s' must be a constant", w.Name)
		return
	}
	text := v.konst.String()
	switch strings.ToLower(w.Name) {
	case "pair_delimiter":
		p.pair = text
	case "kv_delimiter":
		p.kv = text
	case "greedy":
		p.greedy = v.typ == data.Bool && v.konst.Bool()
	case "quote":
		r := []rune(text)
		switch len(r) {
		case 1:
			p.quotes = append(p.quotes, [2]rune{r[0], r[0]})
		case 2:
			p.quotes = append(p.quotes, [2]rune{r[0], r[1]})
		default:
			c.errorf(w, "parse-kv: a quote is one or two characters")
		}
	case "escape":
		r := []rune(text)
		if len(r) != 1 {
			c.errorf(w, "parse-kv: an escape is one character")
			return
		}
		p.escape = append(p.escape, r[0])
	case "regex":
		re, err := regexp.Compile(text)
		if err != nil || re.NumSubexp() != 2 {
			c.errorf(w, "parse-kv: the regex must be valid and have exactly two groups (key and value)")
			return
		}
		p.re = re
	default:
		c.errorf(w, "parse-kv parameter '%s' is not supported", w.Name)
	}
}

func (p *parseKvStage) apply(x *execCtx, in *rel) (*rel, error) {
	n := in.rows()
	f := newFrame(x, in)
	col, err := p.src.eval(f)
	if err != nil {
		return nil, err
	}
	texts := data.Strings(col).Vals
	sinks := make([]textSink, len(p.keys))
	for k, t := range p.types {
		sinks[k] = newTextSink(t, n)
	}
	index := map[string]int{}
	for k, key := range p.keys {
		index[key] = k
	}
	for i, s := range texts {
		found := make([]bool, len(p.keys))
		p.pairs(s, func(key, val string) {
			if k, ok := index[key]; ok && !found[k] {
				found[k] = true
				sinks[k].set(i, val)
			}
		})
		for k, ok := range found {
			if !ok {
				sinks[k].setNull(i)
			}
		}
	}
	out := &rel{schema: p.s, cols: make([]data.Column, len(p.s)), n: n}
	for o, src := range p.copy {
		if src >= 0 {
			out.cols[o] = in.col(src)
		}
	}
	for k, o := range p.outs {
		out.cols[o] = sinks[k].column()
	}
	return out, nil
}

// pairs calls f with every key and value found in s.
func (p *parseKvStage) pairs(s string, f func(key, val string)) {
	switch {
	case p.re != nil:
		for _, m := range p.re.FindAllStringSubmatch(s, -1) {
			f(strings.TrimSpace(m[1]), strings.TrimSpace(m[2]))
		}
	case p.pair != "":
		p.delimited(s, f)
	default:
		p.undelimited(s, f)
	}
}

// delimited splits s into pairs at the pair delimiter and each pair at
// its first key/value delimiter, outside quotes. In greedy mode a piece
// without a key/value delimiter belongs to the previous value.
func (p *parseKvStage) delimited(s string, f func(key, val string)) {
	var key, val string
	have := false
	for _, piece := range p.split(s, p.pair, -1) {
		kv := p.split(piece, p.kv, 2)
		if len(kv) < 2 {
			if p.greedy && have {
				val += p.pair + piece
			}
			continue
		}
		if have {
			f(p.unquote(key), p.unquote(val))
		}
		key, val, have = kv[0], kv[1], true
		if !p.greedy {
			f(p.unquote(key), p.unquote(val))
			have = false
		}
	}
	if have {
		f(p.unquote(key), p.unquote(val))
	}
}

// split cuts s at sep outside quotes, into at most n pieces (n < 0: all).
func (p *parseKvStage) split(s, sep string, n int) []string {
	var out []string
	start := 0
	var close rune
	inQuote := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case inQuote && p.isEscape(r) && i+size < len(s):
			_, next := utf8.DecodeRuneInString(s[i+size:])
			i += size + next
			continue
		case inQuote && r == close:
			inQuote = false
		case !inQuote && p.openQuote(r) != 0:
			inQuote, close = true, p.openQuote(r)
		case !inQuote && strings.HasPrefix(s[i:], sep) && (n < 0 || len(out) < n-1):
			out = append(out, s[start:i])
			i += len(sep)
			start = i
			continue
		}
		i += size
	}
	return append(out, s[start:])
}

func (p *parseKvStage) openQuote(r rune) rune {
	for _, q := range p.quotes {
		if q[0] == r {
			return q[1]
		}
	}
	return 0
}

func (p *parseKvStage) isEscape(r rune) bool {
	for _, e := range p.escape {
		if e == r {
			return true
		}
	}
	return false
}

// unquote trims spaces and removes enclosing quotes and escapes.
func (p *parseKvStage) unquote(s string) string {
	s = strings.TrimSpace(s)
	r := []rune(s)
	if len(r) < 2 {
		return s
	}
	closeQ := p.openQuote(r[0])
	if closeQ == 0 || r[len(r)-1] != closeQ {
		return s
	}
	var b strings.Builder
	inner := r[1 : len(r)-1]
	for i := 0; i < len(inner); i++ {
		if p.isEscape(inner[i]) && i+1 < len(inner) {
			i++
		}
		b.WriteRune(inner[i])
	}
	return b.String()
}

// undelimited finds `key <separators> value` where keys and values are
// runs of letters, digits and underscores (or quoted values).
func (p *parseKvStage) undelimited(s string, f func(key, val string)) {
	r := []rune(s)
	word := func(i int) int {
		for i < len(r) && (unicode.IsLetter(r[i]) || unicode.IsDigit(r[i]) || r[i] == '_') {
			i++
		}
		return i
	}
	for i := 0; i < len(r); {
		end := word(i)
		if end == i {
			i++
			continue
		}
		key := string(r[i:end])
		j := end
		for j < len(r) && !(unicode.IsLetter(r[j]) || unicode.IsDigit(r[j]) || r[j] == '_') && p.openQuote(r[j]) == 0 {
			j++
		}
		if j == end || j >= len(r) {
			i = end
			continue
		}
		if closeQ := p.openQuote(r[j]); closeQ != 0 {
			k := j + 1
			for k < len(r) && r[k] != closeQ {
				if p.isEscape(r[k]) {
					k++
				}
				k++
			}
			f(key, p.unquote(string(r[j:min(k+1, len(r))])))
			i = k + 1
			continue
		}
		vend := word(j)
		f(key, string(r[j:vend]))
		i = vend
	}
}
