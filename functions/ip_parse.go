package functions

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"
)

// Parsing of IPv4 and IPv6 addresses in IP-prefix notation ("10.1.2.3",
// "10.1.2.3/24", "fe80::1/64"), shared by the ip_* functions.

// ipv4 is an IPv4 address with its prefix length (32 when none is given).
type ipv4 struct {
	addr   uint32
	prefix int
}

// masked returns the address with the bits past the prefix cleared.
func (a ipv4) masked() uint32 { return a.addr & ipv4Mask(a.prefix) }

// ipv4Mask returns the netmask of a prefix length 0-32.
func ipv4Mask(prefix int) uint32 {
	if prefix <= 0 {
		return 0
	}
	if prefix >= 32 {
		return ^uint32(0)
	}
	return ^uint32(0) << (32 - prefix)
}

// parseIPv4 parses "a.b.c.d" or "a.b.c.d/n" (n from 0 to 32); surrounding
// spaces are ignored.
func parseIPv4(s string) (ipv4, bool) {
	s = strings.TrimSpace(s)
	prefix := 32
	if i := strings.IndexByte(s, '/'); i >= 0 {
		p, ok := parsePrefixLen(s[i+1:], 32)
		if !ok {
			return ipv4{}, false
		}
		prefix, s = p, s[:i]
	}
	addr, n := scanIPv4(s, 0)
	if n != len(s) || n == 0 {
		return ipv4{}, false
	}
	return ipv4{addr: addr, prefix: prefix}, true
}

// parsePrefixLen parses a prefix length from 0 to max.
func parsePrefixLen(s string, max int) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 3 {
		return 0, false
	}
	p, err := strconv.Atoi(s)
	if err != nil || p < 0 || p > max || s[0] == '+' || s[0] == '-' {
		return 0, false
	}
	return p, true
}

// scanIPv4 reads a dotted IPv4 address at s[i:] and returns it and the
// index just past it, or n == 0 when there is none. Each of the four parts
// is one to three digits with a value up to 255.
func scanIPv4(s string, i int) (addr uint32, n int) {
	start := i
	for part := 0; part < 4; part++ {
		if part > 0 {
			if i >= len(s) || s[i] != '.' {
				return 0, 0
			}
			i++
		}
		v, j := 0, i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' && j-i < 4 {
			v = v*10 + int(s[j]-'0')
			j++
		}
		if j == i || j-i > 3 || v > 255 {
			return 0, 0
		}
		addr = addr<<8 | uint32(v)
		i = j
	}
	if i == start {
		return 0, 0
	}
	return addr, i
}

// formatIPv4 writes an address in dotted form.
func formatIPv4(a uint32) string {
	var b []byte
	for i := 3; i >= 0; i-- {
		b = strconv.AppendUint(b, uint64(a>>(8*i)&0xff), 10)
		if i > 0 {
			b = append(b, '.')
		}
	}
	return string(b)
}

// ipv6 is a 128-bit address (hi holds the first 8 bytes) with its prefix
// length (128 when none is given). An IPv4 address becomes ::ffff:a.b.c.d
// with its prefix counted from bit 96.
type ipv6 struct {
	hi, lo uint64
	prefix int
	dotted bool // the text held a dotted IPv4 part
}

// parseIPv6 parses an IPv6 or IPv4 address in IP-prefix notation. When the
// text has a dotted IPv4 part, the prefix counts the bits of that IPv4
// address (so "::1.2.3.4/24" keeps 96+24 bits).
func parseIPv6(s string) (ipv6, bool) {
	s = strings.TrimSpace(s)
	text, pre := s, ""
	if i := strings.IndexByte(s, '/'); i >= 0 {
		text, pre = s[:i], s[i+1:]
	}
	dotted := strings.IndexByte(text, '.') >= 0
	var a ipv6
	if v4, n := scanIPv4(text, 0); n > 0 && n == len(text) {
		a = ipv6{lo: 0xffff<<32 | uint64(v4)}
	} else {
		if strings.IndexByte(text, ':') < 0 || strings.IndexByte(text, '%') >= 0 {
			return ipv6{}, false
		}
		ip, err := netip.ParseAddr(text)
		if err != nil || !ip.Is6() {
			return ipv6{}, false
		}
		b := ip.As16()
		a = ipv6{hi: binary.BigEndian.Uint64(b[:8]), lo: binary.BigEndian.Uint64(b[8:])}
	}
	a.dotted = dotted
	a.prefix = 128
	if pre != "" || strings.IndexByte(s, '/') >= 0 {
		max := 128
		if dotted {
			max = 32
		}
		p, ok := parsePrefixLen(pre, max)
		if !ok {
			return ipv6{}, false
		}
		if dotted {
			p += 96
		}
		a.prefix = p
	}
	return a, true
}

// ipv6Mask returns the netmask of a prefix length 0-128.
func ipv6Mask(prefix int) (hi, lo uint64) {
	switch {
	case prefix <= 0:
		return 0, 0
	case prefix < 64:
		return ^uint64(0) << (64 - prefix), 0
	case prefix == 64:
		return ^uint64(0), 0
	case prefix < 128:
		return ^uint64(0), ^uint64(0) << (128 - prefix)
	}
	return ^uint64(0), ^uint64(0)
}

// maskedTo returns the address with the bits past prefix cleared.
func (a ipv6) maskedTo(prefix int) (hi, lo uint64) {
	mh, ml := ipv6Mask(prefix)
	return a.hi & mh, a.lo & ml
}

// comparable returns the address as compared by the ipv6_* functions: an
// IPv4-compatible address written with a dotted part (::1.2.3.4) is
// compared as the IPv4-mapped one (::ffff:1.2.3.4), as Kusto does.
func (a ipv6) comparable() ipv6 {
	if a.dotted && a.hi == 0 && a.lo>>32 == 0 {
		a.lo |= 0xffff << 32
	}
	return a
}

// formatIPv6Full writes an address as eight groups of four hex digits.
func formatIPv6Full(hi, lo uint64) string {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, 39)
	for i := 0; i < 8; i++ {
		w := hi
		if i >= 4 {
			w = lo
		}
		g := uint16(w >> (48 - 16*(i%4)))
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, hex[g>>12], hex[g>>8&0xf], hex[g>>4&0xf], hex[g&0xf])
	}
	return string(b)
}

// cmpIPv6 compares two masked addresses: -1, 0 or 1.
func cmpIPv6(ah, al, bh, bl uint64) int64 {
	switch {
	case ah < bh || (ah == bh && al < bl):
		return -1
	case ah == bh && al == bl:
		return 0
	}
	return 1
}
