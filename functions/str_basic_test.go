package functions

import (
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func TestStrlenAndSize(t *testing.T) {
	runStrCases(t, []strCase{
		call("strlen", lv(5), sv("hello")),
		call("strlen", lv(5), sv("⒦⒰⒮⒯⒪")),
		call("strlen", lv(8), sv("C\u0327edilla")), // conformance strlen-function-02
		call("strlen", lv(0), sv("")),
		call("strlen", lv(3), dv(`"abc"`)),
		call("strlen", lv(7), dv(`[1,2,3]`)),
		callErr("strlen", lv(123)),
		call("string_size", lv(5), sv("hello")),
		call("string_size", lv(15), sv("⒦⒰⒮⒯⒪")),
	})
}

func TestCaseAndReverse(t *testing.T) {
	runStrCases(t, []strCase{
		call("tolower", sv("hello"), sv("HeLLo")),
		call("tolower", sv("ärger"), sv("ÄRGER")),
		call("toupper", sv("HELLO"), sv("hello")),
		call("toupper", sv("123"), lv(123)),
		call("tolower", sv(""), dv(`null`)),
		call("reverse", sv("ZYXWVUTSRQPONMLKJIHGFEDCBA"), sv("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
		call("reverse", sv("54321"), lv(12345)),
		call("reverse", sv("54.321"), rv(123.45)),
		call("reverse", sv("éba"), sv("abé")),
		call("reverse", sv(""), sv("")),
	})
}

func TestStrcmpAsciiUtf8(t *testing.T) {
	runStrCases(t, []strCase{
		call("strcmp", lv(0), sv("ABC"), sv("ABC")),
		call("strcmp", lv(1), sv("abc"), sv("ABC")),
		call("strcmp", lv(-1), sv("ABC"), sv("abc")),
		call("strcmp", lv(1), sv("abcde"), sv("abc")),
		call("isascii", bv(true), sv("some string")),
		call("isascii", bv(false), sv("é")),
		call("isutf8", bv(true), sv("some string")),
		call("isutf8", bv(false), sv("\xff")),
	})
}

func TestSubstring(t *testing.T) {
	runStrCases(t, []strCase{
		call("substring", sv("23456"), sv("123456"), lv(1)),
		call("substring", sv("34"), sv("123456"), lv(2), lv(2)),
		call("substring", sv("AB"), sv("ABCD"), lv(0), lv(2)),
		call("substring", sv("56"), sv("123456"), lv(-2), lv(2)),
		call("substring", sv("123"), sv("123456"), lv(-10), lv(3)),
		call("substring", sv(""), sv("123456"), lv(10)),
		call("substring", sv(""), sv("123456"), lv(1), lv(0)),
		call("substring", sv(""), sv("123456"), lv(1), lv(-1)),
		call("substring", sv("3456"), sv("123456"), iv(2), iv(100)),
		call("substring", sv("éè"), sv("aéèb"), lv(1), lv(2)),
		call("substring", sv("23"), lv(1234), lv(1), lv(2)),
		call("substring", sv(""), sv("abc"), nullv(data.Long)),
		callErr("substring", sv("abc"), rv(1.5)),
		callErr("substring", sv("abc")),
	})
}

func TestStrcat(t *testing.T) {
	runStrCases(t, []strCase{
		call("strcat", sv("hello world"), sv("hello"), sv(" "), sv("world")),
		call("strcat", sv("a12.5"), sv("a"), lv(1), rv(2.5)),
		call("strcat", sv("x"), sv("x"), nullv(data.Long)),
		call("strcat", sv("a[1]"), sv("a"), dv(`[1]`)),
		call("strcat", sv("only"), sv("only")),
		callErr("strcat"),
		// conformance strcat-delim-function-00
		call("strcat_delim", sv("1-2-A-00:00:01"), sv("-"), lv(1), sv("2"), sv("A"), data.TimeSpanValue(data.Second)),
		callErr("strcat_delim", sv("-"), sv("a")),
		// conformance strcat-array-function-00/01
		call("strcat_array", sv("1->2->3"), dv(`[1,2,3]`), sv("->")),
		call("strcat_array", sv(`1"2"3`), dv(`[1,2,3]`), sv(`"`)),
		call("strcat_array", sv("a,{\"b\":1},"), dv(`["a",{"b":1},null]`), sv(",")),
		call("strcat_array", sv(""), dv(`{"a":1}`), sv(",")),
		call("strcat_array", sv("102"), dv(`[1,2]`), lv(0)),
		callErr("strcat_array", sv("[1]"), sv(",")),
	})
}

func TestStrrep(t *testing.T) {
	runStrCases(t, []strCase{
		// conformance strrep-function-00
		call("strrep", sv("ABCABC"), sv("ABC"), lv(2)),
		call("strrep", sv("123.123.123"), lv(123), lv(3), sv(".")),
		call("strrep", sv("00:00:03 00:00:03"), data.TimeSpanValue(3*data.Second), iv(2), sv(" ")),
		call("strrep", sv(""), sv("ABC"), lv(0)),
		call("strrep", sv(""), sv("ABC"), lv(-3)),
		call("strrep", sv(""), sv("ABC"), nullv(data.Long)),
	})
	got := callScalar(t, "strrep", sv(strings.Repeat("x", 1<<20)), lv(1<<30))
	if n := len(got.Str()); n > maxStrrepBytes {
		t.Errorf("strrep of 1 MiB × 2^30: got %d bytes, want at most %d", n, maxStrrepBytes)
	}
}
