package eval

import "github.com/kqlkit/kqlkit/ast"

type bindKind int

const (
	bindScalar bindKind = iota
	bindTable
	bindFunc
)

// binding is what a name bound by let (or a function parameter) denotes.
type binding struct {
	kind    bindKind
	expr    *cexpr        // bindScalar
	plan    node          // bindTable
	fn      *ast.FuncExpr // bindFunc
	fnScope *scope        // scope the function was defined in
}

// scope maps let-bound names to bindings; lookups go outwards.
type scope struct {
	parent *scope
	names  map[string]*binding
}

func newScope(parent *scope) *scope {
	return &scope{parent: parent, names: map[string]*binding{}}
}

func (s *scope) bind(name string, b *binding) { s.names[name] = b }

func (s *scope) lookup(name string) *binding {
	for ; s != nil; s = s.parent {
		if b, ok := s.names[name]; ok {
			return b
		}
	}
	return nil
}
