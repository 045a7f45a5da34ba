package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/functions"
)

// A Linter checks rule files and queries. Build it once with New; it is
// immutable and safe for concurrent use.
type Linter struct {
	tables    *tables
	funcs     *functions.Registry
	analyzers []*Analyzer
	codes     []CodeInfo
	index     map[string]*CodeInfo
	enabled   map[string]bool // by code
}

// An Option configures a Linter.
type Option func(*config) error

type config struct {
	declared  map[string]data.Schema
	catalog   *catalog.Catalog
	funcs     *functions.Registry
	analyzers []*Analyzer
	toggles   []toggle
}

type toggle struct {
	codes []string
	on    bool
}

// WithSchemas declares tables (custom _CL tables, for instance) with their
// schemas; they take precedence over catalog tables of the same name.
func WithSchemas(schemas map[string]data.Schema) Option {
	return func(c *config) error {
		for name, s := range schemas {
			c.declared[name] = s
		}
		return nil
	}
}

// WithCatalog replaces the catalog of Sentinel tables (nil: no catalog).
func WithCatalog(cat *catalog.Catalog) Option {
	return func(c *config) error {
		c.catalog = cat
		return nil
	}
}

// WithFunctions replaces the registry of functions the checker knows.
func WithFunctions(r *functions.Registry) Option {
	return func(c *config) error {
		c.funcs = r
		return nil
	}
}

// WithAnalyzers adds analyzers to the built-in ones. Their codes must not
// clash with other codes.
func WithAnalyzers(as ...*Analyzer) Option {
	return func(c *config) error {
		for _, a := range as {
			if a == nil || a.Code == "" || a.Name == "" || a.Run == nil {
				return fmt.Errorf("lint: an analyzer needs a code, a name and a Run function")
			}
			c.analyzers = append(c.analyzers, a)
		}
		return nil
	}
}

// Disable turns codes off; a code may be given by its code (BP302) or its
// name (contains-vs-has), or as a prefix ending in '*' (BP*).
func Disable(codes ...string) Option {
	return func(c *config) error {
		c.toggles = append(c.toggles, toggle{codes: codes})
		return nil
	}
}

// Enable turns codes on, including the analyzers that are off by default.
func Enable(codes ...string) Option {
	return func(c *config) error {
		c.toggles = append(c.toggles, toggle{codes: codes, on: true})
		return nil
	}
}

// New builds a Linter: the built-in checks and analyzers, the catalog of
// Sentinel tables and the built-in functions, adjusted by opts.
func New(opts ...Option) (*Linter, error) {
	c := &config{declared: map[string]data.Schema{}, catalog: catalog.Default(),
		funcs: functions.Builtins(), analyzers: Analyzers()}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	l := &Linter{tables: &tables{declared: c.declared, catalog: c.catalog}, funcs: c.funcs,
		analyzers: c.analyzers, enabled: map[string]bool{}}
	l.codes = append(l.codes, builtinCodes...)
	seen := map[string]bool{}
	for _, ci := range builtinCodes {
		seen[ci.Code] = true
	}
	for _, a := range c.analyzers {
		if seen[a.Code] {
			return nil, fmt.Errorf("lint: two checks have the code %s", a.Code)
		}
		seen[a.Code] = true
		l.codes = append(l.codes, a.Info())
	}
	sortCodes(l.codes)
	l.index = codeIndex(l.codes)
	for _, ci := range l.codes {
		l.enabled[ci.Code] = !ci.Off
	}
	for _, t := range c.toggles {
		if err := l.apply(t); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// apply switches the codes of a toggle.
func (l *Linter) apply(t toggle) error {
	for _, spec := range t.codes {
		spec = strings.TrimSpace(spec)
		if spec == "" {
			continue
		}
		if p, ok := strings.CutSuffix(spec, "*"); ok {
			n := 0
			for _, ci := range l.codes {
				if strings.HasPrefix(ci.Code, strings.ToUpper(p)) {
					l.enabled[ci.Code] = t.on
					n++
				}
			}
			if n == 0 {
				return fmt.Errorf("lint: no code starts with %q", p)
			}
			continue
		}
		ci := lookupCode(l.index, spec)
		if ci == nil {
			return fmt.Errorf("lint: unknown code %q (kql lint --list shows them)", spec)
		}
		l.enabled[ci.Code] = t.on
	}
	return nil
}

// Codes documents every code the linter may report, enabled or not,
// ordered by family and number.
func (l *Linter) Codes() []CodeInfo { return append([]CodeInfo(nil), l.codes...) }

// Enabled reports whether findings of a code are reported.
func (l *Linter) Enabled(code string) bool { return l.enabled[code] }

// File lints a rule file (.yaml, .yml) or a query file (any other
// extension). The error is an I/O error; problems with the file's content
// are diagnostics.
func (l *Linter) File(path string) (diag.List, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return l.Bytes(path, b), nil
}

// Bytes lints the content of a file; name (its path) says whether it is a
// rule (.yaml, .yml) and labels the diagnostics.
func (l *Linter) Bytes(name string, text []byte) diag.List {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return l.RuleBytes(name, text)
	}
	return l.Query(name, string(text))
}

// finish filters the diagnostics by enabled codes and suppressions, and
// sorts them by position.
func (l *Linter) finish(all diag.List, sup *suppressions) diag.List {
	var out diag.List
	for _, d := range all {
		if !l.enabled[d.Code] || sup.suppressed(d) {
			continue
		}
		out = append(out, d)
	}
	out.Sort()
	return dedupe(out)
}

// dedupe drops a diagnostic equal to the one before it (same place, code
// and message), which a query expanded twice can produce.
func dedupe(l diag.List) diag.List {
	out := l[:0]
	for i, d := range l {
		if i > 0 {
			p := l[i-1]
			if p.File == d.File && p.Pos == d.Pos && p.Code == d.Code && p.Message == d.Message {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}
