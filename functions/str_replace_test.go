package functions

import (
	"testing"
)

func TestReplaceString(t *testing.T) {
	msg := sv("A magic trick can turn a cat into a dog")
	runStrCases(t, []strCase{
		call("replace_string", sv("A magic trick can turn a hamster into a dog"), msg, sv("cat"), sv("hamster")),
		call("replace_string", sv("Number was 1"), sv("Number is 1"), sv("is"), sv("was")),
		call("replace_string", sv("abc"), sv("abc"), sv(""), sv("x")),
		call("replace_string", sv("xa"), sv("aaa"), sv("aa"), sv("x")),
		callErr("replace_string", lv(1), sv("1"), sv("2")),
		// conformance replace-strings-function-00/01/03 and the documented order example
		call("replace_strings", sv("A magic trick can turn a dog into a pigeon"), msg, dv(`["cat","dog"]`), dv(`["dog","pigeon"]`)),
		call("replace_strings", sv("A magic trick can disappear a cat"), msg, dv(`["turn"," into a dog"]`), dv(`["disappear",""]`)),
		call("replace_strings", sv("This was an example of using replace_strings()"),
			sv("This is an example of using replace_strings()"), dv(`["This","is"]`), dv(`[12345,"was"]`)),
		call("replace_strings", sv("Thwas was an example"), sv("This is an example"), dv(`["is","This"]`), dv(`["was","This"]`)),
		call("replace_strings", sv("abc"), sv("abc"), dv(`[]`), dv(`[]`)),
	})
}

func TestReplaceRegex(t *testing.T) {
	runStrCases(t, []strCase{
		call("replace_regex", sv("Number was: 1"), sv("Number is 1"), sv(`is (\d+)`), sv(`was: \1`)),
		call("replace_regex", sv("-a-b-"), sv("ab"), sv(``), sv(`-`)),
		call("replace_regex", sv("[abc]"), sv("abc"), sv(`(a?b?)(c?)`), sv(`[\0]`)),
		call("replace_regex", sv(`x\y$1`), sv("a"), sv(`a`), sv(`x\\y$1`)),
		call("replace_regex", sv("host"), sv("host.contoso.com"), sv(`(\w+)\..*`), sv(`\1`)),
		call("replace_regex", sv(`%P%\Office\xx`), sv(`c:\Office\xx`), sv(`^c:`), sv(`%P%`)),
		call("replace", sv("Number was: 1"), sv(`is (\d+)`), sv(`was: \1`), sv("Number is 1")),
		callErr("replace_regex", sv("a"), sv(`(`), sv("")),
	})
}

func TestTrim(t *testing.T) {
	runStrCases(t, []strCase{
		call("trim", sv("https://bing.com"), sv("--"), sv("--https://bing.com--")),
		call("trim", sv("Te st1"), sv(`[^\w]+`), sv("-  Te st1// $")),
		call("trim", sv("Hello, world!"), sv(`\s+`), sv("    Hello, world!    ")),
		call("trim", sv("0"), sv("1"), sv("10")),
		call("trim", sv(""), sv("1"), sv("11")),
		call("trim", sv("x"), sv("1"), sv("111x1")),
		call("trim", sv("abc"), sv(""), sv("abc")),
		call("trim_start", sv("bing.com"), sv("https://"), sv("https://bing.com")),
		call("trim_start", sv("Hello, world!    "), sv(`\s+`), sv("    Hello, world!    ")),
		call("trim_start", sv("1.2.3.4"), sv("::ffff:"), sv("::ffff:1.2.3.4")),
		call("trim_end", sv("bing"), sv(".com"), sv("bing.com")),
		call("trim_end", sv("a"), sv(`\.`), sv("a..")),
		call("trim_end", sv("a b"), sv(`\s`), sv("a b  ")),
		call("trim_end", sv("file"), sv(`\..*$`), sv("file.tar.gz")),
		callErr("trim", sv(`(`), sv("a")),
		callErr("trim", sv(`a`), lv(1)),
	})
}
