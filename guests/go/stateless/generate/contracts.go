package main

// The contracts, as raw EVM bytecode (no Solidity compiler here), assembled
// with go-ethereum's core/vm/program builder. Loops are do-while with the
// jump at the bottom, so every jump target is already known when it is used.

import (
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/core/vm/program"
	"github.com/ethereum/go-ethereum/crypto"
)

// transferSelector is the first four bytes of keccak256("transfer(address,uint256)").
var (
	transferSelector = crypto.Keccak256([]byte("transfer(address,uint256)"))[:4]
	transferTopic    = crypto.Keccak256Hash([]byte("Transfer(address,address,uint256)"))
)

// balanceSlot leaves on the stack the storage slot of the balance of the
// address on top of the stack: keccak256(pad32(address) ++ pad32(0)), the
// layout Solidity gives `mapping(address => uint256) balances` at slot 0.
func balanceSlot(p *program.Program) *program.Program {
	p.Push(0).Op(vm.MSTORE)          // mem[0:32] = address
	p.Push(0).Push(32).Op(vm.MSTORE) // mem[32:64] = 0 (the mapping's slot)
	return p.Push(64).Push(0).Op(vm.KECCAK256)
}

// tokenInitcode deploys an ERC-20-style token whose only method is
// transfer(to, amount): it moves `amount` from the caller's balance to `to`'s
// (two storage slots), emits Transfer(from, to, amount) and returns true; it
// reverts on another selector or an insufficient balance. The constructor
// credits the deployer with `supply`.
func tokenInitcode(supply uint64) []byte {
	rt := program.New()
	// Dispatch: anything but transfer(address,uint256) reverts.
	rt.Push(0).Op(vm.CALLDATALOAD).Push(0xe0).Op(vm.SHR).Push(transferSelector).Op(vm.EQ)
	jumpToTransfer := rt.Size() + 1 // patched below: the position of the PUSH2 operand
	rt.Op(vm.PUSH2).Append([]byte{0, 0}).Op(vm.JUMPI)
	revert := rt.Label()
	rt.Op(vm.JUMPDEST).Push(0).Push(0).Op(vm.REVERT)

	_, transfer := rt.Jumpdest()
	// from = caller: newFrom = balance - amount, reverting if balance < amount.
	rt.Op(vm.CALLER)
	balanceSlot(rt)                                          // [fromSlot]
	rt.Op(vm.DUP1, vm.SLOAD)                                 // [fromSlot, bal]
	rt.Push(0x24).Op(vm.CALLDATALOAD)                        // [fromSlot, bal, amount]
	rt.Op(vm.DUP1, vm.DUP3, vm.LT).Push(revert).Op(vm.JUMPI) // bal < amount: revert
	rt.Op(vm.SWAP1, vm.SUB, vm.SWAP1, vm.SSTORE)             // sstore(fromSlot, bal - amount)
	// to: balance += amount.
	rt.Push(4).Op(vm.CALLDATALOAD)
	balanceSlot(rt)                                                 // [toSlot]
	rt.Op(vm.DUP1, vm.SLOAD).Push(0x24).Op(vm.CALLDATALOAD, vm.ADD) // [toSlot, bal + amount]
	rt.Op(vm.SWAP1, vm.SSTORE)
	// emit Transfer(caller, to, amount): LOG3(mem[0:32] = amount, topic, from, to).
	rt.Push(0x24).Op(vm.CALLDATALOAD).Push(0).Op(vm.MSTORE)
	rt.Push(4).Op(vm.CALLDATALOAD).Op(vm.CALLER).Push(transferTopic).Push(32).Push(0).Op(vm.LOG3)
	// return true
	rt.Push(1).Push(0).Op(vm.MSTORE).Return(0, 32)

	code := rt.Bytes()
	code[jumpToTransfer], code[jumpToTransfer+1] = byte(transfer>>8), byte(transfer)

	ctor := program.New().Op(vm.CALLER)
	balanceSlot(ctor).Push(supply).Op(vm.SWAP1, vm.SSTORE) // balances[deployer] = supply
	return ctor.ReturnViaCodeCopy(code).Bytes()
}

// storageInitcode deploys a contract that, called with (start, count), reads
// and rewrites `count` consecutive slots: slot[start+i] += i + 1.
func storageInitcode() []byte {
	rt := program.New()
	rt.Push(0).Op(vm.CALLDATALOAD)  // [start]
	rt.Push(32).Op(vm.CALLDATALOAD) // [start, count]
	rt.Push(0)                      // [start, count, i]
	_, loop := rt.Jumpdest()
	rt.Op(vm.DUP1, vm.DUP4, vm.ADD)                              // [.., i, slot]
	rt.Op(vm.DUP1, vm.SLOAD, vm.DUP3, vm.ADD).Push(1).Op(vm.ADD) // [.., i, slot, v+i+1]
	rt.Op(vm.SWAP1, vm.SSTORE)                                   // [start, count, i]
	rt.Push(1).Op(vm.ADD)                                        // i++
	rt.Op(vm.DUP2, vm.DUP2, vm.LT).Push(loop).Op(vm.JUMPI)       // while i < count
	rt.Op(vm.STOP)
	return program.New().ReturnViaCodeCopy(rt.Bytes()).Bytes()
}

// hashInitcode deploys a contract that, called with (rounds, seed), hashes
// seed `rounds` times (h = keccak256(h)) and stores the result in slot 0.
func hashInitcode() []byte {
	rt := program.New()
	rt.Push(32).Op(vm.CALLDATALOAD).Push(0).Op(vm.MSTORE) // mem[0:32] = seed
	rt.Push(0).Op(vm.CALLDATALOAD)                        // [rounds]
	_, loop := rt.Jumpdest()
	rt.Push(32).Push(0).Op(vm.KECCAK256).Push(0).Op(vm.MSTORE) // mem[0:32] = keccak256(mem[0:32])
	rt.Push(1).Op(vm.SWAP1, vm.SUB)                            // rounds--
	rt.Op(vm.DUP1).Push(loop).Op(vm.JUMPI)                     // while rounds != 0
	rt.Op(vm.POP).Push(0).Op(vm.MLOAD).Push(0).Op(vm.SSTORE)   // slot[0] = h
	rt.Op(vm.STOP)
	return program.New().ReturnViaCodeCopy(rt.Bytes()).Bytes()
}
