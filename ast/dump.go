package ast

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Dump returns a deterministic, indented listing of the tree rooted at n,
// one node per line, for tests and golden files:
//
//	ExprStmt
//	  X: PipeExpr
//	    Source: Ident Name="T"
//	    Ops[0]: WhereOp Keyword="where"
//	      Pred: BinaryExpr Op=">"
//	        X: Ident Name="x"
//	        Y: Literal 1
//
// Each line names the field that holds the node, its type and its scalar
// fields that are set (strings, true booleans). Literals show their value
// as a KQL literal (see FormatValue), not their spelling, and positions are
// left out, so two trees that differ only in layout dump the same.
func Dump(n Node) string { return dump(n, false) }

// DumpPositions is Dump with each node's span appended as
// @line:col-line:col.
func DumpPositions(n Node) string { return dump(n, true) }

func dump(n Node, positions bool) string {
	d := &dumper{positions: positions}
	d.node("", reflect.ValueOf(n), 0)
	return d.b.String()
}

type dumper struct {
	b         strings.Builder
	positions bool
}

var (
	nodeType = reflect.TypeFor[Node]()
	spanType = reflect.TypeFor[Span]()
	posType  = reflect.TypeFor[Pos]()
)

// node writes the line for the node held by v and, below it, its children.
func (d *dumper) node(label string, v reflect.Value, depth int) {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if !v.IsValid() || v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	d.b.WriteString(strings.Repeat("  ", depth))
	if label != "" {
		d.b.WriteString(label)
		d.b.WriteString(": ")
	}
	s := v.Elem()
	d.b.WriteString(s.Type().Name())
	var children []func()
	if lit, ok := v.Interface().(*Literal); ok {
		d.b.WriteByte(' ')
		d.b.WriteString(FormatValue(lit.Value))
	} else {
		for i := 0; i < s.NumField(); i++ {
			if c := d.field(s.Type().Field(i), s.Field(i), depth); c != nil {
				children = append(children, c)
			}
		}
	}
	if n, ok := v.Interface().(Node); ok && d.positions {
		fmt.Fprintf(&d.b, " @%v-%v", n.Pos(), n.End())
	}
	d.b.WriteByte('\n')
	for _, c := range children {
		c()
	}
}

// field writes a scalar field on the node's line, or returns a function
// that writes the child nodes it holds.
func (d *dumper) field(f reflect.StructField, v reflect.Value, depth int) func() {
	switch {
	case f.Type == spanType:
	case f.Type == posType:
		if d.positions {
			fmt.Fprintf(&d.b, " %s=%v", f.Name, v.Interface())
		}
	case v.Kind() == reflect.String:
		if v.String() != "" {
			fmt.Fprintf(&d.b, " %s=%s", f.Name, strconv.Quote(v.String()))
		}
	case v.Kind() == reflect.Bool:
		if v.Bool() {
			fmt.Fprintf(&d.b, " %s=true", f.Name)
		}
	case v.Kind() == reflect.Slice:
		if v.Len() == 0 {
			return nil
		}
		return func() {
			for i := 0; i < v.Len(); i++ {
				d.node(fmt.Sprintf("%s[%d]", f.Name, i), v.Index(i), depth+1)
			}
		}
	case f.Type.Implements(nodeType):
		return func() { d.node(f.Name, v, depth+1) }
	}
	return nil
}
