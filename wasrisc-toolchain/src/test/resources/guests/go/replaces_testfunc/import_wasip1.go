//go:build wasip1

package main

// A WebAssembly import in the wasm pipelines.
//
//go:wasmimport testmodule testfunc
func testfunc(a, b uint32) uint32
