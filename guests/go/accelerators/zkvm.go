package main

import (
	"errors"
	"unsafe"
)

// Safe wrappers over the bindings in zkvm_wasip1.go and zkvm_native.go; an accelerator that fails
// (ZKVM_EFAIL) gives an error naming it.

// keccak256 returns the Keccak-256 hash of data.
func keccak256(data []byte) ([32]byte, error) {
	var hash [32]byte
	if zkvmKeccak256(unsafe.SliceData(data), uint32(len(data)), &hash) != 0 {
		return hash, errors.New("keccak256 failed")
	}
	return hash, nil
}

// secp256k1Ecrecover returns the public key (x || y) that signed msg with sig (r || s) and
// recovery id recid.
func secp256k1Ecrecover(msg *[32]byte, sig *[64]byte, recid uint8) ([64]byte, error) {
	var key [64]byte
	if zkvmSecp256k1Ecrecover(msg, sig, uint32(recid), &key) != 0 {
		return key, errors.New("secp256k1_ecrecover failed")
	}
	return key, nil
}
