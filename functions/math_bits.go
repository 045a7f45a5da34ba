package functions

import (
	"math/bits"

	"github.com/kqlkit/kqlkit/data"
)

// Bitwise functions of longs (int arguments are widened).

func init() {
	register(
		bitFunc2("binary_and", "The bitwise AND of two longs.",
			func(a, b int64) (int64, bool) { return a & b, true }, mathEx("print binary_and(6, 3)", "2")),
		bitFunc2("binary_or", "The bitwise OR of two longs.",
			func(a, b int64) (int64, bool) { return a | b, true }, mathEx("print binary_or(6, 3)", "7")),
		bitFunc2("binary_xor", "The bitwise XOR of two longs.",
			func(a, b int64) (int64, bool) { return a ^ b, true }, mathEx("print binary_xor(6, 3)", "5")),
		bitFunc2("binary_shift_left", "value shifted left by shift%64 bits; a negative shift "+
			"gives null.", shiftBy(func(a int64, s uint) int64 { return a << s }),
			mathEx("print binary_shift_left(1, 2)", "4")),
		bitFunc2("binary_shift_right", "value shifted right (arithmetically) by shift%64 "+
			"bits; a negative shift gives null.",
			shiftBy(func(a int64, s uint) int64 { return a >> s }),
			mathEx("print binary_shift_right(16, 2)", "4")),
		bitFunc1("binary_not", "The bitwise NOT of a long.",
			func(a int64) int64 { return ^a }, mathEx("print binary_not(100)", "-101")),
		bitFunc1("bitset_count_ones", "The number of bits set in a long.",
			func(a int64) int64 { return int64(bits.OnesCount64(uint64(a))) },
			mathEx("print bitset_count_ones(42)", "3")),
	)
}

// shiftBy wraps a shift: the count is taken modulo 64 and a negative count
// gives null.
func shiftBy(f func(a int64, s uint) int64) func(a, s int64) (int64, bool) {
	return func(a, s int64) (int64, bool) {
		if s < 0 {
			return 0, false
		}
		return f(a, uint(s%64)), true
	}
}

func bitFunc1(name, doc string, f func(int64) int64, e Example) *Scalar {
	k := Map1(data.Long, func(a int64) (int64, bool) { return f(a), true })
	return &Scalar{Name: name, Sig: name + "(value: long): long", Naming: NameFirstArg,
		Doc: doc + " Null gives null.", Examples: []Example{e},
		Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
			if err := numArity(name, args, 1, 1); err != nil {
				return data.Unknown, nil, err
			}
			if err := intWant(name, 0, args[0]); err != nil {
				return data.Unknown, nil, err
			}
			return data.Long, numKernel(data.Long, k), nil
		}}
}

func bitFunc2(name, doc string, f func(a, b int64) (int64, bool), e Example) *Scalar {
	k := Map2(data.Long, f)
	return &Scalar{Name: name, Sig: name + "(value1: long, value2: long): long", Naming: NameFirstArg,
		Doc: doc + " Nulls give null.", Examples: []Example{e},
		Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
			if err := numArity(name, args, 2, 2); err != nil {
				return data.Unknown, nil, err
			}
			for i, a := range args {
				if err := intWant(name, i, a); err != nil {
					return data.Unknown, nil, err
				}
			}
			return data.Long, numKernel(data.Long, k), nil
		}}
}
