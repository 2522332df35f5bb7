// Calls the host function testmodule.testfunc (platform/imports/testmodule.c).
package main

import "fmt"

func main() {
	fmt.Printf("testfunc(1, 2) = %d\n", testfunc(1, 2))
}
