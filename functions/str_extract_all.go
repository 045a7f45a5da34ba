package functions

import (
	"fmt"
	"regexp"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(
		&Scalar{Name: "extract_all", Sig: "extract_all(regex: string, [captureGroups: dynamic,] source: string): dynamic",
			Doc: "Returns all matches of a regular expression: an array of the capture group's texts when one " +
				"group is selected, else an array of arrays (one text per group). captureGroups selects " +
				"groups by number or name. No match gives null.",
			Examples: []Example{{"print extract_all(@\"(\\d+)\", \"a 123, 567\")", "[\"123\",\"567\"]"},
				{"print extract_all(@\"(\\w)(\\w+)(\\w)\", dynamic([1,3]), \"abcd efg\")", "[[\"a\",\"d\"],[\"e\",\"g\"]]"}},
			Bind: bindExtractAll},
	)
	alias("extractall", "extract_all")
}

func bindExtractAll(args []ArgInfo) (data.Type, Kernel, error) {
	p := sig("extract_all", argString, argString)
	if len(args) == 3 {
		p = sig("extract_all", argString, argDynamic, argString)
	}
	if err := p.check(args); err != nil {
		return data.Unknown, nil, err
	}
	re, err := constRegex("extract_all", args, 0)
	if err != nil {
		return data.Unknown, nil, err
	}
	var groups []int
	if len(args) == 3 {
		if args[1].Const == nil || re == nil {
			return data.Dynamic, extractAllKernel(re), nil
		}
		if groups, err = groupList(re, args[1].Const.Dyn()); err != nil {
			return data.Unknown, nil, err
		}
	} else if re != nil {
		groups = allGroups(re)
	}
	if re != nil {
		return data.Dynamic, func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
			return Map1(data.Dynamic, func(s string) (data.Dyn, bool) {
				return extractAll(re, groups, s), true
			})(ctx, n, cols[len(cols)-1:])
		}, nil
	}
	return data.Dynamic, extractAllKernel(nil), nil
}

// allGroups lists every capture group of re (the whole match when it has
// none).
func allGroups(re *regexp.Regexp) []int {
	n := re.NumSubexp()
	if n == 0 {
		return []int{0}
	}
	gs := make([]int, n)
	for i := range gs {
		gs[i] = i + 1
	}
	return gs
}

// groupList resolves a captureGroups array of numbers and names.
func groupList(re *regexp.Regexp, sel data.Dyn) ([]int, error) {
	if sel.Kind() != data.DynArray || sel.Len() == 0 {
		return nil, fmt.Errorf("function 'extract_all' expects captureGroups to be a non-empty array")
	}
	var gs []int
	for _, x := range sel.Items() {
		g := -1
		switch x.Kind() {
		case data.DynInt, data.DynLong:
			g = int(x.Long())
		case data.DynString:
			g = re.SubexpIndex(x.Str())
		}
		if g < 0 || g > re.NumSubexp() {
			return nil, fmt.Errorf("function 'extract_all' has no capture group %s in its regular expression", x)
		}
		gs = append(gs, g)
	}
	return gs, nil
}

// extractAll returns the texts of the given groups for every match of re
// in s: a flat array for one group, else one array per match.
func extractAll(re *regexp.Regexp, groups []int, s string) data.Dyn {
	locs := re.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return data.Dyn{}
	}
	text := func(loc []int, g int) data.Dyn {
		if loc[2*g] < 0 {
			return data.DynStringOf("")
		}
		return data.DynStringOf(s[loc[2*g]:loc[2*g+1]])
	}
	out := make([]data.Dyn, len(locs))
	for i, loc := range locs {
		if len(groups) == 1 {
			out[i] = text(loc, groups[0])
			continue
		}
		row := make([]data.Dyn, len(groups))
		for j, g := range groups {
			row[j] = text(loc, g)
		}
		out[i] = data.DynArrayOf(row)
	}
	return data.DynArrayOf(out)
}

// extractAllKernel handles patterns or group lists that vary by row; bad
// group lists give null.
func extractAllKernel(fixed *regexp.Regexp) Kernel {
	return func(ctx *Ctx, n int, cols []data.Column) (data.Column, error) {
		m := nRows(n, cols)
		res := newRegexes("extract_all", fixed, cols[0])
		src := data.NewReader[string](cols[len(cols)-1])
		var sel data.Reader[data.Dyn]
		if len(cols) == 3 {
			sel = data.NewReader[data.Dyn](cols[1])
		}
		out := make([]data.Dyn, m)
		for i := range out {
			re, err := res.at(i)
			if err != nil {
				return nil, err
			}
			groups := allGroups(re)
			if len(cols) == 3 {
				if groups, err = groupList(re, sel.At(i)); err != nil {
					continue
				}
			}
			out[i] = extractAll(re, groups, src.At(i))
		}
		return finishRows(data.NewVec(data.Dynamic, out, nil), m, n), nil
	}
}
