//! The zkVM accelerators as C functions named `wasrisc_accel_<name>`, with the argument and
//! result conventions of `zkvm_accelerators.h` (0 success, -1 failure; verifications report through
//! `verified`). The executor's library wraps each as `zkvm_<name>`: under qemu the wrapper marks the
//! call for the counting plugin, so what happens in here is what a zkVM would replace by a precompile.
#![no_std]

extern crate alloc;

use core::slice;
use k256::ecdsa::{RecoveryId, Signature, VerifyingKey};
use revm_precompile::bls12_381::{G1Point, G1PointScalar, G2Point, G2PointScalar};
use revm_precompile::interface::{Crypto, PrecompileHalt};
use sha3::{Digest, Keccak256};

mod runtime;

const OK: i32 = 0;
const FAIL: i32 = -1;

/// revm-precompile's own implementations: the trait's defaults, which revm runs when no provider
/// is installed.
#[derive(Debug)]
struct Reference;
impl Crypto for Reference {}

unsafe fn input<'a>(data: *const u8, len: usize) -> &'a [u8] {
    if len == 0 {
        &[]
    } else {
        slice::from_raw_parts(data, len)
    }
}

unsafe fn fixed<'a, const N: usize>(data: *const u8) -> &'a [u8; N] {
    &*(data as *const [u8; N])
}

unsafe fn store(out: *mut u8, bytes: &[u8]) {
    core::ptr::copy_nonoverlapping(bytes.as_ptr(), out, bytes.len());
}

unsafe fn status<const N: usize>(out: *mut u8, result: Result<[u8; N], PrecompileHalt>) -> i32 {
    match result {
        Ok(bytes) => {
            store(out, &bytes);
            OK
        }
        Err(_) => FAIL,
    }
}

unsafe fn verdict(verified: *mut bool, result: Result<bool, PrecompileHalt>) -> i32 {
    match result {
        Ok(answer) => {
            *verified = answer;
            OK
        }
        Err(_) => FAIL,
    }
}

fn fp(bytes: &[u8]) -> [u8; 48] {
    bytes.try_into().expect("48-byte field element")
}

fn g1(bytes: &[u8]) -> G1Point {
    (fp(&bytes[..48]), fp(&bytes[48..96]))
}

fn g2(bytes: &[u8]) -> G2Point {
    (fp(&bytes[..48]), fp(&bytes[48..96]), fp(&bytes[96..144]), fp(&bytes[144..192]))
}

fn scalar(bytes: &[u8]) -> [u8; 32] {
    bytes.try_into().expect("32-byte scalar")
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_keccak256(data: *const u8, len: usize, output: *mut u8) -> i32 {
    store(output, &Keccak256::digest(input(data, len)));
    OK
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_sha256(data: *const u8, len: usize, output: *mut u8) -> i32 {
    store(output, &Reference.sha256(input(data, len)));
    OK
}

/// The 20-byte digest right-aligned in 32 bytes, as the precompile returns it.
#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_ripemd160(data: *const u8, len: usize, output: *mut u8) -> i32 {
    store(output, &Reference.ripemd160(input(data, len)));
    OK
}

/// The recovered public key (x || y), not the address: the caller hashes it. A high `s` is
/// normalised with the recovery id flipped, as Ethereum's ecrecover (and revm) accept it.
#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_secp256k1_ecrecover(
    msg: *const u8,
    sig: *const u8,
    recid: u8,
    output: *mut u8,
) -> i32 {
    let Ok(mut signature) = Signature::from_slice(fixed::<64>(sig)) else { return FAIL };
    let mut recid = recid;
    if let Some(normalized) = signature.normalize_s() {
        signature = normalized;
        recid ^= 1;
    }
    let Some(recid) = RecoveryId::from_byte(recid) else { return FAIL };
    match VerifyingKey::recover_from_prehash(fixed::<32>(msg), &signature, recid) {
        Ok(key) => {
            store(output, &key.to_encoded_point(false).as_bytes()[1..]);
            OK
        }
        Err(_) => FAIL,
    }
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_secp256k1_verify(
    msg: *const u8,
    sig: *const u8,
    pubkey: *const u8,
    verified: *mut bool,
) -> i32 {
    use k256::ecdsa::signature::hazmat::PrehashVerifier;
    let mut sec1 = [4u8; 65];
    sec1[1..].copy_from_slice(fixed::<64>(pubkey));
    let Ok(key) = VerifyingKey::from_sec1_bytes(&sec1) else { return FAIL };
    let Ok(signature) = Signature::from_slice(fixed::<64>(sig)) else {
        *verified = false;
        return OK;
    };
    *verified = key.verify_prehash(fixed::<32>(msg), &signature).is_ok();
    OK
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_secp256r1_verify(
    msg: *const u8,
    sig: *const u8,
    pubkey: *const u8,
    verified: *mut bool,
) -> i32 {
    *verified = Reference.secp256r1_verify_signature(fixed::<32>(msg), fixed::<64>(sig), fixed::<64>(pubkey));
    OK
}

/// The result is `mod_len` bytes, big-endian, left-padded.
#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_modexp(
    base: *const u8,
    base_len: usize,
    exp: *const u8,
    exp_len: usize,
    modulus: *const u8,
    mod_len: usize,
    output: *mut u8,
) -> i32 {
    let Ok(result) = Reference.modexp(input(base, base_len), input(exp, exp_len), input(modulus, mod_len)) else {
        return FAIL;
    };
    if result.len() > mod_len {
        return FAIL;
    }
    let padding = mod_len - result.len();
    core::ptr::write_bytes(output, 0, padding);
    store(output.add(padding), &result);
    OK
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bn254_g1_add(p1: *const u8, p2: *const u8, result: *mut u8) -> i32 {
    status(result, Reference.bn254_g1_add(fixed::<64>(p1), fixed::<64>(p2)))
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bn254_g1_mul(point: *const u8, scalar: *const u8, result: *mut u8) -> i32 {
    status(result, Reference.bn254_g1_mul(fixed::<64>(point), fixed::<32>(scalar)))
}

/// `pairs` holds `num_pairs` of (G1 64 bytes, G2 128 bytes).
#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bn254_pairing(pairs: *const u8, num_pairs: usize, verified: *mut bool) -> i32 {
    let bytes = input(pairs, num_pairs * 192);
    let pairs: alloc::vec::Vec<(&[u8], &[u8])> = bytes.chunks_exact(192).map(|pair| pair.split_at(64)).collect();
    verdict(verified, Reference.bn254_pairing_check(&pairs))
}

/// `h` is updated in place (8 little-endian words); `m` 16 and `t` 2 little-endian words.
#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_blake2f(rounds: u32, h: *mut u8, m: *const u8, t: *const u8, f: u8) -> i32 {
    if f > 1 {
        return FAIL;
    }
    let words = |bytes: &[u8], into: &mut [u64]| {
        for (word, chunk) in into.iter_mut().zip(bytes.chunks_exact(8)) {
            *word = u64::from_le_bytes(chunk.try_into().unwrap());
        }
    };
    let (mut state, mut message, mut offset) = ([0u64; 8], [0u64; 16], [0u64; 2]);
    words(input(h, 64), &mut state);
    words(input(m, 128), &mut message);
    words(input(t, 16), &mut offset);
    Reference.blake2_compress(rounds, &mut state, &message, &offset, f == 1);
    for (i, word) in state.iter().enumerate() {
        store(h.add(8 * i), &word.to_le_bytes());
    }
    OK
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_kzg_point_eval(
    commitment: *const u8,
    z: *const u8,
    y: *const u8,
    proof: *const u8,
    verified: *mut bool,
) -> i32 {
    let answer = Reference.verify_kzg_proof(fixed::<32>(z), fixed::<32>(y), fixed::<48>(commitment), fixed::<48>(proof));
    *verified = answer.is_ok();
    OK
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bls12_g1_add(p1: *const u8, p2: *const u8, result: *mut u8) -> i32 {
    status(result, Reference.bls12_381_g1_add(g1(input(p1, 96)), g1(input(p2, 96))))
}

/// `pairs` holds `num_pairs` of (G1 96 bytes, scalar 32 bytes).
#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bls12_g1_msm(pairs: *const u8, num_pairs: usize, result: *mut u8) -> i32 {
    let mut points = input(pairs, num_pairs * 128)
        .chunks_exact(128)
        .map(|pair| -> Result<G1PointScalar, PrecompileHalt> { Ok((g1(&pair[..96]), scalar(&pair[96..]))) });
    status(result, Reference.bls12_381_g1_msm(&mut points))
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bls12_g2_add(p1: *const u8, p2: *const u8, result: *mut u8) -> i32 {
    status(result, Reference.bls12_381_g2_add(g2(input(p1, 192)), g2(input(p2, 192))))
}

/// `pairs` holds `num_pairs` of (G2 192 bytes, scalar 32 bytes).
#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bls12_g2_msm(pairs: *const u8, num_pairs: usize, result: *mut u8) -> i32 {
    let mut points = input(pairs, num_pairs * 224)
        .chunks_exact(224)
        .map(|pair| -> Result<G2PointScalar, PrecompileHalt> { Ok((g2(&pair[..192]), scalar(&pair[192..]))) });
    status(result, Reference.bls12_381_g2_msm(&mut points))
}

/// `pairs` holds `num_pairs` of (G1 96 bytes, G2 192 bytes).
#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bls12_pairing(pairs: *const u8, num_pairs: usize, verified: *mut bool) -> i32 {
    let pairs: alloc::vec::Vec<(G1Point, G2Point)> =
        input(pairs, num_pairs * 288).chunks_exact(288).map(|pair| (g1(&pair[..96]), g2(&pair[96..]))).collect();
    verdict(verified, Reference.bls12_381_pairing_check(&pairs))
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bls12_map_fp_to_g1(element: *const u8, result: *mut u8) -> i32 {
    status(result, Reference.bls12_381_fp_to_g1(fixed::<48>(element)))
}

#[no_mangle]
pub unsafe extern "C" fn wasrisc_accel_bls12_map_fp2_to_g2(element: *const u8, result: *mut u8) -> i32 {
    let bytes = input(element, 96);
    status(result, Reference.bls12_381_fp2_to_g2((fp(&bytes[..48]), fp(&bytes[48..]))))
}
