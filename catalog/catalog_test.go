package catalog

import (
	"sync"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

func TestDefaultLookup(t *testing.T) {
	s, ok := Lookup("AADProvisioningLogs")
	if !ok {
		t.Fatal("AADProvisioningLogs not found")
	}
	if got, want := len(s), 32; got != want {
		t.Errorf("got %d columns, want %d", got, want)
	}
	i := s.Index("TimeGenerated")
	if i < 0 || s[i].Type != data.DateTime {
		t.Errorf("got TimeGenerated at %d (%v), want a datetime column", i, s)
	}
	if _, ok := Lookup("aadprovisioninglogs"); ok {
		t.Error("lookup must be case-sensitive")
	}
	if got, want := len(Names()), 698; got != want {
		t.Errorf("got %d tables, want %d", got, want)
	}
}

func TestLookupReturnsCopy(t *testing.T) {
	s, _ := Lookup("SigninLogs")
	s[0].Name = "changed"
	s2, _ := Lookup("SigninLogs")
	if s2[0].Name == "changed" {
		t.Error("Lookup must return a copy")
	}
}

func TestAddAndMerge(t *testing.T) {
	base := Default()
	custom := data.Schema{{Name: "A", Type: data.String}, {Name: "B", Type: data.Long}}
	c1, err := base.Add("Custom_CL", custom)
	if err != nil {
		t.Fatal(err)
	}
	if base.Has("Custom_CL") {
		t.Error("Add changed the default catalog")
	}
	if got, ok := c1.Lookup("Custom_CL"); !ok || got.String() != "(A:string, B:long)" {
		t.Errorf("got %v %v, want (A:string, B:long)", got, ok)
	}
	if !c1.Has("SigninLogs") {
		t.Error("derived catalog lost the built-in tables")
	}
	if got, want := c1.Len(), base.Len()+1; got != want {
		t.Errorf("got %d tables, want %d", got, want)
	}
	// replace a built-in table
	c2, err := c1.Add("SigninLogs", data.Schema{{Name: "X", Type: data.Bool}})
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := c2.Lookup("SigninLogs"); len(s) != 1 {
		t.Errorf("got %v, want the replaced schema", s)
	}
	if s, _ := c1.Lookup("SigninLogs"); len(s) == 1 {
		t.Error("Add changed its receiver")
	}
	if c2.Len() != c1.Len() {
		t.Errorf("got %d tables, want %d", c2.Len(), c1.Len())
	}

	other, _ := New().Add("Other_CL", data.Schema{{Name: "Z", Type: data.Real}})
	m := c2.Merge(other)
	if !m.Has("Other_CL") || !m.Has("Custom_CL") || !m.Has("SecurityEvent") {
		t.Error("merge lost tables")
	}
	if c2.Has("Other_CL") {
		t.Error("Merge changed its receiver")
	}
	m2 := New().Merge(Default())
	if m2.Len() != Default().Len() {
		t.Errorf("got %d tables, want %d", m2.Len(), Default().Len())
	}
}

func TestAddRejects(t *testing.T) {
	tests := []struct {
		name   string
		schema data.Schema
	}{
		{"", nil},
		{"T", data.Schema{{Name: "", Type: data.String}}},
		{"T", data.Schema{{Name: "A", Type: data.Unknown}}},
		{"T", data.Schema{{Name: "A", Type: data.String}, {Name: "A", Type: data.Long}}},
	}
	for _, tt := range tests {
		if _, err := New().Add(tt.name, tt.schema); err == nil {
			t.Errorf("Add(%q, %v): got no error, want one", tt.name, tt.schema)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"signinlogs", "SigninLogs"},
		{"SiginLogs", "SigninLogs"},
		{"SecurityEvents", "SecurityEvent"},
		{"AADProvisioningLog", "AADProvisioningLogs"},
		{"Zzzzzzzzzzzz", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in); got != tt.want {
			t.Errorf("Suggest(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEveryTableValid(t *testing.T) {
	for _, n := range Names() {
		s, _ := Lookup(n)
		if err := validate(n, s); err != nil {
			t.Error(err)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := Lookup("SecurityEvent"); !ok {
				t.Error("SecurityEvent not found")
			}
			if _, err := Default().Add("X", nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func BenchmarkLoadCatalog(b *testing.B) {
	for b.Loop() {
		if _, err := parseTables(tablesJSON); err != nil {
			b.Fatal(err)
		}
	}
}
