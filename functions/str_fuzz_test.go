package functions

import (
	"math"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// strFuzzFuncs are the string and conditional functions the fuzz test
// calls.
var strFuzzFuncs = []string{
	"strlen", "string_size", "tolower", "toupper", "reverse", "strcmp", "isascii", "isutf8", "substring",
	"strcat", "strcat_delim", "strcat_array", "strrep", "split", "indexof", "countof", "translate",
	"has_any_index", "extract", "extract_all", "indexof_regex", "replace_string", "replace_strings",
	"replace_regex", "replace", "trim", "trim_start", "trim_end", "base64_encode_tostring",
	"base64_decode_tostring", "base64_decode_toarray", "base64_encode_fromarray", "base64_decode_toguid",
	"tohex", "unicode_codepoints_from_string", "unicode_codepoints_to_string", "url_encode",
	"url_encode_component", "url_decode", "hash", "hash_md5", "hash_sha1", "hash_sha256",
	"parse_url", "parse_urlquery", "parse_path", "parse_version", "parse_csv",
	"parse_command_line", "format_bytes", "punycode_from_string", "punycode_to_string",
	"punycode_domain_to_string", "punycode_domain_from_string", "iff", "case", "coalesce", "max_of",
	"min_of", "isempty", "isnull", "gettype", "extract_json", "regex_quote", "zlib_decompress_from_base64_string",
	"gzip_decompress_from_base64_string", "zlib_compress_to_base64_string",
}

// strFuzzShapes are argument lists built from the fuzz inputs.
func strFuzzShapes(s1, s2 string, n1, n2 int64) [][]data.Value {
	d := data.DynamicValue(ParseJSONLenient(s2))
	return [][]data.Value{
		{sv(s1)},
		{sv(s1), sv(s2)},
		{sv(s1), sv(s2), sv(s1)},
		{sv(s1), lv(n1)},
		{sv(s1), lv(n1), lv(n2)},
		{sv(s1), sv(s2), lv(n1), lv(n2), lv(n2)},
		{sv(s2), lv(n1), sv(s1)},
		{lv(n1), lv(n2)},
		{iv(int32(n1)), lv(n2)},
		{d},
		{d, sv(s1)},
		{sv(s1), d, sv(s2)},
		{sv(s2), d, d},
		{bv(n1 > 0), sv(s1), d},
		{lv(n1), d, lv(n2)},
		{rv(float64(n1) / 7), lv(n2), sv(s2)},
	}
}

func FuzzStringFunctions(f *testing.F) {
	f.Add("abc", "b", int64(1), int64(2))
	f.Add(`(\w+)@(\w+)`, "user@host", int64(0), int64(-1))
	f.Add("xn--Ge-mia", `[1,2,"a"]`, int64(-5), int64(1<<40))
	f.Add("%u12%zz+", `{"a":1}`, int64(1<<62), int64(-1<<62))
	f.Add("\xff\xfe", "", int64(16), int64(3))
	f.Add("abc", "c", int64(math.MaxInt64), int64(math.MinInt64))
	f.Add("a.b", "(", int64(1), int64(math.MaxInt64))
	f.Fuzz(func(t *testing.T, s1, s2 string, n1, n2 int64) {
		if len(s1) > 200 || len(s2) > 200 {
			return
		}
		for _, fn := range strFuzzFuncs {
			if fn == "strrep" && (n1 > 1000 || n2 > 1000) {
				continue // a legitimately large result; tested apart
			}
			for _, args := range strFuzzShapes(s1, s2, n1, n2) {
				for _, mode := range []string{"vector", "const", "dict"} {
					_, _ = evalMode(fn, mode, args)
				}
			}
		}
	})
}
