package parser

import "github.com/alecthomas/participle/v2/lexer"

// Expressions, loosest first. Kusto's levels: or; and; equality (==, !=,
// in, between: no chaining); relational (<, <=, >, >=: no chaining); string
// operators (=~, has, contains, matches regex, …: no chaining); + -; * / %;
// unary - +; postfix (.name, [index], (args)).

type gExpr struct {
	span
	Left *gAnd     `parser:"@@"`
	Rest []*gOrArm `parser:"@@*"`
}

type gOrArm struct {
	span
	Right *gAnd `parser:"'or' @@"`
}

type gAnd struct {
	span
	Left *gEq       `parser:"@@"`
	Rest []*gAndArm `parser:"@@*"`
}

type gAndArm struct {
	span
	Right *gEq `parser:"'and' @@"`
}

type gEq struct {
	span
	Left *gRel   `parser:"@@"`
	Tail *gEqArm `parser:"@@?"`
}

type gEqArm struct {
	span
	Op      string    `parser:"(  @EqOp"`
	Right   *gRel     `parser:"   @@"`
	InOp    string    `parser:"| @InOp"`
	List    []*gPipe  `parser:"   '(' @@ ( ',' @@ )* ')'"`
	Between string    `parser:"| @( 'between' | '!between' )"`
	Range   *gBetween `parser:"   @@ )"`
}

type gBetween struct {
	span
	Lo *gExpr `parser:"'(' @@ '..'"`
	Hi *gExpr `parser:"@@ ')'"`
}

type gRel struct {
	span
	Left *gStr    `parser:"@@"`
	Tail *gRelArm `parser:"@@?"`
}

type gRelArm struct {
	span
	Op    string `parser:"@RelOp"`
	Right *gStr  `parser:"@@"`
}

type gStr struct {
	span
	Left *gAdd    `parser:"@@"`
	Tail *gStrArm `parser:"@@?"`
}

// gStrArm is a string operator and its right operand; ':' is the search
// operator's `Column:"term"` form, accepted only in search predicates.
type gStrArm struct {
	span
	Op    string `parser:"@( StrOp | ':' )"`
	Right *gAdd  `parser:"@@"`
}

type gAdd struct {
	span
	Left *gMul      `parser:"@@"`
	Rest []*gAddArm `parser:"@@*"`
}

type gAddArm struct {
	span
	Op    string `parser:"@AddOp"`
	Right *gMul  `parser:"@@"`
}

type gMul struct {
	span
	Left *gUnary    `parser:"@@"`
	Rest []*gMulArm `parser:"@@*"`
}

type gMulArm struct {
	span
	Op    string  `parser:"@MulOp"`
	Right *gUnary `parser:"@@"`
}

// gUnary allows one sign: Kusto rejects `- -x`.
type gUnary struct {
	span
	Sign string    `parser:"@AddOp?"`
	X    *gPostfix `parser:"@@"`
}

type gPostfix struct {
	span
	X        *gPrimary  `parser:"@@"`
	Suffixes []*gSuffix `parser:"@@*"`
}

// gSuffix is `.Name`, `[Index]` or `(Args)` after an expression.
type gSuffix struct {
	span
	Member *gName `parser:"  '.' @@"`
	DotIdx *gExpr `parser:"| '.' '[' @@ ']'"`
	Index  *gExpr `parser:"| '[' @@ ']'"`
	Call   *gCall `parser:"| @@"`
}

type gCall struct {
	span
	Args []*gArg `parser:"'(' ( @@ ( ',' @@ )* )? ')'"`
}

// gArg is a call argument; `name = value` is a named argument.
type gArg struct {
	span
	Name  *gDeclName `parser:"( @@ '=' )?"`
	Value *gPipe     `parser:"@@"`
}

type gPrimary struct {
	span
	TypeOf   *gTypeOf      `parser:"  @@"`
	Ident    string        `parser:"| @Ident"`
	Quoted   string        `parser:"| '[' @String ']'"`
	Strings  []lexer.Token `parser:"| @( String+ )"`
	Number   lexer.Token   `parser:"| @Number"`
	TimeSpan lexer.Token   `parser:"| @TimeSpan"`
	Typed    lexer.Token   `parser:"| @TypedLit"`
	Bool     lexer.Token   `parser:"| @Bool"`
	Paren    *gPipe        `parser:"| '(' @@ ')'"`
	Dynamic  *gDynamic     `parser:"| @@"`
	Star     bool          `parser:"| @'*'"`
	Keyword  string        `parser:"| @( 'materialize' | 'toscalar' | 'totable' )"`
	Table    *gDataTable   `parser:"| @@"`
	External *gExternal    `parser:"| @@"`
}

// gTypeOf is `typeof(T)` with T a type name or columns `(a:string, *)`.
type gTypeOf struct {
	span
	Items  []*gSchemaItem `parser:"'typeof' '(' ( @@ ( ',' @@ )*"`
	Scalar string         `parser:"| @(Ident | Keyword | DeclKeyword) ) ')'"`
}

// gDynamic is `dynamic(Value)`.
type gDynamic struct {
	span
	Value *gDyn `parser:"'dynamic' '(' @@ ')'"`
}

// gDyn is a value inside dynamic(): JSON, with KQL literals allowed.
type gDyn struct {
	span
	Array  bool          `parser:"(  @'['"`
	Items  []*gDyn       `parser:"   ( @@ ( ',' @@ )* )? ']'"`
	Bag    bool          `parser:"| @'{'"`
	Props  []*gDynProp   `parser:"   ( @@ ( ',' @@ )* )? '}'"`
	Sign   string        `parser:"| @AddOp?"`
	Scalar []lexer.Token `parser:"  @( Number | String+ | TimeSpan | TypedLit | Bool | 'null' ) )"`
}

type gDynProp struct {
	span
	Key   lexer.Token `parser:"@String ':'"`
	Value *gDyn       `parser:"@@"`
}
