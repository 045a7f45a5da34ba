// Package catalog holds the schemas of the documented Log Analytics and
// Microsoft Sentinel tables (SigninLogs, SecurityEvent, AADProvisioningLogs,
// …), compiled into the library, so that fixtures can be sparse and the
// checker knows column types.
//
// The default catalog is immutable and safe for concurrent use; it is
// parsed on first use, so importing the package costs nothing until then.
// Users extend it with Catalog.Add and Catalog.Merge, which return new
// catalogs and leave the receiver unchanged.
//
// Table names are case-sensitive, as in Kusto; Suggest offers a "did you
// mean" for a name that is not found.
//
// The schemas come from the Azure Monitor table reference, (c) Microsoft,
// MicrosoftDocs/azure-reference-other, CC-BY-4.0 (see README.md). Column
// order is the documented one (alphabetical), not the order a workspace's
// getschema returns.
package catalog
