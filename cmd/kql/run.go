package main

// runCmd evaluates a rule; see rule.go.
type runCmd struct {
	Rule   string `arg:"" name:"rule" type:"existingfile" help:"The analytic rule (.yaml)."`
	Format string `name:"format" enum:"table,json" default:"table" help:"Output format: table or json."`
	dataFlags
}

func (c *runCmd) Run(a *app) error {
	return usageErr("kql run is not available yet")
}
