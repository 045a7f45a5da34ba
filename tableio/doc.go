// Package tableio reads tables from files and writes query results.
//
// # Reading
//
// ReadFile picks the format by extension: .jsonl/.ndjson (JSON Lines, one
// object per line), .json (an array of objects, objects one after another,
// or a query response of Log Analytics or Azure Data Explorer), .csv (a
// header row, then records). ReadJSONLines, ReadJSON, ReadCSV and
// ReadLogAnalytics read from an io.Reader.
//
// Column types come, in this order of precedence, from the file when it
// carries them (a response's column types, "Name:type" CSV header cells),
// from ReadOptions.Schema (a schema file or the catalog), and otherwise
// from inference. Every column the schema declares is in the result, null
// where the file has no value, so test fixtures can be sparse. Columns are
// ordered as the schema declares them, then in order of first appearance.
//
// Inference, for columns no one declared:
//
//   - JSON: a number that is an integer in the int64 range is long, any
//     other number real (a column mixing them is real); true/false is bool;
//     objects and arrays are dynamic; strings are string, except that a
//     column whose every non-empty string is an ISO 8601 date or datetime
//     ("2025-06-01T12:00:00Z") is datetime (empty strings become null). A
//     column mixing kinds (say strings and numbers) is dynamic and keeps
//     every value as it was; a column holding only nulls is dynamic.
//   - CSV: a column whose every non-empty cell is an integer is long, a
//     number real (NaN, Infinity and -Infinity count as numbers),
//     true/false (any case) bool, an ISO 8601 datetime datetime; otherwise
//     string. Empty cells are null in the typed columns. A column with no
//     value at all is string.
//
// A declared type converts each cell with Kusto's rules: numbers from
// numbers or numeric text (a long or int takes only integral values, an
// int only those in its range), bool from true/false (any case), 1/0 or a
// JSON number (non-zero is true), datetime from the forms todatetime()
// accepts, timespan from "[-][d.]hh:mm:ss[.f]" or literals such as "1h",
// guid from its text, decimal from numbers and text. For a dynamic column,
// the text of a string is parsed as JSON (as parse_json does: text that is
// not JSON becomes a dynamic string; empty text is null), and objects,
// arrays and numbers are taken as they are. A string column takes strings,
// and the JSON text of other values. A cell that does not convert is null,
// as Kusto's ingestion makes it. JSON null is null ("" in a string column).
//
// Malformed input is an error, never skipped: broken JSON, a line of JSON
// Lines that is not one object, an unterminated CSV quote, a quote inside
// an unquoted CSV field, a record with the wrong number of fields. The
// error is a *SyntaxError naming the file, line and column. A byte order
// mark at the start of a file is ignored; CRLF line ends are accepted;
// invalid UTF-8 in strings is replaced by U+FFFD; blank lines are skipped.
// In JSON, a repeated property in one object keeps its last value, and
// NaN, Infinity and -Infinity are accepted as numbers.
//
// # Representation and speed
//
// Strings are dictionary-encoded (a *data.DictCol over the distinct values,
// Unique) unless a column has more distinct values than half its rows,
// when it is a plain *data.Vec[string] (judged per chunk while reading,
// then on a sample of the column's first rows). Repeated values are found
// by their raw text, often without scanning it: a string that repeats the
// previous row's value, or a predicted property name, is matched in place.
//
// String bytes live in large buffers, one per column and chunk of input,
// and the strings point into them (unsafe.String); a buffer is never
// written once its strings exist, so the strings are as immutable as any,
// and there is no allocation per value. Datetimes and timespans are int64 ticks; dynamic columns are
// Vec[data.Dyn], each distinct JSON text parsed once per chunk. A column
// that is absent from the file (or only null) is a *data.ConstCol of null.
//
// JSON Lines and CSV are read in parallel: one goroutine reads blocks of
// the input and cuts them at record boundaries (for CSV, at a newline
// outside quotes, found by counting quotes), workers parse the chunks
// into columns with a hand-written JSON scanner, and the chunks are merged
// in order at the end, column by column in parallel. Memory holds the
// columns being built and a few raw chunks, not the whole input. With
// ReadOptions.Columns only the named columns are stored. A .json document
// is read whole into memory and parsed on one goroutine.
//
// On 1M AADProvisioningLogs rows (1.64 GB of JSON Lines, the catalog
// schema, 2 cores) a load takes about 1.8 s and 3.5 CPU-seconds with a peak
// RSS of 0.85 GiB (0.52 GiB keeping the 9 columns of the headline rule);
// DuckDB 2.0 needs 2.4-4 s, 5.5 CPU-seconds and 1.3 GiB for the same rows.
// The benchmarks are BenchmarkReadJSONLines and BenchmarkReadCSV, and
// internal/loadbench times a file.
//
// # Writing
//
// Write prints tables as an aligned text table, CSV (RFC 4180), JSON (the
// Log Analytics response shape, which ReadLogAnalytics reads back with the
// same types and values) or JSON Lines. Datetimes are written in the
// trimmed ISO form ("2025-06-01T12:00:00Z"), timespans as
// [-][d.]hh:mm:ss[.fffffff], dynamic values as compact JSON.
//
// One round-trip caveat: a dynamic value that is a string holding JSON
// text ("123", "[1]") is written as a JSON string, and a string in a
// dynamic column is parsed when read, so it comes back as the number or
// array; dynamic datetimes, timespans, guids and decimals come back as
// strings.
package tableio
