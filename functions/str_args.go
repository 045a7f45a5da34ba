package functions

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// argKind says which argument types a parameter of a string or conditional
// function accepts, and in which form the kernel receives the argument.
type argKind uint8

const (
	argString  argKind = iota // a string only
	argText                   // any scalar, passed as its tostring() form
	argStrDyn                 // a string or dynamic value, passed as tostring()
	argInteger                // an int or long, passed as long
	argNumber                 // int, long, real or decimal, passed as real
	argDynamic                // a dynamic value
	argBool                   // a bool
	argGUID                   // a guid
	argAny                    // any scalar, passed as is
)

var argKindNames = [...]string{
	argString:  "string",
	argText:    "a scalar",
	argStrDyn:  "string or dynamic",
	argInteger: "int or long",
	argNumber:  "a number",
	argDynamic: "dynamic",
	argBool:    "bool",
	argGUID:    "guid",
	argAny:     "a scalar",
}

// accepts reports whether an argument of type t fits the kind.
func (k argKind) accepts(t data.Type) bool {
	switch k {
	case argString:
		return t == data.String
	case argText, argAny:
		return t != data.Unknown
	case argStrDyn:
		return t == data.String || t == data.Dynamic
	case argInteger:
		return t == data.Int || t == data.Long
	case argNumber:
		return t.IsNumeric()
	case argDynamic:
		return t == data.Dynamic
	case argBool:
		return t == data.Bool
	case argGUID:
		return t == data.GUID
	}
	return false
}

// coerce converts an argument column to the form the kind promises.
func (k argKind) coerce(c data.Column) data.Column {
	switch k {
	case argText, argStrDyn:
		if c.Type() != data.String {
			return Convert(c, data.String)
		}
	case argInteger:
		if c.Type() == data.Int {
			return Widen(c, data.Long)
		}
	case argNumber:
		if c.Type() != data.Real {
			return Convert(c, data.Real)
		}
	}
	return c
}

// needsCoerce reports whether an argument of type t is converted.
func (k argKind) needsCoerce(t data.Type) bool {
	switch k {
	case argText, argStrDyn:
		return t != data.String
	case argInteger:
		return t == data.Int
	case argNumber:
		return t != data.Real
	}
	return false
}

// params describes the parameter list of a function: the kinds in order,
// how many are required, and whether the last one repeats.
type params struct {
	name     string
	kinds    []argKind
	min      int  // required arguments
	variadic bool // the last kind repeats
	max      int  // with variadic: the largest number of arguments
}

// sig returns a parameter list with every parameter required.
func sig(name string, kinds ...argKind) *params {
	return &params{name: name, kinds: kinds, min: len(kinds)}
}

// optional returns a parameter list whose first min parameters are required.
func optional(name string, min int, kinds ...argKind) *params {
	return &params{name: name, kinds: kinds, min: min}
}

// variadic returns a parameter list whose last kind repeats, with between
// min and max arguments in all.
func variadic(name string, min, max int, kinds ...argKind) *params {
	return &params{name: name, kinds: kinds, min: min, variadic: true, max: max}
}

func (p *params) kind(i int) argKind {
	if i < len(p.kinds) {
		return p.kinds[i]
	}
	return p.kinds[len(p.kinds)-1]
}

// check validates the number and types of the arguments.
func (p *params) check(args []ArgInfo) error {
	most := len(p.kinds)
	if p.variadic {
		most = p.max
	}
	if len(args) < p.min || len(args) > most {
		return fmt.Errorf("function '%s' expects %s, got %d", p.name, countText(p.min, most), len(args))
	}
	for i, a := range args {
		k := p.kind(i)
		if a.Star {
			return fmt.Errorf("function '%s' does not accept '*'", p.name)
		}
		if !k.accepts(a.Type) {
			return fmt.Errorf("function '%s' expects argument %d to be %s, got %s",
				p.name, i+1, argKindNames[k], a.Type)
		}
	}
	return nil
}

func countText(lo, hi int) string {
	switch {
	case lo == hi && lo == 1:
		return "1 argument"
	case lo == hi:
		return fmt.Sprintf("%d arguments", lo)
	}
	return fmt.Sprintf("%d to %d arguments", lo, hi)
}

// wrap returns k preceded by the conversions the parameter kinds ask for.
func (p *params) wrap(args []ArgInfo, k Kernel) Kernel {
	need := false
	for i, a := range args {
		if p.kind(i).needsCoerce(a.Type) {
			need = true
		}
	}
	if !need {
		return k
	}
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		conv := make([]data.Column, len(cols))
		for i, c := range cols {
			conv[i] = p.kind(i).coerce(c)
		}
		return k(ctx, n, conv)
	}
}

// bind returns a binder that checks the arguments against p and runs k on
// the converted arguments.
func (p *params) bind(result data.Type, k Kernel) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := p.check(args); err != nil {
			return data.Unknown, nil, err
		}
		return result, p.wrap(args, k), nil
	}
}

// padArgs returns k for calls that may omit trailing arguments: the
// missing ones are filled with the given default constants.
func padArgs(k Kernel, defaults ...data.Value) Kernel {
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		total := len(cols)
		if total >= len(defaults) {
			return k(ctx, n, cols)
		}
		full := make([]data.Column, len(defaults))
		copy(full, cols)
		for i := total; i < len(defaults); i++ {
			full[i] = data.NewConst(defaults[i], n)
		}
		return k(ctx, n, full)
	}
}

// constString returns the value of a constant string argument.
func constString(args []ArgInfo, i int) (string, bool) {
	if i >= len(args) || args[i].Const == nil || args[i].Type != data.String {
		return "", false
	}
	return args[i].Const.Str(), true
}

// constLong returns the value of a constant integer argument; ok is false
// when it is not constant or null.
func constLong(args []ArgInfo, i int) (int64, bool) {
	if i >= len(args) || args[i].Const == nil || !args[i].Type.IsInteger() || args[i].Const.IsNull() {
		return 0, false
	}
	return args[i].Const.Int64(), true
}

// compileRegex compiles a Kusto regular expression for the function fn,
// with an error message that names it.
func compileRegex(fn, pattern string) (*regexp.Regexp, error) {
	re, err := CompileRegex(pattern)
	if err != nil {
		return nil, fmt.Errorf("function '%s': invalid regular expression %q: %v", fn, pattern, regexErrText(err))
	}
	return re, nil
}

func regexErrText(err error) string {
	var e *syntax.Error
	if errors.As(err, &e) {
		return string(e.Code)
	}
	return err.Error()
}

// regexCacheMax bounds the per-call cache of patterns that vary by row.
const regexCacheMax = 256

// regexes yields the regular expression of each row: a fixed one compiled
// at bind time, or the row's pattern compiled once per distinct value.
type regexes struct {
	fn    string
	fixed *regexp.Regexp
	pats  data.Reader[string]
	cache map[string]*regexp.Regexp
}

func newRegexes(fn string, fixed *regexp.Regexp, c data.Column) *regexes {
	r := &regexes{fn: fn, fixed: fixed}
	if fixed == nil {
		r.pats = data.NewReader[string](c)
		r.cache = map[string]*regexp.Regexp{}
	}
	return r
}

// at returns the regular expression of row i.
func (r *regexes) at(i int) (*regexp.Regexp, error) {
	if r.fixed != nil {
		return r.fixed, nil
	}
	p := r.pats.At(i)
	if re, ok := r.cache[p]; ok {
		return re, nil
	}
	re, err := compileRegex(r.fn, p)
	if err != nil {
		return nil, err
	}
	if len(r.cache) >= regexCacheMax {
		clear(r.cache)
	}
	r.cache[p] = re
	return re, nil
}

// constRegex compiles argument i when it is a constant string; it returns
// nil without error when the argument varies by row.
func constRegex(fn string, args []ArgInfo, i int) (*regexp.Regexp, error) {
	p, ok := constString(args, i)
	if !ok {
		return nil, nil
	}
	return compileRegex(fn, p)
}

// nRows returns how many rows a kernel must compute: 1 when every argument
// is constant (the result is then spread with constResult), else n.
func nRows(n int, cols []data.Column) int {
	if allConst(cols) {
		return 1
	}
	return n
}

// finishRows spreads a one-row result computed from constant arguments to
// n rows.
func finishRows(c data.Column, m, n int) data.Column {
	if m == 1 && n != 1 {
		return constResult(c, n)
	}
	return c
}

// unary is the binder of a function of one argument of the given kind
// computed value by value with f.
func unary[A, R data.Elem](name string, kind argKind, out data.Type, f func(A) (R, bool)) BindFunc {
	return sig(name, kind).bind(out, Map1(out, f))
}

// typeLiteral reads a typeof(T) argument. The evaluator passes typeof(T)
// as a constant string holding the type's name; a constant of type T is
// accepted too.
func typeLiteral(a ArgInfo) (data.Type, bool) {
	if a.Const == nil || a.Star {
		return data.Unknown, false
	}
	if a.Type == data.String {
		name := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(a.Const.Str()), "typeof("), ")")
		return data.ParseType(name)
	}
	return a.Type, true
}
