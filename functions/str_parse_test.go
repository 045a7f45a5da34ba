package functions

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func decv(s string) data.Value {
	d, err := data.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return data.DecimalValueOf(d)
}

func TestParseURL(t *testing.T) {
	runStrCases(t, []strCase{
		// conformance parse-url-function-00
		call("parse_url", dv(`{"Scheme":"scheme","Host":"host","Port":"1234","Path":"/this/is/a/path",
			"Username":"username","Password":"password","Query Parameters":{"k1":"v1","k2":"v2"},"Fragment":"fragment"}`),
			sv("scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment")),
		call("parseurl", dv(`{"Scheme":"https","Host":"bing.com","Port":"","Path":"","Username":"","Password":"",
			"Query Parameters":{"q":"a b"},"Fragment":""}`), sv("https://bing.com?q=a+b")),
		call("parse_url", dv(`{"Scheme":"http","Host":"[::1]","Port":"80","Path":"/","Username":"","Password":"",
			"Query Parameters":{},"Fragment":""}`), sv("http://[::1]:80/")),
		call("parse_url", dv(`{"Scheme":"","Host":"","Port":"","Path":"","Username":"","Password":"",
			"Query Parameters":{},"Fragment":""}`), sv("bing.com/path")),
		// conformance parse-url-query-function-00
		call("parse_urlquery", dv(`{"Query Parameters":{"k1":"v1","k2":"v2","k3":"v3"}}`), sv("k1=v1&k2=v2&k3=v3")),
		call("parseurlquery", dv(`{"Query Parameters":{"view":"vs-2019","preserve-view":"true"}}`),
			sv("?view=vs-2019&preserve-view=true")),
		call("parse_urlquery", dv(`{"Query Parameters":{"a":"2","b":""}}`), sv("a=1&b&a=2")),
	})
}

func TestParsePath(t *testing.T) {
	bag := func(scheme, root, dir, dirName, file, ext, stream string) data.Value {
		vals := []data.Dyn{data.DynStringOf(scheme), data.DynStringOf(root), data.DynStringOf(dir),
			data.DynStringOf(dirName), data.DynStringOf(file), data.DynStringOf(ext), data.DynStringOf(stream)}
		return data.DynamicValue(data.DynBagOf(pathKeys, vals))
	}
	// conformance parse-path-function-00
	runStrCases(t, []strCase{
		call("parse_path", bag("", `C:\`, `C:\temp`, "temp", "file.txt", "txt", ""), sv(`C:\temp\file.txt`)),
		call("parse_path", bag("", "", "temp", "temp", "file.txt", "txt", ""), sv(`temp\file.txt`)),
		call("parse_path", bag("file", "C:/", "C:/temp", "temp", "file.txt", "txt", "some.exe"), sv("file://C:/temp/file.txt:some.exe")),
		call("parse_path", bag("", "", `\\shared\users\temp`, "temp", "file.txt.gz", "gz", ""), sv(`\\shared\users\temp\file.txt.gz`)),
		call("parse_path", bag("", "", "/usr/lib/temp", "temp", "file.txt", "txt", ""), sv("/usr/lib/temp/file.txt")),
		call("parse_path", bag("", "", "", "", "file", "", ""), sv("file")),
		call("parse_path", bag("", `C:\`, `C:\`, "", "x.exe", "exe", ""), sv(`C:\x.exe`)),
	})
}

func TestParseVersion(t *testing.T) {
	runStrCases(t, []strCase{
		// conformance parse-version-function-00
		call("parse_version", decv("5"), sv("0.0.0.5")),
		call("parse_version", decv("700000000"), sv("0.0.7.0")),
		call("parse_version", decv("300000000"), sv("0.0.3")),
		call("parse_version", decv("20000000000000000"), sv("0.2")),
		call("parse_version", decv("10000000200000000"), sv("0.1.2.0")),
		call("parse_version", decv("1000000020000000300000004"), sv("1.2.3.4")),
		call("parse_version", decv("1000000000000000000000000"), sv("1")),
		call("parse_version", nullv(data.Decimal), sv("1.2.3.4.5")),
		call("parse_version", nullv(data.Decimal), sv("1..2")),
		call("parse_version", nullv(data.Decimal), sv("123456789")),
		call("parse_version", nullv(data.Decimal), sv("v1")),
		call("parse_version", nullv(data.Decimal), sv("")),
	})
}

func TestParseCSV(t *testing.T) {
	runStrCases(t, []strCase{
		call("parse_csv", dv(`["aa","b,b,b","cc","Escaping quotes: \"Title\"","line1\nline2"]`),
			sv("aa,\"b,b,b\",cc,\"Escaping quotes: \"\"Title\"\"\",\"line1\nline2\"")),
		call("parse_csv", dv(`["record1","a","b","c"]`), sv("record1,a,b,c\nrecord2,x,y,z")),
		call("parse_csv", dv(`[""]`), sv("")),
		call("parse_csv", dv(`["a",""]`), sv("a,")),
	})
}

func TestParseCommandLine(t *testing.T) {
	runStrCases(t, []strCase{
		call("parse_command_line", dv(`["echo","hello world!"]`), sv(`echo "hello world!"`), sv("windows")),
		call("parse_command_line", dv(`["C:\\Program Files\\a.exe","-x","a\\\\b","q\"uote","x\\y"]`),
			sv(`"C:\Program Files\a.exe" -x a\\b q\"uote x\y`), sv("windows")),
		call("parse_command_line", dv(`["a","b\\\"c d","e\"f"]`), sv(`a "b\\\"c d" "e""f"`), sv("Windows")),
		call("parse_command_line", dv(`[]`), sv("   "), sv("windows")),
	})
	runStrCasesIn(t, []string{"const"}, []strCase{callErr("parse_command_line", sv("a b"), sv("linux"))})
	runStrCasesIn(t, []string{"vector"}, []strCase{call("parse_command_line", dv(`null`), sv("a b"), sv("linux"))})
}

func TestFormatBytes(t *testing.T) {
	runStrCases(t, []strCase{
		call("format_bytes", sv("564 Bytes"), lv(564)),
		call("format_bytes", sv("10.1 KB"), lv(10332), lv(1)),
		call("format_bytes", sv("19 MB"), lv(20010332)),
		call("format_bytes", sv("19.08 MB"), lv(20010332), lv(2)),
		call("format_bytes", sv("19541 KB"), lv(20010332), lv(0), sv("KB")),
		call("format_bytes", sv("1 GB"), rv(1<<30)),
		call("format_bytes", sv("0 Bytes"), lv(0)),
		call("format_bytes", sv(""), nullv(data.Long)),
		call("format_bytes", sv(""), lv(1), lv(0), sv("XB")),
	})
}

func TestPunycode(t *testing.T) {
	runStrCases(t, []strCase{
		call("punycode_from_string", sv("acadmie-franaise-npb1a"), sv("académie-française")),
		call("punycode_from_string", sv("cqv902d"), sv("艺术")),
		call("punycode_to_string", sv("académie-française"), sv("acadmie-franaise-npb1a")),
		call("punycode_to_string", sv(""), sv("\u00e9")),
		// conformance punycode-domain-to-string-function-00
		call("punycode_domain_to_string", sv("xn--L Li-gpa4517b.xn--Thun Thin-s4a7194f.com"), sv("Lê Lợi。Thuận Thiên。com")),
		call("punycode_domain_to_string", sv("xn--Riill-jta.xn--Skldskaparml-dbbj.org"), sv("Riðill｡Skáldskaparmál｡org")),
		call("punycode_domain_to_string", sv("Kaledvoulc'h.xn--Artorjos-ejb.edu"), sv("Kaledvoulc'h.Artorījos.edu")),
		call("punycode_domain_from_string", sv("Gáe.Bulg.edu"), sv("xn--Ge-mia.Bulg.edu")),
		call("punycode_domain_from_string", sv("Lúin.Celtchair.org"), sv("xn--Lin-8na.Celtchair.org")),
		call("punycode_domain_from_string", sv("Rúyì.Jīngū.Bàng.com"), sv("xn--Ry-lja8c.xn--Jng-uta63a.xn--Bng-9ka.com")),
	})
}
