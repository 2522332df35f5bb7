//! The zkVM accelerators behind alloy's and revm's hooks, as a zkVM guest has them (compiled by
//! rust/stateless_zkvm, whose `zkvm` feature turns this module on): alloy-primitives'
//! `native-keccak` calls `native_keccak256`, alloy-consensus's crypto backend recovers transaction
//! senders and revm's crypto provider serves the ecrecover precompile. Both providers are installed
//! before `main` by a constructor, so main.rs is the unaccelerated guest's own.

use alloy_consensus::crypto::{backend, RecoveryError};
use alloy_primitives::{keccak256, Address};
use std::sync::Arc;

#[cfg(target_family = "wasm")]
#[link(wasm_import_module = "zkvm")]
extern "C" {
    #[link_name = "keccak256"]
    fn zkvm_keccak256(data: *const u8, len: usize, output: *mut u8) -> i32;
    #[link_name = "secp256k1_ecrecover"]
    fn zkvm_secp256k1_ecrecover(msg: *const u8, sig: *const u8, recid: u8, output: *mut u8) -> i32;
}

#[cfg(not(target_family = "wasm"))]
#[link(name = "wasrisc_imports", kind = "static")]
extern "C" {
    fn zkvm_keccak256(data: *const u8, len: usize, output: *mut u8) -> i32;
    fn zkvm_secp256k1_ecrecover(msg: *const u8, sig: *const u8, recid: u8, output: *mut u8) -> i32;
}

/// alloy-primitives' hook for `keccak256` under its `native-keccak` feature.
#[no_mangle]
extern "C" fn native_keccak256(bytes: *const u8, len: usize, output: *mut u8) {
    if unsafe { zkvm_keccak256(bytes, len, output) } != 0 {
        panic!("zkvm_keccak256 failed");
    }
}

/// The address that signed `msg` with (r, s) and recovery id `recid`, or None.
fn ecrecover(sig: &[u8; 64], recid: u8, msg: &[u8; 32]) -> Option<Address> {
    let mut key = [0u8; 64];
    let status = unsafe { zkvm_secp256k1_ecrecover(msg.as_ptr(), sig.as_ptr(), recid, key.as_mut_ptr()) };
    (status == 0).then(|| Address::from_slice(&keccak256(key)[12..]))
}

#[derive(Debug)]
struct Accelerated;

impl backend::CryptoProvider for Accelerated {
    fn recover_signer_unchecked(&self, sig: &[u8; 65], msg: &[u8; 32]) -> Result<Address, RecoveryError> {
        ecrecover(sig[..64].try_into().unwrap(), sig[64], msg).ok_or_else(RecoveryError::new)
    }

    fn verify_and_compute_signer_unchecked(
        &self,
        pubkey: &[u8; 65],
        _sig: &[u8; 64],
        _msg: &[u8; 32],
    ) -> Result<Address, RecoveryError> {
        // Not on the block's path (alloy calls it for signatures made here); the address of the key.
        Ok(Address::from_slice(&keccak256(&pubkey[1..])[12..]))
    }
}

impl revm::precompile::Crypto for Accelerated {
    fn secp256k1_ecrecover(
        &self,
        sig: &[u8; 64],
        recid: u8,
        msg: &[u8; 32],
    ) -> Result<[u8; 32], revm::precompile::PrecompileHalt> {
        let address = ecrecover(sig, recid, msg).ok_or(revm::precompile::PrecompileHalt::Secp256k1RecoverFailed)?;
        let mut word = [0u8; 32];
        word[12..].copy_from_slice(address.as_slice());
        Ok(word)
    }
}

extern "C" fn install() {
    backend::install_default_provider(Arc::new(Accelerated)).expect("no other crypto backend is installed");
    revm::precompile::install_crypto(Accelerated);
}

#[used]
#[link_section = ".init_array"]
static INSTALL: extern "C" fn() = install;
