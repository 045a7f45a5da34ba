package parser

import "github.com/alecthomas/participle/v2/lexer"

// An expression is parsed flat, as operands separated by binary operators;
// the conversion pass applies Kusto's precedence (see precedence.go). This
// keeps the grammar small and participle fast: one struct per operand
// instead of one per precedence level.

type gExpr struct {
	span
	Left *gOperand `parser:"@@"`
	AG   armGuard  `parser:"( @@"`
	Arms []*gArm   `parser:"  @@ )*"`
}

// gArm is a binary operator and its right operand. The operand of in, !in,
// has_any, … is a parenthesized list, and that of between a range
// `(Lo .. Hi)`; the lexer gives these operators their own token types.
type gArm struct {
	span
	Op      string    `parser:"(  @BinOp"`
	Right   *gOperand `parser:"   @@"`
	ListOp  string    `parser:"| @ListOp"`
	List    []*gPipe  `parser:"   '(' @@ ( ',' @@ )* ')'"`
	RangeOp string    `parser:"| @BetweenOp"`
	Range   *gBetween `parser:"   @@ )"`
}

type gBetween struct {
	span
	Lo *gExpr `parser:"'(' @@ '..'"`
	Hi *gExpr `parser:"@@ ')'"`
}

// gOperand is an operand: an optional sign, a primary expression and its
// suffixes. The primaries are inline, most frequent first, to spare
// participle a struct per operand. Kusto allows one sign only: it rejects
// `- -x`.
type gOperand struct {
	span
	SignG    signGuard     `parser:"( @@"`
	Sign     string        `parser:"  @BinOp )?"`
	Ident    string        `parser:"(  @Ident"`
	Strings  []lexer.Token `parser:" | @( String+ )"`
	Number   string        `parser:" | @Number"`
	Paren    *gPipe        `parser:" | '(' @@ ')'"`
	TimeSpan string        `parser:" | @TimeSpan"`
	Typed    string        `parser:" | @TypedLit"`
	Bool     string        `parser:" | @Bool"`
	Quoted   string        `parser:" | '[' @String ']'"`
	Dynamic  *gDyn         `parser:" | 'dynamic' '(' @@ ')'"`
	Star     bool          `parser:" | @'*'"`
	TypeOf   *gTypeOf      `parser:" | 'typeof' @@"`
	Keyword  string        `parser:" | @( 'materialize' | 'toscalar' | 'totable' )"`
	Table    *gDataTable   `parser:" | @@"`
	External *gExternal    `parser:" | @@ )"`
	SG       suffixGuard   `parser:"( @@"`
	Suffixes []*gSuffix    `parser:"  @@ )*"`
}

// gSuffix is `.Name`, `[Index]` or `(Args)` after an expression.
type gSuffix struct {
	span
	Call   *gCall `parser:"  '(' @@ ')'"`
	Member *gName `parser:"| '.' @@"`
	Index  *gExpr `parser:"| '[' @@ ']'"`
	DotIdx *gExpr `parser:"| '.' '[' @@ ']'"`
}

// gCall is the arguments of a call, inside its parentheses.
type gCall struct {
	Args []*gArg `parser:"( @@ ( ',' @@ )* )?"`
}

// gArg is a call argument; `name = value` is a named argument.
type gArg struct {
	span
	NG    nameGuard  `parser:"( @@"`
	Name  *gDeclName `parser:"  @@ '=' )?"`
	Value *gPipe     `parser:"@@"`
}

// gTypeOf is the `(T)` of typeof(T), with T a type name or columns
// `(a:string, *)`.
type gTypeOf struct {
	span
	Items  []*gSchemaItem `parser:"'(' ( @@ ( ',' @@ )*"`
	Scalar *gTypeName     `parser:"| @@ ) ')'"`
}

// gDyn is a value inside dynamic(): JSON, with KQL literals allowed.
type gDyn struct {
	span
	Array  bool          `parser:"(  @'['"`
	Items  []*gDyn       `parser:"   ( @@ ( ',' @@ )* )? ']'"`
	Nested *gDyn         `parser:"| 'dynamic' '(' @@ ')'"`
	Bag    bool          `parser:"| @'{'"`
	Props  []*gDynProp   `parser:"   ( @@ ( ',' @@ )* )? '}'"`
	SignG  signGuard     `parser:"| ( @@"`
	Sign   string        `parser:"    @BinOp )?"`
	Scalar []lexer.Token `parser:"  @( Number | String+ | TimeSpan | TypedLit | Bool | 'null' ) )"`
}

type gDynProp struct {
	span
	Key   lexer.Token `parser:"@String ':'"`
	Value *gDyn       `parser:"@@"`
}
