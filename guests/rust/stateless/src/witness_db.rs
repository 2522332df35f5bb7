//! The pre-state as revm sees it, served from the witness alone, and the post-state root.

use crate::trie::{NodeMap, Trie, TrieError};
use alloy_consensus::Header;
use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use alloy_rlp::Decodable;
use alloy_trie::{TrieAccount, EMPTY_ROOT_HASH};
use revm::database::BundleState;
use revm::database_interface::DBErrorMarker;
use revm::state::{AccountInfo, Bytecode};
use revm::Database;
use alloy_primitives::map::{AddressMap, B256Map};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WitnessError {
    /// A trie error, and what was being read or written.
    Trie(TrieError, String),
    BadAccount(Address, String),
    BadSlot(Address, U256, String),
    MissingCode(B256),
    MissingBlockHash(u64),
}

impl fmt::Display for WitnessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WitnessError::Trie(e, context) => write!(f, "{e}, {context}"),
            WitnessError::BadAccount(a, e) => write!(f, "account {a}: invalid account in the state trie: {e}"),
            WitnessError::BadSlot(a, s, e) => write!(f, "account {a} slot {s:#x}: invalid storage value: {e}"),
            WitnessError::MissingCode(h) => write!(f, "missing code {h} (not in the witness)"),
            WitnessError::MissingBlockHash(n) => {
                write!(f, "BLOCKHASH({n}): the witness has no header chain from the parent back to block {n}")
            }
        }
    }
}

impl std::error::Error for WitnessError {}
impl DBErrorMarker for WitnessError {}

#[derive(Debug)]
pub struct WitnessDb {
    nodes: NodeMap,
    accounts: Trie,
    /// Storage tries opened so far, by account.
    storage: AddressMap<Trie>,
    /// Pre-state storage roots of the accounts read so far (EMPTY_ROOT_HASH for absent ones).
    storage_roots: AddressMap<B256>,
    codes: B256Map<Bytes>,
    block_hashes: BTreeMap<u64, B256>,
    /// The first error a read returned. revm and alloy-evm wrap database errors in their own; this
    /// keeps the original, so a missing node is reported as such.
    pub failure: Option<WitnessError>,
}

impl WitnessDb {
    /// `parent` must already be known to be the block's parent (its hash checked), so its state
    /// root is the pre-state root.
    pub fn new(parent_hash: B256, headers: &[Header], codes: Vec<Bytes>, state: Vec<Bytes>) -> Self {
        let parent = &headers[0];
        let nodes = state.into_iter().map(|n| (keccak256(&n), n.to_vec())).collect();
        let codes = codes.into_iter().map(|c| (keccak256(&c), c)).collect();
        WitnessDb {
            nodes,
            accounts: Trie::from_root(parent.state_root),
            storage: AddressMap::default(),
            storage_roots: AddressMap::default(),
            codes,
            block_hashes: block_hashes(parent_hash, headers),
            failure: None,
        }
    }

    fn record<T>(&mut self, result: Result<T, WitnessError>) -> Result<T, WitnessError> {
        if let Err(e) = &result {
            self.failure.get_or_insert_with(|| e.clone());
        }
        result
    }

    fn account(&mut self, address: Address) -> Result<Option<TrieAccount>, WitnessError> {
        let found = self.accounts.get(&self.nodes, keccak256(address).as_slice());
        let Some(rlp) = found.map_err(|e| WitnessError::Trie(e, format!("reading account {address}")))? else {
            self.storage_roots.insert(address, EMPTY_ROOT_HASH);
            return Ok(None);
        };
        let account = TrieAccount::decode(&mut rlp.as_slice())
            .map_err(|e| WitnessError::BadAccount(address, e.to_string()))?;
        self.storage_roots.insert(address, account.storage_root);
        Ok(Some(account))
    }

    /// Makes sure `self.storage` has the account's storage trie.
    fn open_storage(&mut self, address: Address) -> Result<(), WitnessError> {
        if !self.storage.contains_key(&address) {
            let root = match self.storage_roots.get(&address) {
                Some(root) => *root,
                None => self.account(address)?.map_or(EMPTY_ROOT_HASH, |a| a.storage_root),
            };
            self.storage.insert(address, Trie::from_root(root));
        }
        Ok(())
    }

    fn slot(&mut self, address: Address, slot: U256) -> Result<U256, WitnessError> {
        let key = keccak256(B256::from(slot));
        self.open_storage(address)?;
        let value = self.storage.get_mut(&address).unwrap().get(&self.nodes, key.as_slice());
        let value = value.map_err(|e| WitnessError::Trie(e, format!("reading account {address} slot {slot:#x}")))?;
        match value {
            None => Ok(U256::ZERO),
            Some(rlp) => U256::decode(&mut rlp.as_slice()).map_err(|e| WitnessError::BadSlot(address, slot, e.to_string())),
        }
    }

    /// Writes the block's changes into the tries and returns the post-state root.
    pub fn apply(&mut self, bundle: &BundleState) -> Result<B256, WitnessError> {
        // Sorted, so that the work (and an error, if any) is the same on every run.
        let mut changed: Vec<_> = bundle.state.iter().collect();
        changed.sort_by_key(|(address, _)| **address);
        for (&address, account) in changed {
            let key = keccak256(address);
            let Some(info) = &account.info else {
                // Gone (EIP-161 empty, or SELFDESTRUCT of a new contract): delete it if it existed.
                if account.original_info.is_some() {
                    let deleted = self.accounts.delete(&self.nodes, key.as_slice());
                    deleted.map_err(|e| WitnessError::Trie(e, format!("deleting account {address}")))?;
                }
                continue;
            };
            let destroyed = account.was_destroyed();
            let storage_changed = account.storage.values().any(|s| if destroyed { !s.present_value.is_zero() } else { s.is_changed() });
            if !destroyed && !storage_changed && !account.is_info_changed() {
                continue;
            }
            if destroyed {
                self.storage.insert(address, Trie::empty());
            }
            let storage_root = if destroyed || storage_changed {
                let mut slots: Vec<_> = account.storage.iter().collect();
                slots.sort_by_key(|(slot, _)| **slot);
                self.open_storage(address)?;
                let trie = self.storage.get_mut(&address).unwrap();
                for (slot, value) in slots {
                    if !destroyed && !value.is_changed() {
                        continue;
                    }
                    let key = keccak256(B256::from(*slot));
                    let written = if value.present_value.is_zero() {
                        trie.delete(&self.nodes, key.as_slice())
                    } else {
                        trie.insert(&self.nodes, key.as_slice(), alloy_rlp::encode(value.present_value))
                    };
                    written.map_err(|e| WitnessError::Trie(e, format!("writing account {address} slot {slot:#x}")))?;
                }
                trie.root_hash()
            } else {
                match self.storage_roots.get(&address) {
                    Some(root) => *root,
                    None => self.account(address)?.map_or(EMPTY_ROOT_HASH, |a| a.storage_root),
                }
            };
            let leaf = TrieAccount { nonce: info.nonce, balance: info.balance, storage_root, code_hash: info.code_hash };
            let written = self.accounts.insert(&self.nodes, key.as_slice(), alloy_rlp::encode(leaf));
            written.map_err(|e| WitnessError::Trie(e, format!("writing account {address}")))?;
        }
        Ok(self.accounts.root_hash())
    }
}

/// The hashes BLOCKHASH may ask for: the parent's, then each older header's that the witness
/// links to by parent hash (an unlinked header proves nothing and is ignored).
fn block_hashes(parent_hash: B256, headers: &[Header]) -> BTreeMap<u64, B256> {
    let by_hash: B256Map<&Header> = headers.iter().map(|h| (h.hash_slow(), h)).collect();
    let mut hashes = BTreeMap::new();
    let mut next = parent_hash;
    while let Some(header) = by_hash.get(&next) {
        if hashes.insert(header.number, next).is_some() || header.number == 0 {
            break;
        }
        next = header.parent_hash;
    }
    hashes
}

impl Database for WitnessDb {
    type Error = WitnessError;

    fn basic(&mut self, address: Address) -> Result<Option<AccountInfo>, Self::Error> {
        let account = self.account(address);
        let account = self.record(account)?;
        // The code is looked up only when revm needs it (code_by_hash): the witness holds only
        // the codes the block ran.
        Ok(account.map(|a| AccountInfo { balance: a.balance, nonce: a.nonce, code_hash: a.code_hash, code: None, ..Default::default() }))
    }

    fn code_by_hash(&mut self, code_hash: B256) -> Result<Bytecode, Self::Error> {
        let code = self.codes.get(&code_hash).cloned().ok_or(WitnessError::MissingCode(code_hash));
        let code = self.record(code)?;
        Ok(Bytecode::new_raw(code))
    }

    fn storage(&mut self, address: Address, index: U256) -> Result<U256, Self::Error> {
        let value = self.slot(address, index);
        self.record(value)
    }

    fn block_hash(&mut self, number: u64) -> Result<B256, Self::Error> {
        let hash = self.block_hashes.get(&number).copied().ok_or(WitnessError::MissingBlockHash(number));
        self.record(hash)
    }
}
