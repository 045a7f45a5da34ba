package functions

import (
	"fmt"

	"github.com/kqlkit/kqlkit/data"
)

// The H3 cell functions are not implemented: the H3 grid is defined by
// tables (icosahedron faces, base cells and their rotations) that belong to
// the H3 project, and kqlkit does not reproduce them. They are registered so
// that a query using them fails at compile time with a clear message.
var h3Functions = []string{
	"geo_point_to_h3cell", "geo_h3cell_to_central_point", "geo_h3cell_to_polygon",
	"geo_h3cell_level", "geo_h3cell_parent", "geo_h3cell_children", "geo_h3cell_neighbors",
	"geo_h3cell_rings", "geo_polygon_to_h3cells",
}

func init() {
	for _, name := range h3Functions {
		name := name
		register(&Scalar{Name: name, Sig: name + "(…): not supported", Unsupported: "H3 cells",
			Doc: "Not supported by kqlkit: H3 cells need the H3 grid's defining tables, which kqlkit does not ship.",
			Bind: func(args []ArgInfo) (data.Type, Kernel, error) {
				return data.Unknown, nil, fmt.Errorf("function '%s' is not supported (H3 cells)", name)
			}})
	}
}
