// Package benchdata generates deterministic AADProvisioningLogs rows for the
// benchmarks of the headline rule: the shape of the anchor benchmark's data
// (jobs with lognormal volume, a few failure bursts inside and outside the
// last hour, JSON text in ServicePrincipal/SourceIdentity/TargetIdentity,
// mixed-case ResultType) without its exact bytes.
package benchdata

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

// Now is the instant the data is generated around (rows fall in the two
// hours before it).
const Now = "2025-06-01T12:00:00Z"

type job struct {
	id, sp, spJSON string
	weight         float64
	users          int
	burst          bool
	burstFrom      int64 // ticks
	burstTo        int64
}

var apps = []string{"Salesforce", "ServiceNow", "Workday", "AWS IAM Identity Center", "Google Cloud",
	"Slack", "Zoom", "Atlassian Cloud", "Dropbox Business", "Box", "Databricks", "Tableau Cloud",
	"monday.com", "Miro", "Adobe Identity Management", "GitHub Enterprise", "Cisco Webex",
	"Contoso \"Legacy\" HR Portal", "Zscaler", "DocuSign", "Asana", "Smartsheet", "Figma", "Notion",
	"SAP Cloud", "Okta Bridge", "Coupa", "Egnyte", "LucidChart", "Søknad Portal"}

// Table returns n rows of AADProvisioningLogs with the given seed, typed
// by schema (the catalog's), columns not generated left null.
func Table(n int, seed uint64, schema data.Schema) *data.Table {
	r := rand.New(rand.NewPCG(seed, 7))
	now, _ := data.ParseDateTime(Now)
	jobs := makeJobs(r, now)
	cum := make([]float64, len(jobs))
	total := 0.0
	for i, j := range jobs {
		total += j.weight
		cum[i] = total
	}
	cols := map[string][]data.Value{}
	add := func(name string, v data.Value) { cols[name] = append(cols[name], v) }
	for i := 0; i < n; i++ {
		x := r.Float64() * total
		k := 0
		for k < len(cum)-1 && cum[k] < x {
			k++
		}
		j := &jobs[k]
		ts := now - 1 - r.Int64N(2*data.Hour)
		user := r.IntN(j.users)
		outcome := "Success"
		switch {
		case j.burst && ts >= j.burstFrom && ts < j.burstTo && r.Float64() < 0.7:
			outcome = "Failure"
		case r.Float64() < 0.02:
			outcome = "Failure"
		case r.IntN(5) == 0:
			outcome = "Skipped"
		}
		add("TimeGenerated", data.DateTimeValue(ts))
		add("JobId", data.StringValue(j.id))
		add("ServicePrincipal", data.StringValue(j.spJSON))
		add("ResultType", data.StringValue(spell(r, outcome)))
		upn := fmt.Sprintf("user%d.%s@contoso.com", user, strings.ToLower(strings.Fields(j.sp)[0]))
		add("SourceIdentity", data.StringValue(fmt.Sprintf(`{"Id":"s-%s-%d","Name":%q,"IdentityType":"User","Details":{"DisplayName":%q}}`, j.id[:6], user, upn, upn)))
		add("TargetIdentity", data.StringValue(fmt.Sprintf(`{"Id":"t-%s-%d","Name":%q,"IdentityType":"User","Details":{}}`, j.id[:6], user, upn)))
		code, msg := "None", ""
		if outcome == "Failure" {
			c := r.IntN(3)
			code = []string{"DuplicateTargetEntries", "SystemForCrossDomainIdentityManagementServiceIncompatible", "UnableToResolveReferenceAttribute"}[c]
			msg = "provisioning error " + code
		}
		add("ResultSignature", data.StringValue(code))
		add("ResultDescription", data.StringValue(msg))
		add("OperationName", data.StringValue([]string{"Export", "Import", "Process escrow", "Synchronization rule action"}[r.IntN(4)]))
		add("Id", data.StringValue(fmt.Sprintf("%08x-%04x", r.Uint32(), i&0xffff)))
	}
	out := make([]data.Column, len(schema))
	for i, def := range schema {
		vals, ok := cols[def.Name]
		if !ok {
			out[i] = data.NullColumn(def.Type, n)
			continue
		}
		out[i] = dictEncode(data.NewColumn(def.Type, vals))
	}
	return data.MustNewTable("AADProvisioningLogs", schema, out)
}

func makeJobs(r *rand.Rand, now int64) []job {
	jobs := make([]job, 300)
	for i := range jobs {
		app := apps[i%len(apps)]
		sp := fmt.Sprintf("%s %d", app, i/len(apps)+1)
		id := fmt.Sprintf("%08x.%04x", r.Uint32(), i)
		jobs[i] = job{id: id, sp: sp, weight: math.Exp(r.NormFloat64()), users: 50 + r.IntN(2000),
			spJSON: fmt.Sprintf(`{"Id":"%08x","Name":%q,"IdentityType":"ServicePrincipal"}`, r.Uint32(), sp)}
	}
	for b := 0; b < 8; b++ {
		j := &jobs[b*37%len(jobs)]
		j.burst = true
		j.weight += 5
		start := now - data.Hour + int64(b)*5*data.Minute
		if b >= 6 {
			start = now - 2*data.Hour + int64(b-6)*10*data.Minute
		}
		j.burstFrom, j.burstTo = start, start+40*data.Minute
	}
	return jobs
}

func spell(r *rand.Rand, s string) string {
	switch x := r.IntN(20); {
	case x < 3:
		return strings.ToLower(s)
	case x < 4:
		return strings.ToUpper(s)
	}
	return s
}

// dictEncode stores a repetitive string column as a dictionary, as the
// loaders do.
func dictEncode(c data.Column) data.Column {
	if c.Type() != data.String {
		return c
	}
	v := data.Strings(c)
	index := map[string]uint32{}
	var vals []string
	codes := make([]uint32, len(v.Vals))
	for i, s := range v.Vals {
		k, ok := index[s]
		if !ok {
			k = uint32(len(vals))
			index[s] = k
			vals = append(vals, s)
		}
		codes[i] = k
	}
	if len(vals) > len(codes)/2 {
		return c
	}
	return &data.DictCol{Codes: codes, Values: data.NewVec(data.String, vals, nil), Unique: true}
}
