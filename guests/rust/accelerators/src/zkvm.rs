//! Two of the zkVM accelerators (platform/include/zkvm_accelerators.h), with safe wrappers whose
//! error, when the accelerator fails (ZKVM_EFAIL), names it.

// In WebAssembly: imports of module "zkvm", named without the prefix.
#[cfg(target_family = "wasm")]
#[link(wasm_import_module = "zkvm")]
extern "C" {
    #[link_name = "keccak256"]
    fn zkvm_keccak256(data: *const u8, len: usize, output: *mut [u8; 32]) -> i32;
    #[link_name = "secp256k1_ecrecover"]
    fn zkvm_secp256k1_ecrecover(
        msg: *const [u8; 32],
        sig: *const [u8; 64],
        recid: u8,
        output: *mut [u8; 64],
    ) -> i32;
}

// Natively (direct): the executor's functions, from the library the build links.
#[cfg(not(target_family = "wasm"))]
#[link(name = "wasrisc_imports", kind = "static")]
extern "C" {
    #[link_name = "zkvm_keccak256"]
    fn zkvm_keccak256(data: *const u8, len: usize, output: *mut [u8; 32]) -> i32;
    #[link_name = "zkvm_secp256k1_ecrecover"]
    fn zkvm_secp256k1_ecrecover(
        msg: *const [u8; 32],
        sig: *const [u8; 64],
        recid: u8,
        output: *mut [u8; 64],
    ) -> i32;
}

/// The Keccak-256 hash of `data`.
pub fn keccak256(data: &[u8]) -> Result<[u8; 32], &'static str> {
    let mut output = [0; 32];
    match unsafe { zkvm_keccak256(data.as_ptr(), data.len(), &mut output) } {
        0 => Ok(output),
        _ => Err("keccak256 failed"),
    }
}

/// The public key (x || y) that signed `msg` with `sig` (r || s) and recovery id `recid`.
pub fn secp256k1_ecrecover(
    msg: &[u8; 32],
    sig: &[u8; 64],
    recid: u8,
) -> Result<[u8; 64], &'static str> {
    let mut output = [0; 64];
    match unsafe { zkvm_secp256k1_ecrecover(msg, sig, recid, &mut output) } {
        0 => Ok(output),
        _ => Err("secp256k1_ecrecover failed"),
    }
}
