package functions

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// TestSetAggDictionaryCodes mixes chunks of dictionary-encoded and plain
// strings, and merges states built on different dictionaries: the result
// must be the same as with plain strings throughout.
func TestSetAggDictionaryCodes(t *testing.T) {
	dict := data.NewVec(data.String, []string{"a", "b", "c"}, nil)
	other := data.NewVec(data.String, []string{"c", "d"}, nil)
	col := func(d *data.Vec[string], codes ...uint32) data.Column {
		return &data.DictCol{Codes: codes, Values: d, Unique: true}
	}
	plain := data.NewVec(data.String, []string{"d", "a"}, nil)
	for _, name := range []string{"dcount", "make_set", "make_list"} {
		agg, _ := Builtins().Aggregate(name)
		b, err := agg.Bind([]ArgInfo{{Type: data.String}})
		if err != nil {
			t.Fatal(err)
		}
		s1, s2 := b.New(), b.New()
		ctx := &Ctx{}
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		must(s1.Update(ctx, []uint32{0, 0, 1}, 2, []data.Column{col(dict, 0, 1, 0)}))
		must(s1.Update(ctx, []uint32{0, 1}, 2, []data.Column{col(dict, 0, 2)}))
		must(s2.Update(ctx, []uint32{0, 0}, 1, []data.Column{col(other, 0, 1)}))
		must(s2.Update(ctx, []uint32{0, 0}, 1, []data.Column{plain}))
		s1.Merge(s2, []uint32{1}, 2)
		got := []string{s1.Result(2)[0].Value(0).String(), s1.Result(2)[0].Value(1).String()}
		want := map[string][]string{
			"dcount":    {"2", "3"},
			"make_set":  {`["a","b"]`, `["a","c","d"]`},
			"make_list": {`["a","b","a"]`, `["a","c","c","d","d","a"]`},
		}[name]
		if got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%s: got %v, want %v", name, got, want)
		}
	}
}
