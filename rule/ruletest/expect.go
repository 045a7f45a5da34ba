package ruletest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/kqlkit/kqlkit/rule"
)

// Expect holds a case's expectations; nil fields are not checked.
type Expect struct {
	Error       *yaml.Node // the run must fail with this text in its error
	Fires       *bool
	AlertCount  *int
	ResultCount *int
	Alerts      []*yaml.Node // alert expectations, in order (mappings)
	Results     []*yaml.Node // result rows, in order (mappings)
	alertsNode  *yaml.Node
	resultsNode *yaml.Node
	nodes       map[string]*yaml.Node // value node of each expectation
}

// nodeOf returns the node of an expectation, or def.
func (e *Expect) nodeOf(key string, def *yaml.Node) *yaml.Node {
	if n, ok := e.nodes[key]; ok {
		return n
	}
	return def
}

// alertFields are the keys an alert expectation may have.
var alertFields = map[string]bool{
	"name": true, "description": true, "severity": true, "tactics": true, "techniques": true,
	"subTechniques": true, "entities": true, "customDetails": true, "startTime": true,
	"endTime": true, "properties": true, "summary": true,
}

// parseExpect reads an expect mapping.
func (f *File) parseExpect(n *yaml.Node) (*Expect, error) {
	if n.Kind != yaml.MappingNode {
		return nil, f.errorAt(n, "'expect' must be a mapping")
	}
	e := &Expect{nodes: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		e.nodes[k.Value] = v
		var err error
		switch k.Value {
		case "error":
			e.Error = v
		case "fires":
			e.Fires, err = f.boolean(v)
		case "alertCount":
			e.AlertCount, err = f.count(v)
		case "resultCount":
			e.ResultCount, err = f.count(v)
		case "alerts":
			err = f.alertsField(e, v)
		case "results":
			e.Results, e.resultsNode, err = f.mappings(v, "a result row")
		default:
			err = f.errorAt(k, "unknown expectation '%s' (want error, fires, alertCount, alerts, resultCount, results)", k.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	return e, nil
}

// alertsField reads alerts: a count or a list of alert expectations.
func (f *File) alertsField(e *Expect, v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode {
		c, err := f.count(v)
		e.AlertCount = c
		return err
	}
	list, node, err := f.mappings(v, "an alert expectation")
	if err != nil {
		return err
	}
	for _, a := range list {
		for i := 0; i+1 < len(a.Content); i += 2 {
			if k := a.Content[i]; !alertFields[k.Value] {
				return f.errorAt(k, "unknown alert field '%s' (want name, description, severity, tactics, "+
					"techniques, subTechniques, entities, customDetails, startTime, endTime, properties, summary)", k.Value)
			}
		}
	}
	e.Alerts, e.alertsNode = list, node
	return nil
}

func (f *File) boolean(n *yaml.Node) (*bool, error) {
	b, err := strconv.ParseBool(strings.ToLower(n.Value))
	if n.Kind != yaml.ScalarNode || err != nil {
		return nil, f.errorAt(n, "%q is not true or false", n.Value)
	}
	return &b, nil
}

func (f *File) count(n *yaml.Node) (*int, error) {
	c, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || c < 0 {
		return nil, f.errorAt(n, "%q is not a count", n.Value)
	}
	return &c, nil
}

// mappings reads a list of mappings.
func (f *File) mappings(n *yaml.Node, what string) ([]*yaml.Node, *yaml.Node, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, nil, f.errorAt(n, "expected a list of %ss", strings.TrimPrefix(strings.TrimPrefix(what, "an "), "a "))
	}
	for _, it := range n.Content {
		if it.Kind != yaml.MappingNode {
			return nil, nil, f.errorAt(it, "%s must be a mapping", what)
		}
	}
	return n.Content, n, nil
}

// Failure is one unmet expectation.
type Failure struct {
	Line int    // line of the expectation in the test file
	What string // e.g. "alerts[0].name"
	Got  string
	Want string
	Msg  string // used instead of Got/Want when set
}

// String formats the failure on one or three lines.
func (fl Failure) String() string {
	if fl.Msg != "" {
		return fmt.Sprintf("line %d: %s: %s", fl.Line, fl.What, fl.Msg)
	}
	if len(fl.Got)+len(fl.Want) < 60 {
		return fmt.Sprintf("line %d: %s: got %s, want %s", fl.Line, fl.What, fl.Got, fl.Want)
	}
	return fmt.Sprintf("line %d: %s:\n    got:  %s\n    want: %s", fl.Line, fl.What, fl.Got, fl.Want)
}

// checker collects failures.
type checker struct {
	fails []Failure
	now   time.Time // the case's instant, for relative times
}

func (c *checker) fail(n *yaml.Node, what, got, want string) {
	c.fails = append(c.fails, Failure{Line: n.Line, What: what, Got: got, Want: want})
}

func (c *checker) failf(n *yaml.Node, what, format string, args ...any) {
	c.fails = append(c.fails, Failure{Line: n.Line, What: what, Msg: fmt.Sprintf(format, args...)})
}

// check compares an evaluation with the expectations.
func (e *Expect) check(c *checker, ev *rule.Evaluation, node *yaml.Node) {
	if e.Fires != nil && *e.Fires != ev.Triggered {
		c.fail(e.nodeOf("fires", node), "fires", strconv.FormatBool(ev.Triggered), strconv.FormatBool(*e.Fires))
	}
	if e.AlertCount != nil && *e.AlertCount != len(ev.Alerts) {
		c.fail(e.nodeOf("alertCount", e.nodeOf("alerts", node)), "alert count",
			strconv.Itoa(len(ev.Alerts)), strconv.Itoa(*e.AlertCount))
	}
	if e.ResultCount != nil && *e.ResultCount != ev.Results.Rows() {
		c.fail(e.nodeOf("resultCount", node), "result rows", strconv.Itoa(ev.Results.Rows()), strconv.Itoa(*e.ResultCount))
	}
	if e.alertsNode != nil {
		if len(e.Alerts) != len(ev.Alerts) {
			c.fail(e.alertsNode, "alerts", fmt.Sprintf("%d alerts%s", len(ev.Alerts), alertNames(ev.Alerts)),
				strconv.Itoa(len(e.Alerts)))
		}
		for i, want := range e.Alerts {
			if i < len(ev.Alerts) {
				checkAlert(c, fmt.Sprintf("alerts[%d]", i), ev.Alerts[i], want)
			}
		}
	}
	if e.resultsNode != nil {
		checkResults(c, ev, e.Results, e.resultsNode)
	}
}

// alertNames lists alert names for a count mismatch.
func alertNames(alerts []*rule.Alert) string {
	if len(alerts) == 0 {
		return ""
	}
	var names []string
	for i, a := range alerts {
		if i == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, strconv.Quote(a.Name))
	}
	return ": " + strings.Join(names, ", ")
}
