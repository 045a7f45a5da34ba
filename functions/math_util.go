package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// Helpers shared by the math and datetime functions for numeric arguments.

// numWidest returns the widest numeric type of the arguments with Kusto's
// widening (int and long give long, then real, then decimal). It reports an
// error naming the function when an argument is not a number.
func numWidest(name string, args []ArgInfo) (data.Type, error) {
	t := data.Long
	for i, a := range args {
		if err := numWant(name, i, a); err != nil {
			return data.Unknown, err
		}
		switch {
		case a.Type == data.Decimal:
			t = data.Decimal
		case a.Type == data.Real && t != data.Decimal:
			t = data.Real
		}
	}
	return t, nil
}

// numWant checks that argument i is a number (int, long, real or decimal).
func numWant(name string, i int, a ArgInfo) error {
	if a.Star {
		return fmt.Errorf("function '%s' does not accept '*'", name)
	}
	if !a.Type.IsNumeric() {
		return fmt.Errorf("function '%s' expects a number for argument %d, got %s", name, i+1, a.Type)
	}
	return nil
}

// intWant checks that argument i is an integer (int or long).
func intWant(name string, i int, a ArgInfo) error {
	if a.Star {
		return fmt.Errorf("function '%s' does not accept '*'", name)
	}
	if !a.Type.IsInteger() {
		return fmt.Errorf("function '%s' expects an integer for argument %d, got %s", name, i+1, a.Type)
	}
	return nil
}

// numArity checks the number of arguments.
func numArity(name string, args []ArgInfo, lo, hi int) error {
	if len(args) >= lo && len(args) <= hi {
		return nil
	}
	switch {
	case lo == hi && lo == 1:
		return fmt.Errorf("function '%s' expects 1 argument, got %d", name, len(args))
	case lo == hi:
		return fmt.Errorf("function '%s' expects %d arguments, got %d", name, lo, len(args))
	}
	return fmt.Errorf("function '%s' expects %d to %d arguments, got %d", name, lo, hi, len(args))
}

// numAs converts a numeric column to type t (long, real or decimal); int
// columns are relabelled as long.
func numAs(c data.Column, t data.Type) data.Column {
	if c.Type() == t {
		return c
	}
	if c.Type() == data.Decimal && t == data.Real {
		return Convert(c, data.Real)
	}
	return Widen(c, t)
}

// numKernel wraps k so that every argument is first converted to t.
func numKernel(t data.Type, k Kernel) Kernel {
	return func(ctx *Ctx, n int, args []data.Column) (data.Column, error) {
		conv := make([]data.Column, len(args))
		for i, c := range args {
			conv[i] = numAs(c, t)
		}
		return k(ctx, n, conv)
	}
}
