//go:build !wasip1

package main

// Natively (direct), the same C implementation, linked through cgo from libwasrisc_imports.a.

/*
#include <stdint.h>
uint32_t testmodule_testfunc(uint32_t a, uint32_t b);
*/
import "C"

func testfunc(a, b uint32) uint32 {
	return uint32(C.testmodule_testfunc(C.uint32_t(a), C.uint32_t(b)))
}
