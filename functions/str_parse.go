package functions

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "parse_path", Sig: "parse_path(path: string): dynamic",
			Doc: "Splits a file path (Windows or Unix, with an optional scheme, UNC share or alternate data " +
				"stream) into a bag: Scheme, RootPath, DirectoryPath, DirectoryName, Filename, Extension " +
				"and AlternateDataStreamName.",
			Examples: []Example{{"print parse_path(@\"C:\\temp\\file.txt\").Filename", "\"file.txt\""}},
			Bind:     sig("parse_path", argString).bind(data.Dynamic, Map1(data.Dynamic, parsePath))},
		&Scalar{Name: "parse_version", Sig: "parse_version(version: string): decimal",
			Doc: "Converts a version of 1 to 4 dot-separated numbers (up to 8 digits each) into a decimal that " +
				"orders like the version; missing parts count as 0. Anything else gives null.",
			Examples: []Example{{"print parse_version(\"1.2.3.4\")", "1000000020000000300000004"},
				{"print parse_version(\"0.2\")", "20000000000000000"}},
			Bind: sig("parse_version", argString).bind(data.Decimal, Map1(data.Decimal, parseVersion))},
		&Scalar{Name: "parse_csv", Sig: "parse_csv(csv_text: string): dynamic", Naming: NameFirstArg,
			Doc: "Splits one CSV record into a dynamic array of strings; double quotes enclose fields with " +
				"commas, quotes (doubled) or line breaks. Only the first record is read.",
			Examples: []Example{{"print parse_csv('aa,\"b,b\",cc')", "[\"aa\",\"b,b\",\"cc\"]"}},
			Bind:     sig("parse_csv", argStrDyn).bind(data.Dynamic, Map1(data.Dynamic, parseCSV))},
		&Scalar{Name: "parse_command_line", Sig: "parse_command_line(command: string, parser: string): dynamic",
			Doc: "Splits a command line into a dynamic array of arguments with the rules of the given parser; " +
				"only \"windows\" (CommandLineToArgvW's quoting and backslash rules) is supported.",
			Examples: []Example{{"print parse_command_line(\"echo \\\"hello world!\\\"\", \"windows\")", "[\"echo\",\"hello world!\"]"}},
			Bind:     bindParseCommandLine},
		&Scalar{Name: "format_bytes", Sig: "format_bytes(size: real [, precision: long [, units: string]]): string",
			Naming: NameFirstArg,
			Doc: "Formats a number of bytes with a unit (Bytes, KB, MB, GB, TB, PB or EB, powers of 1024), " +
				"chosen from the size unless given, rounded to precision decimals (default 0).",
			Examples: []Example{{"print format_bytes(564)", "\"564 Bytes\""}, {"print format_bytes(10332, 1)", "\"10.1 KB\""},
				{"print format_bytes(20010332, 0, \"KB\")", "\"19541 KB\""}},
			Bind: bindFormatBytes},
	)
}

var pathKeys = []string{"Scheme", "RootPath", "DirectoryPath", "DirectoryName", "Filename", "Extension",
	"AlternateDataStreamName"}

func isPathSep(c byte) bool { return c == '\\' || c == '/' }

// parsePath implements parse_path().
func parsePath(p string) (data.Dyn, bool) {
	var scheme, root, dir, dirName, file, ext, stream string
	if i := strings.Index(p, "://"); i > 0 && validScheme(p[:i]) {
		scheme, p = p[:i], p[i+3:]
	}
	if len(p) >= 3 && isDriveLetter(p[0]) && p[1] == ':' && isPathSep(p[2]) {
		root = p[:3]
	}
	cut := strings.LastIndexAny(p, `\/`)
	file = p[cut+1:]
	if cut >= 0 {
		dir = p[:cut]
		if root != "" && cut == 2 {
			dir = root
		} else if i := strings.LastIndexAny(dir, `\/`); i >= 0 {
			dirName = dir[i+1:]
		} else {
			dirName = dir
		}
	}
	if i := strings.IndexByte(file, ':'); i >= 0 {
		file, stream = file[:i], file[i+1:]
	}
	if i := strings.LastIndexByte(file, '.'); i >= 0 {
		ext = file[i+1:]
	}
	str := data.DynStringOf
	vals := []data.Dyn{str(scheme), str(root), str(dir), str(dirName), str(file), str(ext), str(stream)}
	return data.DynBagOf(pathKeys, vals), true
}

func isDriveLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// parseVersion implements parse_version(): each of four parts takes
// eight decimal digits.
func parseVersion(s string) (data.DecimalValue, bool) {
	parts := strings.Split(strings.TrimSpace(s), ".")
	if len(parts) > 4 {
		return data.DecimalValue{}, false
	}
	var b strings.Builder
	for i := 0; i < 4; i++ {
		p := "0"
		if i < len(parts) {
			p = parts[i]
		}
		if p == "" || len(p) > 8 || !allDigits(p) {
			return data.DecimalValue{}, false
		}
		b.WriteString(strings.Repeat("0", 8-len(p)))
		b.WriteString(p)
	}
	d, err := data.ParseDecimal(b.String())
	return d, err == nil
}

// parseCSV reads the first CSV record of s.
func parseCSV(s string) (data.Dyn, bool) {
	var fields []data.Dyn
	var f strings.Builder
	quoted, inQuotes := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inQuotes && c == '"' && i+1 < len(s) && s[i+1] == '"':
			f.WriteByte('"')
			i++
		case inQuotes && c == '"':
			inQuotes = false
		case inQuotes:
			f.WriteByte(c)
		case c == '"' && f.Len() == 0 && !quoted:
			inQuotes, quoted = true, true
		case c == ',':
			fields = append(fields, data.DynStringOf(f.String()))
			f.Reset()
			quoted = false
		case c == '\n' || c == '\r':
			return data.DynArrayOf(append(fields, data.DynStringOf(f.String()))), true
		default:
			f.WriteByte(c)
		}
	}
	return data.DynArrayOf(append(fields, data.DynStringOf(f.String()))), true
}

func bindParseCommandLine(args []ArgInfo) (data.Type, Kernel, error) {
	p := sig("parse_command_line", argText, argString)
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	if parser, ok := constString(args, 1); ok && !strings.EqualFold(parser, "windows") {
		return data.Unknown, nil, fmt.Errorf("function 'parse_command_line' supports only the \"windows\" parser, got %q", parser)
	}
	return data.Dynamic, p.wrap(args, Map2(data.Dynamic, func(cmd, parser string) (data.Dyn, bool) {
		if !strings.EqualFold(parser, "windows") {
			return data.Dyn{}, true
		}
		argv := windowsArgs(cmd)
		items := make([]data.Dyn, len(argv))
		for i, a := range argv {
			items[i] = data.DynStringOf(a)
		}
		return data.DynArrayOf(items), true
	})), nil
}

// windowsArgs splits a command line as CommandLineToArgvW does: the
// program name ends at the next space (or closing quote); later
// arguments honour quotes, doubled quotes and backslashes before quotes.
func windowsArgs(s string) []string {
	var args []string
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i == len(s) {
		return args
	}
	var prog strings.Builder
	if s[i] == '"' {
		i++
		for i < len(s) && s[i] != '"' {
			prog.WriteByte(s[i])
			i++
		}
		i++
	} else {
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			prog.WriteByte(s[i])
			i++
		}
	}
	args = append(args, prog.String())
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return args
		}
		var arg string
		arg, i = windowsArg(s, i)
		args = append(args, arg)
	}
}

// windowsArg reads one argument after the program name from s[i:].
func windowsArg(s string, i int) (string, int) {
	var b strings.Builder
	inQuotes := false
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\\':
			n := 0
			for i < len(s) && s[i] == '\\' {
				n++
				i++
			}
			if i < len(s) && s[i] == '"' {
				b.WriteString(strings.Repeat(`\`, n/2))
				if n%2 == 1 {
					b.WriteByte('"')
					i++
				}
				continue
			}
			b.WriteString(strings.Repeat(`\`, n))
			continue
		case c == '"' && inQuotes && i+1 < len(s) && s[i+1] == '"':
			b.WriteByte('"')
			i += 2
			continue
		case c == '"':
			inQuotes = !inQuotes
		case (c == ' ' || c == '\t') && !inQuotes:
			return b.String(), i
		default:
			b.WriteByte(c)
		}
		i++
	}
	return b.String(), i
}

var byteUnits = []string{"Bytes", "KB", "MB", "GB", "TB", "PB", "EB"}

func bindFormatBytes(args []ArgInfo) (data.Type, Kernel, error) {
	p := optional("format_bytes", 1, argNumber, argNumber, argString)
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	k := Map3(data.String, func(size, prec float64, unit string) (string, bool) {
		return formatBytes(size, prec, unit), true
	})
	return data.String, p.wrap(args, padArgs(k, data.RealValue(0), data.RealValue(0), data.StringValue(""))), nil
}

// formatBytes implements format_bytes().
func formatBytes(size, prec float64, unit string) string {
	if math.IsNaN(size) || math.IsInf(size, 0) {
		return ""
	}
	u := -1
	if unit != "" {
		for i, name := range byteUnits {
			if strings.EqualFold(name, unit) {
				u = i
			}
		}
		if u < 0 {
			return ""
		}
	} else {
		u = 0
		for a := math.Abs(size); a >= 1024 && u < len(byteUnits)-1; a /= 1024 {
			u++
		}
	}
	v := size / math.Pow(1024, float64(u))
	digits := 0
	if prec > 0 {
		digits = int(min(prec, 15))
	}
	scale := math.Pow(10, float64(digits))
	v = math.Round(v*scale) / scale
	return strconv.FormatFloat(v, 'f', -1, 64) + " " + byteUnits[u]
}
