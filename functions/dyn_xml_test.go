package functions

import (
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func TestDynParseXML(t *testing.T) {
	s := data.StringValue
	event := `<DataItem type="System.XmlData" time="2024-01-01T00:00:00Z"><EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event">` +
		`<Data Name="SubjectUserSid">S-1-5-18</Data><Data Name="TargetUserName">bob</Data><Data Name="Empty" /></EventData></DataItem>`
	runDynCases(t, []dynCase{
		{"empty element", "parse_xml", []data.Value{s("<e/>")}, `{"e":null}`},
		{"text", "parse_xml", []data.Value{s("<e>text</e>")}, `{"e":"text"}`},
		{"attribute", "parse_xml", []data.Value{s(`<e name="value" />`)}, `{"e":{"@name":"value"}}`},
		{"attribute and text", "parse_xml", []data.Value{s(`<e name="value">text</e>`)}, `{"e":{"@name":"value","#text":"text"}}`},
		{"children", "parse_xml", []data.Value{s(`<e> <a>text</a> <b>text</b> </e>`)}, `{"e":{"a":"text","b":"text"}}`},
		{"repeated", "parse_xml", []data.Value{s(`<e> <a>text</a> <a>text</a> </e>`)}, `{"e":{"a":["text","text"]}}`},
		{"mixed", "parse_xml", []data.Value{s(`<e> text <a>text</a> </e>`)}, `{"e":{"#text":"text","a":"text"}}`},
		{"declaration", "parse_xml", []data.Value{s("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<duration>\n <value>118.0</value>\n <min>100.0</min>\n</duration>")},
			`{"duration":{"value":"118.0","min":"100.0"}}`},
		{"entities", "parse_xml", []data.Value{s(`<e>a &amp; b &lt;c&gt;</e>`)}, `{"e":"a & b <c>"}`},
		{"cdata", "parse_xml", []data.Value{s(`<e><![CDATA[<x>]]></e>`)}, `{"e":"<x>"}`},
		{"prefix", "parse_xml", []data.Value{s(`<n:e xmlns:n="urn:x" n:a="1"/>`)}, `{"n:e":{"@xmlns:n":"urn:x","@n:a":"1"}}`},
		{"windows event", "parse_xml", []data.Value{s(event)},
			`{"DataItem":{"@type":"System.XmlData","@time":"2024-01-01T00:00:00Z","EventData":{"@xmlns":"http://schemas.microsoft.com/win/2004/08/events/event",` +
				`"Data":[{"@Name":"SubjectUserSid","#text":"S-1-5-18"},{"@Name":"TargetUserName","#text":"bob"},{"@Name":"Empty"}]}}}`},
		{"invalid", "parse_xml", []data.Value{s(`<e><a></e>`)}, "null"},
		{"not xml", "parse_xml", []data.Value{s(`hello`)}, "null"},
		{"two roots", "parse_xml", []data.Value{s(`<a/><b/>`)}, "null"},
		{"empty", "parse_xml", []data.Value{s(``)}, "null"},
		{"dynamic arg", "parse_xml", []data.Value{dynJ(t, `"<e>1</e>"`)}, `{"e":"1"}`},
		{"long arg", "parse_xml", []data.Value{data.LongValue(1)}, "error: expects a string"},
	})
	deep := strings.Repeat("<a>", 100000) + strings.Repeat("</a>", 100000)
	if got := ParseXML(deep); !got.IsNull() {
		t.Errorf("deep document: got %v, want null", got)
	}
}

func FuzzDynParseXML(f *testing.F) {
	f.Add(`<e name="value">text</e>`)
	f.Add(`<e> text <a>text</a> <a/> </e>`)
	f.Fuzz(func(t *testing.T, s string) {
		_ = ParseXML(s)
	})
}
