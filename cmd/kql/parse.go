package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/internal/yamlsrc"
	"github.com/kqlkit/kqlkit/kql"
)

type parseCmd struct {
	Files  []string `arg:"" name:"file" help:"Query files (.kql: the whole file) or rule files (.yaml/.yml: the query field)."`
	Format string   `name:"format" enum:"text,json" default:"text" help:"Output format: text or json (one object per file and line)."`
}

// parseReport is one line of `kql parse --format json`.
type parseReport struct {
	File        string       `json:"file"`
	OK          bool         `json:"ok"`
	Diagnostics []diagReport `json:"diagnostics"`
}

type diagReport struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// readSource reads a .kql file or the query of a rule YAML file.
func readSource(path string) (*diag.Source, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	if isYAML(path) {
		src, err := yamlsrc.Query(path, b)
		if err != nil {
			return nil, inputErr(fmt.Errorf("%s: %w", path, err))
		}
		return src, nil
	}
	return diag.NewSource(path, string(b)), nil
}

func isYAML(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

func (c *parseCmd) Run(a *app) error {
	failed := false
	for _, path := range c.Files {
		rep := parseReport{File: path, OK: true, Diagnostics: []diagReport{}}
		src, err := readSource(path)
		if err != nil {
			var ee *exitError
			if asExit(err, &ee) && ee.code == exitUsage {
				return err
			}
			rep.OK = false
			rep.Diagnostics = append(rep.Diagnostics, diagReport{Message: err.Error()})
		} else if _, err := kql.ParseSource(src); err != nil {
			rep.OK = false
			for _, d := range diagList(err) {
				rep.Diagnostics = append(rep.Diagnostics, diagReport{Line: d.Pos.Line, Column: d.Pos.Column, Message: d.Message})
			}
			if c.Format == "text" {
				fmt.Fprintln(a.stdout, err)
			}
		}
		if !rep.OK {
			failed = true
		}
		if c.Format == "json" {
			b, _ := json.Marshal(rep)
			fmt.Fprintln(a.stdout, string(b))
		} else if rep.OK {
			fmt.Fprintf(a.stdout, "%s: ok\n", path)
		} else if src == nil {
			fmt.Fprintln(a.stdout, rep.Diagnostics[0].Message)
		}
	}
	if failed {
		return &exitError{code: exitInput}
	}
	return nil
}

// diagList returns the diagnostics inside an error.
func diagList(err error) diag.List {
	var l diag.List
	if asList(err, &l) {
		return l
	}
	return diag.List{{Message: err.Error()}}
}
