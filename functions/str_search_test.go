package functions

import (
	"math"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func TestSplit(t *testing.T) {
	runStrCases(t, []strCase{
		// conformance split-function-00
		call("split", dv(`["aa","bb"]`), sv("aa_bb"), sv("_")),
		call("split", dv(`["bbb"]`), sv("aaa_bbb_ccc"), sv("_"), lv(1)),
		call("split", dv(`[""]`), sv(""), sv("_")),
		call("split", dv(`["a","","b"]`), sv("a__b"), sv("_")),
		call("split", dv(`["aa","cc"]`), sv("aabbcc"), sv("bb")),
		call("split", dv(`[]`), sv("aaa_bbb_ccc"), sv("_"), lv(3)),
		call("split", dv(`[]`), sv("aaa_bbb_ccc"), sv("_"), lv(-1)),
		call("split", dv(`["abc"]`), sv("abc"), sv("")),
		call("split", dv(`["1","3"]`), lv(123), sv("2")),
		call("split", dv(`["a","b"]`), dv(`"a,b"`), sv(",")),
		callErr("split", sv("a"), lv(1)),
	})
}

func TestIndexof(t *testing.T) {
	// conformance indexof-function-00 (the engine's results, which differ
	// from the documentation for idx3)
	runStrCases(t, []strCase{
		call("indexof", lv(2), sv("abcdefg"), sv("cde")),
		call("indexof", lv(2), sv("abcdefg"), sv("cde"), lv(1), lv(4)),
		call("indexof", lv(2), sv("abcdefg"), sv("cde"), lv(1), lv(2)),
		call("indexof", lv(-1), sv("abcdefg"), sv("cde"), lv(3), lv(4)),
		call("indexof", lv(2), sv("abcdefg"), sv("cde"), lv(-5)),
		call("indexof", lv(4), lv(1234567), lv(5), lv(1), lv(4)),
		call("indexof", lv(2), sv("abcdefg"), sv("cde"), lv(2), lv(-1)),
		call("indexof", lv(9), sv("abcdefgabcdefg"), sv("cde"), lv(1), lv(10), lv(2)),
		call("indexof", lv(-1), sv("abcdefgabcdefg"), sv("cde"), lv(1), lv(-1), lv(3)),
		call("indexof", nullv(data.Long), sv("abc"), sv("b"), lv(0), lv(-2)),
		call("indexof", nullv(data.Long), sv("abc"), sv("b"), lv(0), lv(-1), lv(-1)),
		call("indexof", lv(-1), sv("abc"), sv("x")),
		call("indexof", lv(0), sv("abc"), sv("")),
		call("indexof", lv(-1), sv("abc"), sv("c"), lv(5)),
		call("indexof", lv(3), sv("aéèb"), sv("b")),
		call("indexof", lv(2), sv("aaaa"), sv("aa"), lv(0), lv(-1), lv(3)),
		call("indexof", nullv(data.Long), sv("abc"), sv("b"), nullv(data.Long)),
		call("indexof", lv(1), sv("abc"), sv("b"), lv(1), lv(math.MaxInt64)),
		call("indexof", lv(1), sv("abc"), sv("b"), lv(math.MinInt64)),
	})
}

func TestCountof(t *testing.T) {
	runStrCases(t, []strCase{
		call("countof", lv(3), sv("aaa"), sv("a")),
		call("countof", lv(3), sv("aaaa"), sv("aa")),
		call("countof", lv(2), sv("ababa"), sv("ab"), sv("normal")),
		call("countof", lv(2), sv("ababa"), sv("aba")),
		call("countof", lv(1), sv("ababa"), sv("aba"), sv("regex")),
		call("countof", lv(2), sv("abcabc"), sv("a.c"), sv("regex")),
		call("countof", lv(0), sv("abc"), sv("")),
		callErr("countof", sv("abc"), sv("a"), sv("fuzzy")),
		callErr("countof", sv("abc"), sv("("), sv("regex")),
	})
}

func TestTranslate(t *testing.T) {
	runStrCases(t, []strCase{
		call("translate", sv("xxx"), sv("abc"), sv("x"), sv("abc")),
		call("translate", sv(""), sv("abc"), sv(""), sv("ab")),
		call("translate", sv("kusto"), sv("krasp"), sv("otsku"), sv("spark")),
		call("translate", sv("hello"), sv(""), sv("x"), sv("hello")),
		call("translate", sv("hëllo"), sv("e"), sv("ë"), sv("hello")),
	})
}

func TestHasAnyIndex(t *testing.T) {
	runStrCases(t, []strCase{
		call("has_any_index", lv(0), sv("this is an example"), dv(`["this","example"]`)),
		call("has_any_index", lv(1), sv("this is an example"), dv(`["not","example"]`)),
		call("has_any_index", lv(-1), sv("this is an example"), dv(`["not","found"]`)),
		call("has_any_index", lv(1), sv("Example number 2"), dv(`[1,2,3]`)),
		call("has_any_index", lv(-1), sv("this is an example"), dv(`[]`)),
		call("has_any_index", lv(-1), sv("examples"), dv(`["example"]`)),
		call("has_any_index", lv(0), sv("EXAMPLE."), dv(`["example"]`)),
	})
}

func TestExtract(t *testing.T) {
	// conformance extract-function-00
	runStrCases(t, []strCase{
		call("extract", sv("James"), sv("User: ([^,]+)"), lv(1), sv("User: James, Email: James@example.com, Age: 29")),
		call("extract", sv("James@example.com"), sv(`Email: (\S+),`), lv(1), sv("User: James, Email: James@example.com, Age: 29")),
		call("extract", sv(""), sv(`Email: (\S+),`), lv(1), sv("User: David, Age: 35")),
		call("extract", sv("35"), sv(`\d+`), lv(0), sv("User: David, Age: 35")),
		call("extract", sv(""), sv(`a(b)?c`), lv(1), sv("ac")),
		call("extract", sv(""), sv(`(a)`), lv(2), sv("a")),
		call("extract", sv("a"), sv(`(a)`), iv(1), sv("a")),
		callErr("extract", sv(`(`), lv(1), sv("a")),
		callErr("extract", sv(`a`), lv(1), dv(`"a"`)),
		callErr("extract", sv(`a`), sv("1"), sv("a")),
	})
	// typeof(T) arrives as a constant string naming T (a constant of type T
	// works too).
	runStrCasesIn(t, []string{"const"}, []strCase{
		call("extract", lv(12), sv(`-(\d{2})-`), lv(1), sv("15-12-2024"), nullv(data.Long)),
		call("extract", iv(7), sv(`-(\d{2})-`), lv(1), sv("21-07-2023"), nullv(data.Int)),
		call("extract", nullv(data.Long), sv(`x(\d+)`), lv(1), sv("abc"), nullv(data.Long)),
		call("extract", nullv(data.Real), sv(`x(\w+)`), lv(1), sv("xabc"), nullv(data.Real)),
		call("extract", sv("abc"), sv(`x(\w+)`), lv(1), sv("xabc"), sv("string")),
		callErr("extract", sv(`x(\w+)`), lv(1), sv("xabc"), sv("no such type")),
	})
}

func TestExtractAll(t *testing.T) {
	id := sv("82b8be2d-dfa7-4bd1-8f63-24ad26d31449")
	runStrCases(t, []strCase{
		call("extract_all", dv(`["123","567","789"]`), sv(`(\d+)`), sv("a set of numbers: 123, 567 and 789")),
		call("extract_all", dv(`["82","b8","be","2d","df","a7","4b","d1","8f","63","24","ad","26","d3","14","49"]`),
			sv(`([\da-f]{2})`), id),
		call("extract_all", dv(`[["8","2b8be2","d"],["d","fa","7"],["4","bd","1"],["8","f6","3"],["2","4ad26d3144","9"]]`),
			sv(`(\w)(\w+)(\w)`), id),
		call("extract_all", dv(`[["8","d"],["d","7"],["4","1"],["8","3"],["2","9"]]`),
			sv(`(\w)(\w+)(\w)`), dv(`[1,3]`), id),
		call("extract_all", dv(`[["8","2b8be2","d"],["d","fa","7"],["4","bd","1"],["8","f6","3"],["2","4ad26d3144","9"]]`),
			sv(`(?P<first>\w)(?P<middle>\w+)(?P<last>\w)`), dv(`["first",2,"last"]`), id),
		call("extractall", dv(`["1","2"]`), sv(`(\d)`), sv("1 2")),
		call("extract_all", dv(`null`), sv(`(\d+)`), sv("none")),
		call("extract_all", dv(`["12","3"]`), sv(`\d+`), sv("12 3")),
		call("extract_all", dv(`[["a",""]]`), sv(`(a)(b)?`), sv("a")),
		callErr("extract_all", sv(`(`), sv("a")),
	})
	runStrCasesIn(t, []string{"const"}, []strCase{callErr("extract_all", sv(`(\w)`), dv(`[2]`), sv("a"))})
	runStrCasesIn(t, []string{"vector"}, []strCase{call("extract_all", dv(`null`), sv(`(\w)`), dv(`[2]`), sv("a"))})
}

func TestIndexofRegex(t *testing.T) {
	runStrCases(t, []strCase{
		call("indexof_regex", lv(0), sv("abcabc"), sv("a.c")),
		call("indexof_regex", lv(3), sv("abcabcdefg"), sv("a.c"), lv(0), lv(9), lv(2)),
		call("indexof_regex", lv(-1), sv("abcabc"), sv("a.c"), lv(1), lv(-1), lv(2)),
		call("indexof_regex", lv(-1), sv("ababaa"), sv("a.a"), lv(0), lv(-1), lv(2)),
		call("indexof_regex", nullv(data.Long), sv("abcabc"), sv("a|ab"), lv(-1)),
		call("indexof_regex", lv(3), sv("abcabc"), sv("a"), lv(1)),
		call("indexof_regex", lv(2), sv("éèa"), sv("a")),
		call("indexof_regex", lv(2), sv("abc"), sv("c"), lv(1), lv(math.MaxInt64)),
		call("indexof_regex", lv(-1), sv("abc"), sv("c"), lv(math.MaxInt64)),
	})
}
