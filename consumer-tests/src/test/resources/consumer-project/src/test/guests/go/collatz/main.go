// Counts the Collatz steps of its argument down to 1.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n, err := strconv.ParseUint(os.Args[1], 10, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	start, steps := n, 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	fmt.Printf("steps(%d) = %d\n", start, steps)
}
