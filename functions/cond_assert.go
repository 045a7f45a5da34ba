package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

func init() {
	register(&Scalar{Name: "assert", Sig: "assert(condition: bool, message: string): bool",
		Doc:      "Returns true when the condition holds; when it is false the query fails with the message.",
		Examples: []Example{{"print assert(1 < 2, \"math is broken\")", "true"}},
		Overloads: []Overload{{Params: []data.Type{data.Bool, data.String}, Result: data.Bool,
			Kernel: func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
				cond := data.NewReader[bool](args[0])
				msg := data.NewReader[string](args[1])
				m := n
				if cond.IsConst() {
					m = 1
				}
				for i := 0; i < m; i++ {
					if v, ok := cond.Get(i); ok && !v {
						return nil, fmt.Errorf("assertion failed: %s", msg.At(i))
					}
				}
				return data.NewConst(data.BoolValue(true), n), nil
			}}}})
}
