// go-ethereum's Keccak-256 served by the zkVM accelerator zkvm_keccak256. Replaces
// crypto/keccak.go through go build -overlay (see wasrisc.json). A state keeps what is written and
// hashes it in one call when read, since a zkVM's precompile takes the whole input at once.

package crypto

import "github.com/ethereum/go-ethereum/common"

type acceleratedKeccak struct {
	written []byte
}

// NewKeccakState returns a Keccak-256 state whose hash the accelerator computes.
func NewKeccakState() KeccakState {
	return &acceleratedKeccak{}
}

func (k *acceleratedKeccak) Write(p []byte) (int, error) {
	k.written = append(k.written, p...)
	return len(p), nil
}

func (k *acceleratedKeccak) Sum(b []byte) []byte {
	hash := keccak256(k.written)
	return append(b, hash[:]...)
}

// Read gives the hash; go-ethereum reads 32 bytes once per state.
func (k *acceleratedKeccak) Read(p []byte) (int, error) {
	hash := keccak256(k.written)
	return copy(p, hash[:]), nil
}

func (k *acceleratedKeccak) Reset()         { k.written = k.written[:0] }
func (k *acceleratedKeccak) Size() int      { return 32 }
func (k *acceleratedKeccak) BlockSize() int { return 136 }

// Keccak256 returns the Keccak-256 hash of the concatenated data.
func Keccak256(data ...[]byte) []byte {
	hash := Keccak256Hash(data...)
	return hash[:]
}

// Keccak256Hash returns the Keccak-256 hash of the concatenated data as a Hash.
func Keccak256Hash(data ...[]byte) common.Hash {
	if len(data) == 1 {
		return keccak256(data[0])
	}
	var all []byte
	for _, d := range data {
		all = append(all, d...)
	}
	return keccak256(all)
}
