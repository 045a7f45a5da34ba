package eval

import (
	"math"
	"strconv"
	"strings"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// textSink collects one extracted column, converting the text to its type.
type textSink interface {
	set(i int, text string) bool // false (and a null) when the text does not convert
	setNull(i int)
	column() data.Column
}

type sink[T data.Elem] struct {
	w    *data.Writer[T]
	conv func(string) (T, bool)
}

func (s *sink[T]) set(i int, text string) bool {
	v, ok := s.conv(text)
	if !ok {
		s.w.SetNull(i)
		return false
	}
	s.w.Vals[i] = v
	return true
}

func (s *sink[T]) setNull(i int)       { s.w.SetNull(i) }
func (s *sink[T]) column() data.Column { return s.w.Column() }

func newSink[T data.Elem](t data.Type, n int, conv func(string) (T, bool)) textSink {
	return &sink[T]{w: data.NewWriter[T](t, n), conv: conv}
}

// newTextSink returns a sink for n values of type t.
func newTextSink(t data.Type, n int) textSink {
	switch t {
	case data.String:
		return newSink(t, n, func(s string) (string, bool) { return s, true })
	case data.Int, data.Long:
		return newSink(t, n, func(s string) (int64, bool) { return textInteger(s, t) })
	case data.Real:
		return newSink(t, n, textReal)
	case data.Bool:
		return newSink(t, n, textBool)
	case data.DateTime:
		return newSink(t, n, func(s string) (int64, bool) {
			v, err := data.ParseDateTime(strings.TrimSpace(s))
			return v, err == nil
		})
	case data.TimeSpan:
		return newSink(t, n, func(s string) (int64, bool) {
			v, err := data.ParseTimeSpan(strings.TrimSpace(s))
			return v, err == nil
		})
	case data.Dynamic:
		return newSink(t, n, func(s string) (data.Dyn, bool) { return functions.ParseJSONLenient(s), true })
	case data.GUID:
		return newSink(t, n, func(s string) (data.GUIDValue, bool) {
			g, err := data.ParseGUID(strings.TrimSpace(s))
			return g, err == nil
		})
	case data.Decimal:
		return newSink(t, n, func(s string) (data.DecimalValue, bool) {
			d, err := data.ParseDecimal(strings.TrimSpace(s))
			return d, err == nil
		})
	}
	return newSink(data.String, n, func(s string) (string, bool) { return s, true })
}

// textInteger reads integer text ("1.5" is not an integer).
func textInteger(s string, t data.Type) (int64, bool) {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, false
	}
	if t == data.Int && (v < math.MinInt32 || v > math.MaxInt32) {
		return 0, false
	}
	return v, true
}

func textReal(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "nan":
		return math.NaN(), true
	case "inf", "+inf", "infinity", "+infinity":
		return math.Inf(1), true
	case "-inf", "-infinity":
		return math.Inf(-1), true
	}
	if strings.ContainsAny(s, "xXpP_") {
		return 0, false // no hexadecimal floats or digit separators
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// textBool reads true/false (any case) or a whole number.
func textBool(s string) (bool, bool) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v != 0, err == nil
}

func (p *parseStage) apply(x *execCtx, in *rel) (*rel, error) {
	n := in.rows()
	f := newFrame(x, in)
	src, err := p.src.eval(f)
	if err != nil {
		return nil, err
	}
	var cols []data.Column
	var matched []bool
	var codes []uint32
	if d, ok := src.(*data.DictCol); ok && d.Values.Len() <= n {
		cols, matched = p.extract(data.Strings(d.Values).Vals)
		codes = d.Codes
	} else {
		cols, matched = p.extract(data.Strings(src).Vals)
	}
	out := &rel{schema: p.s, cols: make([]data.Column, len(p.s)), n: in.n, sel: in.sel}
	if in.sel != nil {
		// extracted columns are over the active rows: compact the input
		out.n, out.sel = n, nil
		for o, s := range p.copy {
			if s >= 0 && p.isLive(o) {
				out.cols[o] = in.col(s)
			}
		}
	} else {
		for o, s := range p.copy {
			if s >= 0 && p.isLive(o) {
				out.cols[o] = in.cols[s]
			}
		}
	}
	for k, pc := range p.cols {
		if !p.isLive(pc.out) {
			continue
		}
		if codes != nil {
			out.cols[pc.out] = &data.DictCol{Codes: codes, Values: cols[k]}
		} else {
			out.cols[pc.out] = cols[k]
		}
	}
	if p.where {
		out.sel = matchedRows(matched, codes, n)
	}
	return out, nil
}

// matchedRows selects the rows whose text matched (through codes when the
// text was a dictionary).
func matchedRows(matched []bool, codes []uint32, n int) []int32 {
	sel := make([]int32, 0, n)
	for i := 0; i < n; i++ {
		m := false
		if codes != nil {
			m = matched[codes[i]]
		} else {
			m = matched[i]
		}
		if m {
			sel = append(sel, int32(i))
		}
	}
	return sel
}

// capture returns where column k (of p.cols) was found in a match: loc
// comes from the fast matcher (one pair per column) or from the regexp.
func (p *parseStage) capture(loc []int, k int, pc parseCol) (int, int) {
	if p.fast != nil {
		return loc[2*k], loc[2*k+1]
	}
	return loc[2*pc.group], loc[2*pc.group+1]
}

// fastFallback matches with the regexp when the fast matcher gave up, and
// returns the captures in the fast matcher's layout.
func (p *parseStage) fastFallback(s string) []int {
	loc := p.re.FindStringSubmatchIndex(s)
	if loc == nil {
		return nil
	}
	out := make([]int, 2*len(p.cols))
	for k, pc := range p.cols {
		out[2*k], out[2*k+1] = loc[2*pc.group], loc[2*pc.group+1]
	}
	return out
}

// extract matches every text against the pattern and returns the extracted
// columns and which texts matched. In simple and regex mode a typed column
// that does not convert makes the whole text unmatched; in relaxed mode
// only that column is null.
func (p *parseStage) extract(texts []string) ([]data.Column, []bool) {
	n := len(texts)
	sinks := make([]textSink, len(p.cols))
	for k, pc := range p.cols {
		sinks[k] = newTextSink(pc.typ, n)
	}
	matched := make([]bool, n)
	var fast fastMatcher
	var locs []int
	if p.fast != nil {
		fast = *p.fast // the matcher counts steps: one per goroutine
		locs = make([]int, 2*fast.ncap)
	}
	for i, s := range texts {
		var loc []int
		if p.fast != nil {
			if ok, done := fast.match(s, locs); done {
				if ok {
					loc = locs
				}
			} else {
				loc = p.fastFallback(s)
			}
		} else {
			loc = p.re.FindStringSubmatchIndex(s)
		}
		ok := loc != nil
		if ok {
			for k, pc := range p.cols {
				lo, hi := p.capture(loc, k, pc)
				text := ""
				if lo >= 0 {
					text = s[lo:hi]
				}
				if !sinks[k].set(i, text) && p.mode != parseRelaxed {
					ok = false
				}
			}
		}
		if !ok {
			for _, sk := range sinks {
				sk.setNull(i)
			}
		}
		matched[i] = ok
	}
	cols := make([]data.Column, len(sinks))
	for k, sk := range sinks {
		cols[k] = sk.column()
	}
	return cols, matched
}
