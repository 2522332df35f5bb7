//go:build wasip1

package main

// In WebAssembly: imports of module "zkvm", named without the prefix. Pointers to byte arrays
// need Go 1.24; size_t and uint8_t are passed as uint32, the narrowest integer wasmimport takes.

//go:wasmimport zkvm keccak256
func zkvmKeccak256(data *byte, length uint32, output *[32]byte) int32

//go:wasmimport zkvm secp256k1_ecrecover
func zkvmSecp256k1Ecrecover(msg *[32]byte, sig *[64]byte, recid uint32, output *[64]byte) int32
