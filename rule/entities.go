package rule

import (
	"strings"
)

// entityType describes one entity type that rules may map: its name in
// entityMappings, the Type it carries in an alert's Entities, and the
// identifiers that may be mapped to it, as the Microsoft Sentinel entity
// types reference lists them.
type entityType struct {
	name        string
	serialized  string
	identifiers []string
}

// entityTypes lists the mappable entity types.
var entityTypes = []entityType{
	{"Account", "account", []string{"Name", "FullName", "NTDomain", "DnsDomain", "UPNSuffix", "Sid",
		"AadTenantId", "AadUserId", "PUID", "IsDomainJoined", "DisplayName", "ObjectGuid"}},
	{"Host", "host", []string{"DnsDomain", "NTDomain", "HostName", "FullName", "NetBiosName",
		"AzureID", "OMSAgentID", "OSFamily", "OSVersion", "IsDomainJoined"}},
	{"IP", "ip", []string{"Address", "AddressScope"}},
	{"URL", "url", []string{"Url"}},
	{"AzureResource", "azure-resource", []string{"ResourceId"}},
	{"CloudApplication", "cloud-application", []string{"AppId", "Name", "InstanceName"}},
	{"DNS", "dns", []string{"DomainName"}},
	{"File", "file", []string{"Directory", "Name"}},
	{"FileHash", "filehash", []string{"Algorithm", "Value"}},
	{"Malware", "malware", []string{"Name", "Category"}},
	{"Process", "process", []string{"ProcessId", "CommandLine", "ElevationToken", "CreationTimeUtc"}},
	{"RegistryKey", "registry-key", []string{"Hive", "Key"}},
	{"RegistryValue", "registry-value", []string{"Name", "Value", "ValueType"}},
	{"SecurityGroup", "security-group", []string{"DistinguishedName", "SID", "ObjectGuid"}},
	{"Mailbox", "mailbox", []string{"MailboxPrimaryAddress", "DisplayName", "Upn",
		"ExternalDirectoryObjectId", "RiskLevel"}},
	{"MailCluster", "mail-cluster", []string{"NetworkMessageIds", "CountByDeliveryStatus",
		"CountByThreatType", "CountByProtectionStatus", "Threats", "Query", "QueryTime", "MailCount",
		"IsVolumeAnomaly", "Source", "ClusterSourceIdentifier", "ClusterSourceType",
		"ClusterQueryStartTime", "ClusterQueryEndTime", "ClusterGroup"}},
	{"MailMessage", "mail-message", []string{"Recipient", "Urls", "Threats", "Sender", "P1Sender",
		"P1SenderDisplayName", "P1SenderDomain", "SenderIP", "P2Sender", "P2SenderDisplayName",
		"P2SenderDomain", "ReceivedDate", "NetworkMessageId", "InternetMessageId", "Subject",
		"BodyFingerprintBin1", "BodyFingerprintBin2", "BodyFingerprintBin3", "BodyFingerprintBin4",
		"BodyFingerprintBin5", "AntispamDirection", "DeliveryAction", "DeliveryLocation", "Language",
		"ThreatDetectionMethods"}},
	{"SubmissionMail", "SubmissionMail", []string{"NetworkMessageId", "Timestamp", "Recipient",
		"Sender", "SenderIp", "Subject", "ReportType", "SubmissionId", "SubmissionDate", "Submitter"}},
}

// Limits on entity mapping that Sentinel enforces.
const (
	maxEntityMappings = 10
	maxIdentifiers    = 3
	maxCustomDetails  = 20
)

// lookupEntityType finds an entity type by name, ignoring case.
func lookupEntityType(name string) (*entityType, bool) {
	for i := range entityTypes {
		if strings.EqualFold(entityTypes[i].name, strings.TrimSpace(name)) {
			return &entityTypes[i], true
		}
	}
	return nil, false
}

// entityTypeNames lists the mappable types.
func entityTypeNames() []string {
	out := make([]string, len(entityTypes))
	for i, t := range entityTypes {
		out[i] = t.name
	}
	return out
}

// builtinAccounts are the generic account names Sentinel drops from an
// alert when an Account entity is mapped by its Name.
var builtinAccounts = map[string]bool{
	"ADMIN": true, "ADMINISTRATOR": true, "SYSTEM": true, "ROOT": true, "ANONYMOUS": true,
	"AUTHENTICATED USER": true, "NETWORK": true, "NULL": true, "LOCAL SYSTEM": true,
	"LOCALSYSTEM": true, "NETWORK SERVICE": true,
}

// Entity is one entity of an alert: its mapping type (Account, IP,
// CloudApplication, …) and its identifiers in mapping order.
type Entity struct {
	Type   string
	Fields []EntityField
}

// EntityField is one identifier of an entity.
type EntityField struct {
	Name  string
	Value string
}

// Get returns the value of an identifier ("" when absent).
func (e Entity) Get(name string) string {
	for _, f := range e.Fields {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}

// key identifies an entity for de-duplication and incident matching.
func (e Entity) key() string {
	var b strings.Builder
	b.WriteString(e.Type)
	for _, f := range e.Fields {
		b.WriteByte(0)
		b.WriteString(f.Name)
		b.WriteByte(1)
		b.WriteString(f.Value)
	}
	return b.String()
}

// String formats the entity as Type(Name=value, …).
func (e Entity) String() string {
	var b strings.Builder
	b.WriteString(e.Type)
	b.WriteByte('(')
	for i, f := range e.Fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.Name)
		b.WriteByte('=')
		b.WriteString(f.Value)
	}
	b.WriteByte(')')
	return b.String()
}

// expandFullName splits the FullName identifier the way Sentinel's older
// mappings are read: an account's user@domain gives Name and UPNSuffix,
// DOMAIN\user gives NTDomain and Name; a host's name.dns.domain gives
// HostName and DnsDomain, DOMAIN\host gives NTDomain and HostName.
func expandFullName(entity, value string) []EntityField {
	switch entity {
	case "Account":
		if dom, user, ok := strings.Cut(value, `\`); ok && dom != "" && user != "" {
			return []EntityField{{"Name", user}, {"NTDomain", dom}}
		}
		if user, suffix, ok := strings.Cut(value, "@"); ok && user != "" && suffix != "" {
			return []EntityField{{"Name", user}, {"UPNSuffix", suffix}}
		}
		return []EntityField{{"Name", value}}
	case "Host":
		if dom, host, ok := strings.Cut(value, `\`); ok && dom != "" && host != "" {
			return []EntityField{{"HostName", host}, {"NTDomain", dom}}
		}
		if host, dns, ok := strings.Cut(value, "."); ok && host != "" && dns != "" && !isIPv4(value) {
			return []EntityField{{"HostName", host}, {"DnsDomain", dns}}
		}
		return []EntityField{{"HostName", value}}
	}
	return []EntityField{{"FullName", value}}
}

// isIPv4 reports whether s is four dot-separated numbers.
func isIPv4(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 3 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}
