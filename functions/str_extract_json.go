package functions

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "extract_json", Sig: "extract_json(jsonPath: string, jsonText: string [, type: typeof(T)]): string or T",
			Doc: "Returns the element of a JSON text at a JSONPath ($, .name, ['name'], [n]) as a string, or " +
				"converted to T with typeof(T). A missing element or text that is not JSON gives the empty " +
				"string (null for other types).",
			Examples: []Example{{"print extract_json(\"$.name\", '{\"name\": \"John\", \"age\": 30}')", "\"John\""},
				{"print extract_json(\"$.tags[1]\", '{\"tags\": [\"a\", \"b\"]}')", "\"b\""}},
			Bind: bindExtractJSON},
		&Scalar{Name: "regex_quote", Sig: "regex_quote(string: scalar): string",
			Doc: "Escapes every regular expression metacharacter of a string " +
				"(converted to string first).",
			Examples: []Example{{"print regex_quote('(so$me.Te^xt)')", `"\\(so\\$me\\.Te\\^xt\\)"`}},
			Bind:     sig("regex_quote", argText).bind(data.String, Map1(data.String, regexQuote))},
	)
	alias("extractjson", "extract_json")
	alias("array_strcat", "strcat_array")
}

// regexMeta lists the characters regex_quote escapes (those of Kusto's
// regular expression syntax).
const regexMeta = `\.+*?()|[]{}^$#&-~`

func regexQuote(s string) (string, bool) {
	if !strings.ContainsAny(s, regexMeta) {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(regexMeta, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String(), true
}

// jsonStep is one accessor of a JSONPath: a property name or an index.
type jsonStep struct {
	key   string
	index int // -1 for a property
}

// parseJSONPath parses the JSONPath subset Kusto supports: $ followed by
// .name, ['name'] / ["name"] and [n] accessors.
func parseJSONPath(p string) ([]jsonStep, error) {
	p = strings.TrimSpace(p)
	if !strings.HasPrefix(p, "$") {
		return nil, fmt.Errorf("a JSONPath starts with '$'")
	}
	var steps []jsonStep
	for i := 1; i < len(p); {
		switch c := p[i]; {
		case c == '.':
			j := i + 1
			for j < len(p) && p[j] != '.' && p[j] != '[' {
				j++
			}
			if j == i+1 {
				return nil, fmt.Errorf("empty property name at %d", i)
			}
			steps = append(steps, jsonStep{key: p[i+1 : j], index: -1})
			i = j
		case c == '[':
			step, next, err := bracketStep(p, i)
			if err != nil {
				return nil, err
			}
			steps = append(steps, step)
			i = next
		case i == 1:
			// "$name" is read as "$.name".
			p = p[:1] + "." + p[1:]
		default:
			return nil, fmt.Errorf("unexpected %q at %d", c, i)
		}
	}
	return steps, nil
}

// bracketStep reads ['name'], ["name"] or [n] at p[i].
func bracketStep(p string, i int) (jsonStep, int, error) {
	if i+1 < len(p) && (p[i+1] == '\'' || p[i+1] == '"') {
		q := p[i+1]
		j := strings.IndexByte(p[i+2:], q)
		if j < 0 || i+2+j+1 >= len(p) || p[i+2+j+1] != ']' {
			return jsonStep{}, 0, fmt.Errorf("unclosed property name at %d", i)
		}
		return jsonStep{key: p[i+2 : i+2+j], index: -1}, i + 2 + j + 2, nil
	}
	j := strings.IndexByte(p[i:], ']')
	if j < 0 {
		return jsonStep{}, 0, fmt.Errorf("unclosed '[' at %d", i)
	}
	n, err := strconv.Atoi(strings.TrimSpace(p[i+1 : i+j]))
	if err != nil || n < 0 {
		return jsonStep{}, 0, fmt.Errorf("bad array index %q", p[i+1:i+j])
	}
	return jsonStep{index: n}, i + j + 1, nil
}

// walkJSON follows the steps into d; false when an element is missing.
func walkJSON(d data.Dyn, steps []jsonStep) (data.Dyn, bool) {
	for _, s := range steps {
		var ok bool
		switch {
		case s.index >= 0:
			if d.Kind() != data.DynArray || s.index >= d.Len() {
				return data.Dyn{}, false
			}
			d, ok = d.Index(s.index), true
		default:
			d, ok = d.Get(s.key)
		}
		if !ok {
			return data.Dyn{}, false
		}
	}
	return d, true
}

// extractJSON returns the element of text at the path, or false.
func extractJSON(steps []jsonStep, text string) (data.Dyn, bool) {
	d, err := data.ParseJSON(text)
	if err != nil {
		return data.Dyn{}, false
	}
	return walkJSON(d, steps)
}

func bindExtractJSON(args []ArgInfo) (data.Type, Kernel, error) {
	result := data.String
	if len(args) == 3 {
		t, ok := typeLiteral(args[2])
		if !ok {
			return data.Unknown, nil, fmt.Errorf("function 'extract_json' expects a type literal such as typeof(long) as argument 3")
		}
		result = t
		args = args[:2]
	}
	p := sig("extract_json", argString, argString)
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	var fixed []jsonStep
	if path, ok := constString(args, 0); ok {
		steps, err := parseJSONPath(path)
		if err != nil {
			return data.Unknown, nil, fmt.Errorf("function 'extract_json': invalid JSONPath %q: %v", path, err)
		}
		fixed = steps
	}
	return result, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		var k Kernel
		if fixed != nil {
			k = func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
				return Map1(data.Dynamic, func(text string) (data.Dyn, bool) {
					d, _ := extractJSON(fixed, text)
					return d, true
				})(ctx, n, cols[1:2])
			}
		} else {
			k = Map2(data.Dynamic, func(path, text string) (data.Dyn, bool) {
				steps, err := parseJSONPath(path)
				if err != nil {
					return data.Dyn{}, true
				}
				d, _ := extractJSON(steps, text)
				return d, true
			})
		}
		c, err := k(ctx, n, cols[:2])
		if err != nil {
			return nil, err
		}
		return Convert(c, result), nil
	}, nil
}
