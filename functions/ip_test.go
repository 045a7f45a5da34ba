package functions

import (
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func tmDyn(json string) data.Value {
	d, err := data.ParseJSON(json)
	if err != nil {
		panic(err)
	}
	return data.DynamicValue(d)
}

func TestIPv4(t *testing.T) {
	s := tmS
	runTmCases(t, []tmCase{
		{"parse_ipv4", []data.Value{s("192.168.1.1")}, tmL(3232235777)},
		{"parse_ipv4", []data.Value{s("192.168.1.1/24")}, tmL(3232235776)},
		{"parse_ipv4", []data.Value{s("255.255.255.255/31")}, tmL(4294967294)},
		{"parse_ipv4", []data.Value{s(" 10.0.0.1 ")}, tmL(167772161)},
		{"parse_ipv4", []data.Value{s("256.1.1.1")}, tmNull(data.Long)},
		{"parse_ipv4", []data.Value{s("1.1.1")}, tmNull(data.Long)},
		{"parse_ipv4", []data.Value{s("1.1.1.1/33")}, tmNull(data.Long)},
		{"parse_ipv4", []data.Value{s("1.1.1.1/")}, tmNull(data.Long)},
		{"parse_ipv4", []data.Value{s("")}, tmNull(data.Long)},
		{"parse_ipv4", []data.Value{tmL(1)}, tmErr},
		{"parse_ipv4_mask", []data.Value{s("127.0.0.1"), tmL(24)}, tmL(2130706432)},
		{"parse_ipv4_mask", []data.Value{s("127.0.0.1"), tmL(33)}, tmNull(data.Long)},
		{"ipv4_is_private", []data.Value{s("10.1.2.3")}, tmB(true)},
		{"ipv4_is_private", []data.Value{s("192.168.1.1/24")}, tmB(true)},
		{"ipv4_is_private", []data.Value{s("172.31.255.255")}, tmB(true)},
		{"ipv4_is_private", []data.Value{s("172.32.0.0")}, tmB(false)},
		{"ipv4_is_private", []data.Value{s("127.0.0.1")}, tmB(false)},
		{"ipv4_is_private", []data.Value{s("not an ip")}, tmNull(data.Bool)},
		{"ipv4_netmask_suffix", []data.Value{s("10.1.2.3")}, tmL(32)},
		{"ipv4_netmask_suffix", []data.Value{s("192.168.1.1/24")}, tmL(24)},
		{"ipv4_is_in_range", []data.Value{s("192.168.1.1"), s("192.168.1.1")}, tmB(true)},
		{"ipv4_is_in_range", []data.Value{s("192.168.1.1"), s("192.168.1.255/24")}, tmB(true)},
		{"ipv4_is_in_range", []data.Value{s("192.168.2.1"), s("192.168.1.255/24")}, tmB(false)},
		{"ipv4_is_in_range", []data.Value{s("x"), s("192.168.1.255/24")}, tmNull(data.Bool)},
		{"ipv4_is_match", []data.Value{s("192.168.1.0"), s("192.168.1.0")}, tmB(true)},
		{"ipv4_is_match", []data.Value{s("192.168.1.1/24"), s("192.168.1.255")}, tmB(true)},
		{"ipv4_is_match", []data.Value{s("192.168.1.1/30"), s("192.168.1.255/24")}, tmB(true)},
		{"ipv4_is_match", []data.Value{s("192.168.1.1"), s("192.168.1.0"), tmL(31)}, tmB(true)},
		{"ipv4_is_match", []data.Value{s("192.168.1.1"), s("192.168.1.0")}, tmB(false)},
		{"ipv4_compare", []data.Value{s("192.168.1.1"), s("192.168.1.255"), tmL(24)}, tmL(0)},
		{"ipv4_compare", []data.Value{s("192.168.1.1"), s("192.168.1.2")}, tmL(-1)},
		{"ipv4_compare", []data.Value{s("192.168.1.3"), s("192.168.1.2")}, tmL(1)},
		{"ipv4_compare", []data.Value{s("192.168.1.3"), s("192.168.1.2"), tmL(40)}, tmNull(data.Long)},
		{"format_ipv4", []data.Value{s("192.168.1.1"), tmL(24)}, s("192.168.1.0")},
		{"format_ipv4", []data.Value{s("192.168.1.1/24"), tmL(32)}, s("192.168.1.0")},
		{"format_ipv4", []data.Value{s("192.168.1.1/24"), tmL(-1)}, s("")},
		{"format_ipv4", []data.Value{tmL(3232235777)}, s("192.168.1.1")},
		{"format_ipv4", []data.Value{tmL(-1)}, s("")},
		{"format_ipv4", []data.Value{tmR(1)}, tmErr},
		{"format_ipv4_mask", []data.Value{s("192.168.1.1"), tmL(24)}, s("192.168.1.0/24")},
		{"format_ipv4_mask", []data.Value{s("192.168.1.1"), tmL(32)}, s("192.168.1.1/32")},
		{"format_ipv4_mask", []data.Value{s("192.168.1.1/24"), tmL(32)}, s("192.168.1.0/24")},
		{"format_ipv4_mask", []data.Value{s("192.168.1.1/24"), tmL(-1)}, s("")},
		{"format_ipv4_mask", []data.Value{s("192.168.1.1")}, tmErr},
		{"ipv4_range_to_cidr_list", []data.Value{s("1.1.128.0"), s("1.1.140.255")},
			tmDyn(`["1.1.128.0/21","1.1.136.0/22","1.1.140.0/24"]`)},
		{"ipv4_range_to_cidr_list", []data.Value{s("0.0.0.0"), s("255.255.255.255")}, tmDyn(`["0.0.0.0/0"]`)},
		{"ipv4_range_to_cidr_list", []data.Value{s("10.0.0.5"), s("10.0.0.5")}, tmDyn(`["10.0.0.5/32"]`)},
		{"ipv4_range_to_cidr_list", []data.Value{s("10.0.0.6"), s("10.0.0.5")}, tmNull(data.Dynamic)},
	})
}

func TestIPv4AnyRange(t *testing.T) {
	local := tmDyn(`["192.168.1.1/16", "127.0.0.1/8", "10.0.0.1/8"]`)
	runTmCases(t, []tmCase{
		{"ipv4_is_in_any_range", []data.Value{tmS("192.168.1.6"), tmS("192.168.1.1/24"), tmS("10.0.0.1/8"),
			tmS("127.1.0.1/16")}, tmB(true)},
		{"ipv4_is_in_any_range", []data.Value{tmS("127.0.0.1"), tmDyn(`["127.0.0.1", "192.168.1.1"]`)}, tmB(true)},
		{"ipv4_is_in_any_range", []data.Value{tmS("10.1.2.3"), local}, tmB(true)},
		{"ipv4_is_in_any_range", []data.Value{tmS("192.168.1.5"), local}, tmB(true)},
		{"ipv4_is_in_any_range", []data.Value{tmS("123.1.11.21"), local}, tmB(false)},
		{"ipv4_is_in_any_range", []data.Value{tmS("1.1.1.1"), local}, tmB(false)},
		{"ipv4_is_in_any_range", []data.Value{tmDyn(`"10.1.2.3"`), local}, tmB(true)},
		{"ipv4_is_in_any_range", []data.Value{tmS("10.1.2.3"), tmS("bad"), tmS("10.0.0.0/8")}, tmB(true)},
		{"ipv4_is_in_any_range", []data.Value{tmS("bad"), local}, tmNull(data.Bool)},
		{"ipv4_is_in_any_range", []data.Value{tmS("10.1.2.3")}, tmErr},
		{"ipv4_is_in_any_range", []data.Value{tmS("10.1.2.3"), tmL(1)}, tmErr},
		{"ipv4_is_in_any_range", []data.Value{tmS("10.1.2.3"), local, tmS("1.2.3.4")}, tmErr},
	})
}

func TestIPv6(t *testing.T) {
	s := tmS
	cmp := func(a, b string, p int64) tmCase {
		return tmCase{"ipv6_compare", []data.Value{s(a), s(b), tmL(p)}, tmL(0)}
	}
	match := func(a, b string) tmCase {
		return tmCase{"ipv6_is_match", []data.Value{s(a), s(b)}, tmB(true)}
	}
	mask := func(ip string, p int64, want string) tmCase {
		return tmCase{"parse_ipv6_mask", []data.Value{s(ip), tmL(p)}, s(want)}
	}
	runTmCases(t, []tmCase{
		{"parse_ipv6", []data.Value{s("192.168.255.255")}, s("0000:0000:0000:0000:0000:ffff:c0a8:ffff")},
		{"parse_ipv6", []data.Value{s("192.168.255.255/24")}, s("0000:0000:0000:0000:0000:ffff:c0a8:ff00")},
		{"parse_ipv6", []data.Value{s("fe80::85d:e82c:9446:7994")}, s("fe80:0000:0000:0000:085d:e82c:9446:7994")},
		{"parse_ipv6", []data.Value{s("::1")}, s("0000:0000:0000:0000:0000:0000:0000:0001")},
		{"parse_ipv6", []data.Value{s("fe80::1%eth0")}, s("")},
		{"parse_ipv6", []data.Value{s("nonsense")}, s("")},
		{"parse_ipv6", []data.Value{s("::1/129")}, s("")},
		mask("192.168.255.255", 120, "0000:0000:0000:0000:0000:ffff:c0a8:ff00"),
		mask("192.168.255.255/24", 124, "0000:0000:0000:0000:0000:ffff:c0a8:ff00"),
		mask("255.255.255.255", 128, "0000:0000:0000:0000:0000:ffff:ffff:ffff"),
		mask("fe80::85d:e82c:9446:7994", 128, "fe80:0000:0000:0000:085d:e82c:9446:7994"),
		mask("fe80::85d:e82c:9446:7994/120", 124, "fe80:0000:0000:0000:085d:e82c:9446:7900"),
		mask("::192.168.255.255", 128, "0000:0000:0000:0000:0000:0000:c0a8:ffff"),
		mask("::192.168.255.255/24", 128, "0000:0000:0000:0000:0000:0000:c0a8:ff00"),
		mask("::1", 129, ""),
		cmp("192.168.1.1", "192.168.1.0", 31),
		cmp("192.168.1.1/24", "192.168.1.255", 31),
		cmp("192.168.1.1", "192.168.1.255", 24),
		cmp("fe80::85d:e82c:9446:7994", "fe80::85d:e82c:9446:7995", 127),
		cmp("fe80::85d:e82c:9446:7994/127", "fe80::85d:e82c:9446:7998", 120),
		cmp("fe80::85d:e82c:9446:7994/120", "fe80::85d:e82c:9446:7998", 127),
		cmp("192.168.1.1/24", "::ffff:c0a8:01ff", 127),
		cmp("::ffff:c0a8:0101", "192.168.1.255", 120),
		cmp("::192.168.1.1/30", "192.168.1.255/24", 127),
		{"ipv6_compare", []data.Value{s("::1"), s("::2")}, tmL(-1)},
		{"ipv6_compare", []data.Value{s("::1"), s("bad")}, tmNull(data.Long)},
		match("192.168.1.1", "192.168.1.1"),
		match("192.168.1.1/24", "192.168.1.255"),
		match("192.168.1.1", "192.168.1.255/24"),
		match("192.168.1.1/30", "192.168.1.255/24"),
		match("fe80::85d:e82c:9446:7994", "fe80::85d:e82c:9446:7994"),
		match("fe80::85d:e82c:9446:7994/120", "fe80::85d:e82c:9446:7998"),
		match("fe80::85d:e82c:9446:7994", "fe80::85d:e82c:9446:7998/120"),
		match("fe80::85d:e82c:9446:7994/120", "fe80::85d:e82c:9446:7998/120"),
		match("192.168.1.1", "::ffff:c0a8:0101"),
		match("192.168.1.1/24", "::ffff:c0a8:01ff"),
		match("::ffff:c0a8:0101", "192.168.1.255/24"),
		match("::192.168.1.1/30", "192.168.1.255/24"),
		{"ipv6_is_match", []data.Value{s("::1"), s("::2")}, tmB(false)},
		{"ipv6_is_in_range", []data.Value{s("a5e:f127:8a9d:146d:e102:b5d3:c755:abcd"),
			s("a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112")}, tmB(true)},
		{"ipv6_is_in_range", []data.Value{s("a5e:f127:8a9d:146d:e102:b5d3:c755:abcd"),
			s("a5e:f127:8a9d:146d:e102:b5d3:c755:abcd")}, tmB(true)},
		{"ipv6_is_in_range", []data.Value{s("a5e:f127:8a9d:146d:e102:b5d3:c755:abcd"),
			s("0:0:0:0:0:ffff:c0a8:ac/60")}, tmB(false)},
		{"ipv6_is_in_any_range", []data.Value{s("a5e:f127:8a9d:146d:e102:b5d3:c755:abcf"),
			tmDyn(`["a5e:f127:8a9d:146d:e102:b5d3:c755:f6cd/112", "0:0:0:0:0:ffff:c0a8:ac/60"]`)}, tmB(true)},
		{"ipv6_is_in_any_range", []data.Value{s("a5e:f127:8a9d:146d:e102:b5d3:c756:abd1"),
			tmDyn(`["a5e:f127:8a9d:146d:e102:b5d3:c755:f6cd/112", "0:0:0:0:0:ffff:c0a8:ac/60"]`)}, tmB(false)},
	})
}

func TestHasIPv4(t *testing.T) {
	log := tmS("05:04:54 127.0.0.1 GET /favicon.ico 404")
	glued := tmS("05:04:54127.0.0.1 GET /favicon.ico 404")
	runTmCases(t, []tmCase{
		{"has_ipv4", []data.Value{log, tmS("127.0.0.1")}, tmB(true)},
		{"has_ipv4", []data.Value{glued, tmS("127.0.0.1")}, tmB(false)},
		{"has_ipv4", []data.Value{tmS("05:04:54 127.0.0.256 GET"), tmS("127.0.0.256")}, tmB(false)},
		{"has_ipv4", []data.Value{tmS("from: 192.168.1.1, 10.1.1.115 and 10.1.1.201"), tmS("10.1.1.115")}, tmB(true)},
		{"has_ipv4", []data.Value{tmS("x10.1.1.115"), tmS("10.1.1.115")}, tmB(false)},
		{"has_ipv4", []data.Value{tmS("10.1.1.1150"), tmS("10.1.1.115")}, tmB(false)},
		{"has_ipv4", []data.Value{tmS("10.1.1.115"), tmS("10.1.1.115")}, tmB(true)},
		{"has_ipv4", []data.Value{tmDyn(`{"ip":"10.1.1.115"}`), tmS("10.1.1.115")}, tmB(true)},
		{"has_ipv4", []data.Value{log, tmS("127.0.0.1"), tmS("127.0.0.2")}, tmErr},
		{"has_ipv4_prefix", []data.Value{log, tmS("127.0.")}, tmB(true)},
		{"has_ipv4_prefix", []data.Value{log, tmS("127.0")}, tmB(false)},
		{"has_ipv4_prefix", []data.Value{tmS("05:04:54 127.0.0.256 GET"), tmS("127.0.")}, tmB(false)},
		{"has_ipv4_prefix", []data.Value{glued, tmS("127.0.")}, tmB(false)},
		{"has_ipv4_prefix", []data.Value{log, tmS("127.0.0.1")}, tmB(true)},
		{"has_any_ipv4", []data.Value{log, tmS("127.0.0.1"), tmS("127.0.0.2")}, tmB(true)},
		{"has_any_ipv4", []data.Value{log, tmDyn(`["127.0.0.1", "127.0.0.2"]`)}, tmB(true)},
		{"has_any_ipv4", []data.Value{tmS("05:04:54 127.0.0.256 GET"),
			tmDyn(`["127.0.0.256", "192.168.1.1"]`)}, tmB(false)},
		{"has_any_ipv4", []data.Value{glued, tmS("127.0.0.1"), tmS("192.168.1.1")}, tmB(false)},
		{"has_any_ipv4_prefix", []data.Value{log, tmS("127.0."), tmS("192.168.")}, tmB(true)},
		{"has_any_ipv4_prefix", []data.Value{log, tmDyn(`["127.0.", "192.168."]`)}, tmB(true)},
		{"has_any_ipv4_prefix", []data.Value{log, tmS("127.0")}, tmB(false)},
		{"has_any_ipv4_prefix", []data.Value{glued, tmS("127.0."), tmS("192.")}, tmB(false)},
	})
}

func TestIPv4ParseNeverPanics(t *testing.T) {
	for _, s := range []string{"", "/", "1.2.3.4/", "....", "1..2.3", "1.2.3.4.5", "::", ":::",
		"1.2.3.4/-1", "1.2.3.4/+1", "9999.1.1.1", "1.2.3.", "/24", "[::1]", "::ffff:1.2.3.4/33"} {
		parseIPv4(s)
		parseIPv6(s)
		parseIPv4Prefix(s)
		ipv4InText(s, func(uint32) bool { return false })
	}
}
