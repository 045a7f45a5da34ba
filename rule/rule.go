package rule

import (
	"fmt"
	"os"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
)

// Kind is the kind of an analytic rule.
type Kind string

// The rule kinds kqlkit evaluates.
const (
	Scheduled Kind = "Scheduled"
	NRT       Kind = "NRT"
)

// Grouping says how the result rows of one run become alerts
// (eventGroupingSettings.aggregationKind).
type Grouping string

// Event grouping kinds.
const (
	SingleAlert    Grouping = "SingleAlert"
	AlertPerResult Grouping = "AlertPerResult"
)

// Rule is a Microsoft Sentinel analytic rule as written in the YAML of the
// Azure-Sentinel repository. Fields hold the values after defaults and
// canonical spelling; Raw keeps every top-level field as written.
type Rule struct {
	ID                     string
	Name                   string
	Description            string
	Severity               string // Informational, Low, Medium or High
	Kind                   Kind
	Version                string
	Status                 string
	Enabled                bool // true unless the file says enabled: false
	RequiredDataConnectors []DataConnector
	QueryFrequency         time.Duration
	QueryPeriod            time.Duration
	TriggerOperator        Operator
	TriggerThreshold       int
	Tactics                []string
	RelevantTechniques     []string // as written: T1078, T1078.004
	Query                  string
	EntityMappings         []EntityMapping
	CustomDetails          []CustomDetail // in file order
	AlertDetailsOverride   *AlertDetailsOverride
	EventGrouping          Grouping
	Incident               IncidentConfig
	SuppressionEnabled     bool
	SuppressionDuration    time.Duration
	Tags                   []any // as written (strings or mappings)

	// Unknown lists the top-level fields kqlkit does not know, in file
	// order; they are kept (their values in Raw) and reported by Validate
	// as warnings.
	Unknown []string
	// Raw holds every top-level field decoded as plain Go values
	// (map[string]any, []any, string, int, float64, bool, nil).
	Raw map[string]any

	path   string
	text   []byte
	pos    map[string]ast.Pos // positions of values (and keys, "key:" prefixed) by path
	diags  diag.List          // problems found while decoding
	source *diag.Source       // the query, positioned in the file
}

// DataConnector is one entry of requiredDataConnectors.
type DataConnector struct {
	ConnectorID string
	DataTypes   []string
}

// EntityMapping maps result columns to the identifiers of one entity.
type EntityMapping struct {
	EntityType    string // canonical: Account, Host, IP, CloudApplication, …
	FieldMappings []FieldMapping
}

// FieldMapping maps one column to one entity identifier.
type FieldMapping struct {
	Identifier string
	ColumnName string
}

// CustomDetail surfaces a result column in the alert under a key.
type CustomDetail struct {
	Key    string
	Column string
}

// AlertDetailsOverride takes an alert's name, description, severity,
// tactics and other properties from the result row.
type AlertDetailsOverride struct {
	DisplayNameFormat string // {{Column}} templates
	DescriptionFormat string
	SeverityColumn    string
	TacticsColumn     string
	DynamicProperties []DynamicProperty // alertDynamicProperties
}

// DynamicProperty sets an alert property (AlertLink, ProductName, …) from
// a column.
type DynamicProperty struct {
	Property string
	Column   string
}

// IncidentConfig is incidentConfiguration.
type IncidentConfig struct {
	CreateIncident bool // default true
	Grouping       IncidentGrouping
}

// IncidentGrouping is incidentConfiguration.groupingConfiguration.
type IncidentGrouping struct {
	Enabled              bool
	ReopenClosedIncident bool
	LookbackDuration     time.Duration // default 5h
	MatchingMethod       string        // AllEntities (default), AnyAlert or Selected
	GroupByEntities      []string
	GroupByAlertDetails  []string // DisplayName, Severity
	GroupByCustomDetails []string
}

// Path returns the file name the rule was read from ("" when parsed from
// memory without a name).
func (r *Rule) Path() string { return r.path }

// Source returns the rule's query as a diag.Source whose positions map into
// the YAML file, so that query errors point at the file's lines.
func (r *Rule) Source() *diag.Source { return r.source }

// Load reads and parses a rule file. The error is an I/O error, or a
// diag.List when the file is not a YAML mapping. Problems with field values
// are reported by Validate.
func Load(path string) (*Rule, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, b)
}

// Parse parses the YAML text of a rule; name labels positions. It fails only
// when the text is not YAML or not a mapping (the error is a diag.List);
// fields with wrong types or values are left at their defaults and
// reported by Validate.
func Parse(name string, text []byte) (*Rule, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, yamlError(name, text, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		d := &diag.Diagnostic{File: displayName(name), Pos: ast.Pos{Line: 1, Column: 1},
			Message: "a rule file must be a YAML mapping", Line: diag.LineAt(string(text), 1)}
		return nil, diag.List{d}
	}
	r := &Rule{path: name, text: text, pos: map[string]ast.Pos{}}
	r.decode(doc.Content[0])
	return r, nil
}

// ParseNode decodes a rule from a YAML mapping node that is part of a
// larger file (as a test file's inline rule); positions refer to that file.
func ParseNode(name string, fileText []byte, node *yaml.Node) (*Rule, error) {
	if node.Kind != yaml.MappingNode {
		return nil, diag.List{nodeDiag(name, fileText, node, "a rule must be a YAML mapping")}
	}
	r := &Rule{path: name, text: fileText, pos: map[string]ast.Pos{}}
	r.decode(node)
	return r, nil
}

func displayName(name string) string {
	if name == "" {
		return "<rule>"
	}
	return name
}

// yamlError turns a YAML syntax error into a positioned diagnostic.
func yamlError(name string, text []byte, err error) error {
	line := 1
	var msg string
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	} else {
		msg = err.Error()
	}
	if _, e := fmt.Sscanf(msg, "yaml: line %d:", &line); e == nil {
		if i := indexAfterColon(msg); i > 0 {
			msg = msg[i:]
		}
	}
	msg = "invalid YAML: " + trimYAMLPrefix(msg)
	d := &diag.Diagnostic{File: displayName(name), Pos: ast.Pos{Line: line, Column: 1},
		Message: msg, Line: diag.LineAt(string(text), line)}
	return diag.List{d}
}

// indexAfterColon returns the index after "yaml: line N: ".
func indexAfterColon(msg string) int {
	n := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] == ':' {
			n++
			if n == 2 {
				for i+1 < len(msg) && msg[i+1] == ' ' {
					i++
				}
				return i + 1
			}
		}
	}
	return 0
}

func trimYAMLPrefix(msg string) string {
	const p = "yaml: "
	if len(msg) >= len(p) && msg[:len(p)] == p {
		return msg[len(p):]
	}
	return msg
}
