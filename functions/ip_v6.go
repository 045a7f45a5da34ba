package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// IPv6 functions. They accept IPv6 and IPv4 addresses in IP-prefix
// notation; an IPv4 address is handled as ::ffff:a.b.c.d.

func init() {
	register(
		&Scalar{Name: "parse_ipv6", Sig: "parse_ipv6(ip: string): string",
			Doc: "Converts an IPv6 or IPv4 address (with an optional /prefix, whose bits past " +
				"the prefix are cleared) to the canonical form of eight groups of four hex " +
				"digits. A string that is not an address gives the empty string.",
			Examples: []Example{{"print parse_ipv6('192.168.255.255/24')",
				"\"0000:0000:0000:0000:0000:ffff:c0a8:ff00\""}},
			Overloads: []Overload{{Params: []data.Type{data.String}, Result: data.String,
				Kernel: Map1(data.String, func(s string) (string, bool) {
					a, ok := parseIPv6(s)
					if !ok {
						return "", false
					}
					return formatIPv6Full(a.maskedTo(a.prefix)), true
				})}}},
		&Scalar{Name: "parse_ipv6_mask", Sig: "parse_ipv6_mask(ip: string, prefix: long): string",
			Doc: "Converts an IPv6 or IPv4 address to the canonical IPv6 form keeping only the " +
				"prefix (0-128) most significant bits. A bad address or prefix gives the empty string.",
			Examples: []Example{{"print parse_ipv6_mask('fe80::85d:e82c:9446:7994/120', 124)",
				"\"fe80:0000:0000:0000:085d:e82c:9446:7900\""}},
			Overloads: []Overload{{Params: []data.Type{data.String, data.Long}, Result: data.String,
				Kernel: Map2(data.String, func(s string, p int64) (string, bool) {
					a, ok := parseIPv6(s)
					if !ok || p < 0 || p > 128 {
						return "", false
					}
					return formatIPv6Full(a.maskedTo(min(a.prefix, int(p)))), true
				})}}},
		&Scalar{Name: "ipv6_is_in_range", Sig: "ipv6_is_in_range(ip: string, ip_range: string): bool",
			Doc: "Reports whether an IPv6 or IPv4 address is in a range in IP-prefix notation. " +
				"A bad address or range gives null.",
			Examples: []Example{{"print ipv6_is_in_range('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', " +
				"'a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112')", "true"}},
			Overloads: []Overload{{Params: []data.Type{data.String, data.String}, Result: data.Bool,
				Kernel: Map2(data.Bool, func(ip, r string) (bool, bool) {
					a, ok1 := parseIPv6(ip)
					n, ok2 := parseIPv6(r)
					return ipv6InRange(a, n), ok1 && ok2
				})}}},
		ipv6CmpFunc("ipv6_compare", data.Long,
			"Compares two IPv6 or IPv4 addresses as numbers over the shortest of their prefixes "+
				"and the optional prefix argument (0-128): -1, 0 or 1. A bad address or prefix "+
				"gives null.",
			Example{"print ipv6_compare('fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998')", "0"}),
		ipv6CmpFunc("ipv6_is_match", data.Bool,
			"Reports whether two IPv6 or IPv4 addresses are equal over the shortest of their "+
				"prefixes and the optional prefix argument (0-128). A bad address or prefix gives null.",
			Example{"print ipv6_is_match('192.168.1.1', '::ffff:c0a8:0101')", "true"}),
	)
}

func cmpIPv6Strings(s1, s2 string, p int64) (int64, bool) {
	a, ok1 := parseIPv6(s1)
	b, ok2 := parseIPv6(s2)
	if !ok1 || !ok2 || p < 0 || p > 128 {
		return 0, false
	}
	a, b = a.comparable(), b.comparable()
	n := min(a.prefix, b.prefix, int(p))
	ah, al := a.maskedTo(n)
	bh, bl := b.maskedTo(n)
	return cmpIPv6(ah, al, bh, bl), true
}

// ipv6CmpFunc builds ipv6_compare (out long) or ipv6_is_match (out bool).
func ipv6CmpFunc(name string, out data.Type, doc string, e Example) *Scalar {
	var k2, k3 Kernel
	if out == data.Long {
		k3 = Map3(data.Long, cmpIPv6Strings)
		k2 = Map2(data.Long, func(s1, s2 string) (int64, bool) { return cmpIPv6Strings(s1, s2, 128) })
	} else {
		k3 = Map3(data.Bool, func(s1, s2 string, p int64) (bool, bool) {
			c, ok := cmpIPv6Strings(s1, s2, p)
			return c == 0, ok
		})
		k2 = Map2(data.Bool, func(s1, s2 string) (bool, bool) {
			c, ok := cmpIPv6Strings(s1, s2, 128)
			return c == 0, ok
		})
	}
	return &Scalar{Name: name, Doc: doc, Examples: []Example{e},
		Sig: fmt.Sprintf("%s(ip1: string, ip2: string [, prefix: long]): %s", name, out),
		Overloads: []Overload{
			{Params: []data.Type{data.String, data.String}, Result: out, Kernel: k2},
			{Params: []data.Type{data.String, data.String, data.Long}, Result: out, Kernel: k3},
		}}
}
