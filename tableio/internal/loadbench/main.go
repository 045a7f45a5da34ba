// Command loadbench times tableio.ReadFile on one file and reports rows/s,
// MB/s and the process's peak RSS (VmHWM), for the numbers in the
// package's performance notes.
//
//	go run ./tableio/internal/loadbench -file /work/bench/data/aad_1000000.jsonl \
//	    -table AADProvisioningLogs [-columns A,B,…] [-workers N] [-cpuprofile F]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/kqlkit/kqlkit/catalog"
	"github.com/kqlkit/kqlkit/data"
	"github.com/kqlkit/kqlkit/tableio"
)

func main() {
	file := flag.String("file", "", "input file (.jsonl, .json, .csv)")
	table := flag.String("table", "", "catalog table whose schema to use (none: infer)")
	columns := flag.String("columns", "", "comma-separated columns to keep (default all)")
	workers := flag.Int("workers", 0, "parse goroutines (0: GOMAXPROCS)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile")
	flag.Parse()
	if *file == "" {
		fmt.Fprintln(os.Stderr, "loadbench: -file is required")
		os.Exit(2)
	}
	opts := tableio.ReadOptions{Name: *table, Workers: *workers}
	if *table != "" {
		s, ok := catalog.Lookup(*table)
		if !ok {
			fmt.Fprintf(os.Stderr, "loadbench: no table %q in the catalog\n", *table)
			os.Exit(2)
		}
		opts.Schema = s
	}
	if *columns != "" {
		opts.Columns = strings.Split(*columns, ",")
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		_ = pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	st, err := os.Stat(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	t0 := time.Now()
	t, err := tableio.ReadFile(*file, opts)
	d := time.Since(t0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	hwm := peakRSS()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heap := ms.HeapInuse
	runtime.GC()
	runtime.ReadMemStats(&ms)
	mb := float64(st.Size()) / 1e6
	fmt.Printf("%s: %d rows, %d columns in %.0f ms: %.2f M rows/s, %.0f MB/s; "+
		"heap in use %.0f MiB (live after GC %.0f MiB), peak RSS %s MiB, GOMAXPROCS %d\n",
		*file, t.Rows(), len(t.Cols), float64(d.Microseconds())/1e3,
		float64(t.Rows())/d.Seconds()/1e6, mb/d.Seconds(),
		float64(heap)/(1<<20), float64(ms.HeapAlloc)/(1<<20), hwm, runtime.GOMAXPROCS(0))
	describe(t)
	runtime.KeepAlive(t)
}

// describe prints each column's type and storage.
func describe(t *data.Table) {
	for i, c := range t.Cols {
		extra := ""
		if d, ok := c.(*data.DictCol); ok {
			extra = fmt.Sprintf(" (%d distinct)", d.Values.Len())
		}
		fmt.Printf("  %-24s %-9s %T%s\n", t.Schema[i].Name, c.Type(), c, extra)
	}
}

// peakRSS returns VmHWM from /proc/self/status in MiB, or "?".
func peakRSS() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "?"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			var kb int
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
			return fmt.Sprintf("%.0f", float64(kb)/1024)
		}
	}
	return "?"
}
