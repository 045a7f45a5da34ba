package functions

import (
	"sync"
	"time"
	_ "time/tzdata" // the IANA database, so that results do not depend on the host

	"github.com/kqlkit/kqlkit/data"
)

// datetime_utc_to_local and datetime_local_to_utc, with Go's copy of the
// IANA time zone database.

func init() {
	register(
		&Scalar{Name: "datetime_utc_to_local",
			Sig: "datetime_utc_to_local(from: datetime, timezone: string): datetime",
			Doc: "Converts a UTC datetime to the local time of an IANA time zone " +
				"('US/Pacific', 'Europe/Paris', …). Null, or an unknown time zone, gives null.",
			Examples: []Example{{"print datetime_utc_to_local(datetime(2022-07-11 22:18), 'US/Pacific')",
				"2022-07-11T15:18:00Z"}},
			Bind: bindZone("datetime_utc_to_local", utcToLocal)},
		&Scalar{Name: "datetime_local_to_utc",
			Sig: "datetime_local_to_utc(from: datetime, timezone: string): datetime",
			Doc: "Converts a local time of an IANA time zone to UTC. A local time skipped by a " +
				"daylight-saving change uses the offset after the change. Null, or an unknown " +
				"time zone, gives null.",
			Examples: []Example{{"print datetime_local_to_utc(datetime(2020-02-02 20:02:20), 'Europe/Paris')",
				"2020-02-02T19:02:20Z"}},
			Bind: bindZone("datetime_local_to_utc", localToUTC)},
	)
}

// zoneCache maps names to loaded zones (nil for an unknown name); it stops
// growing at zoneCacheMax names.
var zoneCache = struct {
	sync.Mutex
	m map[string]*time.Location
}{m: map[string]*time.Location{}}

const zoneCacheMax = 1024

// loadZone returns the named IANA time zone, or nil when there is none.
func loadZone(name string) *time.Location {
	zoneCache.Lock()
	loc, ok := zoneCache.m[name]
	zoneCache.Unlock()
	if ok {
		return loc
	}
	if name != "" && name != "Local" {
		if l, err := time.LoadLocation(name); err == nil {
			loc = l
		}
	}
	zoneCache.Lock()
	if len(zoneCache.m) < zoneCacheMax {
		zoneCache.m[name] = loc
	}
	zoneCache.Unlock()
	return loc
}

// zoneOffset returns the UTC offset, in ticks, in effect at UTC instant t.
func zoneOffset(loc *time.Location, t int64) int64 {
	sec := tmFloorDiv(t, data.Second)
	_, off := time.Unix(sec, 0).In(loc).Zone()
	return int64(off) * data.Second
}

func utcToLocal(loc *time.Location, t int64) (int64, bool) {
	r := t + zoneOffset(loc, t)
	return r, tmInRange(r)
}

// localToUTC finds the instant whose local time is t. In a gap (clocks
// moved forward) it subtracts the offset after the change, as Kusto does;
// in an overlap it settles on one of the two instants.
func localToUTC(loc *time.Location, t int64) (int64, bool) {
	o1 := zoneOffset(loc, t)
	o2 := zoneOffset(loc, t-o1)
	u := t - o2
	if o3 := zoneOffset(loc, u); o3 != o2 {
		u = t - max(o2, o3)
	}
	return u, tmInRange(u)
}

func bindZone(name string, f func(*time.Location, int64) (int64, bool)) BindFunc {
	return func(args []ArgInfo) (data.Type, Kernel, error) {
		if err := tmWantTypes(name, args, data.DateTime, data.String); err != nil {
			return data.Unknown, nil, err
		}
		if c := args[1].Const; c != nil {
			loc := loadZone(c.Str())
			if loc == nil {
				return data.DateTime, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
					return data.NullColumn(data.DateTime, n), nil
				}, nil
			}
			k := Map1(data.DateTime, func(t int64) (int64, bool) { return f(loc, t) })
			return data.DateTime, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
				return k(ctx, n, cols[:1])
			}, nil
		}
		return data.DateTime, Map2(data.DateTime, func(t int64, z string) (int64, bool) {
			loc := loadZone(z)
			if loc == nil {
				return 0, false
			}
			return f(loc, t)
		}), nil
	}
}
