// go-ethereum's secp256k1 signatures with recovery and verification served by the zkVM
// accelerators (zkvm_secp256k1_ecrecover, zkvm_secp256k1_verify). Replaces
// crypto/signature_nocgo.go through go build -overlay, and crypto/signature_cgo.go is deleted
// there, so natively too these are the functions. Recovery never touches decred's precomputed
// table, whose start-up was most of the unaccelerated run; the rest keeps decred.

package crypto

import (
	"crypto/ecdsa"
	"errors"
	"math/big"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	decred "github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"
)

// Ecrecover returns the uncompressed public key (0x04 || x || y) that signed hash with
// sig (r || s || v, v the recovery id 0 or 1).
func Ecrecover(hash, sig []byte) ([]byte, error) {
	if len(sig) != SignatureLength || len(hash) != DigestLength {
		return nil, errors.New("invalid signature")
	}
	var msg [32]byte
	var rs [64]byte
	var key [64]byte
	copy(msg[:], hash)
	copy(rs[:], sig)
	if zkvmSecp256k1Ecrecover(&msg, &rs, uint32(sig[RecoveryIDOffset]), &key) != 0 {
		return nil, errors.New("invalid signature: no public key recovered")
	}
	return append([]byte{4}, key[:]...), nil
}

// SigToPub returns the public key that signed hash with sig.
func SigToPub(hash, sig []byte) (*ecdsa.PublicKey, error) {
	pub, err := Ecrecover(hash, sig)
	if err != nil {
		return nil, err
	}
	return UnmarshalPubkey(pub)
}

// Sign signs a 32-byte hash with decred's signer, in go-ethereum's [R || S || V] layout.
func Sign(hash []byte, prv *ecdsa.PrivateKey) ([]byte, error) {
	if len(hash) != DigestLength {
		return nil, errors.New("hash is required to be exactly 32 bytes")
	}
	if prv.Curve != S256() {
		return nil, errors.New("private key curve is not secp256k1")
	}
	var scalar secp256k1.ModNScalar
	if scalar.SetByteSlice(prv.D.Bytes()) {
		return nil, errors.New("invalid private key")
	}
	compact := decred.SignCompact(secp256k1.NewPrivateKey(&scalar), hash, false)
	return append(compact[1:], compact[0]-27), nil
}

// VerifySignature reports whether signature (r || s) over hash is pubkey's (33 or 65 bytes).
// A high s is refused, as go-ethereum refuses malleable signatures.
func VerifySignature(pubkey, hash, signature []byte) bool {
	if len(signature) != 64 || len(hash) != DigestLength {
		return false
	}
	key, err := secp256k1.ParsePubKey(pubkey)
	if err != nil {
		return false
	}
	var msg [32]byte
	var rs [64]byte
	var uncompressed [64]byte
	copy(msg[:], hash)
	copy(rs[:], signature)
	copy(uncompressed[:], key.SerializeUncompressed()[1:])
	var s secp256k1.ModNScalar
	if s.SetByteSlice(signature[32:]) || s.IsOverHalfOrder() {
		return false
	}
	var verified bool
	return zkvmSecp256k1Verify(&msg, &rs, &uncompressed, &verified) == 0 && verified
}

// DecompressPubkey parses a 33-byte compressed public key.
func DecompressPubkey(pubkey []byte) (*ecdsa.PublicKey, error) {
	if len(pubkey) != 33 {
		return nil, errors.New("invalid compressed public key length")
	}
	key, err := secp256k1.ParsePubKey(pubkey)
	if err != nil {
		return nil, err
	}
	return &ecdsa.PublicKey{Curve: S256(), X: key.X(), Y: key.Y()}, nil
}

// CompressPubkey encodes a public key in the 33-byte compressed format.
func CompressPubkey(pubkey *ecdsa.PublicKey) []byte {
	var x, y secp256k1.FieldVal
	x.SetByteSlice(pubkey.X.Bytes())
	y.SetByteSlice(pubkey.Y.Bytes())
	return secp256k1.NewPublicKey(&x, &y).SerializeCompressed()
}

// S256 returns secp256k1 with go-ethereum's point encoding.
func S256() EllipticCurve {
	return koblitz{secp256k1.S256()}
}

type koblitz struct {
	*secp256k1.KoblitzCurve
}

func (c koblitz) IsOnCurve(x, y *big.Int) bool {
	p := secp256k1.Params().P
	return x.Cmp(p) < 0 && y.Cmp(p) < 0 && c.KoblitzCurve.IsOnCurve(x, y)
}

// Marshal encodes a point as 0x04 || x || y, 32 bytes each.
func (c koblitz) Marshal(x, y *big.Int) []byte {
	point := make([]byte, 65)
	point[0] = 4
	x.FillBytes(point[1:33])
	y.FillBytes(point[33:])
	return point
}

// Unmarshal decodes Marshal's encoding; nil, nil for anything else.
func (c koblitz) Unmarshal(data []byte) (x, y *big.Int) {
	if len(data) != 65 || data[0] != 4 {
		return nil, nil
	}
	return new(big.Int).SetBytes(data[1:33]), new(big.Int).SetBytes(data[33:])
}
