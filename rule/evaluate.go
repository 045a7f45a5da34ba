package rule

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/kql"
)

// Option configures Evaluate and Backtest.
type Option func(*config) error

type config struct {
	now       time.Time
	tables    []*data.Table
	schemas   map[string]data.Schema
	envOpts   []kql.Option
	workspace string
	closeAge  time.Duration
}

// WithNow sets the instant the rule runs at: the end of its query window
// and the value of now() in the query. The default is the current time.
func WithNow(t time.Time) Option {
	return func(c *config) error {
		c.now = t.UTC()
		return nil
	}
}

// WithTables binds tables by their names. A table the query names that is
// not bound is empty, with its schema from WithSchemas or the catalog.
func WithTables(tables ...*data.Table) Option {
	return func(c *config) error {
		for _, t := range tables {
			if t == nil || t.Name == "" {
				return fmt.Errorf("rule: a bound table needs a name")
			}
			c.tables = append(c.tables, t)
		}
		return nil
	}
}

// WithSchemas declares the schemas of tables the query may name without
// binding them (they are empty).
func WithSchemas(schemas map[string]data.Schema) Option {
	return func(c *config) error {
		if c.schemas == nil {
			c.schemas = map[string]data.Schema{}
		}
		for n, s := range schemas {
			c.schemas[n] = s
		}
		return nil
	}
}

// WithEnvOptions passes options to the kql environment the query is
// compiled in (stored functions, a different catalog, …).
func WithEnvOptions(opts ...kql.Option) Option {
	return func(c *config) error {
		c.envOpts = append(c.envOpts, opts...)
		return nil
	}
}

// WithWorkspaceID sets the workspace id alerts name in their AlertType
// ("<workspace>_<rule id>"); the default is the zero GUID.
func WithWorkspaceID(id string) Option {
	return func(c *config) error {
		c.workspace = id
		return nil
	}
}

const zeroGUID = "00000000-0000-0000-0000-000000000000"

func newConfig(opts []Option) (*config, error) {
	c := &config{workspace: zeroGUID}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	if c.now.IsZero() {
		c.now = time.Now().UTC()
	}
	return c, nil
}

// Evaluation is the outcome of running a rule at one instant.
type Evaluation struct {
	Rule        *Rule
	Now         time.Time // when the rule ran (the end of the window)
	WindowStart time.Time // the query saw rows with WindowStart < TimeGenerated <= Now
	Results     *data.Table
	Triggered   bool
	Alerts      []*Alert
	Warnings    []string
}

// Evaluate runs the rule once, at the instant given by WithNow, the way
// Sentinel would: every bound table that has a TimeGenerated column is
// cut to the rows of the query period before now (now - queryPeriod,
// now], the query runs with now() at that instant, the trigger compares
// the number of result rows with the threshold, and a triggered run
// produces alerts grouped as eventGroupingSettings says, with alert
// details, entities and custom details.
//
// The error is a diag.List positioned in the YAML file when the rule is
// invalid, its query does not compile, or a column it maps is not in the
// query's result; other errors come from running the query.
func (r *Rule) Evaluate(ctx context.Context, opts ...Option) (*Evaluation, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	p, err := r.prepare(cfg)
	if err != nil {
		return nil, err
	}
	return p.run(ctx, cfg.now)
}

// prepared is a rule compiled against an environment, ready to run at
// any instant.
type prepared struct {
	rule   *Rule
	cfg    *config
	query  *kql.Query
	schema data.Schema
	tables []*boundTable
}

// prepare validates the rule, compiles its query and checks the columns
// the rule maps.
func (r *Rule) prepare(cfg *config) (*prepared, error) {
	if err := r.Validate().Err(); err != nil {
		return nil, err
	}
	var envOpts []kql.Option
	names := make([]string, 0, len(cfg.schemas))
	for n := range cfg.schemas {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		envOpts = append(envOpts, kql.WithTable(n, cfg.schemas[n]))
	}
	for _, t := range cfg.tables {
		envOpts = append(envOpts, kql.WithTable(t.Name, t.Schema))
	}
	env, err := kql.NewEnv(append(envOpts, cfg.envOpts...)...)
	if err != nil {
		return nil, err
	}
	q, err := env.CompileSource(r.source)
	if err != nil {
		return nil, err
	}
	var schema data.Schema
	if s := q.Schemas(); len(s) > 0 {
		schema = s[0]
	}
	if err := r.Check(schema).Err(); err != nil {
		return nil, err
	}
	p := &prepared{rule: r, cfg: cfg, query: q, schema: schema}
	for _, t := range cfg.tables {
		p.tables = append(p.tables, bind(t))
	}
	return p, nil
}

// period returns the query window and run interval of the rule.
func (r *Rule) period() (window, every time.Duration) {
	if r.Kind == NRT {
		return nrtFrequency, nrtFrequency
	}
	return r.QueryPeriod, r.QueryFrequency
}

// maxAlerts is how many alerts one run may produce.
func (r *Rule) maxAlerts() int {
	if r.Kind == NRT {
		return 30
	}
	return 150
}

// run evaluates the prepared rule at now.
func (p *prepared) run(ctx context.Context, now time.Time) (*Evaluation, error) {
	window, _ := p.rule.period()
	start := now.Add(-window)
	ev := &Evaluation{Rule: p.rule, Now: now, WindowStart: start}
	tables := make([]*data.Table, 0, len(p.tables))
	for _, bt := range p.tables {
		if bt.warn != "" {
			ev.Warnings = append(ev.Warnings, bt.warn)
		}
		tables = append(tables, bt.t)
	}
	res, err := p.query.Run(ctx, kql.WithNow(now), kql.WithData(tables...),
		kql.WithTimeWindow("TimeGenerated", start, now))
	if err != nil {
		return nil, err
	}
	ev.Warnings = append(ev.Warnings, res.Warnings...)
	ev.Results = res.Primary()
	if ev.Results == nil {
		ev.Results = data.EmptyTable("PrimaryResult", p.schema)
	}
	n := ev.Results.Rows()
	ev.Triggered = p.rule.TriggerOperator.Fires(n, p.rule.TriggerThreshold)
	if ev.Triggered {
		ev.Alerts = p.alerts(ev)
	}
	return ev, nil
}

// Check verifies that every column the rule maps (entity identifiers,
// custom details, alert detail templates and columns) is in schema, the
// schema of the query's result. Errors point at the YAML.
func (r *Rule) Check(schema data.Schema) diag.List {
	var out diag.List
	has := func(path, col string) {
		if schema.Index(col) < 0 {
			out.Add(r.problem(path, diag.Error, "%s", missingColumn(col, schema)))
		}
	}
	for i, em := range r.EntityMappings {
		for j, fm := range em.FieldMappings {
			if fm.ColumnName != "" {
				has(fmt.Sprintf("entityMappings[%d].fieldMappings[%d].columnName", i, j), fm.ColumnName)
			}
		}
	}
	for _, cd := range r.CustomDetails {
		if cd.Column != "" {
			has("customDetails."+cd.Key, cd.Column)
		}
	}
	r.checkOverrideColumns(schema, &out, has)
	out.Sort()
	return out
}

func (r *Rule) checkOverrideColumns(schema data.Schema, out *diag.List, has func(path, col string)) {
	o := r.AlertDetailsOverride
	if o == nil {
		return
	}
	const base = "alertDetailsOverride."
	if o.SeverityColumn != "" {
		has(base+"alertSeverityColumnName", o.SeverityColumn)
	}
	if o.TacticsColumn != "" {
		has(base+"alertTacticsColumnName", o.TacticsColumn)
	}
	for i, dp := range o.DynamicProperties {
		has(fmt.Sprintf("%salertDynamicProperties[%d].value", base, i), dp.Column)
	}
	for _, path := range []string{base + "alertDisplayNameFormat", base + "alertDescriptionFormat"} {
		t, err := parseTemplate(r.stringAt(path))
		if err != nil {
			continue
		}
		for _, p := range t.parts {
			if p.column != "" && schema.Index(p.column) < 0 {
				out.Add(r.templateProblem(path, p.offset, diag.Error, missingColumn(p.column, schema)))
			}
		}
	}
}

// missingColumn words the error for a column not in the result.
func missingColumn(col string, schema data.Schema) string {
	msg := fmt.Sprintf("column '%s' is not in the query's result", col)
	if s := suggest(col, schema.Names()); len(schema) > 0 && s[:6] == " (did " {
		return msg + s
	}
	return msg + fmt.Sprintf(" (columns: %s)", joinNames(schema.Names(), 8))
}

func joinNames(names []string, max int) string {
	if len(names) > max {
		return fmt.Sprintf("%s, … %d more", joinComma(names[:max]), len(names)-max)
	}
	return joinComma(names)
}

func joinComma(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}
