package functions

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// ArgInfo describes one argument of a call at compile time.
type ArgInfo struct {
	Type  data.Type
	Const *data.Value // the value when the argument is a compile-time constant
	Star  bool        // the argument is `*`
}

// IsConst reports whether the argument is a compile-time constant.
func (a ArgInfo) IsConst() bool { return a.Const != nil }

// Ctx is what a kernel may use at run time. It is not shared between
// goroutines.
type Ctx struct {
	Now      int64 // now() for this run, datetime ticks
	warnings []string
}

// Warn records a warning (for example a value truncated); the evaluator
// reports warnings with the result.
func (c *Ctx) Warn(format string, args ...any) {
	if c == nil || len(c.warnings) >= 100 {
		return
	}
	c.warnings = append(c.warnings, fmt.Sprintf(format, args...))
}

// Warnings returns the warnings recorded so far.
func (c *Ctx) Warnings() []string { return c.warnings }

// Kernel computes a scalar function over columns of equal length n.
type Kernel func(ctx *Ctx, n int, args []data.Column) (data.Column, error)

// Overload is one typed form of a function. Params lists the parameter
// types (data.Unknown accepts any type); when Variadic is set the last
// parameter may repeat (zero or more times after MinArgs).
type Overload struct {
	Params   []data.Type
	Variadic bool
	Result   data.Type
	Kernel   Kernel
}

// BindFunc checks the arguments of a call and returns the result type and
// kernel. Errors are plain messages; the caller adds the position.
type BindFunc func(args []ArgInfo) (data.Type, Kernel, error)

// Scalar is a scalar function.
type Scalar struct {
	Name string
	// Sig is the KQL signature as documented, e.g.
	// "strlen(source: string): long"; several lines for overloads.
	Sig      string
	Doc      string
	Examples []Example
	// Overloads declare the typed forms. Bind, when set, replaces the
	// default overload resolution (for functions whose result type depends
	// on constant arguments, or which precompile a constant regex).
	Overloads []Overload
	Bind      BindFunc
	// Volatile functions (rand, new_guid) give a new value each call and
	// are never folded into constants.
	Volatile bool
	// Now marks functions that read the run's clock (now, ago): constant
	// within a run, not across runs.
	Now bool
	// Naming says how Kusto names a column computed by a call that has no
	// explicit name (extend tostring(x) gives x, strlen(x) gives strlen_x);
	// Prefix is used by NamePrefixAndFirstArg and NamePrefixOnly.
	Naming Naming
	Prefix string
	// Unsupported, when set, says why kqlkit does not implement this
	// Kusto function; calling it is a compile error.
	Unsupported string
	// Columns, when set, makes the function return several columns, as
	// series_fit_line and series_stats do. Its kernel returns a dynamic bag
	// holding one property per column, named and ordered as Columns, and
	// the evaluator spreads the bag into columns of the given types:
	// `extend (a, b) = f(x)` names the first ones, an unnamed call names
	// them f_x_<property>, and a call with one name (or nested in another
	// expression) takes the first column only.
	Columns []data.ColumnDef
}

// Naming is how a call's result column is named when no name is given,
// following Kusto's rules.
type Naming int

// Naming rules. Prefix is Aggregate.Prefix (or the function name when
// empty).
const (
	NameDefault           Naming = iota // Column1, Column2, … (print_0 in print)
	NameFirstArg                        // the first argument's name: tostring(x) → x
	NameFuncAndFirstArg                 // strlen(x) → strlen_x
	NamePrefixAndFirstArg               // count() → count_, make_set(x) → set_x
	NamePrefixOnly                      // the prefix alone
)

// Example is a documented call and its result.
type Example struct {
	Query  string
	Result string
}

// Aggregate is an aggregation function for summarize (and make-series).
type Aggregate struct {
	Name     string
	Sig      string
	Doc      string
	Examples []Example
	// Naming and Prefix give the output column name of an unnamed call:
	// count() → count_, dcount(x) → dcount_x, make_set(x) → set_x.
	Naming Naming
	Prefix string
	// Bind checks the arguments and returns how to aggregate them.
	Bind func(args []ArgInfo) (AggBinding, error)
}

// AggBinding is a checked aggregate call.
type AggBinding struct {
	// Types are the output column types; most aggregates have one output,
	// arg_max and arg_min have several.
	Types []data.Type
	// New returns an empty state for a set of groups.
	New func() Agg
}

// Agg accumulates an aggregate for many groups at once. A state is used by
// one goroutine at a time.
type Agg interface {
	// Update folds n rows into their groups: row i belongs to group
	// groups[i], and groups are numbered 0..ngroups-1 (ngroups only grows
	// between calls).
	Update(ctx *Ctx, groups []uint32, ngroups int, args []data.Column) error
	// Merge folds the groups of other (a state of the same binding) into
	// this one: other's group g goes into group into[g].
	Merge(other Agg, into []uint32, ngroups int)
	// Result returns one column per output, each with one row per group.
	Result(ngroups int) []data.Column
}

// Registry maps function names to functions. The default registry holds
// every built-in function; programs may build their own with NewRegistry
// and Add. A registry is safe for concurrent reads once built.
type Registry struct {
	scalars map[string]*Scalar
	aggs    map[string]*Aggregate
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{scalars: map[string]*Scalar{}, aggs: map[string]*Aggregate{}}
}

var builtins = NewRegistry()

// Builtins returns the registry of built-in functions. It must not be
// modified; use Clone for a registry of your own.
func Builtins() *Registry { return builtins }

// Clone returns a copy of r that can be extended without affecting r.
func (r *Registry) Clone() *Registry {
	c := NewRegistry()
	for k, v := range r.scalars {
		c.scalars[k] = v
	}
	for k, v := range r.aggs {
		c.aggs[k] = v
	}
	return c
}

// AddScalar registers a scalar function, replacing one of the same name.
func (r *Registry) AddScalar(f *Scalar) { r.scalars[f.Name] = f }

// AddAggregate registers an aggregate function.
func (r *Registry) AddAggregate(f *Aggregate) { r.aggs[f.Name] = f }

// Scalar returns the scalar function called name.
func (r *Registry) Scalar(name string) (*Scalar, bool) {
	f, ok := r.scalars[name]
	return f, ok
}

// Aggregate returns the aggregate function called name.
func (r *Registry) Aggregate(name string) (*Aggregate, bool) {
	f, ok := r.aggs[name]
	return f, ok
}

// ScalarNames returns the names of the scalar functions, sorted.
func (r *Registry) ScalarNames() []string { return sortedKeys(r.scalars) }

// AggregateNames returns the names of the aggregate functions, sorted.
func (r *Registry) AggregateNames() []string { return sortedKeys(r.aggs) }

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// register adds built-in scalar functions; used from init functions.
func register(fs ...*Scalar) {
	for _, f := range fs {
		if _, dup := builtins.scalars[f.Name]; dup {
			panic("functions: duplicate scalar " + f.Name)
		}
		builtins.scalars[f.Name] = f
	}
}

// registerAgg adds built-in aggregate functions; used from init functions.
func registerAgg(fs ...*Aggregate) {
	for _, f := range fs {
		if _, dup := builtins.aggs[f.Name]; dup {
			panic("functions: duplicate aggregate " + f.Name)
		}
		builtins.aggs[f.Name] = f
	}
}

// alias registers another name for an existing built-in scalar.
func alias(name, target string) {
	f := *builtins.scalars[target]
	f.Name = name
	builtins.scalars[name] = &f
}

// BindScalar checks a call of f with args and returns its result type and
// kernel.
func (f *Scalar) BindCall(args []ArgInfo) (data.Type, Kernel, error) {
	if f.Bind != nil {
		return f.Bind(args)
	}
	return resolve(f.Name, f.Overloads, args)
}

// resolve picks the first overload whose parameters accept the argument
// types exactly, else the first that accepts them with Kusto's implicit
// widening (int → long → real → decimal), converting arguments as needed.
func resolve(name string, ovs []Overload, args []ArgInfo) (data.Type, Kernel, error) {
	for pass := 0; pass < 2; pass++ {
		for i := range ovs {
			o := &ovs[i]
			if !o.accepts(args, pass == 1) {
				continue
			}
			if pass == 0 {
				return o.Result, o.Kernel, nil
			}
			return o.Result, convertingKernel(o, args), nil
		}
	}
	return data.Unknown, nil, signatureError(name, ovs, args)
}

func (o *Overload) paramType(i int) (data.Type, bool) {
	if i < len(o.Params) {
		return o.Params[i], true
	}
	if o.Variadic && len(o.Params) > 0 {
		return o.Params[len(o.Params)-1], true
	}
	return data.Unknown, false
}

func (o *Overload) accepts(args []ArgInfo, widen bool) bool {
	if len(args) < len(o.Params) && !(o.Variadic && len(args) >= len(o.Params)-1) {
		return false
	}
	if len(args) > len(o.Params) && !o.Variadic {
		return false
	}
	for i, a := range args {
		p, _ := o.paramType(i)
		if a.Star {
			return false
		}
		if p == data.Unknown || p == a.Type {
			continue
		}
		if !widen || !Widens(a.Type, p) {
			return false
		}
	}
	return true
}

// Widens reports whether Kusto converts a value of type from to type to
// implicitly when a function expects to.
func Widens(from, to data.Type) bool {
	switch from {
	case data.Int:
		return to == data.Long || to == data.Real || to == data.Decimal
	case data.Long:
		return to == data.Real || to == data.Decimal
	case data.Real:
		return to == data.Decimal
	}
	return false
}

func convertingKernel(o *Overload, args []ArgInfo) Kernel {
	targets := make([]data.Type, len(args))
	for i, a := range args {
		p, _ := o.paramType(i)
		if p == data.Unknown || p == a.Type {
			targets[i] = data.Unknown
		} else {
			targets[i] = p
		}
	}
	k := o.Kernel
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		conv := make([]data.Column, len(cols))
		for i, c := range cols {
			if targets[i] == data.Unknown {
				conv[i] = c
				continue
			}
			conv[i] = Widen(c, targets[i])
		}
		return k(ctx, n, conv)
	}
}

func signatureError(name string, ovs []Overload, args []ArgInfo) error {
	got := make([]string, len(args))
	for i, a := range args {
		if a.Star {
			got[i] = "*"
		} else {
			got[i] = a.Type.String()
		}
	}
	if len(ovs) == 0 {
		return fmt.Errorf("function '%s' cannot be called with (%s)", name, strings.Join(got, ", "))
	}
	arity := false
	for _, o := range ovs {
		if len(args) == len(o.Params) || (o.Variadic && len(args) >= len(o.Params)-1) {
			arity = true
		}
	}
	if !arity {
		return fmt.Errorf("function '%s' expects %s, got %d", name, arityText(ovs), len(args))
	}
	want := make([]string, len(ovs))
	for i, o := range ovs {
		ps := make([]string, len(o.Params))
		for j, p := range o.Params {
			if p == data.Unknown {
				ps[j] = "any"
			} else {
				ps[j] = p.String()
			}
		}
		if o.Variadic {
			ps[len(ps)-1] += ", ..."
		}
		want[i] = "(" + strings.Join(ps, ", ") + ")"
	}
	return fmt.Errorf("function '%s' expects %s, got (%s)", name, strings.Join(want, " or "),
		strings.Join(got, ", "))
}

func arityText(ovs []Overload) string {
	lo, hi := 1<<30, -1
	variadic := false
	for _, o := range ovs {
		n := len(o.Params)
		if o.Variadic {
			variadic = true
			n--
		}
		lo = min(lo, n)
		hi = max(hi, len(o.Params))
	}
	switch {
	case variadic:
		return fmt.Sprintf("at least %d arguments", lo)
	case lo == hi && lo == 1:
		return "1 argument"
	case lo == hi:
		return fmt.Sprintf("%d arguments", lo)
	}
	return fmt.Sprintf("%d to %d arguments", lo, hi)
}

// notSupported returns a function kqlkit knows by name but does not
// implement: calling it is a compile error that says why.
func notSupported(name, sig, reason string) *Scalar {
	return &Scalar{Name: name, Sig: sig, Unsupported: reason,
		Doc: "Not supported by kqlkit: " + reason + ".",
		Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
			return data.Unknown, nil, fmt.Errorf("function '%s' is not supported: %s", name, reason)
		}}
}
