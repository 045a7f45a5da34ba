package eval

import (
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// joinKind is a join flavour.
type joinKind int

const (
	joinInnerUnique joinKind = iota
	joinInner
	joinLeftOuter
	joinRightOuter
	joinFullOuter
	joinLeftSemi
	joinLeftAnti
	joinRightSemi
	joinRightAnti
)

// joinKinds maps the spellings of kind= to flavours.
var joinKinds = map[string]joinKind{
	"innerunique": joinInnerUnique, "inner": joinInner,
	"leftouter": joinLeftOuter, "rightouter": joinRightOuter, "fullouter": joinFullOuter,
	"leftsemi": joinLeftSemi, "leftanti": joinLeftAnti, "anti": joinLeftAnti,
	"leftantisemi": joinLeftAnti, "rightsemi": joinRightSemi, "rightanti": joinRightAnti,
	"rightantisemi": joinRightAnti,
}

// keepsLeft reports whether the output has the left side's columns.
func (k joinKind) keepsLeft() bool { return k != joinRightSemi && k != joinRightAnti }

// keepsRight reports whether the output has the right side's columns.
func (k joinKind) keepsRight() bool {
	return k != joinLeftSemi && k != joinLeftAnti
}

// joinStage joins its input (the left side) with a right table on equal
// keys; lookup is the same stage without the right key columns.
type joinStage struct {
	kind    joinKind
	right   node
	lkeys   []int // key columns of the left input
	rkeys   []int // key columns of the right input
	keyType []data.Type
	s       data.Schema
	left    data.Schema // the left input
	nleft   int         // left input width
	rcols   []int       // right columns in the output, in order
	live    liveCols
}

func (j *joinStage) outSchema() data.Schema { return j.s }

// join compiles `join [kind=…] [hints] Right on Conditions`.
func (c *compiler) join(sc *scope, in data.Schema, op *ast.JoinOp) stage {
	kind := joinInnerUnique
	for _, p := range op.Params {
		name := strings.ToLower(p.Name)
		switch {
		case name == "kind":
			k, ok := joinKinds[strings.ToLower(paramText(p))]
			if !ok {
				c.errorf(p, "join kind '%s' is not supported", paramText(p))
			}
			kind = k
		case strings.HasPrefix(name, "hint."):
			// execution hints do not change results
		default:
			c.errorf(p, "join parameter '%s' is not supported", p.Name)
		}
	}
	return c.joinCommon(sc, in, op, op.Right, op.On, kind, false)
}

// lookup compiles `lookup [kind=leftouter|inner] Right on Conditions`.
func (c *compiler) lookup(sc *scope, in data.Schema, op *ast.LookupOp) stage {
	kind := joinLeftOuter
	for _, p := range op.Params {
		name := strings.ToLower(p.Name)
		switch {
		case name == "kind":
			switch strings.ToLower(paramText(p)) {
			case "leftouter":
				kind = joinLeftOuter
			case "inner":
				kind = joinInner
			default:
				c.errorf(p, "lookup kind '%s' is not supported (use leftouter or inner)", paramText(p))
			}
		case name == "hint.remote" || name == "hint.strategy":
		default:
			c.errorf(p, "lookup parameter '%s' is not supported", p.Name)
		}
	}
	return c.joinCommon(sc, in, op, op.Right, op.On, kind, true)
}

func (c *compiler) joinCommon(sc *scope, in data.Schema, op ast.Operator, rightExpr ast.Expr,
	on []ast.Expr, kind joinKind, lookup bool) stage {
	right := c.tabular(sc, rightExpr)
	rs := right.schema()
	j := &joinStage{kind: kind, right: right, left: in, nleft: len(in)}
	if len(on) == 0 {
		c.errorf(op, "%s needs an 'on' clause naming the key columns", op.Name())
		return j
	}
	for _, cond := range on {
		c.joinConds(in, rs, cond, j)
	}
	c.joinSchema(in, rs, j, lookup)
	return j
}

// joinConds adds the key pairs of one `on` item: a column name, a
// `$left.A == $right.B` comparison or several of them joined by `and`.
func (c *compiler) joinConds(in, rs data.Schema, e ast.Expr, j *joinStage) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		c.joinConds(in, rs, e.X, j)
	case *ast.Ident:
		l := c.joinColumn(in, e, "left")
		r := c.joinColumn(rs, e, "right")
		c.addKey(in, rs, j, l, r, e)
	case *ast.BinaryExpr:
		switch strings.ToLower(e.Op) {
		case "and":
			c.joinConds(in, rs, e.X, j)
			c.joinConds(in, rs, e.Y, j)
			return
		case "==":
		default:
			c.errorf(e, "join conditions must be equalities of the form $left.Column == $right.Column, found '%s'", e.Op)
			return
		}
		ls, lname, ok1 := sideRef(e.X)
		rsd, rname, ok2 := sideRef(e.Y)
		if !ok1 || !ok2 || ls == rsd {
			c.errorf(e, "join conditions must compare $left.Column with $right.Column")
			return
		}
		if ls == "$right" {
			lname, rname = rname, lname
		}
		l := c.joinColumn(in, lname, "left")
		r := c.joinColumn(rs, rname, "right")
		c.addKey(in, rs, j, l, r, e)
	default:
		c.errorf(e, "join conditions must be column names or $left.Column == $right.Column")
	}
}

// sideRef splits `$left.Name` or `$right.Name`.
func sideRef(e ast.Expr) (side string, name *ast.Ident, ok bool) {
	if p, isParen := e.(*ast.ParenExpr); isParen {
		return sideRef(p.X)
	}
	m, isMember := e.(*ast.MemberExpr)
	if !isMember {
		return "", nil, false
	}
	id, isIdent := m.X.(*ast.Ident)
	if !isIdent {
		return "", nil, false
	}
	side = strings.ToLower(id.Name)
	if side != "$left" && side != "$right" {
		return "", nil, false
	}
	return side, m.Name, true
}

func (c *compiler) joinColumn(s data.Schema, id *ast.Ident, side string) int {
	i := s.Index(id.Name)
	if i >= 0 || c.env.AllErrors && IsOpen(s) {
		return i // an open side may have the column: not reported
	}
	if sug := suggest(id.Name, s.Names()); sug != "" {
		c.errorf(id, "the %s side of the join has no column '%s' (did you mean '%s'?)", side, id.Name, sug)
	} else {
		c.errorf(id, "the %s side of the join has no column '%s'", side, id.Name)
	}
	return -1
}

// addKey records a key pair after checking that the types can be compared:
// equal types, or int with long.
func (c *compiler) addKey(in, rs data.Schema, j *joinStage, l, r int, at ast.Node) {
	if l < 0 || r < 0 {
		return
	}
	lt, rt := in[l].Type, rs[r].Type
	t := lt
	if lt == data.Unknown || rt == data.Unknown {
		return // after an error
	}
	if lt != rt {
		if !lt.IsInteger() || !rt.IsInteger() {
			c.errorf(at, "join key types differ: '%s' is %s on the left, '%s' is %s on the right",
				in[l].Name, lt, rs[r].Name, rt)
			return
		}
		t = data.Long
	}
	j.lkeys = append(j.lkeys, l)
	j.rkeys = append(j.rkeys, r)
	j.keyType = append(j.keyType, t)
}

// joinSchema computes the output columns: the left side's, then the right
// side's with clashing names renamed Name1, Name2, …; lookup leaves out the
// right key columns; semi and anti joins keep one side.
func (c *compiler) joinSchema(in, rs data.Schema, j *joinStage, lookup bool) {
	if !j.kind.keepsLeft() {
		j.s = append(data.Schema(nil), rs...)
		for i := range rs {
			j.rcols = append(j.rcols, i)
		}
		return
	}
	j.s = append(data.Schema(nil), in...)
	if !j.kind.keepsRight() {
		return
	}
	names := newNameSet()
	for _, def := range in {
		names.used[def.Name] = true
	}
	isKey := make([]bool, len(rs))
	for _, r := range j.rkeys {
		isKey[r] = true
	}
	for i, def := range rs {
		if lookup && isKey[i] {
			continue
		}
		j.s = append(j.s, data.ColumnDef{Name: names.unique(def.Name), Type: def.Type})
		j.rcols = append(j.rcols, i)
	}
}

// need implements pruner: the left columns read downstream and the keys.
func (j *joinStage) need(live []bool) []bool {
	j.live.set(live)
	in := make([]bool, j.nleft)
	if j.kind.keepsLeft() {
		copy(in, live)
	}
	for _, k := range j.lkeys {
		in[k] = true
	}
	return in
}

func (j *joinStage) isLive(i int) bool { return j.live.at(i) }
