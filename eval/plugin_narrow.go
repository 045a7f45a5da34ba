package eval

import (
	"github.com/kqlkit/kqlkit/ast"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/functions"
)

// narrow unpivots a table into (Row, Column, Value) rows: one per cell,
// row by row, with the value as a string.
type narrowStage struct{}

var narrowSchema = data.Schema{
	{Name: "Row", Type: data.Long}, {Name: "Column", Type: data.String}, {Name: "Value", Type: data.String},
}

func (c *compiler) narrow(op *ast.EvaluateOp) stage {
	if len(op.Call.Args) > 0 {
		c.errorf(op.Call.Args[0], "narrow takes no arguments")
	}
	return &narrowStage{}
}

func (n *narrowStage) outSchema() data.Schema { return narrowSchema }

func (n *narrowStage) run(x *execCtx, in *rel) (*rel, error) {
	rows := in.rows()
	ncols := len(in.schema)
	strs := make([]data.Column, ncols)
	for j := range strs {
		strs[j] = functions.Convert(orNull(in.col(j), in.schema[j].Type, rows), data.String)
	}
	total := rows * ncols
	rowNo := make([]int64, 0, total)
	names := make([]string, 0, total)
	vals := make([]string, 0, total)
	for r := 0; r < rows; r++ {
		for j, def := range in.schema {
			rowNo = append(rowNo, int64(r))
			names = append(names, def.Name)
			vals = append(vals, strs[j].Value(r).Str())
		}
	}
	cols := []data.Column{data.NewVec(data.Long, rowNo, nil), data.NewVec(data.String, names, nil),
		data.NewVec(data.String, vals, nil)}
	return &rel{schema: narrowSchema, cols: cols, n: total}, nil
}
