// Command generate writes inputs for the stateless guest (see ../README.md).
//
//	go run ./generate -txs N -out FILE                 a chain whose last block has N transactions
//	go run ./generate -tamper MODE -in FILE -out FILE  a tampered copy of an input
//
// Everything is fixed (keys, genesis, fees, coinbase), and the witness is
// written with sorted codes and nodes, so the same flags give the same bytes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/big"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/beacon"
	"github.com/ethereum/go-ethereum/consensus/ethash"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rlp"

	"wasrisc.dev/guests/stateless/wstf"
)

func main() {
	txs := flag.Int("txs", 10, "transactions in the measured (last) block")
	accounts := flag.Int("accounts", 10000, "extra funded accounts in the genesis, for a state trie of realistic depth")
	out := flag.String("out", "", "file to write")
	tamper := flag.String("tamper", "", "write a tampered copy of -in: flip-state-node, drop-state-node or wrong-parent-root")
	in := flag.String("in", "", "input to tamper with (with -tamper)")
	flag.Parse()
	if *out == "" || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	var err error
	if *tamper != "" {
		err = tamperFile(*tamper, *in, *out)
	} else {
		err = generate(*txs, *accounts, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

// generate builds the chain, records the witness of its last block, checks the
// result exactly as the guest will, and writes it.
func generate(n, accounts int, out string) (err error) {
	// The chain maker panics on a transaction that does not fit (e.g. past
	// the block gas limit): report that as an error.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("building the chain: %v", r)
		}
	}()
	if n < 1 {
		return fmt.Errorf("-txs %d: need at least one transaction", n)
	}
	c := newChain(n)
	genesis := c.genesis(accounts)
	engine := beacon.New(ethash.NewFaker())
	_, blocks, receipts := core.GenerateChainWithGenesis(genesis, engine, 2, c.block)

	// Every transaction must have succeeded: a reverted one would still be a
	// valid block, but not the work we mean to measure.
	for i, rs := range receipts {
		for j, r := range rs {
			if r.Status != types.ReceiptStatusSuccessful {
				return fmt.Errorf("block %d tx %d (%s): receipt status %d", i+1, j, c.kinds[i][j], r.Status)
			}
		}
	}

	// Re-execute on a real chain to record the measured block's witness: the
	// earlier blocks normally, the last one with witness collection.
	bc, err := core.NewBlockChain(rawdb.NewMemoryDatabase(), genesis, engine, nil)
	if err != nil {
		return err
	}
	defer bc.Stop()
	last := blocks[len(blocks)-1]
	if _, err := bc.InsertChain(blocks[:len(blocks)-1]); err != nil {
		return fmt.Errorf("inserting the earlier blocks: %v", err)
	}
	witness, err := bc.InsertBlockWithoutSetHead(last, true)
	if err != nil {
		return fmt.Errorf("inserting the measured block: %v", err)
	}

	raw := wstf.Raw{}
	if raw.Config, err = json.Marshal(genesis.Config); err != nil {
		return err
	}
	if raw.Block, err = rlp.EncodeToBytes(last); err != nil {
		return err
	}
	ext := witness.ToExtWitness()
	if raw.Witness, err = wstf.EncodeWitness(ext); err != nil {
		return err
	}
	data := raw.Pack()

	// The guest's own check, on the bytes we are about to write.
	res, err := wstf.Check(data)
	if err != nil {
		return fmt.Errorf("the generated input fails the guest's check: %v", err)
	}
	if res.StateRoot != last.Root() || res.ReceiptRoot != last.ReceiptHash() {
		return fmt.Errorf("the guest's check returned other roots than the block's")
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	logs := 0
	for _, r := range receipts[len(receipts)-1] {
		logs += len(r.Logs)
	}
	fmt.Fprintf(os.Stderr, "block %d: %d txs (%s), %d logs, %d withdrawals, gas used %d\n",
		last.NumberU64(), len(last.Transactions()), c.mix(len(blocks)-1), logs, len(last.Withdrawals()), last.GasUsed())
	fmt.Fprintf(os.Stderr, "witness: %d headers, %d codes, %d state nodes, %d bytes\n",
		len(ext.Headers), len(ext.Codes), len(ext.State), len(raw.Witness))
	fmt.Fprintf(os.Stderr, "%s: %d bytes (config %d, block %d, witness %d)\n",
		out, len(data), len(raw.Config), len(raw.Block), len(raw.Witness))
	return nil
}

// chainConfig is go-ethereum's merged test config: every fork up to and
// including Osaka active from genesis (Osaka is live on mainnet in v1.16.9).
func chainConfig() *params.ChainConfig {
	config := *params.MergedTestChainConfig
	return &config
}

// genesis has the four system contracts the post-Cancun/Prague block
// processing calls into, a funded faucet, and `accounts` filler accounts that
// no transaction touches: they only make the account trie deeper (about four
// levels of branch nodes at 10,000), so every account the block touches costs
// a witness path of realistic length.
func (c *chain) genesis(accounts int) *core.Genesis {
	alloc := types.GenesisAlloc{
		c.faucet.addr:                    {Balance: new(big.Int).Mul(big.NewInt(1e9), big.NewInt(params.Ether))},
		params.BeaconRootsAddress:        {Nonce: 1, Code: params.BeaconRootsCode, Balance: common.Big0},
		params.HistoryStorageAddress:     {Nonce: 1, Code: params.HistoryStorageCode, Balance: common.Big0},
		params.WithdrawalQueueAddress:    {Nonce: 1, Code: params.WithdrawalQueueCode, Balance: common.Big0},
		params.ConsolidationQueueAddress: {Nonce: 1, Code: params.ConsolidationQueueCode, Balance: common.Big0},
	}
	for i := range accounts {
		alloc[fillerAddress(i)] = types.Account{Balance: ether}
	}
	return &core.Genesis{
		Config:     c.config,
		Timestamp:  genesisTime,
		GasLimit:   gasLimit,
		BaseFee:    big.NewInt(params.InitialBaseFee),
		Difficulty: common.Big0,
		Coinbase:   coinbase,
		Alloc:      alloc,
	}
}
