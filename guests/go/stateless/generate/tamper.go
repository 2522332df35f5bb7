package main

// Tampered inputs: the same block with a witness that must not verify.

import (
	"bytes"
	"fmt"
	"os"
	"slices"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/stateless"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"

	"wasrisc.dev/guests/stateless/wstf"
)

func tamperFile(mode, in, out string) error {
	if in == "" {
		return fmt.Errorf("-tamper needs -in")
	}
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	raw, err := wstf.Unpack(data)
	if err != nil {
		return fmt.Errorf("%s: %v", in, err)
	}
	var ext stateless.ExtWitness
	if err := rlp.DecodeBytes(raw.Witness, &ext); err != nil {
		return fmt.Errorf("%s: witness: %v", in, err)
	}
	if len(ext.Headers) == 0 {
		return fmt.Errorf("%s: witness has no headers", in)
	}
	parentRoot := ext.Headers[0].Root

	// encode puts a changed witness back into the input and runs the guest's
	// check on it, returning the error it must give.
	encode := func() ([]byte, error) {
		var err error
		if raw.Witness, err = wstf.EncodeWitness(&ext); err != nil {
			return nil, err
		}
		tampered := raw.Pack()
		if _, err := wstf.Check(tampered); err != nil {
			return tampered, err
		}
		return nil, nil
	}
	var (
		tampered []byte
		reason   error
	)
	switch mode {
	case "flip-state-node":
		// Flip one byte of the pre-state root node: it no longer hashes to the
		// parent header's state root, so the state cannot even be opened.
		i := slices.IndexFunc(ext.State, func(n hexutil.Bytes) bool { return crypto.Keccak256Hash(n) == parentRoot })
		if i < 0 {
			return fmt.Errorf("%s: no state node hashes to the parent state root %s", in, parentRoot)
		}
		ext.State[i] = bytes.Clone(ext.State[i])
		ext.State[i][len(ext.State[i])/2] ^= 0x01
		tampered, reason = encode()

	case "drop-state-node":
		// Drop one node below the root that execution needs: the first, in
		// sorted order, whose absence the check notices.
		all := ext.State
		for i, node := range all {
			if crypto.Keccak256Hash(node) == parentRoot {
				continue
			}
			ext.State = slices.Delete(slices.Clone(all), i, i+1)
			if tampered, reason = encode(); reason != nil {
				break
			}
		}

	case "wrong-parent-root":
		// A parent header claiming another pre-state root: its hash is no
		// longer the block's parent hash.
		ext.Headers[0].Root = crypto.Keccak256Hash([]byte("wasrisc-stateless/wrong-root"))
		tampered, reason = encode()

	default:
		return fmt.Errorf("unknown -tamper mode %q (flip-state-node, drop-state-node, wrong-parent-root)", mode)
	}
	if reason == nil {
		return fmt.Errorf("%s: the tampered input still passes the check", mode)
	}
	if err := os.WriteFile(out, tampered, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d bytes; the guest will say: stateless: %v\n", out, len(tampered), reason)
	return nil
}
