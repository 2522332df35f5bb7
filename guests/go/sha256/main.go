// SHA-256 over 2 MiB of deterministic data (a xorshift stream), printed as hex.
package main

import (
	"crypto/sha256"
	"fmt"
)

const size = 2 << 20

func main() {
	data := make([]byte, size)
	x := uint64(0x9e3779b97f4a7c15)
	for i := range data {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		data[i] = byte(x)
	}
	fmt.Printf("%x\n", sha256.Sum256(data))
}
