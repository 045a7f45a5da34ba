// Package ruletest runs unit tests of Sentinel analytic rules written as
// YAML files: `kql test PATH...` on the command line, or Run inside
// `go test`:
//
//	func TestRules(t *testing.T) { ruletest.Run(t, "rules") }
//
// A directory stands for every *_test.yaml (or *_test.yml) file under it.
//
// # The test file
//
//	# rule: the rule under test, a path relative to this file, or the rule
//	# itself written inline as a mapping (with name, severity, query, …).
//	rule: rule.yaml
//
//	# now: the default instant cases evaluate the rule at (RFC 3339). The
//	# rule sees the rows of its queryPeriod before it, as in Sentinel.
//	now: 2025-06-01T12:00:00Z
//
//	# schemas: optional schema files (as kql --schema takes) for tables
//	# the built-in catalog does not know.
//	schemas: [custom_tables.kql]
//
//	# tables: optional tables every case gets. A table is a data file
//	# (.jsonl, .json, .csv; the path is relative to this file), a list of
//	# rows, or {file: x.jsonl, rows: [...]} (rows added to a JSON Lines
//	# file).
//	tables:
//	  AADProvisioningLogs: sample.jsonl
//
//	cases:
//	  - name: fires on a 30-failure burst
//	    now: 2025-06-01T12:00:00Z      # optional: overrides the file's now
//	    tables:                        # optional: replace tables of the same name
//	      AADProvisioningLogs:
//	        # A row maps columns to values. Rows may be sparse: columns the
//	        # table's schema (the catalog's, or a schema file's) declares
//	        # and the row leaves out are typed nulls. Mappings and lists are
//	        # written as JSON text into string columns and kept as they are
//	        # in dynamic ones. Times may be relative to the case's now:
//	        # now, now-45m, now+1h.
//	        - TimeGenerated: now-45m
//	          ResultType: Failure
//	          ServicePrincipal: {Id: sp-1, Name: Salesforce 2}
//	          TargetIdentity: {Id: "t-{{i}}"}
//	          _repeat: 30    # 30 copies of the row; {{i}} is 0, 1, … in each copy
//	          _step: 1m      # copy i has TimeGenerated moved by i × 1m
//	        # YAML anchors and merge keys make variants short:
//	        # - &fail {TimeGenerated: now-5m, ResultType: Failure}
//	        # - {<<: *fail, ResultType: Success}
//	    expect:
//	      fires: true                  # whether the trigger fired
//	      alertCount: 1                # or alerts: 1
//	      resultCount: 1               # rows the query returned
//	      alerts:                      # the alerts, in order; each lists the
//	        - name: Provisioning Failure Burst on Salesforce 2 - 30 failures
//	          description: …           # fields to check, exactly:
//	          severity: Medium
//	          tactics: [Persistence, DefenseEvasion]   # any order
//	          techniques: [T1078]                      # (and subTechniques)
//	          entities:                # all of the alert's entities, any order;
//	            - {type: CloudApplication, Name: Salesforce 2}  # each with all its identifiers
//	          customDetails:           # a value: the only value; a list: all values
//	            Failures: "30"
//	          startTime: now-45m
//	          endTime: now
//	          properties: {ProviderName: ASI Scheduled Alerts}
//	          summary: false           # the summary alert of a capped AlertPerResult run
//	      results:                     # the query's rows, in order (the count must
//	        - {SPName: Salesforce 2, Failures: 30}     # match); only the columns named
//
//	  - name: a rule whose query must fail
//	    expect:
//	      error: "unknown column"      # the evaluation fails with this text
//
//	  - name: not written yet
//	    skip: waiting for the join operator
//	    expect: {fires: true}
//
// Values are compared by the type of the result column: numbers
// numerically, datetimes as instants (RFC 3339 or now±duration), timespans
// from 1h or 01:00:00, dynamic values as JSON (a YAML list or mapping, or
// JSON text), strings exactly; null matches a null (or empty string).
//
// # Output
//
// `kql test` prints a line per case (ok, FAIL or SKIP, with the time it
// took), each unmet expectation with the line of the test file it comes
// from and the values got and wanted, and a summary line; it exits with
// status 1 when a case fails. --junit FILE writes JUnit XML for CI systems,
// --run REGEXP selects cases by name.
package ruletest
