package functions

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "base64_encode_tostring", Sig: "base64_encode_tostring(string: string): string",
			Doc:      "Encodes the UTF-8 bytes of a string as base64.",
			Examples: []Example{{"print base64_encode_tostring(\"Kusto\")", "\"S3VzdG8=\""}},
			Bind:     unary("base64_encode_tostring", argString, data.String, base64EncodeString)},
		&Scalar{Name: "base64_decode_tostring", Sig: "base64_decode_tostring(base64_string: string): string",
			Doc: "Decodes base64 text to a UTF-8 string; text that is not base64, or bytes " +
				"that are not UTF-8, give the empty string.",
			Examples: []Example{{"print base64_decode_tostring(\"S3VzdG8=\")", "\"Kusto\""}},
			Bind:     unary("base64_decode_tostring", argString, data.String, base64DecodeString)},
		&Scalar{Name: "base64_decode_toarray", Sig: "base64_decode_toarray(base64_string: string): dynamic",
			Doc: "Decodes base64 text to a dynamic array of byte values (longs); text " +
				"that is not base64 gives null.",
			Examples: []Example{{"print base64_decode_toarray(\"S3VzdG8=\")", "[75,117,115,116,111]"}},
			Bind:     unary("base64_decode_toarray", argString, data.Dynamic, base64DecodeArray)},
		&Scalar{Name: "base64_encode_fromarray", Sig: "base64_encode_fromarray(base64_string_decoded_as_array: dynamic): string",
			Doc: "Encodes a dynamic array of byte values (integers 0 to 255) as base64; " +
				"anything else gives the empty string.",
			Examples: []Example{{"print base64_encode_fromarray(dynamic([75,117,115,116,111]))", "\"S3VzdG8=\""}},
			Bind:     unary("base64_encode_fromarray", argDynamic, data.String, base64EncodeArray)},
		&Scalar{Name: "base64_encode_fromguid", Sig: "base64_encode_fromguid(guid: guid): string",
			Doc: "Encodes the 16 bytes of a guid (in .NET byte order) as base64; " +
				"null gives the empty string.",
			Examples: []Example{{"print base64_encode_fromguid(guid(ae3133f2-6e22-49ae-b06a-16e6a9b212eb))", "\"8jMxriJurkmwahbmqbIS6w==\""}},
			Bind:     unary("base64_encode_fromguid", argGUID, data.String, base64EncodeGUID)},
		&Scalar{Name: "base64_decode_toguid", Sig: "base64_decode_toguid(base64_string: string): guid",
			Doc: "Decodes base64 text of 16 bytes (.NET byte order) to a guid; " +
				"anything else gives null.",
			Examples: []Example{{"print base64_decode_toguid(\"JpbpECu8dUy7Pv5gbeJXAA==\")", "10e99626-bc2b-4c75-bb3e-fe606de25700"}},
			Bind:     unary("base64_decode_toguid", argString, data.GUID, base64DecodeGUID)},
	)
	alias("base64_encodestring", "base64_encode_tostring")
	alias("base64_decodestring", "base64_decode_tostring")
}

// decodeBase64 decodes standard base64 with padding, ignoring white
// space, as .NET's Convert.FromBase64String does.
func decodeBase64(s string) ([]byte, bool) {
	if strings.ContainsAny(s, " \t\r\n") {
		s = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
				return -1
			}
			return r
		}, s)
	}
	b, err := base64.StdEncoding.DecodeString(s)
	return b, err == nil
}

// dynBytes converts a dynamic array of integers 0..255 to bytes.
func dynBytes(d data.Dyn) ([]byte, bool) {
	if d.Kind() != data.DynArray {
		return nil, false
	}
	items := d.Items()
	b := make([]byte, len(items))
	for i, x := range items {
		if x.Kind() != data.DynLong && x.Kind() != data.DynInt {
			return nil, false
		}
		v := x.Long()
		if v < 0 || v > 255 {
			return nil, false
		}
		b[i] = byte(v)
	}
	return b, true
}

// guidToNet returns the bytes of g in .NET's Guid.ToByteArray order: the
// first three fields little-endian.
func guidToNet(g data.GUIDValue) [16]byte {
	var b [16]byte
	b[0], b[1], b[2], b[3] = g[3], g[2], g[1], g[0]
	b[4], b[5] = g[5], g[4]
	b[6], b[7] = g[7], g[6]
	copy(b[8:], g[8:])
	return b
}

// guidFromNet is the inverse of guidToNet.
func guidFromNet(b [16]byte) data.GUIDValue {
	return data.GUIDValue(guidToNet(data.GUIDValue(b)))
}

func base64EncodeString(s string) (string, bool) {
	return base64.StdEncoding.EncodeToString([]byte(s)), true
}

func base64DecodeString(s string) (string, bool) {
	b, ok := decodeBase64(s)
	if !ok || !utf8.Valid(b) {
		return "", true
	}
	return string(b), true
}

func base64DecodeArray(s string) (data.Dyn, bool) {
	b, ok := decodeBase64(s)
	if !ok {
		return data.Dyn{}, true
	}
	items := make([]data.Dyn, len(b))
	for i, x := range b {
		items[i] = data.DynLongOf(int64(x))
	}
	return data.DynArrayOf(items), true
}

func base64EncodeArray(d data.Dyn) (string, bool) {
	b, ok := dynBytes(d)
	if !ok {
		return "", true
	}
	return base64.StdEncoding.EncodeToString(b), true
}

func base64EncodeGUID(g data.GUIDValue) (string, bool) {
	b := guidToNet(g)
	return base64.StdEncoding.EncodeToString(b[:]), true
}

func base64DecodeGUID(s string) (data.GUIDValue, bool) {
	b, ok := decodeBase64(s)
	if !ok || len(b) != 16 {
		return data.GUIDValue{}, false
	}
	var n [16]byte
	copy(n[:], b)
	return guidFromNet(n), true
}
