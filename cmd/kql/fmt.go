package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/diag"
	"github.com/kqlkit/kqlkit/internal/yamlsrc"
	"github.com/kqlkit/kqlkit/kql"
)

type fmtCmd struct {
	Files []string `arg:"" name:"file" help:"Query files (.kql) or rule files (.yaml/.yml)."`
	Write bool     `name:"write" short:"w" help:"Rewrite the files in place instead of printing them."`
}

func (c *fmtCmd) Run(a *app) error {
	for _, path := range c.Files {
		src, err := readSource(path)
		if err != nil {
			return err
		}
		tree, err := kql.ParseSource(src)
		if err != nil {
			return inputErr(err)
		}
		out := ast.Format(tree)
		if isYAML(path) {
			b, err := os.ReadFile(path)
			if err != nil {
				return usageErr("%v", err)
			}
			nb, err := yamlsrc.ReplaceQuery(b, out)
			if err != nil {
				return inputErr(fmt.Errorf("%s: %w", path, err))
			}
			out = string(nb)
		} else if len(out) > 0 && out[len(out)-1] != '\n' {
			out += "\n"
		}
		if c.Write {
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				return usageErr("%v", err)
			}
			continue
		}
		fmt.Fprint(a.stdout, out)
	}
	return nil
}

func asList(err error, l *diag.List) bool { return errors.As(err, l) }

func asExit(err error, e **exitError) bool { return errors.As(err, e) }
