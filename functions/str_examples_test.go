package functions_test

import (
	"context"
	"testing"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
	"github.com/kqlkit/kqlkit/kql"
)

// strExampleFuncs are the functions of the string and conditional families
// whose documented examples are checked.
var strExampleFuncs = []string{
	"iff", "case", "coalesce", "max_of", "min_of", "isempty", "isnotempty", "isnull", "isnotnull", "not", "gettype",
	"strlen", "string_size", "tolower", "toupper", "reverse", "strcmp", "isascii", "isutf8", "substring",
	"strcat", "strcat_delim", "strcat_array", "strrep", "split", "indexof", "countof", "translate",
	"has_any_index", "extract", "extract_all", "indexof_regex", "replace_string", "replace_strings",
	"replace_regex", "replace", "trim", "trim_start", "trim_end", "base64_encode_tostring",
	"base64_decode_tostring", "base64_decode_toarray", "base64_encode_fromarray", "base64_encode_fromguid",
	"base64_decode_toguid", "tohex", "unicode_codepoints_from_string", "unicode_codepoints_to_string",
	"url_encode", "url_encode_component", "url_decode", "hash", "hash_xxhash64", "hash_md5", "hash_sha1",
	"hash_sha256", "parse_url", "parse_urlquery", "parse_path", "parse_version", "parse_csv",
	"parse_command_line", "format_bytes", "punycode_from_string", "punycode_to_string",
	"punycode_domain_to_string", "punycode_domain_from_string", "extract_json", "regex_quote",
	"zlib_compress_to_base64_string", "gzip_compress_to_base64_string", "zlib_decompress_from_base64_string",
	"gzip_decompress_from_base64_string",
}

// TestStringExamples runs the documented examples of the string and
// conditional functions and compares their first result value with the
// documented result.
func TestStringExamples(t *testing.T) {
	env, err := kql.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range strExampleFuncs {
		f, ok := functions.Builtins().Scalar(name)
		if !ok {
			t.Errorf("%s is not registered", name)
			continue
		}
		if len(f.Examples) == 0 || f.Doc == "" || f.Sig == "" {
			t.Errorf("%s: missing documentation or examples", name)
		}
		for _, ex := range f.Examples {
			q, err := env.Compile("", ex.Query)
			if err != nil {
				t.Errorf("%s: %v", ex.Query, err)
				continue
			}
			res, err := q.Run(context.Background())
			if err != nil {
				t.Errorf("%s: %v", ex.Query, err)
				continue
			}
			got := showResult(res.Primary().Cols[0].Value(0))
			if got != ex.Result {
				t.Errorf("%s: got %s, want %s", ex.Query, got, ex.Result)
			}
		}
	}
}

// showResult formats a value as the examples write results: strings
// quoted, dynamic values as JSON, other values as tostring() gives them.
func showResult(v data.Value) string {
	switch v.Type() {
	case data.String:
		return string(data.AppendJSONString(nil, v.Str()))
	case data.Dynamic:
		return v.Dyn().String()
	}
	return v.String()
}

// TestTypeofResults checks that typeof(T), as the evaluator passes it,
// gives extract and extract_json results of type T.
func TestTypeofResults(t *testing.T) {
	env, err := kql.NewEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		want  data.Type
	}{
		{`print extract("x=([0-9]+)", 1, "x=42;", typeof(long))`, data.Long},
		{`print extract("x=([0-9]+)", 1, "x=42;", typeof(int))`, data.Int},
		{`print extract("x=([0-9.]+)", 1, "x=4.5;", typeof(double))`, data.Real},
		{`print extract_json("$.a", '{"a":"2020-01-01"}', typeof(datetime))`, data.DateTime},
		{`print extract_json("$.a", '{"a":[1]}', typeof(dynamic))`, data.Dynamic},
	} {
		q, err := env.Compile("", c.query)
		if err != nil {
			t.Errorf("%s: %v", c.query, err)
			continue
		}
		res, err := q.Run(context.Background())
		if err != nil {
			t.Errorf("%s: %v", c.query, err)
			continue
		}
		col := res.Primary().Cols[0]
		if col.Type() != c.want || col.IsNull(0) {
			t.Errorf("%s: got %s %s, want a %s", c.query, col.Type(), showResult(col.Value(0)), c.want)
		}
	}
}
