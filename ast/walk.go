package ast

import (
	"fmt"
	"reflect"
)

// A Visitor's Visit method is called by Walk for each node. If the visitor
// w it returns is not nil, Walk visits each child of the node with w and
// then calls w.Visit(nil).
type Visitor interface {
	Visit(n Node) (w Visitor)
}

// Walk traverses the tree rooted at n in depth-first order: it calls
// v.Visit(n); unless that returns nil, it walks each non-nil child of n with
// the visitor returned, in source order, and then calls Visit(nil) on it.
// A Query's comments are visited after its statements. Walk panics on a
// node type it does not know, which is a bug in this package.
func Walk(v Visitor, n Node) {
	if v = v.Visit(n); v == nil {
		return
	}
	walkChildren(v, n)
	v.Visit(nil)
}

type inspector func(Node) bool

func (f inspector) Visit(n Node) Visitor {
	if f(n) {
		return f
	}
	return nil
}

// Inspect traverses the tree rooted at n in depth-first order: it calls
// f(n), and when f returns true it inspects each non-nil child of n in
// source order, followed by a call f(nil).
func Inspect(n Node, f func(Node) bool) {
	Walk(inspector(f), n)
}

// walkNode walks n unless it is nil (a nil pointer or a nil interface).
func walkNode[T Node](v Visitor, n T) {
	if !isNil(n) {
		Walk(v, n)
	}
}

func walkList[T Node](v Visitor, list []T) {
	for _, n := range list {
		walkNode(v, n)
	}
}

// isNil reports whether n is a nil interface or holds a nil pointer.
func isNil(n Node) bool {
	if n == nil {
		return true
	}
	rv := reflect.ValueOf(n)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// walkChildren walks the children of n in source order.
func walkChildren(v Visitor, n Node) {
	if walkExprChildren(v, n) || walkOpChildren(v, n) || walkOtherChildren(v, n) {
		return
	}
	panic(fmt.Sprintf("ast.Walk: unexpected node type %T", n))
}

func walkExprChildren(v Visitor, n Node) bool {
	switch n := n.(type) {
	case *Ident, *Literal, *StarExpr, *PatternExpr:
		// leaves
	case *BinaryExpr:
		walkNode(v, n.X)
		walkNode(v, n.Y)
	case *UnaryExpr:
		walkNode(v, n.X)
	case *InExpr:
		walkNode(v, n.X)
		walkList(v, n.List)
	case *BetweenExpr:
		walkNode(v, n.X)
		walkNode(v, n.Lo)
		walkNode(v, n.Hi)
	case *CallExpr:
		walkNode(v, n.Recv)
		walkNode(v, n.Func)
		walkList(v, n.Args)
	case *MemberExpr:
		walkNode(v, n.X)
		walkNode(v, n.Name)
	case *IndexExpr:
		walkNode(v, n.X)
		walkNode(v, n.Index)
	case *ParenExpr:
		walkNode(v, n.X)
	case *AssignExpr:
		walkList(v, n.Names)
		walkNode(v, n.Value)
	case *PipeExpr:
		walkNode(v, n.Source)
		walkList(v, n.Ops)
	case *OpExpr:
		walkNode(v, n.Op)
	case *DataTableExpr:
		walkList(v, n.Params)
		walkList(v, n.Columns)
		walkList(v, n.Values)
	case *ExternalDataExpr:
		walkList(v, n.Columns)
		walkList(v, n.URIs)
		walkList(v, n.With)
	case *FuncExpr:
		walkList(v, n.Params)
		walkNode(v, n.Body)
	case *TypeOfExpr:
		walkNode(v, n.Type)
	default:
		return false
	}
	return true
}

func walkOtherChildren(v Visitor, n Node) bool {
	switch n := n.(type) {
	case *Comment:
		// leaf
	case *Query:
		walkList(v, n.Stmts)
		walkList(v, n.Comments)
	case *LetStmt:
		walkNode(v, n.Name)
		walkNode(v, n.Value)
	case *ExprStmt:
		walkNode(v, n.X)
	case *SetStmt:
		walkNode(v, n.Name)
		walkNode(v, n.Value)
	case *DeclareStmt:
		walkList(v, n.Params)
	case *AliasStmt:
		walkNode(v, n.Name)
		walkNode(v, n.Value)
	case *PatternStmt:
		walkNode(v, n.Name)
		walkList(v, n.Params)
		walkList(v, n.PathParams)
		walkList(v, n.Rules)
	case *PatternRule:
		walkList(v, n.Args)
		walkNode(v, n.Path)
		walkNode(v, n.Body)
	case *Block:
		walkList(v, n.Stmts)
	case *Param:
		walkNode(v, n.Name)
		walkNode(v, n.Type)
		walkNode(v, n.Default)
	case *TypeExpr:
		walkList(v, n.Columns)
	case *ColumnDecl:
		walkNode(v, n.Name)
		walkNode(v, n.Type)
	case *OpParam:
		walkNode(v, n.Value)
	case *SortExpr:
		walkNode(v, n.X)
	case *MvExpandItem:
		walkNode(v, n.X)
		walkNode(v, n.To)
	case *ParsePart:
		walkNode(v, n.Literal)
		walkNode(v, n.Column)
		walkNode(v, n.Type)
	case *MakeSeriesAgg:
		walkNode(v, n.X)
		walkNode(v, n.Default)
	case *TopNestedClause:
		walkNode(v, n.Count)
		walkNode(v, n.Of)
		walkNode(v, n.Others)
		walkNode(v, n.By)
	default:
		return false
	}
	return true
}

func walkOpChildren(v Visitor, n Node) bool {
	switch n := n.(type) {
	case *GetSchemaOp, *ScanOp, *ExecuteAndCacheOp:
		// leaves
	case *WhereOp:
		walkNode(v, n.Pred)
	case *ExtendOp:
		walkList(v, n.Exprs)
	case *ProjectOp:
		walkList(v, n.Exprs)
	case *ProjectAwayOp:
		walkList(v, n.Columns)
	case *ProjectKeepOp:
		walkList(v, n.Columns)
	case *ProjectRenameOp:
		walkList(v, n.Renames)
	case *ProjectReorderOp:
		walkList(v, n.Columns)
	case *SummarizeOp:
		walkList(v, n.Params)
		walkList(v, n.Aggs)
		walkList(v, n.By)
	case *SortOp:
		walkList(v, n.Params)
		walkList(v, n.By)
	case *TopOp:
		walkNode(v, n.Count)
		walkList(v, n.By)
	case *TakeOp:
		walkList(v, n.Params)
		walkNode(v, n.Count)
	case *CountOp:
		walkNode(v, n.As)
	case *DistinctOp:
		walkList(v, n.Params)
		walkList(v, n.Columns)
	case *UnionOp:
		walkList(v, n.Params)
		walkList(v, n.Tables)
	case *JoinOp:
		walkList(v, n.Params)
		walkNode(v, n.Right)
		walkList(v, n.On)
	case *LookupOp:
		walkList(v, n.Params)
		walkNode(v, n.Right)
		walkList(v, n.On)
	case *MvExpandOp:
		walkList(v, n.Params)
		walkList(v, n.Items)
		walkNode(v, n.Limit)
	case *MvApplyOp:
		walkList(v, n.Params)
		walkList(v, n.Items)
		walkNode(v, n.Limit)
		walkNode(v, n.ID)
		walkNode(v, n.On)
	case *ParseOp:
		walkList(v, n.Params)
		walkNode(v, n.Source)
		walkList(v, n.Pattern)
	case *ParseKvOp:
		walkNode(v, n.Source)
		walkList(v, n.Columns)
		walkList(v, n.With)
	case *MakeSeriesOp:
		walkList(v, n.Params)
		walkList(v, n.Aggs)
		walkNode(v, n.On)
		walkNode(v, n.From)
		walkNode(v, n.To)
		walkNode(v, n.Step)
		walkList(v, n.By)
	case *EvaluateOp:
		walkList(v, n.Params)
		walkNode(v, n.Call)
		walkNode(v, n.Schema)
	case *AsOp:
		walkList(v, n.Params)
		walkNode(v, n.Alias)
	case *RenderOp:
		walkNode(v, n.Chart)
		walkList(v, n.With)
		walkList(v, n.Extra)
	case *InvokeOp:
		walkNode(v, n.Call)
	case *SerializeOp:
		walkList(v, n.Exprs)
	case *TopNestedOp:
		walkList(v, n.Clauses)
	case *TopHittersOp:
		walkNode(v, n.Count)
		walkNode(v, n.Of)
		walkNode(v, n.By)
	case *SampleOp:
		walkList(v, n.Params)
		walkNode(v, n.Count)
	case *SampleDistinctOp:
		walkList(v, n.Params)
		walkNode(v, n.Count)
		walkNode(v, n.Of)
	case *SearchOp:
		walkList(v, n.Params)
		walkList(v, n.Tables)
		walkNode(v, n.Pred)
	case *FindOp:
		walkList(v, n.Params)
		walkList(v, n.Tables)
		walkNode(v, n.Pred)
		walkList(v, n.Project)
		walkList(v, n.ProjectAway)
	case *FacetOp:
		walkList(v, n.By)
		walkNode(v, n.With)
	case *ForkOp:
		walkList(v, n.Branches)
	case *PartitionOp:
		walkList(v, n.Params)
		walkNode(v, n.By)
		walkNode(v, n.Sub)
	case *RangeOp:
		walkNode(v, n.Column)
		walkNode(v, n.From)
		walkNode(v, n.To)
		walkNode(v, n.Step)
	case *PrintOp:
		walkList(v, n.Exprs)
	case *ReduceOp:
		walkList(v, n.Params)
		walkNode(v, n.By)
		walkList(v, n.With)
	case *ConsumeOp:
		walkList(v, n.Params)
	default:
		return false
	}
	return true
}
