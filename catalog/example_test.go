package catalog_test

import (
	"fmt"

	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
)

func ExampleLookup() {
	s, ok := catalog.Lookup("AADProvisioningLogs")
	fmt.Println(ok, len(s), s[s.Index("TimeGenerated")].Type)
	// Output: true 32 datetime
}

func ExampleSuggest() {
	fmt.Println(catalog.Suggest("SigninLog"))
	// Output: SigninLogs
}

func ExampleCatalog_Add() {
	c, err := catalog.Default().Add("Custom_CL", data.Schema{{Name: "Message", Type: data.String}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Has("Custom_CL"), catalog.Default().Has("Custom_CL"), c.Has("SigninLogs"))
	// Output: true false true
}
