// Calls testmodule.testfunc, which this guest implements itself (my_testfunc.c) in place of the platform's.
package main

import "fmt"

func main() {
	fmt.Printf("testfunc(6, 7) = %d\n", testfunc(6, 7))
}
