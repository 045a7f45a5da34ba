package functions

import "testing"

func TestTranslateRegex(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`abc`, `abc`},
		{`a(b)c`, `a(b)c`},
		{`\d+`, `\p{Nd}+`},
		{`[\d.]`, `[\p{Nd}.]`},
		{`\w`, `[` + wordClass + `]`},
		{`[^\w-]`, `[^` + wordClass + `-]`},
		{`\W`, `[^` + wordClass + `]`},
		{`[\W]`, `[\W]`},
		{`\s*`, `[` + spaceClass + `]*`},
		{`\S`, `[^` + spaceClass + `]`},
		{`\\d`, `\\d`},
		{`\u00e9\u{1F600}\U0001F600\U{41}`, `\x{00e9}\x{1F600}\x{0001F600}\x{41}`},
		{`\<cat\>`, `\bcat\b`},
		{`\b{start}x\b{end}`, `\bx\b`},
		{`(?i)a(?-u:b)`, `(?i)a(?:b)`},
		{`(?iu)a`, `(?i)a`},
		{`(?x) a b # comment` + "\n" + `c`, `abc`},
		{`(?x:a b) c`, `(?:ab) c`},
		{`(?P<name>\d)`, `(?P<name>\p{Nd})`},
		{`\p{Letter}\P{Decimal_Number}\pL\p{Greek}`, `\p{L}\P{Nd}\pL\p{Greek}`},
		{`[[:alpha:]\d]`, `[[:alpha:]\p{Nd}]`},
		{`[]\d]`, `[]\p{Nd}]`},
		{`\:\:ffff\:`, `\:\:ffff\:`},
	} {
		if got := translateRegex(c.in); got != c.want {
			t.Errorf("translateRegex(%q) = %q, want %q", c.in, got, c.want)
		}
		if _, err := CompileRegex(c.in); err != nil {
			t.Errorf("CompileRegex(%q): %v", c.in, err)
		}
	}
}

func TestKustoRegexSemantics(t *testing.T) {
	runStrCases(t, []strCase{
		// Unicode-aware Perl classes, as in Kusto.
		call("extract", sv("٣٤"), sv(`\d+`), lv(0), sv("x٣٤y")),
		call("extract", sv("résumé"), sv(`\w+`), lv(0), sv("résumé!")),
		call("extract", sv("a"), sv(`\s(\w)`), lv(1), sv("\u00a0a")),
		call("extract", sv("b"), sv(`(?x) \s ( \w )  # a word after a space`), lv(1), sv("a b")),
		call("replace_regex", sv("x-x"), sv("é-\u00e9"), sv(`\u00e9`), sv("x")),
		call("countof", lv(2), sv("Ab aB"), sv(`(?i)ab`), sv("regex")),
	})
}

func FuzzTranslateRegex(f *testing.F) {
	for _, s := range []string{`\d+`, `(?x) a # c`, `\u{41`, `\U0001`, `[\w`, `\p{`, `(?`, `(?i`, `\b{`, `[[:`, `\`, `(?-u:\w)`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		_, _ = CompileRegex(p)
	})
}
