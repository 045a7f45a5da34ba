package yamlsrc

import (
	"testing"

	"github.com/kqlkit/kqlkit/ast"
)

var seeds = []string{
	"query: |\n  T\n  | take 1\n", "query: >-\n  a\n\n  b\n", "query: \"a\\n\\tb\"\n",
	"query: 'x''y'\n", "query: plain\n  text\n", "id: 1\r\nquery: |+\r\n  T\r\n\r\n",
	"query: |2-\n    x\n", "query: !!str &a \"\\u00e9\\x41\"\n",
}

// FuzzQuery checks that reading and replacing a query never panics, that
// every query position maps into the file, and that a replaced query reads
// back.
func FuzzQuery(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, yml []byte) {
		src, err := Query("f.yaml", yml)
		if err != nil {
			return
		}
		for off := 0; off <= len(src.Text); off++ {
			p := src.Map(ast.Pos{Offset: off})
			if p.Offset < 0 || p.Offset > len(yml) || p.Line < 1 || p.Column < 1 {
				t.Fatalf("offset %d maps to %+v", off, p)
			}
		}
		out, err := ReplaceQuery(yml, "T\n| take 1\n")
		if err != nil {
			return
		}
		if back, err := Query("f.yaml", out); err != nil || back.Text != "T\n| take 1\n" {
			t.Errorf("the replaced query reads back as %v, %v", back, err)
		}
	})
}

// FuzzExact checks that the query is re-read from the text exactly as the
// YAML library reads it, so that positions map exactly.
func FuzzExact(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, yml []byte) {
		fl, err := find(yml)
		if err != nil {
			return
		}
		if !fl.exact {
			t.Errorf("%q: re-read %q, library %q", yml, fl.text, fl.value.Value)
		}
	})
}
