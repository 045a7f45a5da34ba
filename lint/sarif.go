package lint

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/kqlkit/kqlkit/diag"
)

// SARIFOptions configures WriteSARIF.
type SARIFOptions struct {
	// Codes documents the codes that become the run's rules (usually
	// Linter.Codes); codes of results that are not listed are added bare.
	Codes []CodeInfo
	// BaseDir is the directory file URIs are relative to (default: the
	// current directory).
	BaseDir string
	// Version is the tool version to report, if any.
	Version string
}

// The SARIF 2.1.0 objects written (a subset of the format).
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		ColumnKind  string            `json:"columnKind"`
		Results     []sarifResult     `json:"results"`
		Invocations []sarifInvocation `json:"invocations"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name,omitempty"`
		ShortDescription     *sarifText    `json:"shortDescription,omitempty"`
		FullDescription      *sarifText    `json:"fullDescription,omitempty"`
		DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
	}
	sarifRuleConf struct {
		Enabled bool   `json:"enabled"`
		Level   string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool `json:"executionSuccessful"`
	}
)

// sarifSchema is the URI of the SARIF 2.1.0 JSON schema.
const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// WriteSARIF writes the diagnostics as a SARIF 2.1.0 log with one run,
// whose tool lists the codes as rules, for code-scanning tools. Columns
// count Unicode code points; file locations are relative URIs.
func WriteSARIF(w io.Writer, list diag.List, opts SARIFOptions) error {
	run := sarifRun{ColumnKind: "unicodeCodePoints", Results: []sarifResult{},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Tool: sarifTool{Driver: sarifDriver{Name: "kql lint", Version: opts.Version,
			InformationURI: "https://github.com/kqlkit/kqlkit", Rules: []sarifRule{}}}}
	index := map[string]int{}
	addRule := func(ci CodeInfo) int {
		if i, ok := index[ci.Code]; ok {
			return i
		}
		r := sarifRule{ID: ci.Code, Name: ci.Name,
			DefaultConfiguration: sarifRuleConf{Enabled: !ci.Off, Level: sarifLevel(ci.Severity)}}
		if ci.Summary != "" {
			r.ShortDescription = &sarifText{Text: ci.Summary}
		}
		if ci.Doc != "" {
			r.FullDescription = &sarifText{Text: ci.Doc}
		}
		index[ci.Code] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, r)
		return index[ci.Code]
	}
	for _, ci := range opts.Codes {
		addRule(ci)
	}
	for _, d := range list {
		code := d.Code
		if code == "" {
			code = CodeCheck
		}
		i := addRule(CodeInfo{Code: code, Severity: d.Severity})
		run.Results = append(run.Results, sarifResult{RuleID: code, RuleIndex: i, Level: sarifLevel(d.Severity),
			Message: sarifText{Text: d.Message}, Locations: []sarifLocation{sarifLoc(d, opts.BaseDir)}})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "note"
}

// sarifLoc is the location of a diagnostic.
func sarifLoc(d *diag.Diagnostic, base string) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(d.File, base)}}}
	if d.Pos.Line < 1 {
		return loc
	}
	r := &sarifRegion{StartLine: d.Pos.Line}
	if d.Pos.Column >= 1 {
		r.StartColumn = d.Pos.Column
		end := endOf(d)
		r.EndLine, r.EndColumn = end.Line, end.Column
		if r.EndLine == r.StartLine && r.EndColumn <= r.StartColumn {
			r.EndColumn = r.StartColumn + 1 // a one-character region
		}
	}
	loc.PhysicalLocation.Region = r
	return loc
}

// fileURI turns a file path into a relative URI reference: forward
// slashes, each segment escaped.
func fileURI(path, base string) string {
	if base == "" {
		base = "."
	}
	if abs, err := filepath.Abs(path); err == nil {
		if b, err := filepath.Abs(base); err == nil {
			if rel, err := filepath.Rel(b, abs); err == nil {
				path = rel
			}
		}
	}
	segs := strings.Split(filepath.ToSlash(path), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
