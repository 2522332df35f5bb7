//! The check itself: bind the witness and the body to the header, execute the block with
//! alloy-evm's Ethereum block executor on revm, and compare what it computed with the header.

use crate::input::Input;
use crate::witness_db::WitnessDb;
use alloy_consensus::proofs::{calculate_ommers_root, calculate_receipt_root, calculate_transaction_root, calculate_withdrawals_root};
use alloy_consensus::transaction::{Recovered, SignerRecoverable};
use alloy_consensus::TxReceipt;
use alloy_evm::block::BlockExecutor;
use alloy_evm::eth::{EthBlockExecutionCtx, EthBlockExecutor, EthEvmFactory};
use alloy_evm::eth::receipt_builder::AlloyReceiptBuilder;
use alloy_evm::{EvmEnv, EvmFactory};
use alloy_primitives::{Bloom, B256};
use revm::database::states::bundle_state::BundleRetention;
use revm::database::State;
use revm::primitives::hardfork::SpecId;
use std::borrow::Cow;

pub struct Outcome {
    pub state_root: B256,
    pub receipt_root: B256,
    pub gas_used: u64,
}

pub fn check(input: Input) -> Result<Outcome, String> {
    let Input { chain, block, witness } = input;
    let header = &block.header;

    // The pre-state root comes from the parent header in the witness; it is only trustworthy if
    // that header is the block's parent.
    let parent = witness.headers[0].hash_slow();
    if parent != header.parent_hash {
        return Err(format!("witness parent header {parent} does not match block parent hash {}", header.parent_hash));
    }
    // Execute only the body that the header (and so the block hash) commits to.
    let body = &block.body;
    let mismatch = |what: &str, got: B256, want: B256| {
        Err(format!("block body does not match its header: {what} {got}, header has {want}"))
    };
    let tx_root = calculate_transaction_root(&body.transactions);
    if tx_root != header.transactions_root {
        return mismatch("transactions root", tx_root, header.transactions_root);
    }
    let ommers_hash = calculate_ommers_root(&body.ommers);
    if ommers_hash != header.ommers_hash {
        return mismatch("uncles hash", ommers_hash, header.ommers_hash);
    }
    match (header.withdrawals_root, &body.withdrawals) {
        (None, Some(_)) => return Err("block body does not match its header: withdrawals without a withdrawals root".into()),
        (Some(want), withdrawals) => {
            let got = calculate_withdrawals_root(withdrawals.as_deref().map_or(&[], |w| w.as_slice()));
            if got != want {
                return mismatch("withdrawals root", got, want);
            }
        }
        (None, None) => {}
    }

    let spec_id = alloy_evm::spec(&chain, header);
    if spec_id < SpecId::MERGE {
        return Err(format!("unsupported block: {spec_id:?} rules (this guest executes post-merge blocks only)"));
    }
    let env = EvmEnv::for_eth_block(header, &chain, chain.chain_id, chain.blob_params_at(header.timestamp));

    let mut txs = Vec::with_capacity(body.transactions.len());
    for (i, tx) in body.transactions.iter().enumerate() {
        let sender = tx.recover_signer().map_err(|e| format!("transaction {i} ({}): invalid signature: {e}", tx.tx_hash()))?;
        txs.push(Recovered::new_unchecked(tx, sender));
    }

    let db = WitnessDb::new(header.parent_hash, &witness.headers, witness.codes, witness.state);
    let mut state = State::builder().with_database(db).with_bundle_update().build();
    let result = {
        let evm = EthEvmFactory::default().create_evm(&mut state, env);
        let ctx = EthBlockExecutionCtx {
            parent_hash: header.parent_hash,
            parent_beacon_block_root: header.parent_beacon_block_root,
            ommers: &body.ommers,
            withdrawals: body.withdrawals.as_ref().map(|w| Cow::Borrowed(w.as_slice())),
            extra_data: header.extra_data.clone(),
            tx_count_hint: Some(txs.len()),
            slot_number: None,
        };
        EthBlockExecutor::new(evm, ctx, &chain, AlloyReceiptBuilder::default()).execute_block(txs.iter())
    };
    let result = match result {
        Ok(result) => result,
        // A read the witness could not serve explains the failure better than the wrapped error.
        Err(e) => return Err(match state.database.failure.take() {
            Some(failure) => failure.to_string(),
            None => format!("execution failed: {e}"),
        }),
    };

    // The checks go-ethereum's ValidateState does, then the ones it leaves to its caller.
    if result.gas_used != header.gas_used {
        return Err(format!("invalid gas used (remote: {} local: {})", header.gas_used, result.gas_used));
    }
    let mut bloom = Bloom::ZERO;
    for receipt in &result.receipts {
        bloom.accrue_bloom(&receipt.bloom());
    }
    if bloom != header.logs_bloom {
        return Err(format!("invalid bloom (remote: {}  local: {bloom})", header.logs_bloom));
    }
    if let Some(want) = header.blob_gas_used {
        if result.blob_gas_used != want {
            return Err(format!("invalid blob gas used (remote: {want} local: {})", result.blob_gas_used));
        }
    }
    match header.requests_hash {
        Some(want) => {
            let got = result.requests.requests_hash();
            if got != want {
                return Err(format!("invalid requests hash (remote: {want} local: {got})"));
            }
        }
        None if !result.requests.is_empty() => return Err("block has requests before prague fork".into()),
        None => {}
    }

    state.merge_transitions(BundleRetention::PlainState);
    let bundle = state.take_bundle();
    let state_root = state.database.apply(&bundle).map_err(|e| e.to_string())?;
    let receipt_root = calculate_receipt_root(&result.receipts);
    if state_root != header.state_root {
        return Err(format!("state root mismatch: computed {state_root}, block header has {}", header.state_root));
    }
    if receipt_root != header.receipts_root {
        return Err(format!("receipt root mismatch: computed {receipt_root}, block header has {}", header.receipts_root));
    }
    Ok(Outcome { state_root, receipt_root, gas_used: result.gas_used })
}
