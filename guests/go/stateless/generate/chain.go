package main

// The chain: block 1 funds the senders and deploys the contracts, block 2 (the
// measured block) holds the requested mix of transactions.

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
)

const (
	genesisTime = 1_750_000_000 // fixed, so every header (and hash) is the same on every run
	gasLimit    = 1_000_000_000 // room for thousands of transactions in one block
	senders     = 64            // accounts that send the measured block's transactions

	storageSlotsPrefilled = 256  // slots block 1 writes, so the measured block updates existing ones too
	storageSlotsPerCall   = 32   // slots one storage-heavy call reads and writes
	hashRounds            = 2000 // keccak256 rounds of one hash-heavy call
)

var (
	coinbase  = common.HexToAddress("0xc0ffee000000000000000000000000000000c0de")
	gasTipCap = big.NewInt(params.GWei)      // fixed fees: the base fee (below 1 gwei here) ...
	gasFeeCap = big.NewInt(10 * params.GWei) // ... always fits under the cap
	ether     = big.NewInt(params.Ether)
)

type account struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

// newAccount derives a key from a fixed seed: keccak256("wasrisc-stateless/" + name).
func newAccount(name string) account {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("wasrisc-stateless/" + name)))
	if err != nil {
		panic(err)
	}
	return account{key, crypto.PubkeyToAddress(key.PublicKey)}
}

// freshAddress is an address no block touched before: a recipient that the
// measured block creates.
func freshAddress(i int) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("wasrisc-stateless/fresh/%d", i))))
}

// fillerAddress is a genesis account that no block touches.
func fillerAddress(i int) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("wasrisc-stateless/filler/%d", i))))
}

type chain struct {
	config                 *params.ChainConfig
	signer                 types.Signer
	n                      int // transactions in the measured block
	faucet                 account
	senders                []account
	token, storage, hasher common.Address
	kinds                  [][]string // per block, the kind of each transaction
}

func newChain(n int) *chain {
	c := &chain{config: chainConfig(), n: n, faucet: newAccount("faucet")}
	c.signer = types.LatestSigner(c.config)
	for i := range senders {
		c.senders = append(c.senders, newAccount(fmt.Sprintf("sender/%d", i)))
	}
	// The faucet deploys the three contracts with its first three nonces.
	c.token = crypto.CreateAddress(c.faucet.addr, 0)
	c.storage = crypto.CreateAddress(c.faucet.addr, 1)
	c.hasher = crypto.CreateAddress(c.faucet.addr, 2)
	return c
}

// block is the core.GenerateChain callback.
func (c *chain) block(i int, b *core.BlockGen) {
	b.SetCoinbase(coinbase)
	// A non-zero parent beacon root, so the EIP-4788 system call stores
	// something (the chain maker only runs it when it is set explicitly).
	b.SetParentBeaconRoot(crypto.Keccak256Hash([]byte(fmt.Sprintf("wasrisc-stateless/beacon/%d", i+1))))
	c.kinds = append(c.kinds, nil)
	if i == 0 {
		c.setup(b)
	} else {
		c.measured(b)
	}
}

// setup (block 1): deploy the contracts, give every sender ether and tokens,
// and prefill the storage contract.
func (c *chain) setup(b *core.BlockGen) {
	c.send(b, "deploy", c.faucet, nil, nil, tokenInitcode(1<<62), 500_000)
	c.send(b, "deploy", c.faucet, nil, nil, storageInitcode(), 500_000)
	c.send(b, "deploy", c.faucet, nil, nil, hashInitcode(), 500_000)
	for _, s := range c.senders {
		c.send(b, "eth", c.faucet, &s.addr, new(big.Int).Mul(big.NewInt(1000), ether), nil, params.TxGas)
		c.send(b, "token", c.faucet, &c.token, nil, transferCall(s.addr, 1<<40), 100_000)
	}
	c.send(b, "storage", c.faucet, &c.storage, nil, words(0, storageSlotsPrefilled), 10_000_000)
}

// measured (block 2): n transactions, cycling through a fixed pattern of ten,
// from the senders in turn; plus two withdrawals.
func (c *chain) measured(b *core.BlockGen) {
	pattern := []string{"eth", "token", "eth-fresh", "storage", "token", "eth", "deploy", "token-fresh", "eth-fresh", "hash"}
	for k := range c.n {
		from := c.senders[k%senders]
		peer := c.senders[(k*7+3)%senders].addr // another sender: 6k+3 is odd, so never k%64 itself
		fresh := freshAddress(k)
		switch kind := pattern[k%len(pattern)]; kind {
		case "eth":
			c.send(b, kind, from, &peer, big.NewInt(int64(k+1)*params.GWei), nil, params.TxGas)
		case "eth-fresh":
			c.send(b, kind, from, &fresh, big.NewInt(int64(k+1)*params.GWei), nil, params.TxGas)
		case "token":
			c.send(b, kind, from, &c.token, nil, transferCall(peer, uint64(k+1)), 100_000)
		case "token-fresh":
			c.send(b, kind, from, &c.token, nil, transferCall(fresh, uint64(k+1)), 100_000)
		case "deploy":
			c.send(b, kind, from, nil, nil, tokenInitcode(uint64(k+1)), 500_000)
		case "storage":
			start := (k / len(pattern) * 40) % (2 * storageSlotsPrefilled) // half in the prefilled range
			c.send(b, kind, from, &c.storage, nil, words(uint64(start), storageSlotsPerCall), 2_000_000)
		case "hash":
			c.send(b, kind, from, &c.hasher, nil, words(hashRounds, uint64(k)), 1_000_000)
		}
	}
	b.AddWithdrawal(&types.Withdrawal{Validator: 1, Address: c.senders[0].addr, Amount: 1_000_000})
	b.AddWithdrawal(&types.Withdrawal{Validator: 2, Address: freshAddress(-1), Amount: 32_000_000_000})
}

// send signs a dynamic-fee transaction from `from` and adds it to the block
// (AddTx executes it at once, so b.TxNonce is always the next nonce).
func (c *chain) send(b *core.BlockGen, kind string, from account, to *common.Address, value *big.Int, data []byte, gas uint64) {
	if value == nil {
		value = new(big.Int)
	}
	tx := types.MustSignNewTx(from.key, c.signer, &types.DynamicFeeTx{
		ChainID:   c.config.ChainID,
		Nonce:     b.TxNonce(from.addr),
		GasTipCap: gasTipCap,
		GasFeeCap: gasFeeCap,
		Gas:       gas,
		To:        to,
		Value:     value,
		Data:      data,
	})
	b.AddTx(tx)
	last := len(c.kinds) - 1
	c.kinds[last] = append(c.kinds[last], kind)
}

// mix describes block i's transactions: "1 deploy, 2 eth, 2 eth-fresh, ..." (-fresh: to a new account).
func (c *chain) mix(i int) string {
	count := map[string]int{}
	for _, k := range c.kinds[i] {
		count[k]++
	}
	var parts []string
	for k, v := range count {
		parts = append(parts, fmt.Sprintf("%d %s", v, k))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// transferCall is the calldata of transfer(to, amount).
func transferCall(to common.Address, amount uint64) []byte {
	data := append([]byte{}, transferSelector...) // a copy: appending to the shared slice would overwrite it
	return append(append(data, common.LeftPadBytes(to.Bytes(), 32)...), words(amount)...)
}

// words ABI-encodes unsigned integers as 32-byte words.
func words(vs ...uint64) []byte {
	var out []byte
	for _, v := range vs {
		w := uint256.NewInt(v).Bytes32()
		out = append(out, w[:]...)
	}
	return out
}
