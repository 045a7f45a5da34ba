package rule

import (
	"context"
	"fmt"
	"time"
)

// maxBacktestRuns bounds the runs of one backtest.
const maxBacktestRuns = 50000

// WithIncidentCloseAfter makes a backtest treat each incident as closed
// by an analyst d after its last alert, so that incidentConfiguration's
// reopenClosedIncident has something to act on. The default (0) leaves
// incidents open.
func WithIncidentCloseAfter(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("rule: negative incident close delay")
		}
		c.closeAge = d
		return nil
	}
}

// Run is one scheduled run of a backtest.
type Run struct {
	Time       time.Time // the instant of the run (the end of its window)
	Rows       int       // result rows (0 when suppressed)
	Triggered  bool
	Suppressed bool // skipped: suppression after an earlier alert was in force
	Alerts     []*Alert
	Warnings   []string
}

// Backtest is the outcome of running a rule on its schedule over a range
// of time.
type Backtest struct {
	Rule      *Rule
	From, To  time.Time
	Runs      []*Run
	Alerts    []*Alert
	Incidents []*Incident
}

// Backtest runs the rule at from, from+queryFrequency, … up to and
// including to (every minute for NRT rules), each run as Evaluate does.
// When suppressionEnabled is set, the runs that start less than
// suppressionDuration after a run that produced alerts are skipped, as
// Sentinel stops running the query. The alerts are then grouped into
// incidents as incidentConfiguration says (see GroupIncidents).
func (r *Rule) Backtest(ctx context.Context, from, to time.Time, opts ...Option) (*Backtest, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	from, to = from.UTC(), to.UTC()
	if to.Before(from) {
		return nil, fmt.Errorf("rule: the backtest ends (%s) before it starts (%s)", stamp(to), stamp(from))
	}
	_, every := r.period()
	if every <= 0 {
		return nil, fmt.Errorf("rule: the rule has no query frequency")
	}
	if n := to.Sub(from)/every + 1; n > maxBacktestRuns {
		return nil, fmt.Errorf("rule: %d runs of every %s from %s to %s; at most %d are allowed",
			n, FormatDuration(every), stamp(from), stamp(to), maxBacktestRuns)
	}
	p, err := r.prepare(cfg)
	if err != nil {
		return nil, err
	}
	bt := &Backtest{Rule: r, From: from, To: to}
	var suppressedUntil time.Time
	for t := from; !t.After(to); t = t.Add(every) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if t.Before(suppressedUntil) {
			bt.Runs = append(bt.Runs, &Run{Time: t, Suppressed: true})
			continue
		}
		ev, err := p.run(ctx, t)
		if err != nil {
			return nil, fmt.Errorf("run at %s: %w", stamp(t), err)
		}
		run := &Run{Time: t, Rows: ev.Results.Rows(), Triggered: ev.Triggered, Alerts: ev.Alerts,
			Warnings: ev.Warnings}
		bt.Runs = append(bt.Runs, run)
		bt.Alerts = append(bt.Alerts, ev.Alerts...)
		if r.SuppressionEnabled && len(ev.Alerts) > 0 {
			d := r.SuppressionDuration
			if d == 0 {
				d = defaultSuppress
			}
			suppressedUntil = t.Add(d)
		}
	}
	bt.Incidents = GroupIncidents(r, bt.Alerts, cfg.closeAge)
	return bt, nil
}

// Counts returns the number of runs, triggered runs and suppressed runs.
func (b *Backtest) Counts() (runs, triggered, suppressed int) {
	for _, r := range b.Runs {
		runs++
		if r.Triggered {
			triggered++
		}
		if r.Suppressed {
			suppressed++
		}
	}
	return runs, triggered, suppressed
}
