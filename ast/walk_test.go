package ast

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

// allNodes lists one value of every node type of the package.
// TestAllNodesListed keeps it complete.
func allNodes() []Node {
	return []Node{
		&Ident{}, &Literal{}, &BinaryExpr{}, &UnaryExpr{}, &InExpr{}, &BetweenExpr{},
		&CallExpr{}, &MemberExpr{}, &IndexExpr{}, &ParenExpr{}, &StarExpr{}, &AssignExpr{},
		&PatternExpr{}, &PipeExpr{}, &OpExpr{}, &DataTableExpr{}, &ExternalDataExpr{},
		&FuncExpr{}, &Block{}, &Param{}, &TypeExpr{}, &ColumnDecl{}, &TypeOfExpr{},
		&OpParam{}, &Comment{}, &Query{},
		&WhereOp{}, &ExtendOp{}, &ProjectOp{}, &ProjectAwayOp{}, &ProjectKeepOp{},
		&ProjectRenameOp{}, &ProjectReorderOp{}, &SummarizeOp{}, &SortExpr{}, &SortOp{},
		&TopOp{}, &TakeOp{}, &CountOp{}, &DistinctOp{}, &UnionOp{}, &JoinOp{}, &LookupOp{},
		&MvExpandItem{}, &MvExpandOp{}, &MvApplyOp{}, &ParsePart{}, &ParseOp{}, &ParseKvOp{},
		&MakeSeriesOp{}, &MakeSeriesAgg{}, &EvaluateOp{}, &AsOp{}, &RenderOp{}, &InvokeOp{},
		&SerializeOp{}, &TopNestedClause{}, &TopNestedOp{}, &TopHittersOp{}, &SampleOp{},
		&SampleDistinctOp{}, &SearchOp{}, &FindOp{}, &FacetOp{}, &ForkOp{}, &PartitionOp{},
		&RangeOp{}, &PrintOp{}, &GetSchemaOp{}, &ReduceOp{}, &ConsumeOp{}, &ScanOp{},
		&ExecuteAndCacheOp{},
		&LetStmt{}, &ExprStmt{}, &SetStmt{}, &DeclareStmt{}, &AliasStmt{}, &PatternStmt{},
		&PatternRule{},
	}
}

// declaredNodeTypes returns the names of the struct types of the package
// that embed Span, read from its source files.
func declaredNodeTypes(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return false
			}
			for _, fld := range st.Fields.List {
				if id, ok := fld.Type.(*ast.Ident); ok && len(fld.Names) == 0 && id.Name == "Span" {
					names = append(names, ts.Name.Name)
				}
			}
			return false
		})
	}
	sort.Strings(names)
	return names
}

func typeName(n Node) string { return reflect.TypeOf(n).Elem().Name() }

func TestAllNodesListed(t *testing.T) {
	var listed []string
	for _, n := range allNodes() {
		listed = append(listed, typeName(n))
	}
	sort.Strings(listed)
	got, want := strings.Join(listed, " "), strings.Join(declaredNodeTypes(t), " ")
	if got != want {
		t.Errorf("allNodes lists\n%s\nbut the package declares\n%s", got, want)
	}
}

var (
	exprType = reflect.TypeFor[Expr]()
	stmtType = reflect.TypeFor[Stmt]()
	opType   = reflect.TypeFor[Operator]()
)

// implementers returns the node types that implement the interface type it.
func implementers(it reflect.Type) []reflect.Type {
	var out []reflect.Type
	for _, n := range allNodes() {
		if reflect.TypeOf(n).Implements(it) {
			out = append(out, reflect.TypeOf(n))
		}
	}
	return out
}

// filler builds trees in which every node field is set, choosing the
// concrete types of interface fields in turn so that a deep enough tree holds
// every node type.
type filler struct {
	next map[reflect.Type]int
}

func (f *filler) fill(ptr reflect.Type, depth int) reflect.Value {
	v := reflect.New(ptr.Elem())
	s := v.Elem()
	for i := 0; i < s.NumField(); i++ {
		fld := s.Field(i)
		switch {
		case fld.Kind() == reflect.String:
			fld.SetString("x")
		case fld.Type() == reflect.TypeFor[data.Value]():
			fld.Set(reflect.ValueOf(data.LongValue(1)))
		case depth == 0:
		case fld.Kind() == reflect.Slice && isNodeType(fld.Type().Elem()):
			sl := reflect.MakeSlice(fld.Type(), 2, 2)
			for j := 0; j < 2; j++ {
				sl.Index(j).Set(f.child(fld.Type().Elem(), depth-1))
			}
			fld.Set(sl)
		case isNodeType(fld.Type()):
			fld.Set(f.child(fld.Type(), depth-1))
		}
	}
	return v
}

func isNodeType(t reflect.Type) bool {
	return (t.Kind() == reflect.Pointer || t.Kind() == reflect.Interface) && t.Implements(nodeType)
}

// child returns a filled node for a field of type t.
func (f *filler) child(t reflect.Type, depth int) reflect.Value {
	if t.Kind() == reflect.Pointer {
		return f.fill(t, depth)
	}
	cands := implementers(t)
	i := f.next[t] % len(cands)
	f.next[t]++
	return f.fill(cands[i], depth)
}

// directChildren lists the node values held by the fields of n, in field
// order.
func directChildren(n Node) []Node {
	var out []Node
	s := reflect.ValueOf(n).Elem()
	add := func(v reflect.Value) {
		if v.Kind() == reflect.Interface && v.IsNil() || v.Kind() == reflect.Pointer && v.IsNil() {
			return
		}
		out = append(out, v.Interface().(Node))
	}
	for i := 0; i < s.NumField(); i++ {
		fld := s.Field(i)
		switch {
		case fld.Kind() == reflect.Slice && isNodeType(fld.Type().Elem()):
			for j := 0; j < fld.Len(); j++ {
				add(fld.Index(j))
			}
		case isNodeType(fld.Type()):
			add(fld)
		}
	}
	return out
}

// childRecorder records the nodes Walk visits directly below the root.
type childRecorder struct {
	root    Node
	visited []Node
}

func (r *childRecorder) Visit(n Node) Visitor {
	if n == r.root {
		return r
	}
	if n != nil {
		r.visited = append(r.visited, n)
	}
	return nil
}

func TestWalkVisitsEveryField(t *testing.T) {
	f := &filler{next: map[reflect.Type]int{}}
	for _, proto := range allNodes() {
		n := f.fill(reflect.TypeOf(proto), 1).Interface().(Node)
		want := directChildren(n)
		r := &childRecorder{root: n}
		Walk(r, n)
		if len(r.visited) != len(want) {
			t.Errorf("%s: Walk visited %d children, want %d", typeName(n), len(r.visited), len(want))
			continue
		}
		for i := range want {
			if r.visited[i] != want[i] {
				t.Errorf("%s: child %d is %T, want %T", typeName(n), i, r.visited[i], want[i])
			}
		}
	}
}

// fullTree returns a query that holds every node type: one statement for
// each expression, operator and statement type, filled two levels deep.
func fullTree() *Query {
	f := &filler{next: map[reflect.Type]int{}}
	q := &Query{Comments: []*Comment{{Text: "// c"}}}
	for _, proto := range allNodes() {
		t := reflect.TypeOf(proto)
		n := f.fill(t, 2).Interface()
		switch n := n.(type) {
		case Stmt:
			q.Stmts = append(q.Stmts, n)
		case Operator:
			q.Stmts = append(q.Stmts, &ExprStmt{X: &PipeExpr{Source: &Ident{Name: "T"}, Ops: []Operator{n}}})
		case Expr:
			q.Stmts = append(q.Stmts, &ExprStmt{X: n})
		}
	}
	return q
}

// TestWalkReachesEveryType walks a tree holding every node type and checks
// that Walk reaches each node that reflection finds in it.
func TestWalkReachesEveryType(t *testing.T) {
	root := fullTree()

	var all []Node
	var collect func(Node)
	collect = func(n Node) {
		all = append(all, n)
		for _, c := range directChildren(n) {
			collect(c)
		}
	}
	collect(root)

	seen := map[string]bool{}
	count := 0
	Inspect(root, func(n Node) bool {
		if n != nil {
			seen[typeName(n)] = true
			count++
		}
		return true
	})
	if count != len(all) {
		t.Errorf("Inspect visited %d nodes, the tree holds %d", count, len(all))
	}
	for _, n := range allNodes() {
		if !seen[typeName(n)] {
			t.Errorf("the tree holds no %s (make the filler reach it)", typeName(n))
		}
	}
}

func TestInspectStops(t *testing.T) {
	tree := &BinaryExpr{Op: "+", X: &Ident{Name: "a"}, Y: &CallExpr{
		Func: &Ident{Name: "f"}, Args: []Expr{&Ident{Name: "b"}}}}
	var got []string
	Inspect(tree, func(n Node) bool {
		if n == nil {
			return false
		}
		got = append(got, typeName(n))
		_, isCall := n.(*CallExpr)
		return !isCall
	})
	if s := strings.Join(got, " "); s != "BinaryExpr Ident CallExpr" {
		t.Errorf("got %v, want BinaryExpr Ident CallExpr", s)
	}
}

func TestWalkSkipsNil(t *testing.T) {
	var nilIdent *Ident
	tree := &LetStmt{Name: nilIdent, Value: nil}
	n := 0
	Inspect(tree, func(Node) bool { n++; return true })
	if n != 2 { // the LetStmt and the final nil
		t.Errorf("got %d calls, want 2", n)
	}
}

// nilFilled returns a node of type ptr whose node slices hold nil elements
// (typed nil pointers and nil interfaces) and whose other node fields are
// nil.
func nilFilled(ptr reflect.Type) Node {
	v := reflect.New(ptr.Elem())
	s := v.Elem()
	for i := 0; i < s.NumField(); i++ {
		if fld := s.Field(i); fld.Kind() == reflect.Slice && isNodeType(fld.Type().Elem()) {
			fld.Set(reflect.MakeSlice(fld.Type(), 2, 2))
		}
	}
	return v.Interface().(Node)
}

// TestNilParts checks that the tree functions cope with nodes whose parts
// are missing, as in a hand-built tree.
func TestNilParts(t *testing.T) {
	for _, proto := range allNodes() {
		n := nilFilled(reflect.TypeOf(proto))
		Inspect(n, func(Node) bool { return true })
		NodeAt(n, 0)
		Dump(n)
		Format(n)
		var wrapped Node
		switch n := n.(type) {
		case Operator:
			wrapped = &Query{Stmts: []Stmt{&ExprStmt{X: &PipeExpr{Ops: []Operator{n, nil}}}}}
		case Expr:
			wrapped = &Query{Stmts: []Stmt{&ExprStmt{X: n}, nil, &LetStmt{Value: n}}}
		}
		if wrapped != nil {
			Format(wrapped)
		}
	}
}
