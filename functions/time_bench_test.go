package functions

import (
	"fmt"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

const benchRows = 1 << 16

func benchTimes() data.Column {
	vals := make([]int64, benchRows)
	base := mustTicks("2024-01-01")
	for i := range vals {
		vals[i] = base + int64(i)*37*data.Second
	}
	return data.NewVec(data.DateTime, vals, nil)
}

func benchIPs() data.Column {
	vals := make([]string, benchRows)
	for i := range vals {
		vals[i] = fmt.Sprintf("%d.%d.%d.%d", 10+i%200, i%256, (i/256)%256, i%7)
	}
	return data.NewVec(data.String, vals, nil)
}

// benchCall binds name with the given argument columns (constants marked as
// such) and runs it b.N times.
func benchCall(b *testing.B, name string, cols ...data.Column) {
	f, _ := Builtins().Scalar(name)
	infos := make([]ArgInfo, len(cols))
	for i, c := range cols {
		infos[i] = ArgInfo{Type: c.Type()}
		if k, ok := c.(*data.ConstCol); ok {
			v := k.V
			infos[i].Const = &v
		}
	}
	_, k, err := f.BindCall(infos)
	if err != nil {
		b.Fatal(err)
	}
	ctx := &Ctx{}
	b.SetBytes(benchRows)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := k(ctx, benchRows, cols); err != nil {
			b.Fatal(err)
		}
	}
}

func benchConst(v data.Value) data.Column { return data.NewConst(v, benchRows) }

func BenchmarkBinDatetime(b *testing.B) {
	benchCall(b, "bin", benchTimes(), benchConst(data.TimeSpanValue(data.Hour)))
}

func BenchmarkStartOfDay(b *testing.B) { benchCall(b, "startofday", benchTimes()) }

func BenchmarkDatetimeDiffDay(b *testing.B) {
	benchCall(b, "datetime_diff", benchConst(data.StringValue("day")), benchTimes(),
		benchConst(data.DateTimeValue(testNow)))
}

func BenchmarkFormatDatetime(b *testing.B) {
	benchCall(b, "format_datetime", benchTimes(), benchConst(data.StringValue("yyyy-MM-dd HH:mm:ss")))
}

func BenchmarkGetMonth(b *testing.B) { benchCall(b, "getmonth", benchTimes()) }

func BenchmarkIPv4IsPrivate(b *testing.B) { benchCall(b, "ipv4_is_private", benchIPs()) }

func BenchmarkIPv4InAnyRange(b *testing.B) {
	benchCall(b, "ipv4_is_in_any_range", benchIPs(), benchConst(data.StringValue("10.0.0.0/8")),
		benchConst(data.StringValue("172.16.0.0/12")), benchConst(data.StringValue("192.168.0.0/16")))
}

func BenchmarkRoundReal(b *testing.B) {
	vals := make([]float64, benchRows)
	for i := range vals {
		vals[i] = float64(i) / 7
	}
	benchCall(b, "round", data.NewVec(data.Real, vals, nil), benchConst(data.LongValue(2)))
}
