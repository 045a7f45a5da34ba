package parser

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
)

// dump prints a tree compactly for tests: identifiers as their names,
// literals as type(value), binary expressions as (op X Y), and every other
// node as (Type Field=value …) without positions and without empty fields.
func dump(n any) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(n))
	return b.String()
}

func dumpValue(b *strings.Builder, v reflect.Value) {
	if !v.IsValid() || (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil() {
		b.WriteString("nil")
		return
	}
	switch x := v.Interface().(type) {
	case *ast.Ident:
		if x.Quoted {
			b.WriteString("['" + x.Name + "']")
		} else {
			b.WriteString(x.Name)
		}
		return
	case *ast.Literal:
		b.WriteString(dumpLiteral(x.Value))
		return
	case *ast.BinaryExpr:
		b.WriteString("(" + x.Op + " ")
		dumpValue(b, reflect.ValueOf(x.X))
		b.WriteString(" ")
		dumpValue(b, reflect.ValueOf(x.Y))
		b.WriteString(")")
		return
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		dumpValue(b, v.Elem())
	case reflect.Slice:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(" ")
			}
			dumpValue(b, v.Index(i))
		}
		b.WriteString("]")
	case reflect.Struct:
		dumpStruct(b, v)
	case reflect.String:
		s := v.String()
		if s == "" || strings.ContainsAny(s, " ()[]\"=") {
			s = strconv.Quote(s)
		}
		b.WriteString(s)
	default:
		fmt.Fprint(b, v.Interface())
	}
}

func dumpStruct(b *strings.Builder, v reflect.Value) {
	t := v.Type()
	b.WriteString("(" + t.Name())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := v.Field(i)
		if f.Anonymous || f.Name == "OpPos" || fv.IsZero() || fv.Kind() == reflect.Slice && fv.Len() == 0 {
			continue
		}
		b.WriteString(" " + f.Name)
		if fv.Kind() == reflect.Bool {
			continue
		}
		b.WriteString("=")
		dumpValue(b, fv)
	}
	b.WriteString(")")
}

func dumpLiteral(v data.Value) string {
	t := v.Type().String()
	switch {
	case v.Type() == data.Dynamic:
		return "dynamic(" + v.Dyn().String() + ")"
	case v.IsNull():
		return t + "(null)"
	case v.Type() == data.String:
		return strconv.Quote(v.Str())
	}
	return t + "(" + v.String() + ")"
}
