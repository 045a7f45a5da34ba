package functions

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"io"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

// maxDecompressed bounds the text a decompression function returns
// (64 MiB); larger results give the empty string.
const maxDecompressed = 64 << 20

func init() {
	register(
		&Scalar{Name: "zlib_compress_to_base64_string", Sig: "zlib_compress_to_base64_string(string: string): string",
			Doc: "Wraps a string in the zlib format and encodes the result as base64. (kqlkit writes stored " +
				"blocks, as Kusto does for short values, so the text is not made smaller.)",
			Examples: []Example{{"print zlib_compress_to_base64_string(\"1234567890qwertyuiop\")",
				"\"eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==\""}},
			Bind: unary("zlib_compress_to_base64_string", argString, data.String, zlibCompressBase64)},
		&Scalar{Name: "gzip_compress_to_base64_string", Sig: "gzip_compress_to_base64_string(string: string): string",
			Doc: "Wraps a string in the gzip format and encodes the result as base64. (kqlkit writes stored " +
				"blocks, as Kusto does for short values, so the text is not made smaller.)",
			Examples: []Example{{"print gzip_compress_to_base64_string(\"1234567890qwertyuiop\")",
				"\"H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==\""}},
			Bind: unary("gzip_compress_to_base64_string", argString, data.String, gzipCompressBase64)},
		&Scalar{Name: "zlib_decompress_from_base64_string", Sig: "zlib_decompress_from_base64_string(string: string): string",
			Doc: "Decodes base64 text and decompresses it with zlib; invalid " +
				"input gives the empty string.",
			Examples: []Example{{"print zlib_decompress_from_base64_string(\"eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=\")", "\"Test string 123\""}},
			Bind:     unary("zlib_decompress_from_base64_string", argString, data.String, zlibDecompressBase64)},
		&Scalar{Name: "gzip_decompress_from_base64_string", Sig: "gzip_decompress_from_base64_string(string: string): string",
			Doc: "Decodes base64 text and decompresses it with gzip; invalid " +
				"input gives the empty string.",
			Examples: []Example{{"print gzip_decompress_from_base64_string(\"H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==\")", "\"1234567890qwertyuiop\""}},
			Bind:     unary("gzip_decompress_from_base64_string", argString, data.String, gzipDecompressBase64)},
	)
}

// decompressBase64 decodes base64 text and decompresses it; any failure,
// text that is not UTF-8 or a result over maxDecompressed gives "".
func decompressBase64(s string, open func(io.Reader) (io.Reader, error)) string {
	raw, ok := decodeBase64(s)
	if !ok {
		return ""
	}
	r, err := open(bytes.NewReader(raw))
	if err != nil {
		return ""
	}
	out, err := io.ReadAll(io.LimitReader(r, maxDecompressed+1))
	if err != nil || len(out) > maxDecompressed || !utf8.Valid(out) {
		return ""
	}
	return string(out)
}

// deflateStored appends b to dst as deflate stored blocks, the last one
// marked final.
func deflateStored(dst, b []byte) []byte {
	for {
		n := min(len(b), 0xFFFF)
		final := byte(0)
		if n == len(b) {
			final = 1
		}
		dst = append(dst, final, byte(n), byte(n>>8), ^byte(n), ^byte(n>>8))
		dst = append(dst, b[:n]...)
		b = b[n:]
		if final == 1 {
			return dst
		}
	}
}

// zlibStored returns b in the zlib format with stored blocks.
func zlibStored(b []byte) []byte {
	out := deflateStored([]byte{0x78, 0x01}, b)
	return binary.BigEndian.AppendUint32(out, adler32.Checksum(b))
}

// gzipStored returns b in the gzip format with stored blocks and no
// optional header fields.
func gzipStored(b []byte) []byte {
	out := deflateStored([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}, b)
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(b))
	return binary.LittleEndian.AppendUint32(out, uint32(len(b)))
}

func zlibCompressBase64(s string) (string, bool) {
	return base64.StdEncoding.EncodeToString(zlibStored([]byte(s))), true
}

func gzipCompressBase64(s string) (string, bool) {
	return base64.StdEncoding.EncodeToString(gzipStored([]byte(s))), true
}

func zlibDecompressBase64(s string) (string, bool) {
	return decompressBase64(s, func(r io.Reader) (io.Reader, error) { return zlib.NewReader(r) }), true
}

func gzipDecompressBase64(s string) (string, bool) {
	return decompressBase64(s, func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }), true
}
