//go:build wasip1

package crypto

// Imports of module "zkvm" (zkvm_accelerators.h without the prefix); size_t and uint8_t travel as uint32.

//go:wasmimport zkvm keccak256
func zkvmKeccak256(data *byte, length uint32, output *[32]byte) int32

//go:wasmimport zkvm secp256k1_ecrecover
func zkvmSecp256k1Ecrecover(msg *[32]byte, sig *[64]byte, recid uint32, output *[64]byte) int32

//go:wasmimport zkvm secp256k1_verify
func zkvmSecp256k1Verify(msg *[32]byte, sig *[64]byte, pubkey *[64]byte, verified *bool) int32
