package lint

import (
	"sort"
	"strings"

	"github.com/kqlkit/kqlkit/diag"
)

// CodeInfo documents one diagnostic code: a check of the query, a check of
// the rule file, or an analyzer.
type CodeInfo struct {
	Code     string        // stable identifier: KQL1xx, RULE2xx, BP3xx
	Name     string        // short name in kebab case, usable instead of the code
	Severity diag.Severity // the severity of its findings by default
	Summary  string        // one line
	Doc      string        // what it finds and how to fix it
	// Off says the code is disabled unless enabled explicitly (--enable).
	Off bool
}

// The codes of the query checks.
const (
	CodeSyntax         = "KQL100"
	CodeUnknownTable   = "KQL101"
	CodeOutsideCatalog = "KQL102"
	CodeUnknownColumn  = "KQL103"
	CodeUnknownFunc    = "KQL104"
	CodeBadCall        = "KQL105"
	CodeTypeMismatch   = "KQL106"
	CodeCheck          = "KQL107"
	CodeUnsupported    = "KQL108"
	CodeInternal       = "KQL109"
	CodeMixedEquality  = "KQL110"
)

// The codes of the rule checks.
const (
	CodeYAML            = "RULE200"
	CodeRequired        = "RULE201"
	CodeRecommended     = "RULE202"
	CodeUnknownField    = "RULE203"
	CodeFieldType       = "RULE204"
	CodeRuleID          = "RULE205"
	CodeEnum            = "RULE206"
	CodeSpelling        = "RULE207"
	CodeTactic          = "RULE208"
	CodeTechnique       = "RULE209"
	CodeDuration        = "RULE210"
	CodeSchedule        = "RULE211"
	CodeThreshold       = "RULE212"
	CodeEntity          = "RULE213"
	CodeEntityColumn    = "RULE214"
	CodeCustomDetails   = "RULE215"
	CodeAlertDetails    = "RULE216"
	CodeIncident        = "RULE217"
	CodeLookback        = "RULE218"
	CodeUnsupportedKind = "RULE219"
)

// builtinCodes documents the checks of the query and of the rule file.
var builtinCodes = []CodeInfo{
	{CodeSyntax, "syntax", diag.Error, "the query is not valid KQL",
		"The query does not parse. The message says what was expected at the position.", false},
	{CodeUnknownTable, "unknown-table", diag.Error, "a table name is misspelt",
		"The query reads a table that is neither in the catalog of Sentinel tables nor declared " +
			"with --schema, and whose name is close to a catalog table: most likely a typo.", false},
	{CodeOutsideCatalog, "outside-catalog", diag.Warning, "a table or function is outside the catalog",
		"The query reads a table (a custom _CL table, a solution's table) or calls a function (an ASIM " +
			"parser, a workspace function) that kqlkit does not know. Its columns are not checked. " +
			"Declare custom tables with --schema to have them checked.", false},
	{CodeUnknownColumn, "unknown-column", diag.Error, "a column or name does not exist",
		"The query names a column that the rows at that point do not have, or a name that no let " +
			"statement binds. The message suggests the closest existing column.", false},
	{CodeUnknownFunc, "unknown-function", diag.Error, "a function does not exist",
		"The query calls a function that is neither a Kusto built-in function nor defined by a " +
			"let statement. The message suggests the closest function.", false},
	{CodeBadCall, "bad-call", diag.Error, "a function is called with wrong arguments",
		"The number or the types of the arguments do not match the function's signature.", false},
	{CodeTypeMismatch, "type-mismatch", diag.Error, "operands have incompatible types",
		"An operator is applied to values whose types Kusto does not combine, such as a datetime " +
			"compared with a number by >. Convert one side (todatetime(), tolong(), …).", false},
	{CodeCheck, "check", diag.Error, "the query is not valid",
		"Another semantic error found by the checker: a scalar used as a table, a wrong " +
			"operator argument, a column defined twice, …", false},
	{CodeUnsupported, "unsupported", diag.Info, "kqlkit cannot run this yet",
		"The query uses an operator, function or form that is valid Kusto but that kqlkit cannot " +
			"evaluate yet, so `kql run` and `kql test` would fail on it. Columns that depend on it " +
			"are not checked.", false},
	{CodeInternal, "internal", diag.Error, "kqlkit failed on this query",
		"The checker met an internal error: a bug in kqlkit. Please report it with the query.", false},
	{CodeMixedEquality, "mixed-type-equality", diag.Warning, "'==' or '!=' compares values of different types",
		"Values of two types compared for equality, such as a string and a number (ResultType == 50126, " +
			"EventID == \"4624\"). Kusto accepts it, but the intent is unclear and kqlkit cannot " +
			"run it: compare values of one type (ResultType == \"50126\", or toint(ResultType) == 50126).", false},

	{CodeYAML, "yaml", diag.Error, "the rule file is not a YAML mapping",
		"The file is not valid YAML, or its top level is not a mapping of fields.", false},
	{CodeRequired, "required-field", diag.Error, "a required field is missing",
		"Sentinel needs id, name, severity and query, and, for scheduled rules, queryFrequency, " +
			"queryPeriod, triggerOperator and triggerThreshold.", false},
	{CodeRecommended, "recommended-field", diag.Warning, "an expected field is missing",
		"Rules published as templates carry a description, a kind, a version, tactics and " +
			"relevantTechniques.", false},
	{CodeUnknownField, "unknown-field", diag.Warning, "a field is not part of the rule format",
		"The field is not one Sentinel reads; it is probably misspelt or misplaced.", false},
	{CodeFieldType, "field-type", diag.Error, "a field has the wrong type",
		"A field holds a list where a string is expected, a string where a number is expected, " +
			"or a value is given twice.", false},
	{CodeRuleID, "rule-id", diag.Error, "the rule id is not a GUID",
		"The id of an analytic rule template is a GUID such as " +
			"0b2a4a0c-d6e6-4c1d-9f0c-8e4bd0e2e2a1.", false},
	{CodeEnum, "invalid-value", diag.Error, "a field has a value Sentinel does not accept",
		"severity, kind, triggerOperator, event grouping, matching methods and alert properties " +
			"take one of a fixed set of values.", false},
	{CodeSpelling, "spelling", diag.Warning, "a value is spelt differently in Sentinel",
		"The value is accepted, but Sentinel spells it differently (letter case, spaces).", false},
	{CodeTactic, "tactic", diag.Error, "a tactic is not a MITRE ATT&CK tactic Sentinel knows",
		"tactics lists MITRE ATT&CK tactics as Sentinel names them: InitialAccess, Execution, " +
			"Persistence, PrivilegeEscalation, DefenseEvasion, CredentialAccess, Discovery, " +
			"LateralMovement, Collection, CommandAndControl, Exfiltration, Impact, Reconnaissance, " +
			"ResourceDevelopment, PreAttack, ImpairProcessControl, InhibitResponseFunction.", false},
	{CodeTechnique, "technique", diag.Error, "a technique is not a MITRE ATT&CK technique id",
		"relevantTechniques lists technique ids such as T1078 or sub-techniques such as T1078.004.", false},
	{CodeDuration, "duration", diag.Error, "a duration is malformed or out of range",
		"queryFrequency and queryPeriod lie between 5 minutes and 14 days, suppressionDuration " +
			"between 5 minutes and 24 hours, the incident lookbackDuration between 5 minutes and " +
			"7 days. Write durations as 5m, 1h, 14d or in ISO 8601 (PT1H, P1D).", false},
	{CodeSchedule, "schedule", diag.Error, "queryFrequency and queryPeriod do not fit together",
		"A query period shorter than the frequency leaves gaps between runs in which events are " +
			"never looked at.", false},
	{CodeThreshold, "trigger-threshold", diag.Error, "triggerThreshold is out of range",
		"triggerThreshold is a whole number from 0 to 10000.", false},
	{CodeEntity, "entity-mapping", diag.Error, "an entity mapping is invalid",
		"Entity types and identifiers come from Sentinel's entity reference; a rule maps at most " +
			"10 entities, each with at most 3 identifiers, each identifier once.", false},
	{CodeEntityColumn, "entity-column", diag.Error, "an entity is mapped to a column the query does not return",
		"Each columnName of entityMappings must be a column of the query's result.", false},
	{CodeCustomDetails, "custom-details", diag.Error, "a custom detail is invalid",
		"A rule has at most 20 custom details, each naming a column of the query's result.", false},
	{CodeAlertDetails, "alert-details", diag.Error, "alertDetailsOverride is invalid",
		"The {{Column}} placeholders of alertDisplayNameFormat (at most 3) and " +
			"alertDescriptionFormat (at most 5), alertSeverityColumnName, alertTacticsColumnName " +
			"and the alertDynamicProperties must name columns of the query's result.", false},
	{CodeIncident, "incident", diag.Error, "incidentConfiguration is inconsistent",
		"Grouping by entities, alert details or custom details the rule does not define never matches.", false},
	{CodeLookback, "lookback", diag.Warning, "the query looks further back than queryPeriod",
		"Sentinel runs the query over the last queryPeriod only: a filter such as " +
			"ago(14d) in a rule whose queryPeriod is 1d sees one day of data, not fourteen.", false},
	{CodeUnsupportedKind, "rule-kind", diag.Warning, "the rule kind is not a scheduled query",
		"Fusion, Microsoft security and threat-intelligence rules run inside Sentinel; only " +
			"Scheduled and NRT rules have a query to check.", false},
}

// codeIndex finds a code's documentation by code or name.
func codeIndex(all []CodeInfo) map[string]*CodeInfo {
	m := make(map[string]*CodeInfo, 2*len(all))
	for i := range all {
		m[strings.ToUpper(all[i].Code)] = &all[i]
		m[strings.ToLower(all[i].Name)] = &all[i]
	}
	return m
}

// lookupCode finds a code by its code (any case) or its name.
func lookupCode(idx map[string]*CodeInfo, s string) *CodeInfo {
	s = strings.TrimSpace(s)
	if c, ok := idx[strings.ToUpper(s)]; ok {
		return c
	}
	return idx[strings.ToLower(s)]
}

// sortCodes orders codes by family (KQL, RULE, BP, others) then number.
func sortCodes(list []CodeInfo) {
	family := func(code string) int {
		switch {
		case strings.HasPrefix(code, "KQL"):
			return 0
		case strings.HasPrefix(code, "RULE"):
			return 1
		case strings.HasPrefix(code, "BP"):
			return 2
		}
		return 3
	}
	sort.SliceStable(list, func(i, j int) bool {
		fi, fj := family(list[i].Code), family(list[j].Code)
		if fi != fj {
			return fi < fj
		}
		return list[i].Code < list[j].Code
	})
}
