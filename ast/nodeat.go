package ast

// NodeAt returns the path from root to the innermost node whose text
// contains the byte offset: root first, then each enclosing node down to the
// innermost one. A node contains the offsets from its Pos up to, not
// including, its End; nodes whose positions were never set are looked
// through (their children are searched) but are not part of the path. The
// result is nil when no node contains the offset.
//
// Editors use it to find what is under the cursor; linters to report the
// context of a finding.
func NodeAt(root Node, offset int) []Node {
	var path []Node
	Inspect(root, func(n Node) bool {
		if n == nil {
			return false
		}
		if !n.Pos().IsValid() || !n.End().IsValid() {
			return true
		}
		if n.Pos().Offset <= offset && offset < n.End().Offset {
			path = append(path, n)
			return true
		}
		return false
	})
	return path
}

// Innermost returns the last node of NodeAt(root, offset), or nil.
func Innermost(root Node, offset int) Node {
	path := NodeAt(root, offset)
	if len(path) == 0 {
		return nil
	}
	return path[len(path)-1]
}
