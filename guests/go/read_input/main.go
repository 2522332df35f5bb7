// Reads standard input to its end in 64 KiB reads and prints how many bytes came and, unless
// the argument is "count", their FNV-1a 64-bit hash. Same output as c/read_input.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	hash := !(len(os.Args) > 1 && os.Args[1] == "count")
	buffer := make([]byte, 64*1024)
	var total, fnv uint64 = 0, 0xcbf29ce484222325
	for {
		n, err := os.Stdin.Read(buffer)
		total += uint64(n)
		for i := 0; hash && i < n; i++ {
			fnv = (fnv ^ uint64(buffer[i])) * 0x100000001b3
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "read_input:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("bytes: %d\n", total)
	if hash {
		fmt.Printf("fnv1a64: %016x\n", fnv)
	}
}
