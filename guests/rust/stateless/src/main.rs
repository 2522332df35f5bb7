//! Stateless Ethereum block validation on revm: reads one block and its execution witness (the
//! WSTF input of guests/go/stateless) on standard input, re-executes the block against the witness
//! alone, and checks the computed state root, receipt root, gas used and requests hash against the
//! block header. Prints the same lines as the Go guest; see README.md.

mod execute;
mod input;
mod trie;
mod witness_db;

use std::io::{Read, Write};

fn main() {
    // A panic is a bug in the guest, never a verdict on the input: say so on one line and exit 2
    // (the std the project builds aborts on panic, so catch_unwind would not get the chance).
    std::panic::set_hook(Box::new(|info| {
        eprintln!("stateless: panic: {}", one_line(&info.to_string()));
        std::process::exit(2);
    }));

    let mut data = Vec::new();
    if let Err(e) = std::io::stdin().lock().read_to_end(&mut data) {
        fail(&format!("reading standard input: {e}"));
    }
    let input = input::parse(&data).unwrap_or_else(|e| fail(&format!("malformed input: {e}")));
    drop(data);
    let outcome = execute::check(input).unwrap_or_else(|e| fail(&e));

    let mut out = std::io::stdout().lock();
    let written = write!(
        out,
        "ExecuteStateless succeeded!\nstate root: {}\nreceipt root: {}\ngas used: {}\n",
        outcome.state_root, outcome.receipt_root, outcome.gas_used
    )
    .and_then(|()| out.flush());
    if let Err(e) = written {
        fail(&format!("writing standard output: {e}"));
    }
}

/// Reports a rejected input: one line on standard error, exit code 1.
fn fail(message: &str) -> ! {
    eprintln!("stateless: {}", one_line(message));
    std::process::exit(1);
}

fn one_line(message: &str) -> String {
    message.replace('\n', " ")
}

// Built by rust/stateless_zkvm only: Keccak-256 and signature recovery served by the zkVM accelerators.
#[cfg(feature = "zkvm")]
mod zkvm;
