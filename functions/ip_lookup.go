package functions

// IPv4Net is an IPv4 address with a prefix length, as ipv4_lookup matches
// them.
type IPv4Net struct {
	Addr   uint32
	Prefix int
}

// ParseIPv4Net parses "a.b.c.d" or "a.b.c.d/n".
func ParseIPv4Net(s string) (IPv4Net, bool) {
	a, ok := parseIPv4(s)
	return IPv4Net{Addr: a.addr, Prefix: a.prefix}, ok
}

// Contains reports whether network n contains address (or network) a: the
// first n.Prefix bits agree and a is no wider than n.
func (n IPv4Net) Contains(a IPv4Net) bool {
	m := ipv4Mask(n.Prefix)
	return a.Prefix >= n.Prefix && a.Addr&m == n.Addr&m
}

// IPv6Net is an IPv6 address with a prefix length (IPv4 addresses are
// mapped into ::ffff:0:0/96).
type IPv6Net struct {
	Hi, Lo uint64
	Prefix int
}

// ParseIPv6Net parses an IPv6 or IPv4 address in IP-prefix notation.
func ParseIPv6Net(s string) (IPv6Net, bool) {
	a, ok := parseIPv6(s)
	if !ok {
		return IPv6Net{}, false
	}
	a = a.comparable()
	return IPv6Net{Hi: a.hi, Lo: a.lo, Prefix: a.prefix}, true
}

// Contains reports whether network n contains address (or network) a.
func (n IPv6Net) Contains(a IPv6Net) bool {
	mh, ml := ipv6Mask(n.Prefix)
	return a.Prefix >= n.Prefix && a.Hi&mh == n.Hi&mh && a.Lo&ml == n.Lo&ml
}
