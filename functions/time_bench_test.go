package functions

import (
	"fmt"
	"testing"

	"github.com/kqlkit/kqlkit/data"
)

const tmBenchRows = 1 << 16

func tmBenchTimes() data.Column {
	vals := make([]int64, tmBenchRows)
	base := mustTicks("2024-01-01")
	for i := range vals {
		vals[i] = base + int64(i)*37*data.Second
	}
	return data.NewVec(data.DateTime, vals, nil)
}

func tmBenchIPs() data.Column {
	vals := make([]string, tmBenchRows)
	for i := range vals {
		vals[i] = fmt.Sprintf("%d.%d.%d.%d", 10+i%200, i%256, (i/256)%256, i%7)
	}
	return data.NewVec(data.String, vals, nil)
}

// tmBenchCall binds name with the given argument columns (constants marked as
// such) and runs it b.N times.
func tmBenchCall(b *testing.B, name string, cols ...data.Column) {
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
	b.SetBytes(tmBenchRows)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := k(ctx, tmBenchRows, cols); err != nil {
			b.Fatal(err)
		}
	}
}

func tmBenchConst(v data.Value) data.Column { return data.NewConst(v, tmBenchRows) }

func BenchmarkBinDatetime(b *testing.B) {
	tmBenchCall(b, "bin", tmBenchTimes(), tmBenchConst(data.TimeSpanValue(data.Hour)))
}

func BenchmarkStartOfDay(b *testing.B) { tmBenchCall(b, "startofday", tmBenchTimes()) }

func BenchmarkDatetimeDiffDay(b *testing.B) {
	tmBenchCall(b, "datetime_diff", tmBenchConst(data.StringValue("day")), tmBenchTimes(),
		tmBenchConst(data.DateTimeValue(testNow)))
}

func BenchmarkFormatDatetime(b *testing.B) {
	tmBenchCall(b, "format_datetime", tmBenchTimes(), tmBenchConst(data.StringValue("yyyy-MM-dd HH:mm:ss")))
}

func BenchmarkGetMonth(b *testing.B) { tmBenchCall(b, "getmonth", tmBenchTimes()) }

func BenchmarkIPv4IsPrivate(b *testing.B) { tmBenchCall(b, "ipv4_is_private", tmBenchIPs()) }

func BenchmarkIPv4InAnyRange(b *testing.B) {
	tmBenchCall(b, "ipv4_is_in_any_range", tmBenchIPs(), tmBenchConst(data.StringValue("10.0.0.0/8")),
		tmBenchConst(data.StringValue("172.16.0.0/12")), tmBenchConst(data.StringValue("192.168.0.0/16")))
}

func BenchmarkRoundReal(b *testing.B) {
	vals := make([]float64, tmBenchRows)
	for i := range vals {
		vals[i] = float64(i) / 7
	}
	tmBenchCall(b, "round", data.NewVec(data.Real, vals, nil), tmBenchConst(data.LongValue(2)))
}
