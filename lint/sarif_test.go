package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/diag"
)

// sarifObject describes one object of the SARIF 2.1.0 schema (OASIS,
// sarif-schema-2.1.0.json), for the properties kql lint writes: the
// required properties, and the kind of each allowed property. Every object
// of the schema forbids other properties.
type sarifObject struct {
	required []string
	props    map[string]string
}

// sarifSchemaSubset is the part of the SARIF 2.1.0 schema that covers the
// objects WriteSARIF emits. Kinds: "string", "bool", "uri" (absolute),
// "uri-ref", "int>=N", "enum:a|b", "obj:NAME", "arr:NAME".
var sarifSchemaSubset = map[string]sarifObject{
	"log": {[]string{"version", "runs"}, map[string]string{
		"$schema": "uri", "version": "enum:2.1.0", "runs": "arr:run"}},
	"run": {[]string{"tool"}, map[string]string{
		"tool": "obj:tool", "results": "arr:result", "invocations": "arr:invocation",
		"columnKind": "enum:utf16CodeUnits|unicodeCodePoints"}},
	"tool": {[]string{"driver"}, map[string]string{"driver": "obj:toolComponent"}},
	"toolComponent": {[]string{"name"}, map[string]string{
		"name": "string", "version": "string", "informationUri": "uri", "rules": "arr:reportingDescriptor"}},
	"reportingDescriptor": {[]string{"id"}, map[string]string{
		"id": "string", "name": "string", "shortDescription": "obj:multiformatMessageString",
		"fullDescription": "obj:multiformatMessageString", "helpUri": "uri",
		"defaultConfiguration": "obj:reportingConfiguration"}},
	"multiformatMessageString": {[]string{"text"}, map[string]string{"text": "string"}},
	"reportingConfiguration": {nil, map[string]string{
		"enabled": "bool", "level": "enum:none|note|warning|error", "rank": "int>=-1"}},
	"result": {[]string{"message"}, map[string]string{
		"ruleId": "string", "ruleIndex": "int>=-1", "level": "enum:none|note|warning|error",
		"message": "obj:message", "locations": "arr:location"}},
	"message":          {[]string{"text"}, map[string]string{"text": "string"}},
	"location":         {nil, map[string]string{"physicalLocation": "obj:physicalLocation"}},
	"physicalLocation": {nil, map[string]string{"artifactLocation": "obj:artifactLocation", "region": "obj:region"}},
	"artifactLocation": {nil, map[string]string{"uri": "uri-ref"}},
	"region": {nil, map[string]string{
		"startLine": "int>=1", "startColumn": "int>=1", "endLine": "int>=1", "endColumn": "int>=1"}},
	"invocation": {[]string{"executionSuccessful"}, map[string]string{"executionSuccessful": "bool"}},
}

// checkSARIF validates a value against an object of the subset.
func checkSARIF(path, object string, v any) []string {
	spec, ok := sarifSchemaSubset[object]
	if !ok {
		return []string{path + ": no such object " + object}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return []string{path + ": not an object"}
	}
	var errs []string
	for _, r := range spec.required {
		if _, ok := m[r]; !ok {
			errs = append(errs, fmt.Sprintf("%s: missing required %q", path, r))
		}
	}
	for k, val := range m {
		kind, ok := spec.props[k]
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: property %q is not allowed", path, k))
			continue
		}
		errs = append(errs, checkKind(path+"."+k, kind, val)...)
	}
	return errs
}

func checkKind(path, kind string, v any) []string {
	bad := func(why string) []string { return []string{fmt.Sprintf("%s: %s (%v)", path, why, v)} }
	name, arg, _ := strings.Cut(kind, ":")
	switch {
	case name == "string":
		if _, ok := v.(string); !ok {
			return bad("not a string")
		}
	case name == "bool":
		if _, ok := v.(bool); !ok {
			return bad("not a bool")
		}
	case name == "uri" || name == "uri-ref":
		s, ok := v.(string)
		u, err := url.Parse(s)
		if !ok || err != nil || strings.ContainsAny(s, " \\") || name == "uri" && !u.IsAbs() {
			return bad("not a valid " + name)
		}
	case strings.HasPrefix(kind, "int>="):
		f, ok := v.(float64)
		var lo float64
		fmt.Sscanf(strings.TrimPrefix(kind, "int>="), "%g", &lo)
		if !ok || f != float64(int64(f)) || f < lo {
			return bad("not an integer " + strings.TrimPrefix(kind, "int"))
		}
	case name == "enum":
		s, _ := v.(string)
		for _, e := range strings.Split(arg, "|") {
			if s == e {
				return nil
			}
		}
		return bad("not one of " + arg)
	case name == "obj":
		return checkSARIF(path, arg, v)
	case name == "arr":
		list, ok := v.([]any)
		if !ok {
			return bad("not an array")
		}
		var errs []string
		for i, it := range list {
			errs = append(errs, checkSARIF(fmt.Sprintf("%s[%d]", path, i), arg, it)...)
		}
		return errs
	default:
		return bad("unknown kind " + kind)
	}
	return nil
}

// sarifOf lints fixtures and returns the SARIF log.
func sarifOf(t *testing.T, files ...string) []byte {
	t.Helper()
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var all diag.List
	for _, f := range files {
		list, err := l.File(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, list...)
	}
	var b bytes.Buffer
	if err := WriteSARIF(&b, all, SARIFOptions{Codes: l.Codes()}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSARIFValid checks the SARIF output of every fixture against the
// SARIF 2.1.0 schema (the subset above) and the rules the format adds:
// rule indexes point at their rule, regions do not end before they start,
// file URIs are relative.
func TestSARIFValid(t *testing.T) {
	out := sarifOf(t, fixtures(t)...)
	var log map[string]any
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	for _, e := range checkSARIF("log", "log", log) {
		t.Error(e)
	}
	run := log["runs"].([]any)[0].(map[string]any)
	rules := run["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any)
	results := run["results"].([]any)
	if len(results) == 0 {
		t.Fatal("no results")
	}
	for i, r := range results {
		res := r.(map[string]any)
		idx := int(res["ruleIndex"].(float64))
		if idx < 0 || idx >= len(rules) || rules[idx].(map[string]any)["id"] != res["ruleId"] {
			t.Errorf("result %d: ruleIndex %d does not point at rule %v", i, idx, res["ruleId"])
		}
		loc := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
		uri := loc["artifactLocation"].(map[string]any)["uri"].(string)
		if u, _ := url.Parse(uri); u.IsAbs() || strings.HasPrefix(uri, "/") {
			t.Errorf("result %d: uri %q is not relative", i, uri)
		}
		reg := loc["region"].(map[string]any)
		sl, el := reg["startLine"].(float64), reg["endLine"].(float64)
		sc, ec := reg["startColumn"].(float64), reg["endColumn"].(float64)
		if el < sl || el == sl && ec <= sc {
			t.Errorf("result %d: region %v:%v-%v:%v ends before it starts", i, sl, sc, el, ec)
		}
	}
}

// TestSARIFGolden keeps one SARIF log as a golden file.
func TestSARIFGolden(t *testing.T) {
	out := sarifOf(t, "testdata/rules/entity_column.yaml", "testdata/rules/clean.yaml")
	golden(t, filepath.Join("testdata", "golden", "entity_column.sarif"), out)
}

// TestFileURI checks the escaping of paths into URIs.
func TestFileURI(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"rules/a.yaml", "rules/a.yaml"},
		{"rules/Analytic Rules/a b.yaml", "rules/Analytic%20Rules/a%20b.yaml"},
		{"<query>", "%3Cquery%3E"},
	} {
		if got := fileURI(tc.path, "."); got != tc.want {
			t.Errorf("fileURI(%q): got %q, want %q", tc.path, got, tc.want)
		}
	}
}
