package functions

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
		register(notSupported(name, name+"(…)", "H3 cells need the H3 grid's defining tables, which kqlkit does not ship"))
	}
}
