package functions

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// xmlMaxDepth bounds the nesting parse_xml accepts; deeper documents give
// null rather than exhausting the stack.
const xmlMaxDepth = 512

func init() {
	register(&Scalar{Name: "parse_xml", Sig: "parse_xml(xml: string): dynamic", Naming: NameFirstArg,
		Doc: "Parses XML text into a dynamic value: {\"root\": …} where an element with only text becomes the text, " +
			"an empty element null, attributes \"@name\" keys, mixed text \"#text\", and repeated child elements " +
			"an array. Text that is not well-formed XML gives null.",
		Examples: []Example{{"print parse_xml('<e name=\"v\">t</e>')", "{\"e\":{\"@name\":\"v\",\"#text\":\"t\"}}"},
			{"print parse_xml('<e><a>1</a><a>2</a></e>').e.a[1]", "\"2\""}},
		Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
			if err := dynArity("parse_xml", args, 1, 1); err != nil {
				return data.Unknown, nil, err
			}
			if args[0].Type != data.String && args[0].Type != data.Dynamic {
				return data.Unknown, nil, errors.New("function 'parse_xml' expects a string")
			}
			return data.Dynamic, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
				s := Convert(cols[0], data.String)
				return Map1(data.Dynamic, func(x string) (data.Dyn, bool) { return ParseXML(x), true })(ctx, n, []data.Column{s})
			}, nil
		}})
}

// xmlElem is an element being read.
type xmlElem struct {
	name     string
	attrKeys []string
	attrVals []string
	texts    []string
	kids     []*xmlElem
}

// ParseXML converts XML text to a dynamic value the way Kusto's parse_xml
// does; malformed text gives null.
func ParseXML(s string) data.Dyn {
	if strings.TrimSpace(s) == "" {
		return data.Dyn{}
	}
	root, err := xmlRead(s)
	if err != nil || root == nil {
		return data.Dyn{}
	}
	return data.DynBagOf([]string{root.name}, []data.Dyn{root.value()})
}

func xmlRead(s string) (*xmlElem, error) {
	dec := xml.NewDecoder(strings.NewReader(s))
	dec.Strict = true
	var stack []*xmlElem
	var root *xmlElem
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, errors.New("several root elements")
			}
			if len(stack) >= xmlMaxDepth {
				return nil, errors.New("too deep")
			}
			e := &xmlElem{name: xmlName(t.Name)}
			for _, a := range t.Attr {
				e.attrKeys = append(e.attrKeys, "@"+xmlName(a.Name))
				e.attrVals = append(e.attrVals, a.Value)
			}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.kids = append(parent.kids, e)
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].name != xmlName(t.Name) {
				return nil, errors.New("mismatched end tag")
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(t)) != 0 {
					return nil, errors.New("text outside the root element")
				}
				continue
			}
			if len(bytes.TrimSpace(t)) != 0 {
				top := stack[len(stack)-1]
				top.texts = append(top.texts, string(t))
			}
		}
	}
	if len(stack) != 0 {
		return nil, errors.New("unclosed element")
	}
	return root, nil
}

func xmlName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// value converts an element (not its name) to a dynamic value.
func (e *xmlElem) value() data.Dyn {
	if len(e.attrKeys) == 0 && len(e.kids) == 0 {
		switch len(e.texts) {
		case 0:
			return data.Dyn{}
		case 1:
			return data.DynStringOf(e.texts[0])
		}
		return data.DynStringOf(strings.Join(e.texts, ""))
	}
	keys := append([]string(nil), e.attrKeys...)
	vals := make([]data.Dyn, 0, len(keys)+len(e.kids)+1)
	for _, v := range e.attrVals {
		vals = append(vals, data.DynStringOf(v))
	}
	switch len(e.texts) {
	case 0:
	case 1:
		keys = append(keys, "#text")
		vals = append(vals, data.DynStringOf(xmlMixedText(e, e.texts[0])))
	default:
		items := make([]data.Dyn, len(e.texts))
		for i, t := range e.texts {
			items[i] = data.DynStringOf(strings.TrimSpace(t))
		}
		keys = append(keys, "#text")
		vals = append(vals, data.DynArrayOf(items))
	}
	// children with the same name are grouped, at the first one's place
	pos := map[string]int{}
	var groups [][]data.Dyn
	for _, k := range e.kids {
		i, ok := pos[k.name]
		if !ok {
			i = len(groups)
			pos[k.name] = i
			groups = append(groups, nil)
			keys = append(keys, k.name)
		}
		groups[i] = append(groups[i], k.value())
	}
	for _, g := range groups {
		if len(g) == 1 {
			vals = append(vals, g[0])
		} else {
			vals = append(vals, data.DynArrayOf(g))
		}
	}
	return data.DynBagOf(keys, vals)
}

// xmlMixedText trims the text of an element that also has child elements.
func xmlMixedText(e *xmlElem, t string) string {
	if len(e.kids) > 0 {
		return strings.TrimSpace(t)
	}
	return t
}
