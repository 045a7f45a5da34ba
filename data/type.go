package data

import "strings"

// Type is a Kusto scalar type.
type Type uint8

// The Kusto scalar types. Unknown is used by the checker for an expression
// whose type could not be determined (it never appears in a column).
const (
	Unknown Type = iota
	Bool
	Int
	Long
	Real
	Decimal
	String
	DateTime
	TimeSpan
	GUID
	Dynamic
)

var typeNames = [...]string{
	Unknown:  "unknown",
	Bool:     "bool",
	Int:      "int",
	Long:     "long",
	Real:     "real",
	Decimal:  "decimal",
	String:   "string",
	DateTime: "datetime",
	TimeSpan: "timespan",
	GUID:     "guid",
	Dynamic:  "dynamic",
}

// String returns the Kusto name of the type ("long", "datetime", …).
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "invalid"
}

// DotNetName returns the .NET type name Kusto reports for the type
// ("Int64", "DateTime", …), as used by getschema and the conformance suite.
func (t Type) DotNetName() string {
	switch t {
	case Bool:
		return "SByte"
	case Int:
		return "Int32"
	case Long:
		return "Int64"
	case Real:
		return "Double"
	case Decimal:
		return "SqlDecimal"
	case String:
		return "String"
	case DateTime:
		return "DateTime"
	case TimeSpan:
		return "TimeSpan"
	case GUID:
		return "Guid"
	case Dynamic:
		return "Object"
	}
	return "Object"
}

// IsNumeric reports whether t is int, long, real or decimal.
func (t Type) IsNumeric() bool {
	return t == Int || t == Long || t == Real || t == Decimal
}

// IsInteger reports whether t is int or long.
func (t Type) IsInteger() bool { return t == Int || t == Long }

// typeAliases maps every spelling Kusto accepts in a schema or a cast to a type.
var typeAliases = map[string]Type{
	"bool": Bool, "boolean": Bool,
	"int": Int, "int32": Int,
	"long": Long, "int64": Long,
	"real": Real, "double": Real,
	"decimal":  Decimal,
	"string":   String,
	"datetime": DateTime, "date": DateTime,
	"timespan": TimeSpan, "time": TimeSpan,
	"guid": GUID, "uuid": GUID, "uniqueid": GUID,
	"dynamic": Dynamic,
}

// ParseType returns the type a Kusto type name denotes. Names are matched
// case-insensitively, and the aliases Kusto accepts (boolean, int64, double,
// date, time, uuid, …) are understood.
func ParseType(name string) (Type, bool) {
	t, ok := typeAliases[strings.ToLower(name)]
	return t, ok
}

// ParseDotNetType returns the type for a .NET type name such as "Int64".
func ParseDotNetType(name string) (Type, bool) {
	switch name {
	case "SByte", "Boolean":
		return Bool, true
	case "Int32":
		return Int, true
	case "Int64":
		return Long, true
	case "Double", "Single":
		return Real, true
	case "SqlDecimal", "Decimal":
		return Decimal, true
	case "String":
		return String, true
	case "DateTime":
		return DateTime, true
	case "TimeSpan":
		return TimeSpan, true
	case "Guid":
		return GUID, true
	case "Object":
		return Dynamic, true
	}
	return Unknown, false
}
