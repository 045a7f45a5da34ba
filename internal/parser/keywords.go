package parser

import "strings"

// set builds a lookup set from space-separated words.
func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// reservedWords are the keywords that cannot stand for a name in an
// expression; such a name must be quoted: ['where']. The list follows
// Kusto's own parser (its keywords that cannot be identifiers), except kind,
// withsource and with_source, which Kusto accepts as column names.
var reservedWords = set(`
	__contextual_datatable __crossCluster __crossDB __executeAndCache __id __isFuzzy
	__noWithSource __packedColumn __projectAway __sourceColumnIndex
	accumulate and anomalychart areachart as asc bagexpansion barchart between bin_legacy
	boolean by byte cachingpolicy callout cancel card char columnchart contains contains_cs
	containscs cycles dataexport datascope datatable date datetime decimal decodeblocks desc
	double dynamic earliest encodingpolicy endswith endswith_cs expandoutput
	extent_tags_retention external_data externaldata find first flags float force_remote
	harddelete hardretention has has_all has_any has_cs hasprefix hasprefix_cs hassuffix
	hassuffix_cs hotcache in int int16 int32 int64 int8 invoke isfuzzy journal ladderchart
	last latest like likecs linechart long materialize mdm missing nooptimization
	notcontains notcontainscs notlike notlikecs of or others pathformat piechart pivotchart
	print project queries query_results real relaxed restricted_view_access
	row_level_security rowstore rowstore_references rowstore_sealinfo rowstorepolicy
	rowstores sample scatterchart seal seals search set shards simple softdelete
	softretention sql stackedareachart startswith startswith_cs statistics
	storedqueryresultcontainers string tablepurge time timechart timeline timepivot
	timespan title to toscalar totable treemap uint uint16 uint32 uint64 uint8 ulong union
	uniqueid unrestrictedviewers verbose viewers views where with_itemindex with_match_id
	with_step_name writeaheadlog`)

// declKeywords are the reserved words Kusto still accepts as the declared
// name in `Name = Expr` (extend where = 1).
var declKeywords = set(`
	accumulate as by contains datatable earliest externaldata find has in invoke latest
	materialize mdm of print sample search set sql title to toscalar totable verbose
	viewers where`)

// hyphenKeywords are the keywords spelled with a hyphen. The lexer reads
// them as one token only when written without spaces, so `a - b` and
// `x-y` stay subtractions unless x-y is one of these.
var hyphenKeywords = set(`
	assert-schema granny-asc granny-desc graph-match graph-shortest-paths graph-to-table
	macro-expand make-graph make-series mv-apply mv-expand parse-kv parse-where
	partitioned-by project-away project-keep project-rename project-reorder project-smart
	sample-distinct set-or-append set-or-replace top-hitters top-nested`)

// negatableWords are the operators that have a `!` form (!has, !in, …).
var negatableWords = set(`
	between contains contains_cs endswith endswith_cs has has_cs hasprefix hasprefix_cs
	hassuffix hassuffix_cs in startswith startswith_cs`)

// typedLiteralWords are the type names that, directly followed by '(',
// start a typed literal: datetime(2020-01-01), long(null), guid(…).
var typedLiteralWords = set(`
	bool boolean date datetime decimal double guid int int32 int64 long real time timespan
	uniqueid uuid`)

// binOpWords are the binary operators written as words; the lexer gives
// them, like the operator symbols, the token type BinOp so the grammar can
// match any of them in one step.
var binOpWords = set(`
	and or contains contains_cs containscs notcontains notcontainscs endswith endswith_cs has
	has_cs hasprefix hasprefix_cs hassuffix hassuffix_cs like likecs notlike notlikecs
	startswith startswith_cs`)
