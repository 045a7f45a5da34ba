// Package lint checks Microsoft Sentinel analytic rules and KQL queries
// before they are deployed: the query (syntax, tables, columns, functions,
// types, the result schema through every operator), the rule's fields
// (formats, values Sentinel accepts, its documented limits), the two
// together (entities and details mapped to columns the query returns, a
// time filter wider than queryPeriod), and best practices. Findings are
// diag.Diagnostic values with a stable code, at their line and column in
// the rule's YAML file.
//
//	l, err := lint.New(lint.WithSchemas(custom), lint.Disable("BP307"))
//	list, err := l.File("rules/failed-signins.yaml")
//	lint.WriteText(os.Stdout, list)    // file:line:col: severity: message [code]
//	lint.HasErrors(list)               // what `kql lint` exits 1 for
//
// The command `kql lint FILE... [--format text|json|sarif] [--schema FILE]...
// [--disable CODE,...] [--enable CODE,...] [--list]` is a thin layer over
// this package.
//
// # Codes
//
// Query checks (KQL1xx) come from kqlkit's parser and checker (package
// eval), whose messages are given codes here:
//
//	KQL100 syntax               error    the query does not parse
//	KQL101 unknown-table        error    a table name close to a catalog table (did you mean)
//	KQL102 outside-catalog      warning  a custom table, ASIM parser or workspace function;
//	                                     its columns are not checked and cause no error
//	KQL103 unknown-column       error    a column or name that does not exist (did you mean)
//	KQL104 unknown-function     error    not a Kusto function nor a let-bound one (did you mean)
//	KQL105 bad-call             error    wrong number or types of arguments
//	KQL106 type-mismatch        error    operands Kusto does not combine
//	KQL107 check                error    another semantic error
//	KQL108 unsupported          info     valid Kusto that kqlkit cannot run yet
//	KQL109 internal             error    a bug in kqlkit
//	KQL110 mixed-type-equality  warning  == or != between values of two types
//
// Which operators and functions are "unsupported" is not listed here: it is
// whatever the checker reports as not supported, so the list shrinks as
// kqlkit grows. A call to a function that is not one of kqlkit's is an
// unsupported function when Kusto has it, and an unknown function
// otherwise. Errors inside a leg of `union isfuzzy=true` are warnings:
// Kusto drops such a leg rather than failing. Tables whose schemas the
// catalog lacks in part are adjusted: every table has the standard columns
// (TenantId, TimeGenerated, Type, _ResourceId, …), the Defender XDR tables
// have Timestamp, and AzureDiagnostics accepts any column.
//
// Rule checks (RULE2xx) reuse the rule package's validation (rule.Validate,
// rule.Check), add what it leaves to linters, and give codes:
//
//	RULE200 yaml                error    not YAML, or not a mapping
//	RULE201 required-field      error    id, name, severity, query; for scheduled rules
//	                                     queryFrequency, queryPeriod, triggerOperator,
//	                                     triggerThreshold
//	RULE202 recommended-field   warning  description, kind, tactics, relevantTechniques
//	RULE203 unknown-field       warning  a field Sentinel does not read (did you mean)
//	RULE204 field-type          error    a list where a string is expected, a field twice, …
//	RULE205 rule-id             error    the id is not a GUID
//	RULE206 invalid-value       error    severity, kind, triggerOperator, grouping, …
//	RULE207 spelling            warning  a value Sentinel spells differently
//	RULE208 tactic              error    not a MITRE ATT&CK tactic Sentinel knows
//	RULE209 technique           error    not like T1234 or T1234.001
//	RULE210 duration            error    malformed, or outside Sentinel's limits
//	RULE211 schedule            error    queryFrequency longer than queryPeriod
//	RULE212 trigger-threshold   error    outside 0..10000
//	RULE213 entity-mapping      error    entity type, identifiers, at most 10 entities of
//	                                     at most 3 identifiers
//	RULE214 entity-column       error    a mapped column the query does not return
//	                                     (a warning when only the letter case differs)
//	RULE215 custom-details      error    at most 20; columns the query returns
//	RULE216 alert-details       error    {{Column}} placeholders and columns of
//	                                     alertDetailsOverride the query returns
//	RULE217 incident            error    grouping by entities or details the rule lacks
//	RULE218 lookback            warning  ago(…) further back than queryPeriod
//	RULE219 rule-kind           warning  Fusion and other kinds without a query
//
// Columns are checked against the query's result only when the checker
// knows all of it: a result fed by a table outside the catalog or by an
// operator kqlkit cannot run yet is open, and mapped columns are then not
// reported. A YAML file without scheduling fields (a hunting query) gets
// the query checks only.
//
// Best-practice analyzers (BP3xx) are Analyzer values, listed by
// Analyzers and documented by `kql lint --list` and CODES.md: no time
// filter (BP301), contains where has would do (BP302), tolower()/toupper()
// where a case-insensitive operator would do (BP303), join without kind
// (BP304), union with a wildcard (BP305), search over every table or `*`
// over every column (BP306), mv-expand without limit (BP307), the legacy
// mvexpand (BP308), deprecated function names (BP309, off by default),
// unused let (BP310), a regex without operators (BP311).
//
// Any code can be turned off (Disable, --disable) by code, by name or by a
// prefix ending in '*' (BP*); analyzers that are off by default are turned
// on with Enable (--enable).
//
// # Inline suppression
//
// In a query (a .kql file or a rule's query block), a comment turns codes
// off:
//
//	// kql-lint-disable-next-line BP302          the next line
//	// kql-lint-disable BP304, unknown-column     from here to the end of the query
//	// kql-lint-enable BP304, unknown-column      ... or to here
//	// kql-lint-disable-file KQL102               the whole file
//
// In a rule file, a YAML comment turns codes off for the field it stands
// above (or whose line it ends) and everything nested under that field, or
// for the whole file:
//
//	# kql-lint-disable RULE208
//	tactics:
//	  - SomeNewTactic
//	columnName: Account   # kql-lint-disable RULE214
//	# kql-lint-disable-file RULE202
//
// Codes are given by code or name, separated by commas or spaces; a
// directive without codes turns every code off. Text after " -- " is free
// (the reason).
//
// # Custom analyzers
//
// An Analyzer is a value with a code, a name, documentation and a Run
// function over a Pass, which holds the syntax tree, the rule (nil for a
// .kql file), the inferred result schemas and the table schemas; Run
// reports findings with Pass.Report. Add analyzers with WithAnalyzers; the
// program in examples/lintrule shows one.
package lint
