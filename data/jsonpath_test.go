package data

import "testing"

func TestJSONPathMatchesParse(t *testing.T) {
	docs := []string{
		`{"Id":"x","Name":"Contoso \"Legacy\" HR","IdentityType":"User","Details":{"DisplayName":"a"}}`,
		`{"a":1,"a":2}`, `{"a":{"b":[1,{"c":"d"}]}}`, `[1,2,3]`, `"text"`, `not json`, ``,
		`{"a":1,}`, `{"a":[1,2,-3.5e2,true,null]}`, `{'a':'b'}`, `{"k\u0061":5}`, ` {"a" : "b" } `,
		`{"a":"b"} junk`, `{"a":{"b":1}}`, `[]`, `{}`, `{"a":[]}`, `{"a":"\q"}`,
	}
	paths := [][]PathStep{
		{{Key: "Name"}}, {{Key: "a"}}, {{Key: "a"}, {Key: "b"}}, {{Key: "a"}, {Key: "b"}, {IsIndex: true, Index: 1}, {Key: "c"}},
		{{IsIndex: true, Index: 0}}, {{IsIndex: true, Index: -1}}, {{Key: "ka"}}, {{Key: "Details"}, {Key: "DisplayName"}},
		{{Key: "a"}, {IsIndex: true, Index: -2}},
	}
	for _, doc := range docs {
		for _, path := range paths {
			want := slowPath(doc, path)
			got, ok := JSONPath(doc, path)
			if !ok {
				got = Dyn{} // not JSON: parse_json gives a string, whose members are null
			}
			if !got.Equal(want) || got.Kind() != want.Kind() {
				t.Errorf("JSONPath(%q, %v) = %v, want %v", doc, path, got, want)
			}
		}
	}
}

func slowPath(doc string, path []PathStep) Dyn {
	d, err := ParseJSON(doc)
	if err != nil {
		return Dyn{}
	}
	for _, s := range path {
		if s.IsIndex {
			d = d.Index(s.Index)
		} else {
			d, _ = d.Get(s.Key)
		}
	}
	return d
}

func BenchmarkJSONPath(b *testing.B) {
	doc := `{"Id":"c1d86590-a290-4ad6-80cc-8b6831b06412","Name":"Miro 13","IdentityType":"ServicePrincipal"}`
	path := []PathStep{{Key: "Name"}}
	for i := 0; i < b.N; i++ {
		JSONPath(doc, path)
	}
}

func BenchmarkJSONPathIdentity(b *testing.B) {
	doc := `{"Id":"fd51bb1e-2d42-41e0-9449-454f32a52129","Name":"søren.novak40614@contoso.com","IdentityType":"User","Details":{"DisplayName":"søren.novak40614@contoso.com"}}`
	path := []PathStep{{Key: "IdentityType"}}
	b.SetBytes(int64(len(doc)))
	for i := 0; i < b.N; i++ {
		JSONPath(doc, path)
	}
}

// FuzzJSONPath checks that the scanning path lookup agrees with parsing
// the whole document.
func FuzzJSONPath(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"a":{"b":[1,2]}}`, `[1,{"a":"x"}]`, `{'a':"\u0041"}`, `{"a":1,"a":2}`, `x`} {
		f.Add(s, "a", 0)
	}
	f.Fuzz(func(t *testing.T, doc, key string, idx int) {
		for _, path := range [][]PathStep{{{Key: key}}, {{IsIndex: true, Index: idx % 8}}, {{Key: key}, {IsIndex: true, Index: -1}}} {
			want := slowPath(doc, path)
			got, ok := JSONPath(doc, path)
			if !ok {
				got = Dyn{}
			}
			if !got.Equal(want) || got.Kind() != want.Kind() {
				t.Fatalf("JSONPath(%q, %v) = %v, want %v", doc, path, got, want)
			}
		}
	})
}
