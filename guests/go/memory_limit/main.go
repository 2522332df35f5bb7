// Allocates and drops far more memory in total than its limit allows at once, so it only
// finishes if the garbage collector honours debug.SetMemoryLimit.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

const (
	limit  = 32 << 20 // bytes
	chunk  = 1 << 20
	chunks = 512 // 512 MiB in total, 16 times the limit
)

var sink []byte

func main() {
	// One P, as in WebAssembly: natively, with a P per core, the allocating goroutine can outrun
	// background marking when the host is busy (seen: 159 MiB under load), and the check below
	// would measure the host's load rather than the limit.
	runtime.GOMAXPROCS(1)
	debug.SetMemoryLimit(limit)
	debug.SetGCPercent(-1) // only the memory limit triggers collection
	var checksum uint64
	for i := 0; i < chunks; i++ {
		sink = make([]byte, chunk)
		sink[i%chunk] = byte(i)
		checksum += uint64(sink[i%chunk])
	}
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Printf("allocated %d MiB under a %d MiB limit, checksum %d\n", chunks*chunk>>20, limit>>20, checksum)
	if stats.HeapSys > 4*limit {
		fmt.Printf("heap grew to %d MiB: the limit was not honoured\n", stats.HeapSys>>20)
		panic("memory limit exceeded")
	}
}
