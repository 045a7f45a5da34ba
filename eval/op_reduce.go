package eval

import (
	"strings"
	"unicode"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// reduce groups similar strings into patterns:
//
//	T | reduce [kind=source] by Expr [with [threshold=T] [, characters="…"]]
//
// kqlkit follows the algorithm Kusto's documentation names (Vaarandi's
// SLCT): values are cut into terms at the separator characters (every
// character that is not a letter or digit, or those given); a term is
// frequent when more than threshold (0.1 by default) of the rows have it
// at the same position; a value's pattern keeps its frequent terms and
// puts `*` for the others, and patterns found in more than threshold of
// the rows are the output (Pattern, Count, Representative: the first
// value), the rest counted in one "others" row. Separators are kept in
// patterns, except those given with characters=. With kind=source each
// row gets its Pattern instead. Patterns may differ from Kusto's in
// detail.
type reduceStage struct {
	s         data.Schema
	by        *cexpr
	threshold float64
	chars     string // "" for the default separators
	source    bool
}

var reduceSchema = data.Schema{
	{Name: "Pattern", Type: data.String}, {Name: "Count", Type: data.Long}, {Name: "Representative", Type: data.String},
}

func (c *compiler) reduce(sc *scope, in data.Schema, op *ast.ReduceOp) stage {
	st := &reduceStage{s: reduceSchema, threshold: 0.1}
	for _, p := range op.Params {
		switch {
		case strings.EqualFold(p.Name, "kind") && strings.EqualFold(paramText(p), "source"):
			st.source = true
			st.s = append(append(data.Schema(nil), in...), data.ColumnDef{Name: "Pattern", Type: data.String})
		case strings.HasPrefix(strings.ToLower(p.Name), "hint."):
		default:
			c.errorf(p, "reduce parameter '%s' is not supported", p.Name)
		}
	}
	st.by = c.scalar(sc, &rowCtx{schema: in}, op.By)
	if st.by.typ != data.String && st.by.typ != data.Unknown {
		st.by = c.convert(st.by, data.String)
	}
	for _, p := range op.With {
		v := c.constArg(sc, p.Value, data.Unknown, "reduce "+p.Name)
		if v == nil {
			continue
		}
		switch strings.ToLower(p.Name) {
		case "threshold":
			if !v.Type().IsNumeric() || v.Float64() < 0 || v.Float64() > 1 {
				c.errorf(p, "reduce threshold must be a number between 0 and 1")
				continue
			}
			st.threshold = v.Float64()
			if v.Type().IsInteger() {
				st.threshold = float64(v.Int64())
			}
		case "characters":
			if v.Type() != data.String {
				c.errorf(p, "reduce characters must be a string")
				continue
			}
			st.chars = v.Str()
		default:
			c.errorf(p, "reduce has no parameter '%s'", p.Name)
		}
	}
	return st
}

func (st *reduceStage) outSchema() data.Schema { return st.s }

// terms cuts a value into terms and the separators before each term (and
// after the last: seps has one more element than terms).
func (st *reduceStage) terms(v string) (terms, seps []string) {
	isSep := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	if st.chars != "" {
		isSep = func(r rune) bool { return strings.ContainsRune(st.chars, r) }
	}
	var term, sep strings.Builder
	for _, r := range v {
		if isSep(r) {
			if term.Len() > 0 {
				terms, seps = append(terms, term.String()), append(seps, sep.String())
				term.Reset()
				sep.Reset()
			}
			sep.WriteRune(r)
			continue
		}
		term.WriteRune(r)
	}
	if term.Len() > 0 {
		terms, seps = append(terms, term.String()), append(seps, sep.String())
		sep.Reset()
	}
	return terms, append(seps, sep.String())
}

func (st *reduceStage) run(x *execCtx, in *rel) (*rel, error) {
	col, err := st.by.eval(newFrame(x, in))
	if err != nil {
		return nil, err
	}
	n := in.rows()
	vals := data.Strings(col)
	support := st.threshold * float64(n)
	type posTerm struct {
		pos  int
		term string
	}
	freq := map[posTerm]int{}
	for _, v := range vals.Vals[:n] {
		terms, _ := st.terms(v)
		for i, t := range terms {
			freq[posTerm{i, t}]++
		}
	}
	patterns := make([]string, n)
	counts := map[string]int{}
	var order []string
	first := map[string]string{}
	for r, v := range vals.Vals[:n] {
		terms, seps := st.terms(v)
		var b strings.Builder
		any := false
		for i, t := range terms {
			if st.chars == "" {
				b.WriteString(seps[i])
			}
			if float64(freq[posTerm{i, t}]) > support {
				b.WriteString(t)
				any = true
			} else if !strings.HasSuffix(b.String(), "*") {
				b.WriteByte('*')
			}
		}
		if st.chars == "" {
			b.WriteString(seps[len(terms)])
		}
		if !any {
			continue
		}
		p := b.String()
		patterns[r] = p
		if counts[p] == 0 {
			order = append(order, p)
			first[p] = v
		}
		counts[p]++
	}
	if st.source {
		return st.sourceRows(in, patterns, counts, support), nil
	}
	return st.summary(n, order, counts, first, support), nil
}

// summary writes one row per pattern found often enough, then others.
func (st *reduceStage) summary(n int, order []string, counts map[string]int, first map[string]string, support float64) *rel {
	var pats, reps []string
	var cnts []int64
	clustered := 0
	for _, p := range order {
		if float64(counts[p]) > support {
			pats, cnts, reps = append(pats, p), append(cnts, int64(counts[p])), append(reps, first[p])
			clustered += counts[p]
		}
	}
	if others := n - clustered; others > 0 {
		pats, cnts, reps = append(pats, "others"), append(cnts, int64(others)), append(reps, "")
	}
	cols := []data.Column{data.NewVec(data.String, pats, nil), data.NewVec(data.Long, cnts, nil),
		data.NewVec(data.String, reps, nil)}
	return &rel{schema: st.s, cols: cols, n: len(pats)}
}

// sourceRows appends each row's pattern ("others" when it has none).
func (st *reduceStage) sourceRows(in *rel, patterns []string, counts map[string]int, support float64) *rel {
	out := in.compact()
	col := make([]string, out.n)
	for r, p := range patterns {
		if p == "" || float64(counts[p]) <= support {
			p = "others"
		}
		col[r] = p
	}
	cols := append(append([]data.Column(nil), out.cols...), data.NewVec(data.String, col, nil))
	return &rel{schema: st.s, cols: cols, n: out.n}
}
