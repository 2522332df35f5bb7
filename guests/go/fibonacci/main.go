// Prints fib(n) for n from the first argument (default 30), as an unsigned 64-bit number.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func fib(n uint) uint64 {
	var a, b uint64 = 0, 1
	for i := uint(0); i < n; i++ {
		a, b = b, a+b
	}
	return a
}

func main() {
	n := uint64(30)
	if len(os.Args) > 1 {
		parsed, err := strconv.ParseUint(os.Args[1], 10, 32)
		if err != nil {
			fmt.Fprintln(os.Stderr, "fibonacci: bad n:", err)
			os.Exit(2)
		}
		n = parsed
	}
	fmt.Println(fib(uint(n)))
}
