package functions

import (
	"strings"
	"unicode/utf8"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "punycode_from_string", Sig: "punycode_from_string(string: string): string",
			Doc: "Encodes a string in Punycode (RFC 3492), without the \"xn--\" prefix; " +
				"failure gives the empty string.",
			Examples: []Example{{"print punycode_from_string('académie-française')", "\"acadmie-franaise-npb1a\""}},
			Bind:     unary("punycode_from_string", argString, data.String, punycodeFromString)},
		&Scalar{Name: "punycode_to_string", Sig: "punycode_to_string(string: string): string",
			Doc: "Decodes a Punycode string (without the \"xn--\" prefix); " +
				"failure gives the empty string.",
			Examples: []Example{{"print punycode_to_string('acadmie-franaise-npb1a')", "\"académie-française\""}},
			Bind:     unary("punycode_to_string", argString, data.String, punycodeToString)},
		&Scalar{Name: "punycode_domain_to_string", Sig: "punycode_domain_to_string(domain: string): string",
			Doc: "Encodes a domain name to its IDNA form: each label with non-ASCII characters becomes " +
				"\"xn--\" and its Punycode; failure gives the empty string.",
			Examples: []Example{{"print punycode_domain_to_string(\"Kaledvoulc'h.Artorījos.edu\")", "\"Kaledvoulc'h.xn--Artorjos-ejb.edu\""}},
			Bind:     unary("punycode_domain_to_string", argString, data.String, punycodeDomainToString)},
		&Scalar{Name: "punycode_domain_from_string", Sig: "punycode_domain_from_string(encoded_string: string): string",
			Doc: "Decodes an IDNA domain name: each \"xn--\" label is decoded from " +
				"Punycode; failure gives the empty string.",
			Examples: []Example{{"print punycode_domain_from_string(\"xn--Lin-8na.Celtchair.org\")", "\"Lúin.Celtchair.org\""}},
			Bind:     unary("punycode_domain_from_string", argString, data.String, punycodeDomainFromString)},
	)
}

// mapLabels applies f to each label of a domain name (separated by any of
// IDNA's dots) and joins them with "."; any failure gives "".
func mapLabels(s string, f func(string) (string, bool)) string {
	labels := strings.FieldsFunc(s, func(r rune) bool {
		return r == '.' || r == '\u3002' || r == '\uFF0E' || r == '\uFF61'
	})
	if strings.HasSuffix(s, ".") {
		labels = append(labels, "")
	}
	for i, l := range labels {
		out, ok := f(l)
		if !ok {
			return ""
		}
		labels[i] = out
	}
	return strings.Join(labels, ".")
}

// Punycode parameters (RFC 3492).
const (
	punyBase        = 36
	punyTMin        = 1
	punyTMax        = 26
	punySkew        = 38
	punyDamp        = 700
	punyInitialBias = 72
	punyInitialN    = 128
	punyMaxInt      = 1<<31 - 1
)

func punyAdapt(delta, numPoints int, first bool) int {
	if first {
		delta /= punyDamp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := 0
	for delta > ((punyBase-punyTMin)*punyTMax)/2 {
		delta /= punyBase - punyTMin
		k += punyBase
	}
	return k + (punyBase-punyTMin+1)*delta/(delta+punySkew)
}

func punyDigit(d int) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

func punyThreshold(k, bias int) int {
	switch {
	case k <= bias:
		return punyTMin
	case k >= bias+punyTMax:
		return punyTMax
	}
	return k - bias
}

// punyEncode encodes s with Punycode.
func punyEncode(s string) (string, bool) {
	if !utf8.ValidString(s) {
		return "", false
	}
	input := []rune(s)
	var out []byte
	for _, r := range input {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	basic := len(out)
	handled := basic
	if basic > 0 {
		out = append(out, '-')
	}
	n, delta, bias := punyInitialN, 0, punyInitialBias
	for handled < len(input) {
		m := punyMaxInt
		for _, r := range input {
			if int(r) >= n && int(r) < m {
				m = int(r)
			}
		}
		if (m - n) > (punyMaxInt-delta)/(handled+1) {
			return "", false
		}
		delta += (m - n) * (handled + 1)
		n = m
		for _, r := range input {
			if int(r) < n {
				delta++
			}
			if int(r) != n {
				continue
			}
			q := delta
			for k := punyBase; ; k += punyBase {
				t := punyThreshold(k, bias)
				if q < t {
					break
				}
				out = append(out, punyDigit(t+(q-t)%(punyBase-t)))
				q = (q - t) / (punyBase - t)
			}
			out = append(out, punyDigit(q))
			bias = punyAdapt(delta, handled+1, handled == basic)
			delta = 0
			handled++
		}
		delta++
		n++
	}
	return string(out), true
}

func punyValue(c byte) (int, bool) {
	switch {
	case 'a' <= c && c <= 'z':
		return int(c - 'a'), true
	case 'A' <= c && c <= 'Z':
		return int(c - 'A'), true
	case '0' <= c && c <= '9':
		return int(c-'0') + 26, true
	}
	return 0, false
}

// punyDecode decodes a Punycode string.
func punyDecode(s string) (string, bool) {
	var out []rune
	b := strings.LastIndexByte(s, '-')
	if b > 0 {
		for i := 0; i < b; i++ {
			if s[i] >= 0x80 {
				return "", false
			}
			out = append(out, rune(s[i]))
		}
		b++
	} else {
		b = 0
	}
	n, i, bias := punyInitialN, 0, punyInitialBias
	for pos := b; pos < len(s); {
		oldi, w := i, 1
		for k := punyBase; ; k += punyBase {
			if pos >= len(s) {
				return "", false
			}
			d, ok := punyValue(s[pos])
			pos++
			if !ok || d > (punyMaxInt-i)/w {
				return "", false
			}
			i += d * w
			t := punyThreshold(k, bias)
			if d < t {
				break
			}
			w *= punyBase - t
			if w > punyMaxInt/punyBase {
				return "", false
			}
		}
		bias = punyAdapt(i-oldi, len(out)+1, oldi == 0)
		n += i / (len(out) + 1)
		i %= len(out) + 1
		if n > utf8.MaxRune || (n >= 0xD800 && n <= 0xDFFF) {
			return "", false
		}
		out = append(out, 0)
		copy(out[i+1:], out[i:])
		out[i] = rune(n)
		i++
	}
	return string(out), true
}

func punycodeFromString(s string) (string, bool) {
	out, _ := punyEncode(s)
	return out, true
}

func punycodeToString(s string) (string, bool) {
	out, _ := punyDecode(s)
	return out, true
}

func punycodeDomainToString(s string) (string, bool) {
	return mapLabels(s, func(l string) (string, bool) {
		if isASCIIString(l) {
			return l, true
		}
		e, ok := punyEncode(l)
		return "xn--" + e, ok
	}), true
}

func punycodeDomainFromString(s string) (string, bool) {
	return mapLabels(s, func(l string) (string, bool) {
		if len(l) < 4 || !strings.EqualFold(l[:4], "xn--") {
			return l, true
		}
		return punyDecode(l[4:])
	}), true
}
