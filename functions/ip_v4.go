package functions

import (
	"fmt"
	"math/bits"
	"strconv"

	"github.com/kqlkit/kqlkit/data"
)

// IPv4 functions. Addresses are strings in IP-prefix notation; a string
// that is not an address gives null (or the empty string for the format
// functions).

func init() {
	register(
		&Scalar{Name: "parse_ipv4", Sig: "parse_ipv4(ip: string): long",
			Doc: "Converts an IPv4 address (with an optional /prefix, whose bits past the prefix " +
				"are cleared) to a long in big-endian order. A string that is not an address " +
				"gives null.",
			Examples: []Example{{"print parse_ipv4('192.168.1.1')", "3232235777"},
				{"print parse_ipv4('192.168.1.1/24')", "3232235776"}},
			Overloads: []Overload{{Params: []data.Type{data.String}, Result: data.Long,
				Kernel: Map1(data.Long, func(s string) (int64, bool) {
					a, ok := parseIPv4(s)
					return int64(a.masked()), ok
				})}}},
		&Scalar{Name: "parse_ipv4_mask", Sig: "parse_ipv4_mask(ip: string, prefix: long): long",
			Doc: "Converts an IPv4 address to a long keeping only the prefix (0-32) most " +
				"significant bits. A bad address or prefix gives null.",
			Examples: []Example{{"print parse_ipv4_mask('127.0.0.1', 24)", "2130706432"}},
			Overloads: []Overload{{Params: []data.Type{data.String, data.Long}, Result: data.Long,
				Kernel: Map2(data.Long, func(s string, p int64) (int64, bool) {
					a, ok := parseIPv4(s)
					if !ok || p < 0 || p > 32 {
						return 0, false
					}
					return int64(a.addr & ipv4Mask(min(a.prefix, int(p)))), true
				})}}},
		&Scalar{Name: "ipv4_is_private", Sig: "ipv4_is_private(ip: string): bool",
			Doc: "Reports whether an IPv4 address is in a private network (10.0.0.0/8, " +
				"172.16.0.0/12 or 192.168.0.0/16). A string that is not an address gives null.",
			Examples: []Example{{"print ipv4_is_private('192.168.1.1/24')", "true"},
				{"print ipv4_is_private('202.1.2.3')", "false"}},
			Overloads: []Overload{{Params: []data.Type{data.String}, Result: data.Bool,
				Kernel: Map1(data.Bool, func(s string) (bool, bool) {
					a, ok := parseIPv4(s)
					return ipv4Private(a.masked()), ok
				})}}},
		&Scalar{Name: "ipv4_netmask_suffix", Sig: "ipv4_netmask_suffix(ip: string): long",
			Doc: "Returns the prefix length of an IPv4 address in IP-prefix notation (32 when " +
				"there is none). A string that is not an address gives null.",
			Examples: []Example{{"print ipv4_netmask_suffix('192.168.1.1/24')", "24"}},
			Overloads: []Overload{{Params: []data.Type{data.String}, Result: data.Long,
				Kernel: Map1(data.Long, func(s string) (int64, bool) {
					a, ok := parseIPv4(s)
					return int64(a.prefix), ok
				})}}},
		&Scalar{Name: "ipv4_is_in_range", Sig: "ipv4_is_in_range(ip: string, ip_range: string): bool",
			Doc: "Reports whether an IPv4 address is in a range in IP-prefix notation. A bad " +
				"address or range gives null.",
			Examples: []Example{{"print ipv4_is_in_range('192.168.1.1', '192.168.1.255/24')", "true"}},
			Overloads: []Overload{{Params: []data.Type{data.String, data.String}, Result: data.Bool,
				Kernel: Map2(data.Bool, func(ip, r string) (bool, bool) {
					a, ok1 := parseIPv4(ip)
					n, ok2 := parseIPv4(r)
					return ipv4InRange(a, n), ok1 && ok2
				})}}},
		ipv4CmpFunc("ipv4_compare", data.Long,
			"Compares two IPv4 addresses as numbers over the shortest of their prefixes and the "+
				"optional prefix argument (0-32): -1, 0 or 1. A bad address or prefix gives null.",
			Example{"print ipv4_compare('192.168.1.1/24', '192.168.1.255')", "0"}),
		ipv4CmpFunc("ipv4_is_match", data.Bool,
			"Reports whether two IPv4 addresses are equal over the shortest of their prefixes "+
				"and the optional prefix argument (0-32). A bad address or prefix gives null.",
			Example{"print ipv4_is_match('192.168.1.1/24', '192.168.1.255')", "true"}),
		&Scalar{Name: "format_ipv4", Sig: "format_ipv4(ip: string|long [, prefix: long]): string",
			Doc: "Formats an IPv4 address (a string, or a long in big-endian order) in dotted " +
				"form, keeping the prefix (0-32) most significant bits. A bad address or prefix " +
				"gives the empty string.",
			Examples: []Example{{"print format_ipv4('192.168.1.255', 24)", "\"192.168.1.0\""},
				{"print format_ipv4(3232235777)", "\"192.168.1.1\""}},
			Bind: bindFormatIPv4("format_ipv4", false)},
		&Scalar{Name: "format_ipv4_mask", Sig: "format_ipv4_mask(ip: string|long, prefix: long): string",
			Doc: "Formats an IPv4 address as a network in CIDR notation (a.b.c.d/n) keeping the " +
				"prefix (0-32) most significant bits. A bad address or prefix gives the empty string.",
			Examples: []Example{{"print format_ipv4_mask('192.168.1.1', 24)", "\"192.168.1.0/24\""}},
			Bind:     bindFormatIPv4("format_ipv4_mask", true)},
		&Scalar{Name: "ipv4_range_to_cidr_list",
			Sig: "ipv4_range_to_cidr_list(start_ip: string, end_ip: string): dynamic",
			Doc: "Returns the smallest list of CIDR networks that covers the addresses from " +
				"start_ip to end_ip. Bad addresses, or an end before the start, give null.",
			Examples: []Example{{"print ipv4_range_to_cidr_list('1.1.128.0', '1.1.140.255')",
				"[\"1.1.128.0/21\",\"1.1.136.0/22\",\"1.1.140.0/24\"]"}},
			Overloads: []Overload{{Params: []data.Type{data.String, data.String}, Result: data.Dynamic,
				Kernel: Map2(data.Dynamic, ipv4RangeToCIDR)}}},
	)
}

func ipv4Private(a uint32) bool {
	return a>>24 == 10 || a>>20 == 172<<4|1 || a>>16 == 192<<8|168
}

func ipv4InRange(a, n ipv4) bool {
	m := ipv4Mask(n.prefix)
	return a.masked()&m == n.addr&m
}

// ipv4CmpFunc builds ipv4_compare (out long) or ipv4_is_match (out bool).
func ipv4CmpFunc(name string, out data.Type, doc string, e Example) *Scalar {
	cmp := func(s1, s2 string, p int64) (int64, bool) {
		a, ok1 := parseIPv4(s1)
		b, ok2 := parseIPv4(s2)
		if !ok1 || !ok2 || p < 0 || p > 32 {
			return 0, false
		}
		m := ipv4Mask(min(a.prefix, b.prefix, int(p)))
		x, y := a.addr&m, b.addr&m
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
	var k2, k3 Kernel
	if out == data.Long {
		k3 = Map3(data.Long, cmp)
		k2 = Map2(data.Long, func(s1, s2 string) (int64, bool) { return cmp(s1, s2, 32) })
	} else {
		k3 = Map3(data.Bool, func(s1, s2 string, p int64) (bool, bool) {
			c, ok := cmp(s1, s2, p)
			return c == 0, ok
		})
		k2 = Map2(data.Bool, func(s1, s2 string) (bool, bool) {
			c, ok := cmp(s1, s2, 32)
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

func bindFormatIPv4(name string, withMask bool) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		lo := 1
		if withMask {
			lo = 2
		}
		if err := numArity(name, args, lo, 2); err != nil {
			return data.Unknown, nil, err
		}
		if a := args[0]; a.Star || (a.Type != data.String && !a.Type.IsInteger()) {
			return data.Unknown, nil, fmt.Errorf(
				"function '%s' expects a string or a long for argument 1, got %s", name, a.Type)
		}
		if len(args) == 2 {
			if err := intWant(name, 1, args[1]); err != nil {
				return data.Unknown, nil, err
			}
		}
		format := func(a ipv4, p int64) (string, bool) {
			if p < 0 || p > 32 {
				return "", false
			}
			n := min(a.prefix, int(p))
			s := formatIPv4(a.addr & ipv4Mask(n))
			if withMask {
				s += "/" + strconv.Itoa(n)
			}
			return s, true
		}
		var k Kernel
		if args[0].Type == data.String {
			k = Map2(data.String, func(s string, p int64) (string, bool) {
				a, ok := parseIPv4(s)
				if !ok {
					return "", false
				}
				return format(a, p)
			})
		} else {
			k = Map2(data.String, func(x, p int64) (string, bool) {
				if x < 0 || x > 0xffffffff {
					return "", false
				}
				return format(ipv4{addr: uint32(x), prefix: 32}, p)
			})
		}
		if len(args) == 1 {
			return data.String, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
				return k(ctx, n, []data.Column{cols[0], data.NewConst(data.LongValue(32), n)})
			}, nil
		}
		return data.String, k, nil
	}
}

// ipv4RangeToCIDR lists the CIDR blocks covering start..end.
func ipv4RangeToCIDR(s1, s2 string) (data.Dyn, bool) {
	a, ok1 := parseIPv4(s1)
	b, ok2 := parseIPv4(s2)
	if !ok1 || !ok2 || a.addr > b.addr {
		return data.Dyn{}, false
	}
	var items []data.Dyn
	lo, hi := uint64(a.addr), uint64(b.addr)
	for lo <= hi {
		size := 32 - bits.TrailingZeros32(uint32(lo))
		if lo == 0 {
			size = 0
		}
		for size < 32 && lo+(uint64(1)<<(32-size))-1 > hi {
			size++
		}
		items = append(items, data.DynStringOf(formatIPv4(uint32(lo))+"/"+strconv.Itoa(size)))
		lo += uint64(1) << (32 - size)
	}
	return data.DynArrayOf(items), true
}
