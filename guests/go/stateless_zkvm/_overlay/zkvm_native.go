//go:build !wasip1

package crypto

// Natively (direct): the executor's functions through cgo, from libwasrisc_imports.a.

/*
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
int zkvm_keccak256(const uint8_t *data, size_t len, uint8_t *output);
int zkvm_secp256k1_ecrecover(const uint8_t *msg, const uint8_t *sig, uint8_t recid, uint8_t *output);
int zkvm_secp256k1_verify(const uint8_t *msg, const uint8_t *sig, const uint8_t *pubkey, bool *verified);
*/
import "C"

import "unsafe"

func zkvmKeccak256(data *byte, length uint32, output *[32]byte) int32 {
	return int32(C.zkvm_keccak256((*C.uint8_t)(data), C.size_t(length), (*C.uint8_t)(&output[0])))
}

func zkvmSecp256k1Ecrecover(msg *[32]byte, sig *[64]byte, recid uint32, output *[64]byte) int32 {
	return int32(C.zkvm_secp256k1_ecrecover((*C.uint8_t)(&msg[0]), (*C.uint8_t)(&sig[0]), C.uint8_t(recid),
		(*C.uint8_t)(&output[0])))
}

func zkvmSecp256k1Verify(msg *[32]byte, sig *[64]byte, pubkey *[64]byte, verified *bool) int32 {
	return int32(C.zkvm_secp256k1_verify((*C.uint8_t)(&msg[0]), (*C.uint8_t)(&sig[0]), (*C.uint8_t)(&pubkey[0]),
		(*C.bool)(unsafe.Pointer(verified))))
}
