package functions

import (
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "parse_url", Sig: "parse_url(url: string): dynamic",
			Doc: "Splits an absolute URL into a property bag: Scheme, Host, Port, Path, Username, Password, " +
				"Query Parameters (a bag of decoded values) and Fragment. Parts that are absent are empty " +
				"strings; text that is not an absolute URL gives every part empty.",
			Examples: []Example{{"print parse_url(\"https://user:pw@host:8080/p/a?k=v#f\").Host", "\"host\""}},
			Bind:     sig("parse_url", argString).bind(data.Dynamic, Map1(data.Dynamic, parseURL))},
		&Scalar{Name: "parse_urlquery", Sig: "parse_urlquery(query: string): dynamic",
			Doc: "Parses the query part of a URL (key=value pairs separated by '&') into a bag " +
				"{\"Query Parameters\": {key: decoded value}}.",
			Examples: []Example{{"print parse_urlquery(\"k1=v1&k2=v2\")", "{\"Query Parameters\":{\"k1\":\"v1\",\"k2\":\"v2\"}}"}},
			Bind: sig("parse_urlquery", argString).bind(data.Dynamic, Map1(data.Dynamic, func(s string) (data.Dyn, bool) {
				return data.DynBagOf([]string{"Query Parameters"}, []data.Dyn{queryBag(strings.TrimPrefix(s, "?"))}), true
			}))},
	)
	alias("parseurl", "parse_url")
	alias("parseurlquery", "parse_urlquery")
}

var urlKeys = []string{"Scheme", "Host", "Port", "Path", "Username", "Password", "Query Parameters", "Fragment"}

// parseURL implements parse_url().
func parseURL(s string) (data.Dyn, bool) {
	var scheme, host, port, path, user, pass, query, frag string
	if i := strings.Index(s, "://"); i > 0 && validScheme(s[:i]) {
		scheme = s[:i]
		rest := s[i+3:]
		if j := strings.IndexByte(rest, '#'); j >= 0 {
			rest, frag = rest[:j], rest[j+1:]
		}
		if j := strings.IndexByte(rest, '?'); j >= 0 {
			rest, query = rest[:j], rest[j+1:]
		}
		auth := rest
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			auth, path = rest[:j], rest[j:]
		}
		if j := strings.LastIndexByte(auth, '@'); j >= 0 {
			user, auth = auth[:j], auth[j+1:]
			if k := strings.IndexByte(user, ':'); k >= 0 {
				user, pass = user[:k], user[k+1:]
			}
		}
		host = auth
		if j := strings.LastIndexByte(auth, ':'); j >= 0 && !strings.Contains(auth[j:], "]") && allDigits(auth[j+1:]) {
			host, port = auth[:j], auth[j+1:]
		}
	}
	str := data.DynStringOf
	vals := []data.Dyn{str(scheme), str(host), str(port), str(path), str(user), str(pass), queryBag(query), str(frag)}
	return data.DynBagOf(urlKeys, vals), true
}

func validScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if i == 0 && !letter {
			return false
		}
		if !letter && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// queryBag parses key=value pairs separated by '&' into a bag of decoded
// values; a later duplicate key replaces an earlier one.
func queryBag(q string) data.Dyn {
	var keys []string
	var vals []data.Dyn
	index := map[string]int{}
	for _, pair := range strings.Split(q, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		k, _ = urlDecode(k)
		v, _ = urlDecode(v)
		if i, dup := index[k]; dup {
			vals[i] = data.DynStringOf(v)
			continue
		}
		index[k] = len(keys)
		keys = append(keys, k)
		vals = append(vals, data.DynStringOf(v))
	}
	return data.DynBagOf(keys, vals)
}
