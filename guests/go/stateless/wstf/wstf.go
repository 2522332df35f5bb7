// Package wstf is the input format of the stateless guest ("WSTF": witness,
// state transition, framed) and the check the guest runs on it. The guest
// (../main.go) and the generator (../generate) share it, so the generator can
// prove that every input it writes, and every tampered input, does exactly
// what the guest will do with it.
//
// The format (see ../README.md):
//
//	"WSTF" | u32le version (1) | 3 x (u32le length | bytes)
//	section 1: the chain config, JSON (params.ChainConfig)
//	section 2: the block, RLP (types.Block)
//	section 3: the witness, RLP (stateless.ExtWitness: headers, codes, state nodes, keys)
//
// and nothing after the last section.
package wstf

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/stateless"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/ethereum/go-ethereum/trie"
)

const (
	Magic   = "WSTF"
	Version = 1
)

// Raw holds the three sections of an input, still encoded.
type Raw struct {
	Config, Block, Witness []byte
}

// Pack writes the framing around the three sections.
func (r Raw) Pack() []byte {
	var out bytes.Buffer
	out.WriteString(Magic)
	out.Write(binary.LittleEndian.AppendUint32(nil, Version))
	for _, s := range [][]byte{r.Config, r.Block, r.Witness} {
		out.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(s))))
		out.Write(s)
	}
	return out.Bytes()
}

// Unpack checks the framing and splits an input into its sections.
func Unpack(data []byte) (Raw, error) {
	if len(data) < 4 || string(data[:4]) != Magic {
		return Raw{}, fmt.Errorf("does not start with %q (%d bytes of input)", Magic, len(data))
	}
	if len(data) < 8 {
		return Raw{}, fmt.Errorf("truncated header (%d bytes of input)", len(data))
	}
	if v := binary.LittleEndian.Uint32(data[4:8]); v != Version {
		return Raw{}, fmt.Errorf("format version %d, want %d", v, Version)
	}
	rest := data[8:]
	var sections [3][]byte
	for i, name := range []string{"config", "block", "witness"} {
		if len(rest) < 4 {
			return Raw{}, fmt.Errorf("%s section: truncated length", name)
		}
		n := binary.LittleEndian.Uint32(rest)
		rest = rest[4:]
		if uint64(n) > uint64(len(rest)) {
			return Raw{}, fmt.Errorf("%s section: length %d, only %d bytes left", name, n, len(rest))
		}
		sections[i], rest = rest[:n], rest[n:]
	}
	if len(rest) != 0 {
		return Raw{}, fmt.Errorf("%d trailing bytes after the witness section", len(rest))
	}
	return Raw{Config: sections[0], Block: sections[1], Witness: sections[2]}, nil
}

// EncodeWitness encodes a witness in the same shape as stateless.Witness's
// own EncodeRLP, but with codes and state nodes sorted bytewise: the witness
// keeps them in Go maps, so its own encoder writes them in random order and
// two runs of the generator would not give the same file.
func EncodeWitness(ext *stateless.ExtWitness) ([]byte, error) {
	sorted := *ext
	sorted.Codes = slices.Clone(ext.Codes)
	sorted.State = slices.Clone(ext.State)
	sorted.Keys = slices.Clone(ext.Keys)
	for _, list := range [][]hexutil.Bytes{sorted.Codes, sorted.State, sorted.Keys} {
		slices.SortFunc(list, func(a, b hexutil.Bytes) int { return bytes.Compare(a, b) })
	}
	return rlp.EncodeToBytes(&sorted)
}

// Input is a decoded input.
type Input struct {
	Config  *params.ChainConfig
	Block   *types.Block
	Witness *stateless.Witness
}

// Decode decodes the three sections.
func (r Raw) Decode() (*Input, error) {
	in := &Input{Config: new(params.ChainConfig), Block: new(types.Block), Witness: new(stateless.Witness)}
	if err := json.Unmarshal(r.Config, in.Config); err != nil {
		return nil, fmt.Errorf("config section: %v", err)
	}
	if in.Config.ChainID == nil {
		return nil, errors.New("config section: no chainId")
	}
	if err := in.Config.CheckConfigForkOrder(); err != nil {
		return nil, fmt.Errorf("config section: %v", err)
	}
	if err := rlp.DecodeBytes(r.Block, in.Block); err != nil {
		return nil, fmt.Errorf("block section: %v", err)
	}
	if err := rlp.DecodeBytes(r.Witness, in.Witness); err != nil {
		return nil, fmt.Errorf("witness section: %v", err)
	}
	// The witness decoder accepts an empty header list, but Witness.Root()
	// (the pre-state root, from the parent header) would then panic.
	if len(in.Witness.Headers) == 0 {
		return nil, errors.New("witness section: no headers (the parent header must come first)")
	}
	return in, nil
}

// MalformedError marks an input that could not even be decoded.
type MalformedError struct{ Err error }

func (e *MalformedError) Error() string { return "malformed input: " + e.Err.Error() }

// Result is what a successful check computed.
type Result struct {
	Number      uint64
	Txs         int
	StateRoot   common.Hash
	ReceiptRoot common.Hash
	GasUsed     uint64
}

// Check does the whole job of the guest on one input: decode it, bind the
// witness and the body to the block header, execute the block statelessly and
// compare the computed roots with the header's.
func Check(data []byte) (*Result, error) {
	raw, err := Unpack(data)
	if err != nil {
		return nil, &MalformedError{err}
	}
	in, err := raw.Decode()
	if err != nil {
		return nil, &MalformedError{err}
	}
	block, witness := in.Block, in.Witness

	// The pre-state root comes from the parent header in the witness; it is
	// only trustworthy if that header is the block's parent.
	if parent := witness.Headers[0].Hash(); parent != block.ParentHash() {
		return nil, fmt.Errorf("witness parent header %s does not match block parent hash %s", parent, block.ParentHash())
	}
	// ExecuteStateless runs whatever body it is given; make sure it is the body
	// the header (and so the block hash) commits to.
	if err := checkBody(block); err != nil {
		return nil, err
	}
	// Like go-ethereum's own stateless self-validation (core/blockchain.go),
	// hand over the block with the two roots zeroed: they are what execution
	// must compute, and ExecuteStateless complains about a block that has them.
	header := block.Header()
	header.Root, header.ReceiptHash = common.Hash{}, common.Hash{}
	task := types.NewBlockWithHeader(header).WithBody(*block.Body())

	stateRoot, receiptRoot, err := execute(in.Config, task, witness)
	if err != nil {
		return nil, err
	}
	if stateRoot != block.Root() {
		return nil, fmt.Errorf("state root mismatch: computed %s, block header has %s", stateRoot, block.Root())
	}
	if receiptRoot != block.ReceiptHash() {
		return nil, fmt.Errorf("receipt root mismatch: computed %s, block header has %s", receiptRoot, block.ReceiptHash())
	}
	return &Result{
		Number:      block.NumberU64(),
		Txs:         len(block.Transactions()),
		StateRoot:   stateRoot,
		ReceiptRoot: receiptRoot,
		// The header's value: ExecuteStateless's validation (ValidateState)
		// has checked it equals the gas the execution used, and v1.16.9 does
		// not return the computed figure itself.
		GasUsed: block.GasUsed(),
	}, nil
}

// execute calls core.ExecuteStateless, turning a panic into an error: a bad
// witness must end in a clean failure, not a Go panic (exit code 2).
func execute(config *params.ChainConfig, block *types.Block, witness *stateless.Witness) (stateRoot, receiptRoot common.Hash, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("execution panicked: %v", r)
		}
	}()
	stateRoot, receiptRoot, err = core.ExecuteStateless(config, vm.Config{}, block, witness)
	if err != nil {
		err = fmt.Errorf("execution failed: %v", err)
	}
	return
}

// checkBody checks the body's transactions, uncles and withdrawals against the
// roots in the header.
func checkBody(block *types.Block) error {
	header := block.Header()
	if got := types.DeriveSha(block.Transactions(), trie.NewStackTrie(nil)); got != header.TxHash {
		return fmt.Errorf("block body does not match its header: transactions root %s, header has %s", got, header.TxHash)
	}
	if got := types.CalcUncleHash(block.Uncles()); got != header.UncleHash {
		return fmt.Errorf("block body does not match its header: uncles hash %s, header has %s", got, header.UncleHash)
	}
	switch {
	case header.WithdrawalsHash == nil && block.Withdrawals() != nil:
		return errors.New("block body does not match its header: withdrawals without a withdrawals root")
	case header.WithdrawalsHash != nil:
		if got := types.DeriveSha(types.Withdrawals(block.Withdrawals()), trie.NewStackTrie(nil)); got != *header.WithdrawalsHash {
			return fmt.Errorf("block body does not match its header: withdrawals root %s, header has %s", got, *header.WithdrawalsHash)
		}
	}
	return nil
}
