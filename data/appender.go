package data

// Appender accumulates the rows of columns of one type into a growing
// column, for caches that add results batch by batch.
type Appender interface {
	// Append adds the rows of c (of the appender's type).
	Append(c Column)
	// Len returns the number of rows appended so far.
	Len() int
	// Gather returns a new column of the rows at positions idx.
	Gather(idx []int32) Column
}

// NewAppender returns an empty appender for columns of type t.
func NewAppender(t Type) Appender {
	switch t {
	case Bool:
		return &vecAppender[bool]{t: t}
	case Int, Long, DateTime, TimeSpan:
		return &vecAppender[int64]{t: t}
	case Real:
		return &vecAppender[float64]{t: t}
	case Decimal:
		return &vecAppender[DecimalValue]{t: t}
	case String:
		return &vecAppender[string]{t: t}
	case GUID:
		return &vecAppender[GUIDValue]{t: t}
	}
	return &vecAppender[Dyn]{t: Dynamic}
}

type vecAppender[T Elem] struct {
	t     Type
	vals  []T
	nulls Bitmap
}

func (a *vecAppender[T]) Len() int { return len(a.vals) }

func (a *vecAppender[T]) Append(c Column) {
	v := Flatten[T](c)
	base := len(a.vals)
	a.vals = append(a.vals, v.Vals...)
	if v.Nulls == nil {
		return
	}
	for len(a.nulls)*64 < len(a.vals) {
		a.nulls = append(a.nulls, 0)
	}
	for i := range v.Vals {
		if v.Nulls.Get(i) {
			a.nulls.Set(base + i)
		}
	}
}

func (a *vecAppender[T]) Gather(idx []int32) Column {
	out := make([]T, len(idx))
	for k, i := range idx {
		out[k] = a.vals[i]
	}
	var nulls Bitmap
	if a.nulls != nil {
		nulls = a.nulls.Gather(idx)
	}
	return &Vec[T]{T: a.t, Vals: out, Nulls: nulls}
}
