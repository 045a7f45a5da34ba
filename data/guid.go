package data

import (
	"encoding/hex"
	"errors"
)

// GUIDValue is a 128-bit GUID, stored in the byte order of its canonical
// string form.
type GUIDValue [16]byte

// ErrBadGUID is returned when a string is not a GUID.
var ErrBadGUID = errors.New("not a valid guid")

// ParseGUID parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (with or without
// braces, dashes optional, any case).
func ParseGUID(s string) (GUIDValue, error) {
	var g GUIDValue
	if len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' {
		s = s[1 : len(s)-1]
	}
	var buf [32]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '-' {
			if len(s) != 36 || (i != 8 && i != 13 && i != 18 && i != 23) {
				return g, ErrBadGUID
			}
			continue
		}
		if n == 32 {
			return g, ErrBadGUID
		}
		buf[n] = c
		n++
	}
	if n != 32 {
		return g, ErrBadGUID
	}
	if _, err := hex.Decode(g[:], buf[:]); err != nil {
		return g, ErrBadGUID
	}
	return g, nil
}

// String returns the canonical lower-case form with dashes.
func (g GUIDValue) String() string {
	var b [36]byte
	hex.Encode(b[0:8], g[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], g[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], g[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], g[8:10])
	b[23] = '-'
	hex.Encode(b[24:], g[10:])
	return string(b[:])
}
