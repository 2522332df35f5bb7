// The accelerators go-ethereum's crypto package calls, over the bindings in zkvm_wasip1.go and
// zkvm_native.go (added to the package by the overlay).

package crypto

import (
	"unsafe"

	"github.com/ethereum/go-ethereum/common"
)

// keccak256 cannot fail for a valid slice; a failing accelerator is a broken platform.
func keccak256(data []byte) common.Hash {
	var hash [32]byte
	if zkvmKeccak256(unsafe.SliceData(data), uint32(len(data)), &hash) != 0 {
		panic("zkvm_keccak256 failed")
	}
	return hash
}
