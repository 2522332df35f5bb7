//! The input format (WSTF version 1, see ../README.md and guests/go/stateless/README.md) and the
//! chain configuration it carries.

use alloy_consensus::{Block, Header, TxEnvelope};
use alloy_eips::eip7840::BlobParams;
use alloy_evm::eth::spec::EthExecutorSpec;
use alloy_hardforks::{EthereumHardfork, EthereumHardforks, ForkCondition};
use alloy_primitives::{Address, Bytes, U256};
use alloy_rlp::{Decodable, RlpDecodable};
use serde_json::Value;

const MAGIC: &[u8; 4] = b"WSTF";
const VERSION: u32 = 1;

/// The witness as go-ethereum's `stateless.ExtWitness` encodes it.
#[derive(Debug, RlpDecodable)]
pub struct Witness {
    /// The parent header first, then older ones if the block used BLOCKHASH.
    pub headers: Vec<Header>,
    pub codes: Vec<Bytes>,
    pub state: Vec<Bytes>,
    /// Always empty in go-ethereum's hash-based witnesses; decoded for the format's sake only.
    #[allow(dead_code)]
    pub keys: Vec<Bytes>,
}

pub struct Input {
    pub chain: ChainSpec,
    pub block: Block<TxEnvelope>,
    pub witness: Witness,
}

/// Splits and decodes an input. The error text follows `malformed input: `.
pub fn parse(data: &[u8]) -> Result<Input, String> {
    if data.len() < 4 || &data[..4] != MAGIC {
        return Err(format!("does not start with \"WSTF\" ({} bytes of input)", data.len()));
    }
    if data.len() < 8 {
        return Err(format!("truncated header ({} bytes of input)", data.len()));
    }
    let version = u32::from_le_bytes(data[4..8].try_into().unwrap());
    if version != VERSION {
        return Err(format!("format version {version}, want {VERSION}"));
    }
    let mut rest = &data[8..];
    let mut sections: [&[u8]; 3] = [&[]; 3];
    for (section, name) in sections.iter_mut().zip(["config", "block", "witness"]) {
        if rest.len() < 4 {
            return Err(format!("{name} section: truncated length"));
        }
        let n = u32::from_le_bytes(rest[..4].try_into().unwrap()) as usize;
        rest = &rest[4..];
        if n > rest.len() {
            return Err(format!("{name} section: length {n}, only {} bytes left", rest.len()));
        }
        (*section, rest) = rest.split_at(n);
    }
    if !rest.is_empty() {
        return Err(format!("{} trailing bytes after the witness section", rest.len()));
    }

    let chain = ChainSpec::from_json(sections[0]).map_err(|e| format!("config section: {e}"))?;
    let block = decode_exact::<Block<TxEnvelope>>(sections[1]).map_err(|e| format!("block section: {e}"))?;
    let witness = decode_exact::<Witness>(sections[2]).map_err(|e| format!("witness section: {e}"))?;
    if witness.headers.is_empty() {
        return Err("witness section: no headers (the parent header must come first)".into());
    }
    Ok(Input { chain, block, witness })
}

fn decode_exact<T: Decodable>(mut bytes: &[u8]) -> Result<T, String> {
    let value = T::decode(&mut bytes).map_err(|e| e.to_string())?;
    if !bytes.is_empty() {
        return Err(format!("{} trailing bytes", bytes.len()));
    }
    Ok(value)
}

/// What of go-ethereum's `params.ChainConfig` block execution depends on.
#[derive(Debug, Clone)]
pub struct ChainSpec {
    pub chain_id: u64,
    forks: Vec<(EthereumHardfork, ForkCondition)>,
    deposit_contract: Address,
    /// `blobSchedule`, keyed by the fork that activates each entry, in fork order.
    blob_schedule: Vec<(EthereumHardfork, BlobParams)>,
}

/// go-ethereum's JSON names of the block-numbered forks.
const BLOCK_FORKS: &[(&str, EthereumHardfork)] = &[
    ("homesteadBlock", EthereumHardfork::Homestead),
    ("daoForkBlock", EthereumHardfork::Dao),
    ("eip150Block", EthereumHardfork::Tangerine),
    ("eip158Block", EthereumHardfork::SpuriousDragon),
    ("byzantiumBlock", EthereumHardfork::Byzantium),
    ("constantinopleBlock", EthereumHardfork::Constantinople),
    ("petersburgBlock", EthereumHardfork::Petersburg),
    ("istanbulBlock", EthereumHardfork::Istanbul),
    ("muirGlacierBlock", EthereumHardfork::MuirGlacier),
    ("berlinBlock", EthereumHardfork::Berlin),
    ("londonBlock", EthereumHardfork::London),
    ("arrowGlacierBlock", EthereumHardfork::ArrowGlacier),
    ("grayGlacierBlock", EthereumHardfork::GrayGlacier),
];

/// The timestamped forks, with their `blobSchedule` key where they change the blob parameters.
const TIME_FORKS: &[(&str, EthereumHardfork, Option<&str>)] = &[
    ("shanghaiTime", EthereumHardfork::Shanghai, None),
    ("cancunTime", EthereumHardfork::Cancun, Some("cancun")),
    ("pragueTime", EthereumHardfork::Prague, Some("prague")),
    ("osakaTime", EthereumHardfork::Osaka, Some("osaka")),
    ("bpo1Time", EthereumHardfork::Bpo1, Some("bpo1")),
    ("bpo2Time", EthereumHardfork::Bpo2, Some("bpo2")),
    ("bpo3Time", EthereumHardfork::Bpo3, Some("bpo3")),
    ("bpo4Time", EthereumHardfork::Bpo4, Some("bpo4")),
    ("bpo5Time", EthereumHardfork::Bpo5, Some("bpo5")),
    ("amsterdamTime", EthereumHardfork::Amsterdam, None),
];

impl ChainSpec {
    fn from_json(json: &[u8]) -> Result<Self, String> {
        let config: Value = serde_json::from_slice(json).map_err(|e| e.to_string())?;
        let number = |name: &str| -> Result<Option<u64>, String> {
            match config.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => v.as_u64().map(Some).ok_or_else(|| format!("{name} is not an unsigned integer: {v}")),
            }
        };
        let chain_id = number("chainId")?.ok_or("no chainId")?;

        let mut forks = vec![(EthereumHardfork::Frontier, ForkCondition::Block(0))];
        for &(name, fork) in BLOCK_FORKS {
            if let Some(n) = number(name)? {
                forks.push((fork, ForkCondition::Block(n)));
            }
        }
        // The merge: go-ethereum's configs of post-merge chains have a terminal total difficulty
        // of 0 (merged from genesis) and, for chains merged later, mergeNetsplitBlock.
        let merged_from_genesis = match config.get("terminalTotalDifficulty") {
            None | Some(Value::Null) => false,
            Some(v) => v.as_u64() == Some(0),
        };
        if let Some(n) = number("mergeNetsplitBlock")?.or(merged_from_genesis.then_some(0)) {
            forks.push((
                EthereumHardfork::Paris,
                ForkCondition::TTD { activation_block_number: n, fork_block: None, total_difficulty: U256::ZERO },
            ));
        }
        let mut blob_schedule = Vec::new();
        let schedule = config.get("blobSchedule");
        for &(name, fork, blob_key) in TIME_FORKS {
            let Some(t) = number(name)? else { continue };
            forks.push((fork, ForkCondition::Timestamp(t)));
            let Some(key) = blob_key else { continue };
            let Some(entry) = schedule.and_then(|s| s.get(key)) else {
                return Err(format!("{name} is set but blobSchedule has no {key:?} entry"));
            };
            blob_schedule.push((fork, blob_params(fork, entry).map_err(|e| format!("blobSchedule.{key}: {e}"))?));
        }
        let deposit_contract = match config.get("depositContractAddress") {
            None | Some(Value::Null) => Address::ZERO,
            Some(Value::String(s)) => s.parse().map_err(|e| format!("depositContractAddress: {e}"))?,
            Some(v) => return Err(format!("depositContractAddress is not a string: {v}")),
        };
        Ok(ChainSpec { chain_id, forks, deposit_contract, blob_schedule })
    }

    /// The blob parameters in force at `timestamp`: the latest active `blobSchedule` entry.
    pub fn blob_params_at(&self, timestamp: u64) -> Option<BlobParams> {
        self.blob_schedule
            .iter()
            .rev()
            .find(|(fork, _)| self.is_ethereum_fork_active_at_timestamp(*fork, timestamp))
            .map(|(_, params)| *params)
    }
}

/// One `blobSchedule` entry (target, max, baseFeeUpdateFraction) over the fork's own defaults for
/// what the JSON does not say (per-transaction blob limit, EIP-7918 base cost).
fn blob_params(fork: EthereumHardfork, entry: &Value) -> Result<BlobParams, String> {
    let field = |name: &str| entry.get(name).and_then(Value::as_u64).ok_or_else(|| format!("no {name}"));
    let defaults = match fork {
        EthereumHardfork::Cancun => BlobParams::cancun(),
        EthereumHardfork::Prague => BlobParams::prague(),
        _ => BlobParams::osaka(),
    };
    let max = field("max")?;
    Ok(BlobParams {
        target_blob_count: field("target")?,
        max_blob_count: max,
        update_fraction: field("baseFeeUpdateFraction")? as u128,
        // Before Osaka a transaction may carry as many blobs as a block.
        max_blobs_per_tx: if defaults.blob_base_cost == 0 { max } else { defaults.max_blobs_per_tx },
        ..defaults
    })
}

impl EthereumHardforks for ChainSpec {
    fn ethereum_fork_activation(&self, fork: EthereumHardfork) -> ForkCondition {
        self.forks.iter().find(|(f, _)| *f == fork).map_or(ForkCondition::Never, |(_, c)| *c)
    }
}

impl EthExecutorSpec for ChainSpec {
    fn deposit_contract_address(&self) -> Option<Address> {
        Some(self.deposit_contract)
    }
}
