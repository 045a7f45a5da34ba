package kql_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/kql"
)

// hookTable builds a string table from rows of cells.
func hookTable(t *testing.T, name string, cols []string, rows ...[]string) *data.Table {
	t.Helper()
	s := make(data.Schema, len(cols))
	vals := make([][]string, len(cols))
	for i, c := range cols {
		s[i] = data.ColumnDef{Name: c, Type: data.String}
	}
	for _, r := range rows {
		for i := range cols {
			vals[i] = append(vals[i], r[i])
		}
	}
	cs := make([]data.Column, len(cols))
	for i := range cs {
		cs[i] = data.NewVec(data.String, vals[i], nil)
	}
	tab, err := data.NewTableRows(name, s, cs, len(rows))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// runText compiles and runs a query and renders its result or error.
func runText(t *testing.T, env *kql.Env, query string) string {
	t.Helper()
	q, err := env.Compile("", query)
	if err != nil {
		return "error: " + strings.SplitN(err.Error(), "\n", 2)[0]
	}
	res, err := q.Run(context.Background(), kql.WithNow(scriptNow))
	if err != nil {
		return "error: " + strings.SplitN(err.Error(), "\n", 2)[0]
	}
	return renderTable(res.Primary())
}

func TestHooks(t *testing.T) {
	vips := hookTable(t, "vips", []string{"ip", "owner"}, []string{"10.0.0.1", "alice"}, []string{"10.0.0.2", "bob"})
	iocs := hookTable(t, "", []string{"Type", "IoC"}, []string{"ip", "1.2.3.4"}, []string{"sha256", "abc"})
	env, err := kql.NewEnv(
		kql.WithWatchlist("vips", vips, "ip"),
		kql.WithExternalData("https://example.com/iocs.csv", iocs),
		kql.WithGeoIP(func(ip string) (kql.GeoInfo, bool) {
			if ip != "20.53.203.50" {
				return kql.GeoInfo{}, false
			}
			return kql.GeoInfo{Country: "Australia", City: "Sydney", Latitude: -33.8715, Longitude: 151.2006}, true
		}),
		kql.WithStoredFunctions("asim.kql", `let imDns = (responsecodename:string = "") {
			datatable(Query:string, ResponseCodeName:string)["a.com", "NXDOMAIN", "b.com", "NOERROR"]
			| where responsecodename == "" or ResponseCodeName == responsecodename };`),
	)
	if err != nil {
		t.Fatal(err)
	}
	bare, _ := kql.NewEnv()
	cases := []struct {
		env         *kql.Env
		query, want string
	}{
		{env, `_GetWatchlist('vips') | project SearchKey, owner, WatchlistItem`,
			"SearchKey:string | owner:string | WatchlistItem:dynamic\n\"10.0.0.1\" | \"alice\" | {\"ip\":\"10.0.0.1\",\"owner\":\"alice\"}\n\"10.0.0.2\" | \"bob\" | {\"ip\":\"10.0.0.2\",\"owner\":\"bob\"}"},
		{env, `externaldata(IoC:string, Type:string)["https://example.com/iocs.csv"] with (format="csv") | where Type == "ip" | project IoC`,
			"IoC:string\n\"1.2.3.4\""},
		{env, `print g = geo_info_from_ip_address('20.53.203.50') | project g.country`,
			"g_country:dynamic\n\"Australia\""},
		{env, `print g = geo_info_from_ip_address('1.1.1.1')`, "g:dynamic\nnull"},
		{env, `imDns(responsecodename='NXDOMAIN') | project Query`, "Query:string\n\"a.com\""},
		{env, `imDns | count`, "Count:long\n2"},
		{env, `externaldata(a:string)["https://example.com/other.csv"]`,
			"error: externaldata 'https://example.com/other.csv': no data is bound for this URI (kql.WithExternalData)"},
		{bare, `_GetWatchlist('vips')`,
			"error: <query>:1:1: _GetWatchlist('vips'): no watchlist 'vips' is bound (host hook: kql.WithWatchlist, or kql --watchlist vips=FILE)"},
		{bare, `externaldata(a:string)["https://x"]`,
			"error: <query>:1:1: externaldata: no data is bound for 'https://x' (host hook: kql.WithExternalData, or kql --external URL=FILE)"},
		{bare, `print geo_info_from_ip_address('1.1.1.1')`,
			"error: <query>:1:7: geo_info_from_ip_address: no IP geolocation data is bound (host hook: kql.WithGeoIP)"},
		{bare, `imDns(responsecodename='NXDOMAIN')`,
			"error: <query>:1:1: unknown function 'imDns' (workspace functions such as ASIM parsers must be defined with kql.WithStoredFunctions or kql --functions FILE.kql)"},
	}
	for _, c := range cases {
		if got := runText(t, c.env, c.query); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.query, got, c.want)
		}
	}
}

func TestRender(t *testing.T) {
	env, _ := kql.NewEnv()
	q, err := env.Compile("", `print x = 1 | render timechart with (title = "Logons", ycolumns = a, b)`)
	if err != nil {
		t.Fatal(err)
	}
	res, err := q.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := res.Render
	if r == nil {
		t.Fatal("got no render")
	}
	got := fmt.Sprintf("%s %q %q", r.Chart, r.Props["title"], r.Props["ycolumns"])
	if want := `timechart "Logons" "a, b"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// ExampleWithWatchlist binds a watchlist that _GetWatchlist reads.
func ExampleWithWatchlist() {
	cols := []data.Column{data.NewVec(data.String, []string{"10.0.0.1", "10.0.0.2"}, nil)}
	t, _ := data.NewTableRows("vips", data.Schema{{Name: "IPAddress", Type: data.String}}, cols, 2)
	env, _ := kql.NewEnv(kql.WithWatchlist("vips", t, "IPAddress"))
	q, _ := env.Compile("", `_GetWatchlist('vips') | summarize make_list(SearchKey)`)
	res, _ := q.Run(context.Background())
	fmt.Println(res.Primary().Cols[0].Value(0))
	// Output: ["10.0.0.1","10.0.0.2"]
}

// ExampleWithExternalData binds the rows an externaldata URI stands for.
func ExampleWithExternalData() {
	cols := []data.Column{data.NewVec(data.String, []string{"1.2.3.4", "evil.example"}, nil),
		data.NewVec(data.String, []string{"ip", "domain"}, nil)}
	iocs, _ := data.NewTableRows("", data.Schema{{Name: "IoC", Type: data.String}, {Name: "Type", Type: data.String}}, cols, 2)
	env, _ := kql.NewEnv(kql.WithExternalData("https://example.com/iocs.csv", iocs))
	q, _ := env.Compile("", `externaldata(IoC:string, Type:string)["https://example.com/iocs.csv"] with (format="csv")
		| where Type == "domain" | project IoC`)
	res, _ := q.Run(context.Background())
	fmt.Println(res.Primary().Cols[0].Value(0))
	// Output: evil.example
}

// ExampleWithGeoIP plugs an IP geolocation lookup into
// geo_info_from_ip_address.
func ExampleWithGeoIP() {
	env, _ := kql.NewEnv(kql.WithGeoIP(func(ip string) (kql.GeoInfo, bool) {
		if ip == "20.53.203.50" {
			return kql.GeoInfo{Country: "Australia", City: "Sydney"}, true
		}
		return kql.GeoInfo{}, false
	}))
	q, _ := env.Compile("", `print geo_info_from_ip_address("20.53.203.50").country`)
	res, _ := q.Run(context.Background())
	fmt.Println(res.Primary().Cols[0].Value(0))
	// Output: Australia
}

// ExampleQuery_Late runs a query whose columns come from the data.
func ExampleQuery_Late() {
	env, _ := kql.NewEnv(kql.WithTable("T", data.Schema{{Name: "d", Type: data.Dynamic}}))
	q, _ := env.Compile("", `T | evaluate bag_unpack(d) | project Name`)
	d, _ := data.ParseJSON(`{"Name": "alice", "Age": 30}`)
	t, _ := data.NewTableRows("T", data.Schema{{Name: "d", Type: data.Dynamic}},
		[]data.Column{data.NewVec(data.Dynamic, []data.Dyn{d}, nil)}, 1)
	res, _ := q.Run(context.Background(), kql.WithData(t))
	fmt.Println(q.Late(), res.Primary().Cols[0].Value(0))
	// Output: true alice
}
