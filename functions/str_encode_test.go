package functions

import (
	"math"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func guidv(s string) data.Value {
	g, err := data.ParseGUID(s)
	if err != nil {
		panic(err)
	}
	return data.GUIDValueOf(g)
}

func TestBase64(t *testing.T) {
	runStrCases(t, []strCase{
		call("base64_encode_tostring", sv("S3VzdG8="), sv("Kusto")),
		call("base64_encodestring", sv(""), sv("")),
		call("base64_decode_tostring", sv("Kusto"), sv("S3VzdG8=")),
		call("base64_decode_tostring", sv(""), sv("U3RyaW5n0KHR0tGA0L7Rh9C60LA=")),
		call("base64_decode_tostring", sv(""), sv("not base64!")),
		call("base64_decodestring", sv("Kusto"), sv("S3Vz dG8=")),
		call("base64_decode_toarray", dv(`[75,117,115,116,111]`), sv("S3VzdG8=")),
		call("base64_decode_toarray", dv(`null`), sv("U3RyaW5n0KHR0tGA0L7Rh9C60LA")),
		call("base64_encode_fromarray", sv("S3VzdG8="), dv(`[75,117,115,116,111]`)),
		call("base64_encode_fromarray", sv(""), dv(`null`)),
		call("base64_encode_fromarray", sv(""), dv(`[256]`)),
		call("base64_encode_fromarray", sv(""), dv(`["a"]`)),
		call("base64_encode_fromguid", sv("8jMxriJurkmwahbmqbIS6w=="), guidv("ae3133f2-6e22-49ae-b06a-16e6a9b212eb")),
		call("base64_encode_fromguid", sv(""), nullv(data.GUID)),
		callErr("base64_encode_fromguid", sv("abcd1231")),
		call("base64_decode_toguid", guidv("10e99626-bc2b-4c75-bb3e-fe606de25700"), sv("JpbpECu8dUy7Pv5gbeJXAA==")),
		call("base64_decode_toguid", nullv(data.GUID), sv("abcd1231")),
	})
}

func TestTohex(t *testing.T) {
	runStrCases(t, []strCase{
		call("tohex", sv("100"), lv(256)),
		call("tohex", sv("ffffffffffffff00"), lv(-256)),
		call("tohex", sv("ffffff00"), iv(-256), lv(8)),
		call("tohex", sv("00000100"), lv(256), lv(8)),
		call("tohex", sv("100"), lv(256), lv(2)),
		call("tohex", sv("0000000000000100"), lv(256), lv(40)),
		call("tohex", sv(""), nullv(data.Long)),
		call("tohex", sv("1"), lv(1), lv(math.MinInt64)),
		callErr("tohex", rv(1.5)),
	})
}

func TestCodepoints(t *testing.T) {
	runStrCases(t, []strCase{
		call("unicode_codepoints_from_string", dv(`[9382,9392,9390,9391,9386]`), sv("⒦⒰⒮⒯⒪")),
		call("unicode_codepoints_from_string", dv(`[1511,1493,1505,1496,1493,32,45,32,75,117,115,116,111]`), sv("קוסטו - Kusto")),
		call("to_utf8", dv(`[]`), sv("")),
		call("unicode_codepoints_to_string", sv("Kusto"), lv(75), lv(117), lv(115), lv(116), lv(111)),
		call("unicode_codepoints_to_string", sv("Kusto"), dv(`[75,117,115]`), lv(116), iv(111)),
		call("unicode_codepoints_to_string", sv("K\nu"), lv(75), lv(10), lv(117)),
		call("make_string", sv("Kusto"), dv(`[75,117,115,116,111]`)),
		call("unicode_codepoints_to_string", sv(""), lv(-1)),
		call("unicode_codepoints_to_string", sv(""), lv(0xD800)),
		call("unicode_codepoints_to_string", sv(""), dv(`["a"]`)),
		callErr("unicode_codepoints_to_string", sv("a")),
	})
}

func TestURLEncoding(t *testing.T) {
	runStrCases(t, []strCase{
		call("url_encode", sv("https%3a%2f%2fwww.bing.com%2fhello+world"), sv("https://www.bing.com/hello world")),
		call("url_encode_component", sv("https%3a%2f%2fwww.bing.com%2fhello%20world%2f"), sv("https://www.bing.com/hello world/")),
		call("url_encode", sv("%c3%a9-_.!*()%7e"), sv("é-_.!*()~")),
		call("url_decode", sv("https://www.bing.com/"), sv("https%3a%2f%2fwww.bing.com%2f")),
		call("url_decode", sv("a b+é"), sv("a+b%2B%C3%A9")),
		call("url_decode", sv("100%"), sv("100%")),
		call("url_decode", sv("%zz"), sv("%zz")),
		call("url_decode", sv("é"), sv("%u00e9")),
		call("url_decode", sv("\uFFFD"), sv("%ff")),
	})
}

func TestHash(t *testing.T) {
	runStrCases(t, []strCase{
		// conformance hash-function-00/01, hash-xxhash64-function-01 and the documentation
		call("hash", lv(1846988464401551951), sv("World")),
		call("hash", lv(51), sv("World"), lv(100)),
		call("hash", lv(753694413698530628), sv("Hello")),
		call("hash", lv(1380966698541616202), data.DateTimeValue(mustTicks("2015-01-01T00:00:00Z"))),
		call("hash_xxhash64", lv(1846988464401551951), sv("World")),
		call("hash_xxhash64", lv(51), sv("World"), iv(100)),
		call("hash", nullv(data.Long), nullv(data.Long)),
		call("hash", nullv(data.Long), sv("World"), lv(0)),
		callErr("hash", dv(`1`)),
		// conformance hash-sha1-function-00 and the documentation
		call("hash_sha1", sv("70c07ec18ef89c5309bbb0937f3a6342411e1fdd"), sv("World")),
		call("hash_sha1", sv("e903e533f4d636b4fc0dcf3cf81e7b7f330de776"), data.DateTimeValue(mustTicks("2020-01-01T00:00:00Z"))),
		call("hash_md5", sv("f5a7924e621e84c9280a9a27e1bcb7f6"), sv("World")),
		call("hash_md5", sv("786c530672d1f8db31fee25ea8a9390b"), data.DateTimeValue(mustTicks("2020-01-01T00:00:00Z"))),
		call("hash_md5", sv("3b00dbe6e07e7485a1c12d36c8e9910a"), sv("TEXAS")),
		call("hash_sha256", sv("78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524"), sv("World")),
		call("hash_sha256", sv("ba666752dc1a20eb750b0eb64e780cc4c968bc9fb8813461c1d7e750f302d71d"),
			data.DateTimeValue(mustTicks("2020-01-01T00:00:00Z"))),
		callErr("hash_sha256", dv(`"a"`)),
	})
	for _, name := range []string{"hash_combine", "hash_many"} {
		if _, err := tryScalar(name, lv(1), lv(2)); err == nil || !strings.Contains(err.Error(), "not supported") {
			t.Errorf("%s: got %v, want a 'not supported' error", name, err)
		}
	}
}

func TestXXHash64Long(t *testing.T) {
	// The reference values of xxHash64 for inputs over 32 bytes
	// (the four-lane path) with seed 0.
	for _, c := range []struct {
		in   string
		want uint64
	}{
		{"", 0xEF46DB3751D8E999},
		{"a", 0xD24EC4F1A98C6E5B},
		{"abc", 0x44BC2CF5AD770999},
		{"Nobody inspects the spammish repetition", 0xFBCEA83C8A378BF1},
	} {
		if got := xxhash64([]byte(c.in), 0); got != c.want {
			t.Errorf("xxhash64(%q) = %#x, want %#x", c.in, got, c.want)
		}
	}
}
