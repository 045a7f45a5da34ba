package functions

import (
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func TestExtractJSON(t *testing.T) {
	doc := sv(`{"Source":"Server-01","Log Level":"INFO","Details":{"Response Code":200,"Tags":["startup","auth"],
		"User":{"User ID":"user123"}},"n":null}`)
	runStrCases(t, []strCase{
		call("extract_json", sv("John"), sv("$.name"), sv(`{"name": "John", "age": 30, "city": "New York"}`)),
		call("extract_json", sv("Server-01"), sv("$.Source"), doc),
		call("extractjson", sv("INFO"), sv("$['Log Level']"), doc),
		call("extract_json", sv("200"), sv(`$.Details["Response Code"]`), doc),
		call("extract_json", sv("auth"), sv("$.Details.Tags[1]"), doc),
		call("extract_json", sv(`["startup","auth"]`), sv("$.Details.Tags"), doc),
		call("extract_json", sv("user123"), sv("$.Details.User['User ID']"), doc),
		call("extract_json", sv(""), sv("$.Details.Tags[5]"), doc),
		call("extract_json", sv(""), sv("$.missing"), doc),
		call("extract_json", sv(""), sv("$.n"), doc),
		call("extract_json", sv(""), sv("$.a"), sv("not json")),
		call("extract_json", sv("1"), sv("$[0].Value"), sv(`[{"Value":1}]`)),
		call("extract_json", sv("7"), sv("$runId"), sv(`{"runId":7}`)),
		callErr("extract_json", sv("$.a"), dv(`{"a":1}`)),
	})
	runStrCasesIn(t, []string{"const"}, []strCase{
		callErr("extract_json", sv("name"), sv("{}")),
		call("extract_json", lv(30), sv("$.age"), sv(`{"age": 30}`), sv("long")),
		call("extract_json", nullv(data.Long), sv("$.x"), sv(`{"age": 30}`), sv("long")),
		call("extract_json", sv("John"), sv("$.name"), sv(`{"name": "John"}`), sv("string")),
		call("extract_json", rv(2.5), sv("$.a"), sv(`{"a": 2.5}`), sv("double")),
		call("extract_json", dv(`[1,2]`), sv("$.a"), sv(`{"a": [1,2]}`), dv(`null`)),
	})
}

func TestRegexQuote(t *testing.T) {
	runStrCases(t, []strCase{
		call("regex_quote", sv(`\(so\$me\.Te\^xt\)`), sv("(so$me.Te^xt)")),
		call("regex_quote", sv("abc"), sv("abc")),
		call("regex_quote", sv(`1\.5`), rv(1.5)),
		call("array_strcat", sv("1,2"), dv(`[1,2]`), sv(",")),
	})
}

func TestCompressionRoundTrip(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 10000)
	for _, kind := range []string{"zlib", "gzip"} {
		enc := callScalar(t, kind+"_compress_to_base64_string", sv(big))
		dec := callScalar(t, kind+"_decompress_from_base64_string", enc)
		if dec.Str() != big {
			t.Errorf("%s round trip of %d bytes: got %d bytes back", kind, len(big), len(dec.Str()))
		}
	}
}

func TestCompression(t *testing.T) {
	runStrCases(t, []strCase{
		call("zlib_compress_to_base64_string", sv("eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw=="), sv("1234567890qwertyuiop")),
		call("gzip_compress_to_base64_string", sv("H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA=="), sv("1234567890qwertyuiop")),
		call("zlib_decompress_from_base64_string", sv("Test string 123"), sv("eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=")),
		call("zlib_decompress_from_base64_string", sv(""), sv("x0x0x0")),
		call("gzip_decompress_from_base64_string", sv("1234567890qwertyuiop"), sv("H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==")),
		call("gzip_decompress_from_base64_string", sv(""), sv("H4sIAAAA")),
		call("zlib_compress_to_base64_string", sv("eAEBAAD//wAAAAE="), sv("")),
	})
}
