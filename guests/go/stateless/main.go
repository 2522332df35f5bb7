// Stateless Ethereum block verification: reads one block and its witness
// (the WSTF framing, see README.md) from standard input, re-executes the block
// with go-ethereum's core.ExecuteStateless against the witness alone, and checks
// the computed state and receipt roots against the block header.
//
// The work is in package wstf (shared with the input generator, which uses it
// to check every input it writes); this file is only the program around it.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"wasrisc.dev/guests/stateless/wstf"
)

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(fmt.Errorf("reading standard input: %v", err))
	}
	res, err := wstf.Check(data)
	if err != nil {
		fail(err)
	}
	fmt.Printf("ExecuteStateless succeeded!\nstate root: %s\nreceipt root: %s\ngas used: %d\n",
		res.StateRoot, res.ReceiptRoot, res.GasUsed)
}

// fail reports one line on standard error and exits 1 (not 2, Go's exit code
// for a panic), so a rejected input is told apart from a crashing guest.
func fail(err error) {
	fmt.Fprintf(os.Stderr, "stateless: %s\n", strings.ReplaceAll(err.Error(), "\n", " "))
	os.Exit(1)
}
