package data

// Reader gives indexed access to the values of a column of T without
// boxing. A constant column is read through a one-element slice with stride
// 0, a dictionary column is decoded first.
type Reader[T Elem] struct {
	Vals   []T
	Nulls  Bitmap
	Stride int // 1, or 0 for a constant
}

// NewReader returns a reader over c, whose storage must be T.
func NewReader[T Elem](c Column) Reader[T] {
	if k, ok := c.(*ConstCol); ok {
		x := []T{unboxValue[T](k.V)}
		var nulls Bitmap
		if k.V.IsNull() && k.V.typ != String && k.V.typ != Dynamic {
			nulls = Bitmap{1}
		}
		return Reader[T]{Vals: x, Nulls: nulls}
	}
	v := Flatten[T](c)
	return Reader[T]{Vals: v.Vals, Nulls: v.Nulls, Stride: 1}
}

// At returns the value of row i (the zero value for null).
func (r Reader[T]) At(i int) T { return r.Vals[i*r.Stride] }

// Null reports whether row i is null in the bitmap.
func (r Reader[T]) Null(i int) bool { return r.Nulls != nil && r.Nulls.Get(i*r.Stride) }

// Get returns the value of row i and whether it is not null.
func (r Reader[T]) Get(i int) (T, bool) { return r.Vals[i*r.Stride], !r.Null(i) }

// IsConst reports whether the reader repeats one value.
func (r Reader[T]) IsConst() bool { return r.Stride == 0 }

// Writer collects values of T and nulls into a new column.
type Writer[T Elem] struct {
	T     Type
	Vals  []T
	Nulls Bitmap
}

// NewWriter returns a writer for n values of type t.
func NewWriter[T Elem](t Type, n int) *Writer[T] {
	return &Writer[T]{T: t, Vals: make([]T, n)}
}

// SetNull marks row i null (for strings: the empty string; for dynamic: the
// null value).
func (w *Writer[T]) SetNull(i int) {
	if w.T == String || w.T == Dynamic {
		var zero T
		w.Vals[i] = zero
		return
	}
	if w.Nulls == nil {
		w.Nulls = NewBitmap(len(w.Vals))
	}
	w.Nulls.Set(i)
}

// Column returns the written column.
func (w *Writer[T]) Column() Column { return &Vec[T]{T: w.T, Vals: w.Vals, Nulls: w.Nulls} }
