package functions

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "bag_keys", Sig: "bag_keys(object: dynamic): dynamic",
			Doc:      "Returns the array of the root keys of a property bag; a value that is not a bag gives null.",
			Examples: []Example{{"print bag_keys(dynamic({'a':'b', 'c':123}))", "[\"a\",\"c\"]"}},
			Bind: dynBinder("bag_keys", 1, 1, []int{0}, nil, data.Dynamic,
				Map1(data.Dynamic, func(d data.Dyn) (data.Dyn, bool) {
					if d.Kind() != data.DynBag {
						return data.Dyn{}, true
					}
					keys := d.Keys()
					out := make([]data.Dyn, len(keys))
					for i, k := range keys {
						out[i] = data.DynStringOf(k)
					}
					return data.DynArrayOf(out), true
				}))},
		&Scalar{Name: "bag_merge", Sig: "bag_merge(bag1: dynamic, bag2: dynamic, ...): dynamic",
			Doc: "Merges property bags into one; when a key is in several bags the leftmost value wins. " +
				"Arguments that are not bags are ignored.",
			Examples: []Example{{"print bag_merge(dynamic({'A1':12, 'B1':2}), dynamic({'A2':81, 'A1':1}))", "{\"A1\":12,\"B1\":2,\"A2\":81}"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynArity("bag_merge", args, 2, 64); err != nil {
					return data.Unknown, nil, err
				}
				return data.Dynamic, dynRows(bagMerge), dynAllDynamic("bag_merge", args)
			}},
		&Scalar{Name: "bag_pack", Sig: "bag_pack(key1: string, value1: scalar, ...): dynamic",
			Doc: "Returns a property bag of the given keys and values (a repeated key keeps its last value). " +
				"Null values are kept as JSON null.",
			Examples: []Example{{"print bag_pack(\"Level\", \"Information\", \"ProcessID\", 1234)", "{\"Level\":\"Information\",\"ProcessID\":1234}"}},
			Bind:     bagPackBind("bag_pack")},
		&Scalar{Name: "pack_array", Sig: "pack_array(value1: scalar, ...): dynamic",
			Doc:      "Returns a dynamic array of its arguments.",
			Examples: []Example{{"print pack_array(1, \"2\", 3s)", "[1,\"2\",\"00:00:03\"]"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynArity("pack_array", args, 1, -1); err != nil {
					return data.Unknown, nil, err
				}
				return data.Dynamic, packArray, nil
			}},
		&Scalar{Name: "bag_remove_keys", Sig: "bag_remove_keys(bag: dynamic, keys: dynamic): dynamic",
			Doc: "Returns the bag without the given keys; a key may be a JSONPath such as '$.a.b' to remove a nested key. " +
				"A value that is not a bag gives null.",
			Examples: []Example{{"print bag_remove_keys(dynamic({'key1':123, 'key2':'abc'}), dynamic(['key2', 'key4']))", "{\"key1\":123}"}},
			Bind:     dynBinder("bag_remove_keys", 2, 2, []int{0, 1}, nil, data.Dynamic, dynRows(bagRemoveKeys))},
		&Scalar{Name: "bag_set_key", Sig: "bag_set_key(bag: dynamic, key: string, value: scalar): dynamic",
			Doc: "Returns the bag with key (a root key or a JSONPath such as '$.a.b') set to value, creating " +
				"intermediate bags as needed. A value that is not a bag gives null.",
			Examples: []Example{{"print bag_set_key(dynamic({'key1': 1}), 'key3', 3)", "{\"key1\":1,\"key3\":3}"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynKeyArgs("bag_set_key", args, 3); err != nil {
					return data.Unknown, nil, err
				}
				return data.Dynamic, dynRows(bagSetKey), nil
			}},
		&Scalar{Name: "bag_has_key", Sig: "bag_has_key(bag: dynamic, key: string): bool",
			Doc:      "Reports whether the bag has the key (a root key or a JSONPath such as '$.a.b').",
			Examples: []Example{{"print bag_has_key(dynamic({'key1': 123}), 'key1')", "true"}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynKeyArgs("bag_has_key", args, 2); err != nil {
					return data.Unknown, nil, err
				}
				return data.Bool, MapValues(data.Bool, bagHasKey), nil
			}},
		&Scalar{Name: "bag_zip", Sig: "bag_zip(keys: dynamic, values: dynamic): dynamic",
			Doc: "Returns a property bag whose keys come from the first array and values from the second " +
				"(null where the values run out; keys that are not strings are skipped).",
			Examples: []Example{{"print bag_zip(dynamic(['a', 'b']), dynamic([1, '2']))", "{\"a\":1,\"b\":\"2\"}"}},
			Bind:     dynBinder("bag_zip", 2, 2, []int{0, 1}, nil, data.Dynamic, dynRows(bagZip))},
		&Scalar{Name: "treepath", Sig: "treepath(object: dynamic): dynamic", Naming: NamePrefixAndFirstArg, Prefix: "tree",
			Doc: "Returns the paths of every node of a dynamic value, as ['key'] and [0] steps; the elements " +
				"of an array share the path [0].",
			Examples: []Example{{"print treepath(parse_json('{\"a\":\"b\", \"c\":123}'))", "[\"['a']\",\"['c']\"]"}},
			Bind: dynBinder("treepath", 1, 1, []int{0}, nil, data.Dynamic,
				Map1(data.Dynamic, func(d data.Dyn) (data.Dyn, bool) { return treePath(d), true }))},
		&Scalar{Name: "dynamic_to_json", Sig: "dynamic_to_json(value: dynamic): string",
			Doc: "Returns the canonical JSON text of a dynamic value, with the keys of property bags sorted; " +
				"other types give their tostring() form.",
			Examples: []Example{{"print dynamic_to_json(dynamic({'b':1, 'a':[2]}))", "\"{\\\"a\\\":[2],\\\"b\\\":1}\""}},
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				if err := dynArity("dynamic_to_json", args, 1, 1); err != nil {
					return data.Unknown, nil, err
				}
				if args[0].Type != data.Dynamic {
					return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
						return Convert(cols[0], data.String), nil
					}, nil
				}
				return data.String, Map1(data.String, func(d data.Dyn) (string, bool) {
					return dynCanonical(d).String(), true
				}), nil
			}},
	)
	alias("pack", "bag_pack")
	alias("pack_dictionary", "bag_pack")
	for _, name := range []string{"pack", "pack_dictionary"} {
		builtins.scalars[name].Bind = bagPackBind(name)
	}
}

// dynKeyArgs checks bag_set_key and bag_has_key: a dynamic bag and a string
// key.
func dynKeyArgs(name string, args []ArgInfo, n int) error {
	if err := dynArity(name, args, n, n); err != nil {
		return err
	}
	if err := dynWantDynamic(name, args, 0); err != nil {
		return err
	}
	if args[1].Type != data.String && args[1].Type != data.Dynamic {
		return fmt.Errorf("function '%s' expects a string key as argument 2, got %s", name, args[1].Type)
	}
	return nil
}

func bagMerge(row []data.Dyn) data.Dyn {
	var keys []string
	var vals []data.Dyn
	seen := map[string]bool{}
	for _, v := range row {
		d := dynOf(v)
		if d.Kind() != data.DynBag {
			continue
		}
		for i, k := range d.Keys() {
			if seen[k] {
				continue
			}
			seen[k] = true
			keys = append(keys, k)
			vals = append(vals, d.Items()[i])
		}
	}
	return data.DynBagOf(keys, vals)
}

func bagPackBind(name string) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := dynArity(name, args, 2, -1); err != nil {
			return data.Unknown, nil, err
		}
		if len(args)%2 != 0 {
			return data.Unknown, nil, fmt.Errorf("function '%s' expects pairs of keys and values, got %d arguments", name, len(args))
		}
		for i := 0; i < len(args); i += 2 {
			if args[i].Type != data.String && args[i].Type != data.Dynamic {
				return data.Unknown, nil, fmt.Errorf("function '%s' expects a string key as argument %d, got %s",
					name, i+1, args[i].Type)
			}
		}
		return data.Dynamic, bagPack, nil
	}
}

// packArray is pack_array's kernel: the arrays of all rows share one
// allocation.
func packArray(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
	m := n
	if allConst(args) {
		m = 1
	}
	k := len(args)
	get := make([]func(int) data.Dyn, k)
	for j, c := range args {
		get[j] = dynGetter(c)
	}
	slab := make([]data.Dyn, m*k)
	out := make([]data.Dyn, m)
	for i := range out {
		items := slab[i*k : (i+1)*k : (i+1)*k]
		for j, g := range get {
			items[j] = g(i)
		}
		out[i] = data.DynArrayOf(items)
	}
	return dynResult(out, n), nil
}

// bagPack is bag_pack's kernel. When every key is a constant the rows share
// one key slice.
func bagPack(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
	m := n
	if allConst(args) {
		m = 1
	}
	k := len(args) / 2
	var shared []string
	constKeys := true
	for j := 0; j < len(args); j += 2 {
		if c, ok := args[j].(*data.ConstCol); ok {
			shared = append(shared, c.V.String())
		} else {
			constKeys = false
		}
	}
	if constKeys && bagKeysRepeat(shared) {
		constKeys = false
	}
	get := make([]func(int) data.Dyn, len(args))
	for j, c := range args {
		get[j] = dynGetter(c)
	}
	slab := make([]data.Dyn, m*k)
	out := make([]data.Dyn, m)
	for i := range out {
		vals := slab[i*k : (i+1)*k : (i+1)*k]
		for j := range vals {
			vals[j] = get[2*j+1](i)
		}
		keys := shared
		if !constKeys {
			keys = make([]string, k)
			for j := range keys {
				keys[j] = DynToString(get[2*j](i))
			}
		}
		out[i] = data.DynBagOf(keys, vals)
	}
	return dynResult(out, n), nil
}

// bagKeysRepeat reports whether a key occurs twice (the bag then needs a
// slice of its own).
func bagKeysRepeat(keys []string) bool {
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}

// dynParsePath splits a key argument into its steps: a JSONPath such as
// $.a.b or $['a']["b"], or else a plain root key. Array indexing is not
// supported (ok is false).
func dynParsePath(s string) ([]string, bool) {
	if !strings.HasPrefix(s, "$") {
		return []string{s}, true
	}
	var steps []string
	rest := s[1:]
	for rest != "" {
		switch rest[0] {
		case '.':
			rest = rest[1:]
			end := strings.IndexAny(rest, ".[")
			if end < 0 {
				end = len(rest)
			}
			if end == 0 {
				return nil, false
			}
			steps = append(steps, rest[:end])
			rest = rest[end:]
		case '[':
			if len(rest) < 4 || (rest[1] != '\'' && rest[1] != '"') {
				return nil, false
			}
			end := strings.IndexByte(rest[2:], rest[1])
			if end < 0 || len(rest) < end+4 || rest[end+3] != ']' {
				return nil, false
			}
			steps = append(steps, rest[2:end+2])
			rest = rest[end+4:]
		default:
			return nil, false
		}
	}
	return steps, len(steps) > 0
}

// bagWithout returns bag without the nested key path.
func bagWithout(bag data.Dyn, path []string) data.Dyn {
	if bag.Kind() != data.DynBag {
		return bag
	}
	inner, ok := bag.Get(path[0])
	if !ok {
		return bag
	}
	keys, vals := bag.Keys(), bag.Items()
	var nk []string
	var nv []data.Dyn
	for i, k := range keys {
		if k != path[0] {
			nk, nv = append(nk, k), append(nv, vals[i])
			continue
		}
		if len(path) > 1 {
			nk, nv = append(nk, k), append(nv, bagWithout(inner, path[1:]))
		}
	}
	return data.DynBagOf(nk, nv)
}

// bagWith returns bag with the nested key path set to v; the key moves to
// the end of its bag.
func bagWith(bag data.Dyn, path []string, v data.Dyn) data.Dyn {
	var inner data.Dyn
	var nk []string
	var nv []data.Dyn
	if bag.Kind() == data.DynBag {
		inner, _ = bag.Get(path[0])
		for i, k := range bag.Keys() {
			if k != path[0] {
				nk, nv = append(nk, k), append(nv, bag.Items()[i])
			}
		}
	}
	if len(path) > 1 {
		v = bagWith(inner, path[1:], v)
	}
	return data.DynBagOf(append(nk, path[0]), append(nv, v))
}

func bagRemoveKeys(row []data.Dyn) data.Dyn {
	bag := dynOf(row[0])
	keys, ok := dynArray(dynOf(row[1]))
	if bag.Kind() != data.DynBag || !ok {
		return data.Dyn{}
	}
	for _, k := range keys {
		if k.Kind() != data.DynString {
			continue
		}
		if path, ok := dynParsePath(k.Str()); ok {
			bag = bagWithout(bag, path)
		}
	}
	return bag
}

func bagSetKey(row []data.Dyn) data.Dyn {
	bag := dynOf(row[0])
	if bag.Kind() != data.DynBag {
		return data.Dyn{}
	}
	path, ok := dynParsePath(DynToString(row[1]))
	if !ok {
		return data.Dyn{}
	}
	return bagWith(bag, path, dynOf(row[2]))
}

func bagHasKey(row []data.Value) data.Value {
	d := dynOf(row[0])
	if d.Kind() != data.DynBag {
		return data.BoolValue(false)
	}
	path, ok := dynParsePath(row[1].String())
	if !ok {
		return data.BoolValue(false)
	}
	for _, k := range path {
		var found bool
		if d, found = d.Get(k); !found {
			return data.BoolValue(false)
		}
	}
	return data.BoolValue(true)
}

func bagZip(row []data.Dyn) data.Dyn {
	keys, ok1 := dynArray(dynOf(row[0]))
	vals, ok2 := dynArray(dynOf(row[1]))
	if !ok1 || !ok2 {
		return data.Dyn{}
	}
	var nk []string
	var nv []data.Dyn
	for i, k := range keys {
		if k.Kind() != data.DynString {
			continue
		}
		var v data.Dyn
		if i < len(vals) {
			v = vals[i]
		}
		nk, nv = append(nk, k.Str()), append(nv, v)
	}
	return data.DynBagOf(nk, nv)
}

// treePath lists the paths of the nodes of d below the root.
func treePath(d data.Dyn) data.Dyn {
	var out []data.Dyn
	seen := map[string]bool{}
	var walk func(d data.Dyn, prefix string)
	walk = func(d data.Dyn, prefix string) {
		switch d.Kind() {
		case data.DynBag:
			for i, k := range d.Keys() {
				p := prefix + "['" + k + "']"
				if !seen[p] {
					seen[p] = true
					out = append(out, data.DynStringOf(p))
				}
				walk(d.Items()[i], p)
			}
		case data.DynArray:
			p := prefix + "[0]"
			for _, it := range d.Items() {
				if !seen[p] {
					seen[p] = true
					out = append(out, data.DynStringOf(p))
				}
				walk(it, p)
			}
		}
	}
	walk(d, "")
	if d.Kind() != data.DynBag && d.Kind() != data.DynArray {
		return data.Dyn{}
	}
	return data.DynArrayOf(out)
}

// dynCanonical returns d with the keys of every bag sorted.
func dynCanonical(d data.Dyn) data.Dyn {
	switch d.Kind() {
	case data.DynArray:
		items := make([]data.Dyn, d.Len())
		for i, it := range d.Items() {
			items[i] = dynCanonical(it)
		}
		return data.DynArrayOf(items)
	case data.DynBag:
		keys := d.SortedKeys()
		sort.Strings(keys)
		vals := make([]data.Dyn, len(keys))
		for i, k := range keys {
			v, _ := d.Get(k)
			vals[i] = dynCanonical(v)
		}
		return data.DynBagOf(keys, vals)
	}
	return d
}
