package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// Functions that test a value against a list of addresses or ranges, given
// as several string arguments or as one dynamic array: ipv4_is_in_any_range,
// ipv6_is_in_any_range, has_ipv4, has_ipv4_prefix, has_any_ipv4 and
// has_any_ipv4_prefix. A constant list is parsed once.

func init() {
	register(
		ipListFunc("ipv4_is_in_any_range", "ip: string, ranges: string, ...",
			"Reports whether an IPv4 address is in any of the ranges (IP-prefix notation), "+
				"given as strings or as one dynamic array. Ranges that are not valid are "+
				"skipped; an address that is not valid gives null.",
			Example{"print ipv4_is_in_any_range('192.168.1.6', '192.168.1.1/24', '10.0.0.1/8')", "true"},
			true, parseIPv4, func(src string, ranges []ipv4) (bool, bool) {
				a, ok := parseIPv4(src)
				if !ok {
					return false, false
				}
				for _, r := range ranges {
					if ipv4InRange(a, r) {
						return true, true
					}
				}
				return false, true
			}),
		ipListFunc("ipv6_is_in_any_range", "ip: string, ranges: string, ...",
			"Reports whether an IPv6 or IPv4 address is in any of the ranges (IP-prefix "+
				"notation), given as strings or as one dynamic array. Ranges that are not valid "+
				"are skipped; an address that is not valid gives null.",
			Example{"print ipv6_is_in_any_range('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', " +
				"'a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112')", "true"},
			true, parseIPv6, func(src string, ranges []ipv6) (bool, bool) {
				a, ok := parseIPv6(src)
				if !ok {
					return false, false
				}
				for _, r := range ranges {
					if ipv6InRange(a, r) {
						return true, true
					}
				}
				return false, true
			}),
		ipListFunc("has_any_ipv4", "source: string, ips: string, ...",
			"Reports whether any of the IPv4 addresses (strings or one dynamic array) appears "+
				"in the text, delimited by characters that are not letters or digits. Addresses "+
				"that are not valid never match.",
			Example{"print has_any_ipv4('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.0.1', " +
				"'127.0.0.2')", "true"},
			true, parseIPv4Exact, hasAnyIPv4),
		ipListFunc("has_any_ipv4_prefix", "source: string, ip_prefixes: string, ...",
			"Reports whether an IPv4 address starting with any of the prefixes (a whole "+
				"address, or one to three parts each followed by a dot, as '192.168.') appears in "+
				"the text, delimited by characters that are not letters or digits.",
			Example{"print has_any_ipv4_prefix('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.', " +
				"'192.168.')", "true"},
			true, parseIPv4Prefix, hasAnyIPv4Prefix),
		ipListFunc("has_ipv4", "source: string, ip: string",
			"Reports whether the IPv4 address appears in the text, delimited by characters that "+
				"are not letters or digits. An address that is not valid gives false.",
			Example{"print has_ipv4('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.0.1')", "true"},
			false, parseIPv4Exact, hasAnyIPv4),
		ipListFunc("has_ipv4_prefix", "source: string, ip_prefix: string",
			"Reports whether an IPv4 address starting with the prefix (a whole address, or one "+
				"to three parts each followed by a dot) appears in the text, delimited by "+
				"characters that are not letters or digits.",
			Example{"print has_ipv4_prefix('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.')", "true"},
			false, parseIPv4Prefix, hasAnyIPv4Prefix),
	)
}

// ipListFunc builds a function of a source (string, or dynamic read as by
// tostring) and a list of items. many allows several items or a dynamic
// array; otherwise exactly one string item is taken. test reports the result
// and false for null.
func ipListFunc[T any](name, params, doc string, e Example, many bool,
	parse func(string) (T, bool), test func(src string, items []T) (bool, bool)) *Scalar {
	return &Scalar{Name: name, Sig: name + "(" + params + "): bool", Doc: doc,
		Examples: []Example{e},
		Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
			dynList, err := checkIPListArgs(name, args, many)
			if err != nil {
				return data.Unknown, nil, err
			}
			return data.Bool, ipListKernel(args, dynList, parse, test), nil
		}}
}

// checkIPListArgs checks (source, item...) arguments and reports whether
// the items are one dynamic array.
func checkIPListArgs(name string, args []ArgInfo, many bool) (bool, error) {
	if len(args) < 2 || (!many && len(args) != 2) {
		if many {
			return false, fmt.Errorf("function '%s' expects at least 2 arguments, got %d", name, len(args))
		}
		return false, fmt.Errorf("function '%s' expects 2 arguments, got %d", name, len(args))
	}
	for i, a := range args {
		switch {
		case a.Star:
			return false, fmt.Errorf("function '%s' does not accept '*'", name)
		case a.Type == data.String:
		case a.Type == data.Dynamic && (i == 0 || (many && len(args) == 2)):
		default:
			return false, fmt.Errorf("function '%s' expects a string for argument %d, got %s",
				name, i+1, a.Type)
		}
	}
	return args[1].Type == data.Dynamic, nil
}

// ipListKernel returns the kernel of an ipListFunc; a constant list is
// parsed once.
func ipListKernel[T any](args []ArgInfo, dynList bool, parse func(string) (T, bool),
	test func(string, []T) (bool, bool)) Kernel {
	konst := true
	for _, a := range args[1:] {
		konst = konst && a.Const != nil
	}
	if konst {
		vals := make([]data.Value, len(args)-1)
		for i, a := range args[1:] {
			vals[i] = *a.Const
		}
		items := parseIPItems(vals, dynList, parse)
		k := Map1(data.Bool, func(s string) (bool, bool) { return test(s, items) })
		return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			return k(ctx, n, []data.Column{Convert(cols[0], data.String)})
		}
	}
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		conv := append([]data.Column{Convert(cols[0], data.String)}, cols[1:]...)
		return MapValues(data.Bool, func(row []data.Value) data.Value {
			r, ok := test(row[0].Str(), parseIPItems(row[1:], dynList, parse))
			if !ok {
				return data.Null(data.Bool)
			}
			return data.BoolValue(r)
		})(ctx, n, conv)
	}
}

// parseIPItems parses the valid items of a list given as strings or as one
// dynamic array (or a dynamic scalar).
func parseIPItems[T any](vals []data.Value, dynList bool, parse func(string) (T, bool)) []T {
	var out []T
	add := func(s string) {
		if x, ok := parse(s); ok {
			out = append(out, x)
		}
	}
	if !dynList {
		for _, v := range vals {
			add(v.Str())
		}
		return out
	}
	d := vals[0].Dyn()
	if d.Kind() != data.DynArray {
		if !d.IsNull() {
			add(DynToString(d))
		}
		return out
	}
	for _, item := range d.Items() {
		add(DynToString(item))
	}
	return out
}

// ipv6InRange reports whether address a (masked by its own prefix) is in
// network r.
func ipv6InRange(a, r ipv6) bool {
	a, r = a.comparable(), r.comparable()
	a.hi, a.lo = a.maskedTo(a.prefix)
	ah, al := a.maskedTo(r.prefix)
	rh, rl := r.maskedTo(r.prefix)
	return ah == rh && al == rl
}

// parseIPv4Exact parses an IPv4 address without a prefix.
func parseIPv4Exact(s string) (uint32, bool) {
	a, n := scanIPv4(s, 0)
	return a, n > 0 && n == len(s)
}

// ipv4Prefix is a prefix of an IPv4 address: its first parts parts.
type ipv4Prefix struct {
	addr  uint32
	parts int
}

func (p ipv4Prefix) matches(a uint32) bool {
	shift := 8 * (4 - p.parts)
	return a>>shift == p.addr>>shift
}

// parseIPv4Prefix parses "a.", "a.b.", "a.b.c." or a whole address.
func parseIPv4Prefix(s string) (ipv4Prefix, bool) {
	if a, ok := parseIPv4Exact(s); ok {
		return ipv4Prefix{addr: a, parts: 4}, true
	}
	if len(s) < 2 || s[len(s)-1] != '.' {
		return ipv4Prefix{}, false
	}
	var addr uint32
	parts := 0
	for i := 0; i < len(s); {
		v, j := 0, i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' && j-i < 4 {
			v = v*10 + int(s[j]-'0')
			j++
		}
		if j == i || j-i > 3 || v > 255 || j >= len(s) || s[j] != '.' || parts == 3 {
			return ipv4Prefix{}, false
		}
		addr = addr<<8 | uint32(v)
		parts++
		i = j + 1
	}
	return ipv4Prefix{addr: addr << (8 * (4 - parts)), parts: parts}, true
}

func ipIsAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// ipv4InText calls f with each IPv4 address in s that is delimited by
// characters other than letters and digits, until f returns true.
func ipv4InText(s string, f func(uint32) bool) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' || (i > 0 && ipIsAlnum(s[i-1])) {
			continue
		}
		a, j := scanIPv4(s, i)
		if j > 0 && (j == len(s) || !ipIsAlnum(s[j])) && f(a) {
			return true
		}
	}
	return false
}

func hasAnyIPv4(src string, ips []uint32) (bool, bool) {
	if len(ips) == 0 {
		return false, true
	}
	return ipv4InText(src, func(a uint32) bool {
		for _, ip := range ips {
			if a == ip {
				return true
			}
		}
		return false
	}), true
}

func hasAnyIPv4Prefix(src string, prefixes []ipv4Prefix) (bool, bool) {
	if len(prefixes) == 0 {
		return false, true
	}
	return ipv4InText(src, func(a uint32) bool {
		for _, p := range prefixes {
			if p.matches(a) {
				return true
			}
		}
		return false
	}), true
}
