// Package rule reads Microsoft Sentinel analytic rules (the YAML of the
// Azure-Sentinel repository), validates them with positions in the YAML
// file, and evaluates them over in-memory tables the way Sentinel runs
// them: at an instant (Evaluate), or on their schedule over a range of time
// with suppression and incident grouping (Backtest).
//
//	r, err := rule.Load("rule.yaml")
//	if err != nil { … }                       // not YAML, or not a mapping
//	if err := r.Validate().Err(); err != nil { … } // file:line:col: message
//	ev, err := r.Evaluate(ctx, rule.WithNow(now), rule.WithTables(logs))
//	ev.Triggered, ev.Alerts, ev.AlertsTable()  // SecurityAlert rows
//
// # The rule file
//
// Every field of the analytic-rule YAML is read: id, name, description,
// severity, kind (Scheduled or NRT), version, status, enabled,
// requiredDataConnectors, queryFrequency, queryPeriod, triggerOperator,
// triggerThreshold, tactics, relevantTechniques, query, entityMappings,
// customDetails, alertDetailsOverride (alertDisplayNameFormat,
// alertDescriptionFormat, alertSeverityColumnName, alertTacticsColumnName,
// alertDynamicProperties), eventGroupingSettings, incidentConfiguration,
// suppressionEnabled, suppressionDuration; tags, metadata,
// sentinelEntitiesMappings, alertRuleTemplateName and templateVersion are
// kept without effect. Other fields are kept in Rule.Raw and listed in
// Rule.Unknown, and Validate reports them as warnings.
//
// Validation follows what Sentinel accepts. Durations are ISO 8601 (PT1H,
// P1D), the short forms of the repository (5m, 1h, 14d) or timespan text
// (05:00:00); queryFrequency and queryPeriod lie between 5m and 14d, the
// frequency no longer than the period; suppressionDuration between 5m and
// 24h; the incident lookbackDuration between 5m and 7d. triggerOperator is
// gt, lt, eq, ne or GreaterThan, LessThan, Equal, NotEqual. Severities,
// tactics, entity types and identifiers (the Sentinel entity types
// reference: Account, Host, IP, URL, AzureResource, CloudApplication, DNS,
// File, FileHash, Malware, Process, RegistryKey, RegistryValue,
// SecurityGroup, Mailbox, MailCluster, MailMessage, SubmissionMail) are
// checked; a value that differs only in letter case is accepted with a
// warning. At most 10 entity mappings of at most 3 identifiers, and 20
// custom details. Every error carries the YAML line and column, and query
// syntax errors point into the query block of the file. Check verifies,
// once the query is compiled, that every column the rule maps is in the
// query's result.
//
// # Evaluation
//
// Evaluate runs the rule at the instant of WithNow, which is both the end
// of the query window and now() inside the query:
//
//   - Window. The query sees only the rows whose TimeGenerated lies in
//     (now - queryPeriod, now], even when it has no time filter of its own:
//     every bound table with a datetime TimeGenerated column is cut to
//     those rows before the query runs (rows with a null TimeGenerated are
//     left out; tables without the column are passed whole). Sentinel runs
//     a scheduled rule five minutes after its scheduled time so that late
//     events have arrived; kqlkit takes --now as that scheduled time with
//     ingestion complete and adds no delay of its own. NRT rules look at the
//     last minute (Sentinel uses ingestion time for them; kqlkit uses
//     TimeGenerated).
//   - Trigger. The number of result rows is compared with triggerThreshold
//     using triggerOperator (default: gt 0).
//   - Grouping. SingleAlert (the default) makes one alert for all rows.
//     AlertPerResult makes one alert per row, up to Sentinel's cap of 150
//     alerts a run (30 for NRT rules): with more rows, the first 149 rows
//     have their own alerts and the 150th alert summarises all rows, as a
//     SingleAlert would.
//   - Alert details. {{Column}} in alertDisplayNameFormat and
//     alertDescriptionFormat takes the value of the column (as tostring()
//     writes it) in the alert's first row; a name or description that comes
//     out blank falls back to the rule's. alertSeverityColumnName and
//     alertTacticsColumnName take effect only when the value is a valid
//     severity, or a list (comma-separated, or a dynamic/JSON array) of
//     valid tactics; otherwise the rule's apply. alertDynamicProperties set
//     AlertLink, ConfidenceLevel, ConfidenceScore, ExtendedLinks,
//     ProductComponentName, ProductName, ProviderName, RemediationSteps,
//     Techniques and SubTechniques from columns.
//   - Entities. Each mapping gives an entity per row with the non-empty
//     identifier values (a row whose identifiers are all empty gives none);
//     FullName is split as Sentinel's older mappings are (user@domain into
//     Name and UPNSuffix, DOMAIN\user into NTDomain and Name, host.domain
//     into HostName and DnsDomain); an Account mapped by Name whose name is
//     a built-in one (ADMIN, SYSTEM, …) is dropped; duplicates are merged.
//     A SingleAlert carries the entities of every row.
//   - Custom details. Each key holds the column's values in the alert's
//     rows, as text; in ExtendedProperties they are JSON text under
//     "Custom Details", {"Key":["value", …]}, as Sentinel writes them.
//
// Alerts become rows of a SecurityAlert table (AlertsTable) with Sentinel's
// column names: AlertName and DisplayName, AlertSeverity, Description,
// Tactics ("Persistence, DefenseEvasion"; "Unknown" when none), Techniques
// and SubTechniques (JSON arrays), Entities (a dynamic array of objects
// with "$id", the identifiers and "Type": account, ip, cloud-application,
// …), ExtendedProperties (a dynamic bag: Query Period, Trigger Operator,
// Trigger Threshold, Search Query Results Overall Count, Query, Query
// Start/End Time UTC, Analytic Rule Ids, Event Grouping, Analytic Rule
// Name, Custom Details, …), StartTime and EndTime (the first and last
// TimeGenerated of the alert's rows when the result has that column, else
// the window), TimeGenerated and ProcessingEndTime (the run instant),
// ProviderName "ASI Scheduled Alerts", ProductName "Azure Sentinel",
// ProductComponentName "Scheduled Alerts", VendorName "Microsoft", Status
// "New", AlertType "<workspace id>_<rule id>" (WithWorkspaceID; the zero
// GUID by default) and SystemAlertId, a GUID derived from the rule id, the
// instant and the alert's index so that tests are stable. Sentinel stores
// Entities and ExtendedProperties as JSON text; here they are dynamic.
//
// # Backtests and incidents
//
// Backtest runs the rule at from, from + queryFrequency, … up to to. With
// suppressionEnabled, the runs that fall less than suppressionDuration
// (default 5h) after a run that raised alerts are skipped. GroupIncidents
// then applies incidentConfiguration: no incidents when createIncident is
// false, one per alert without grouping, and otherwise an alert joins the
// latest incident started at most lookbackDuration (default 5h) earlier
// whose first alert matches it: AnyAlert, AllEntities (the same entities)
// or Selected (the same entities of the groupByEntities types, the same
// groupByAlertDetails — DisplayName, Severity — and groupByCustomDetails
// values). An incident holds at most 150 alerts. No analyst closes
// incidents in a backtest unless WithIncidentCloseAfter says so; a closed
// incident is then reopened by a matching alert when reopenClosedIncident
// is set, and left closed (a new incident is made) when it is not.
package rule
