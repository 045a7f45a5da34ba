package functions

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func TestDynBagFunctions(t *testing.T) {
	s := data.StringValue
	l := data.LongValue
	nested := dynJ(t, `{"key1": 123, "key2": {"prop1": "abc", "prop2": "xyz"}, "key3": [100, 200]}`)
	runDynCases(t, []dynCase{
		{"keys", "bag_keys", []data.Value{dynJ(t, `{"a":"b","c":123}`)}, `["a","c"]`},
		{"keys empty", "bag_keys", []data.Value{dynJ(t, `{}`)}, `[]`},
		{"keys null", "bag_keys", []data.Value{dynJ(t, `null`)}, `null`},
		{"keys string", "bag_keys", []data.Value{dynJ(t, `"a"`)}, `null`},
		{"keys array", "bag_keys", []data.Value{dynJ(t, `[]`)}, `null`},
		{"merge", "bag_merge", []data.Value{dynJ(t, `{"A1":12,"B1":2,"C1":3}`), dynJ(t, `{"A2":81,"B2":82,"A1":1}`)},
			`{"A1":12,"B1":2,"C1":3,"A2":81,"B2":82}`},
		{"merge non-bag", "bag_merge", []data.Value{dynJ(t, `{"a":1}`), dynJ(t, `null`)}, `{"a":1}`},
		{"pack", "bag_pack", []data.Value{s("Level"), s("Information"), s("ProcessID"), l(1234)},
			`{"Level":"Information","ProcessID":1234}`},
		{"pack nested", "pack", []data.Value{s("Data"), dynJ(t, `{"url":"www.bing.com"}`)}, `{"Data":{"url":"www.bing.com"}}`},
		{"pack null value", "bag_pack", []data.Value{s("a"), data.Null(data.Long)}, `{"a":null}`},
		{"pack odd", "bag_pack", []data.Value{s("a")}, "error: expects at least 2 arguments"},
		{"pack odd3", "pack_dictionary", []data.Value{s("a"), l(1), s("b")}, "error: pairs of keys"},
		{"pack bad key", "bag_pack", []data.Value{l(1), l(1)}, "error: string key"},
		{"pack_array", "pack_array", []data.Value{l(1), s("2"), data.TimeSpanValue(2 * data.Second)}, `[1,"2","00:00:02"]`},
		{"pack_array null", "pack_array", []data.Value{data.Null(data.Long), s("")}, `[null,""]`},
		{"remove", "bag_remove_keys", []data.Value{dynJ(t, `{"key1":123,"key2":"abc"}`), dynJ(t, `["key2","key4"]`)}, `{"key1":123}`},
		{"remove path", "bag_remove_keys", []data.Value{nested, dynJ(t, `["$.key2.prop1","key3"]`)},
			`{"key1":123,"key2":{"prop2":"xyz"}}`},
		{"remove bracket path", "bag_remove_keys", []data.Value{nested, dynJ(t, `["$['key2']['prop2']"]`)},
			`{"key1":123,"key2":{"prop1":"abc"},"key3":[100,200]}`},
		{"set", "bag_set_key", []data.Value{dynJ(t, `{"key1":1,"key2":2}`), s("key3"), l(3)}, `{"key1":1,"key2":2,"key3":3}`},
		{"set replace", "bag_set_key", []data.Value{dynJ(t, `{"key1":1,"key3":"abc"}`), s("key3"), l(3)}, `{"key1":1,"key3":3}`},
		{"set path", "bag_set_key", []data.Value{dynJ(t, `{"key1":123,"key2":{"prop1":123,"prop2":"xyz"}}`), s("$.key2.prop1"), s("abc")},
			`{"key1":123,"key2":{"prop2":"xyz","prop1":"abc"}}`},
		{"set path create", "bag_set_key", []data.Value{dynJ(t, `{"key1":123}`), s("$.key2.prop1"), s("abc")},
			`{"key1":123,"key2":{"prop1":"abc"}}`},
		{"set non-bag", "bag_set_key", []data.Value{dynJ(t, `[1]`), s("a"), l(1)}, `null`},
		{"has", "bag_has_key", []data.Value{dynJ(t, `{"key1":123,"key2":"abc"}`), s("key2")}, "true"},
		{"has not", "bag_has_key", []data.Value{dynJ(t, `{"key1":123,"key3":"abc"}`), s("key2")}, "false"},
		{"has path", "bag_has_key", []data.Value{nested, s("$.key2.prop1")}, "true"},
		{"has path missing", "bag_has_key", []data.Value{nested, s("$.key3.prop1")}, "false"},
		{"zip", "bag_zip", []data.Value{dynJ(t, `["a","b","c"]`), dynJ(t, `[1,"2",3.4]`)}, `{"a":1,"b":"2","c":3.4}`},
		{"zip short values", "bag_zip", []data.Value{dynJ(t, `["a","b","c"]`), dynJ(t, `[1,"2"]`)}, `{"a":1,"b":"2","c":null}`},
		{"zip short keys", "bag_zip", []data.Value{dynJ(t, `["a","b"]`), dynJ(t, `[1,"2",2.5]`)}, `{"a":1,"b":"2"}`},
		{"zip non-string key", "bag_zip", []data.Value{dynJ(t, `["a",8,"b"]`), dynJ(t, `[1,"2",2.5]`)}, `{"a":1,"b":2.5}`},
		{"treepath", "treepath", []data.Value{dynJ(t, `{"a":"b","c":123}`)}, `["['a']","['c']"]`},
		{"treepath array", "treepath", []data.Value{dynJ(t, `{"prop1":[1,2,3,4],"prop2":"value2"}`)}, `["['prop1']","['prop1'][0]","['prop2']"]`},
		{"treepath nested", "treepath", []data.Value{dynJ(t, `{"listProperty":[100,200,300,"abcde",{"x":"y"}]}`)},
			`["['listProperty']","['listProperty'][0]","['listProperty'][0]['x']"]`},
		{"to json", "dynamic_to_json", []data.Value{dynJ(t, `{"Y10":{},"X8":{"c3":1,"d8":5,"a4":6},"D1":114,"A1":12,"A14":[15,13,18]}`)},
			`{"A1":12,"A14":[15,13,18],"D1":114,"X8":{"a4":6,"c3":1,"d8":5},"Y10":{}}`},
		{"to json scalar", "dynamic_to_json", []data.Value{l(5)}, "5"},
		{"to json string", "dynamic_to_json", []data.Value{dynJ(t, `"abc"`)}, `"abc"`},
	})
}
