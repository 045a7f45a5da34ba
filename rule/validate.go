package rule

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/kql"
)

// Validate checks the rule's fields and the syntax of its query and returns
// every problem found, errors and warnings (unknown fields, unusual
// spellings), sorted by position in the file. Errors carry the YAML line
// and column. Whether the query's tables, columns and functions exist, and
// whether the mapped columns are in its result, is checked by Check.
func (r *Rule) Validate() diag.List {
	out := append(diag.List(nil), r.diags...)
	add := func(d *diag.Diagnostic) { out.Add(d) }
	r.checkRequired(add)
	r.checkSchedule(add)
	r.checkIncident(add)
	r.checkTemplates(add)
	if r.source != nil && strings.TrimSpace(r.Query) != "" {
		if _, err := kql.ParseSource(r.source); err != nil {
			for _, d := range diagsOf(err) {
				out.Add(d)
			}
		}
	}
	out.Sort()
	return out
}

// diagsOf returns the diagnostics inside an error.
func diagsOf(err error) diag.List {
	var l diag.List
	if errors.As(err, &l) {
		return l
	}
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		return diag.List{d}
	}
	return diag.List{{Message: err.Error()}}
}

// at returns the position recorded for path, or for its key, or line 1.
func (r *Rule) at(path string) ast.Pos {
	if p, ok := r.pos[path]; ok {
		return p
	}
	if p, ok := r.pos["key:"+path]; ok {
		return p
	}
	return ast.Pos{Line: 1, Column: 1}
}

// problem builds a diagnostic at the position of path.
func (r *Rule) problem(path string, sev diag.Severity, format string, args ...any) *diag.Diagnostic {
	return r.diagAt(r.at(path), sev, fmt.Sprintf(format, args...))
}

func (r *Rule) checkRequired(add func(*diag.Diagnostic)) {
	if strings.TrimSpace(r.Name) == "" {
		add(r.problem("name", diag.Error, "the rule has no 'name'"))
	}
	if strings.TrimSpace(r.Query) == "" {
		add(r.problem("query", diag.Error, "the rule has no 'query'"))
	}
	if _, ok := r.pos["severity"]; !ok {
		add(r.problem("", diag.Error, "the rule has no 'severity' (Informational, Low, Medium or High)"))
	}
	if r.TriggerThreshold < 0 {
		add(r.problem("triggerThreshold", diag.Error, "'triggerThreshold' must not be negative"))
	}
}

func (r *Rule) checkSchedule(add func(*diag.Diagnostic)) {
	if r.Kind == NRT {
		for _, f := range []string{"queryFrequency", "queryPeriod"} {
			if _, ok := r.pos[f]; ok {
				add(r.problem(f, diag.Warning, "NRT rules run every minute over the last minute; '%s' is ignored", f))
			}
		}
		return
	}
	_, hasFreq := r.pos["queryFrequency"]
	_, hasPeriod := r.pos["queryPeriod"]
	if !hasFreq {
		add(r.problem("", diag.Error, "a scheduled rule needs a 'queryFrequency' (5m to 14d)"))
	}
	if !hasPeriod {
		add(r.problem("", diag.Error, "a scheduled rule needs a 'queryPeriod' (5m to 14d)"))
	}
	if r.QueryFrequency > 0 && r.QueryPeriod > 0 && r.QueryFrequency > r.QueryPeriod {
		add(r.problem("queryFrequency", diag.Error,
			"'queryFrequency' (%s) is longer than 'queryPeriod' (%s): runs would leave gaps",
			FormatDuration(r.QueryFrequency), FormatDuration(r.QueryPeriod)))
	}
}

func (r *Rule) checkIncident(add func(*diag.Diagnostic)) {
	g := r.Incident.Grouping
	const base = "incidentConfiguration.groupingConfiguration."
	selected := len(g.GroupByEntities) + len(g.GroupByAlertDetails) + len(g.GroupByCustomDetails)
	if g.MatchingMethod == "Selected" && selected == 0 {
		add(r.problem(base+"matchingMethod", diag.Error,
			"matching method 'Selected' needs at least one of groupByEntities, groupByAlertDetails, groupByCustomDetails"))
	}
	mapped := map[string]bool{}
	for _, em := range r.EntityMappings {
		mapped[em.EntityType] = true
	}
	for i, e := range g.GroupByEntities {
		if !mapped[e] {
			add(r.problem(fmt.Sprintf("%sgroupByEntities[%d]", base, i), diag.Error,
				"incidents are grouped by '%s' entities, but the rule maps none", e))
		}
	}
	keys := map[string]bool{}
	for _, cd := range r.CustomDetails {
		keys[cd.Key] = true
	}
	for i, k := range g.GroupByCustomDetails {
		if !keys[k] {
			add(r.problem(fmt.Sprintf("%sgroupByCustomDetails[%d]", base, i), diag.Error,
				"incidents are grouped by custom detail '%s', but the rule defines none by that name", k))
		}
	}
}

func (r *Rule) checkTemplates(add func(*diag.Diagnostic)) {
	o := r.AlertDetailsOverride
	if o == nil {
		return
	}
	for _, f := range []struct {
		path, text string
		params     int
		length     int
	}{
		{"alertDetailsOverride.alertDisplayNameFormat", o.DisplayNameFormat, 3, 256},
		{"alertDetailsOverride.alertDescriptionFormat", o.DescriptionFormat, 5, 5000},
	} {
		t, err := parseTemplate(f.text)
		if err != nil {
			add(r.templateProblem(f.path, err.offset, diag.Error, err.msg))
			continue
		}
		if n := len(t.columns()); n > f.params {
			add(r.problem(f.path, diag.Warning, "'%s' uses %d parameters; Sentinel allows %d",
				leaf(f.path), n, f.params))
		}
		if len(f.text) > f.length {
			add(r.problem(f.path, diag.Warning, "'%s' is %d characters long; Sentinel allows %d",
				leaf(f.path), len(f.text), f.length))
		}
	}
}
