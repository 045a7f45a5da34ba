package data

// Concat appends columns of type t into one. Dictionary columns that share
// their values column stay dictionary-encoded.
func Concat(t Type, cols []Column) Column {
	switch len(cols) {
	case 0:
		return EmptyColumn(t)
	case 1:
		return cols[0]
	}
	if d := concatDicts(cols); d != nil {
		return d
	}
	switch t {
	case Bool:
		return concatVec[bool](t, cols)
	case Int, Long, DateTime, TimeSpan:
		return concatVec[int64](t, cols)
	case Real:
		return concatVec[float64](t, cols)
	case Decimal:
		return concatVec[DecimalValue](t, cols)
	case String:
		return concatVec[string](t, cols)
	case GUID:
		return concatVec[GUIDValue](t, cols)
	case Dynamic:
		return concatVec[Dyn](t, cols)
	}
	panic("data: cannot concatenate columns of type " + t.String())
}

func concatDicts(cols []Column) Column {
	first, ok := cols[0].(*DictCol)
	if !ok {
		return nil
	}
	n := 0
	for _, c := range cols {
		d, ok := c.(*DictCol)
		if !ok || d.Values != first.Values {
			return nil
		}
		n += len(d.Codes)
	}
	codes := make([]uint32, 0, n)
	for _, c := range cols {
		codes = append(codes, c.(*DictCol).Codes...)
	}
	return &DictCol{Codes: codes, Values: first.Values, Unique: first.Unique}
}

func concatVec[T Elem](t Type, cols []Column) Column {
	n := 0
	for _, c := range cols {
		n += c.Len()
	}
	vals := make([]T, 0, n)
	var nulls Bitmap
	for _, c := range cols {
		v := Flatten[T](c)
		if v.Nulls != nil {
			if nulls == nil {
				nulls = NewBitmap(n)
			}
			base := len(vals)
			for i := range v.Vals {
				if v.Nulls.Get(i) {
					nulls.Set(base + i)
				}
			}
		}
		vals = append(vals, v.Vals...)
	}
	return &Vec[T]{T: t, Vals: vals, Nulls: nulls}
}
