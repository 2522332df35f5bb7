/*
 * The "zkvm" import module for WebAssembly guests: each import takes linear-memory offsets, which
 * are bounds-checked and turned into pointers for the executor's zkvm_* function. Transpiler glue
 * (generated at build time) calls these as it calls the WASI core. An offset outside the memory
 * fails the call (ZKVM_EFAIL) rather than reading the host's memory.
 */
#include "../wasi/wasi_core.h"
#include "wasrisc_wasm.h"
#include "zkvm_accelerators.h"

#define FAIL ((uint32_t)ZKVM_EFAIL)

static void *at(wasi_mem_t m, uint32_t offset, uint64_t len)
{
    return (uint64_t)offset + len <= m.size ? m.base + offset : NULL;
}

#define IN(type, offset) const type *offset##_p = at(m, offset, sizeof(type)); if (offset##_p == NULL) return FAIL
#define OUT(type, offset) type *offset##_p = at(m, offset, sizeof(type)); if (offset##_p == NULL) return FAIL
#define BYTES(offset, len) const uint8_t *offset##_p = at(m, offset, len); if (offset##_p == NULL) return FAIL

uint32_t zkvm_wasm_keccak256(wasi_mem_t m, uint32_t data, uint32_t len, uint32_t output)
{
    BYTES(data, len);
    OUT(zkvm_keccak256_hash, output);
    return (uint32_t)zkvm_keccak256(data_p, len, output_p);
}

uint32_t zkvm_wasm_sha256(wasi_mem_t m, uint32_t data, uint32_t len, uint32_t output)
{
    BYTES(data, len);
    OUT(zkvm_sha256_hash, output);
    return (uint32_t)zkvm_sha256(data_p, len, output_p);
}

uint32_t zkvm_wasm_ripemd160(wasi_mem_t m, uint32_t data, uint32_t len, uint32_t output)
{
    BYTES(data, len);
    OUT(zkvm_ripemd160_hash, output);
    return (uint32_t)zkvm_ripemd160(data_p, len, output_p);
}

uint32_t zkvm_wasm_secp256k1_verify(wasi_mem_t m, uint32_t msg, uint32_t sig, uint32_t pubkey, uint32_t verified)
{
    IN(zkvm_secp256k1_hash, msg);
    IN(zkvm_secp256k1_signature, sig);
    IN(zkvm_secp256k1_pubkey, pubkey);
    OUT(bool, verified);
    return (uint32_t)zkvm_secp256k1_verify(msg_p, sig_p, pubkey_p, verified_p);
}

uint32_t zkvm_wasm_secp256k1_ecrecover(wasi_mem_t m, uint32_t msg, uint32_t sig, uint32_t recid, uint32_t output)
{
    IN(zkvm_secp256k1_hash, msg);
    IN(zkvm_secp256k1_signature, sig);
    OUT(zkvm_secp256k1_pubkey, output);
    return (uint32_t)zkvm_secp256k1_ecrecover(msg_p, sig_p, (uint8_t)recid, output_p);
}

uint32_t zkvm_wasm_secp256r1_verify(wasi_mem_t m, uint32_t msg, uint32_t sig, uint32_t pubkey, uint32_t verified)
{
    IN(zkvm_secp256r1_hash, msg);
    IN(zkvm_secp256r1_signature, sig);
    IN(zkvm_secp256r1_pubkey, pubkey);
    OUT(bool, verified);
    return (uint32_t)zkvm_secp256r1_verify(msg_p, sig_p, pubkey_p, verified_p);
}

uint32_t zkvm_wasm_modexp(wasi_mem_t m, uint32_t base, uint32_t base_len, uint32_t exp, uint32_t exp_len,
                          uint32_t modulus, uint32_t mod_len, uint32_t output)
{
    BYTES(base, base_len);
    BYTES(exp, exp_len);
    BYTES(modulus, mod_len);
    uint8_t *output_p = at(m, output, mod_len);
    if (output_p == NULL) {
        return FAIL;
    }
    return (uint32_t)zkvm_modexp(base_p, base_len, exp_p, exp_len, modulus_p, mod_len, output_p);
}

uint32_t zkvm_wasm_bn254_g1_add(wasi_mem_t m, uint32_t p1, uint32_t p2, uint32_t result)
{
    IN(zkvm_bn254_g1_point, p1);
    IN(zkvm_bn254_g1_point, p2);
    OUT(zkvm_bn254_g1_point, result);
    return (uint32_t)zkvm_bn254_g1_add(p1_p, p2_p, result_p);
}

uint32_t zkvm_wasm_bn254_g1_mul(wasi_mem_t m, uint32_t point, uint32_t scalar, uint32_t result)
{
    IN(zkvm_bn254_g1_point, point);
    IN(zkvm_bn254_scalar, scalar);
    OUT(zkvm_bn254_g1_point, result);
    return (uint32_t)zkvm_bn254_g1_mul(point_p, scalar_p, result_p);
}

uint32_t zkvm_wasm_bn254_pairing(wasi_mem_t m, uint32_t pairs, uint32_t num_pairs, uint32_t verified)
{
    BYTES(pairs, (uint64_t)num_pairs * sizeof(zkvm_bn254_pairing_pair));
    OUT(bool, verified);
    return (uint32_t)zkvm_bn254_pairing((const zkvm_bn254_pairing_pair *)pairs_p, num_pairs, verified_p);
}

uint32_t zkvm_wasm_blake2f(wasi_mem_t m, uint32_t rounds, uint32_t h, uint32_t msg, uint32_t t, uint32_t f)
{
    OUT(zkvm_blake2f_state, h);
    IN(zkvm_blake2f_message, msg);
    IN(zkvm_blake2f_offset, t);
    return (uint32_t)zkvm_blake2f(rounds, h_p, msg_p, t_p, (uint8_t)f);
}

uint32_t zkvm_wasm_kzg_point_eval(wasi_mem_t m, uint32_t commitment, uint32_t z, uint32_t y, uint32_t proof,
                                  uint32_t verified)
{
    IN(zkvm_kzg_commitment, commitment);
    IN(zkvm_kzg_field_element, z);
    IN(zkvm_kzg_field_element, y);
    IN(zkvm_kzg_proof, proof);
    OUT(bool, verified);
    return (uint32_t)zkvm_kzg_point_eval(commitment_p, z_p, y_p, proof_p, verified_p);
}

uint32_t zkvm_wasm_bls12_g1_add(wasi_mem_t m, uint32_t p1, uint32_t p2, uint32_t result)
{
    IN(zkvm_bls12_381_g1_point, p1);
    IN(zkvm_bls12_381_g1_point, p2);
    OUT(zkvm_bls12_381_g1_point, result);
    return (uint32_t)zkvm_bls12_g1_add(p1_p, p2_p, result_p);
}

uint32_t zkvm_wasm_bls12_g1_msm(wasi_mem_t m, uint32_t pairs, uint32_t num_pairs, uint32_t result)
{
    BYTES(pairs, (uint64_t)num_pairs * sizeof(zkvm_bls12_381_g1_msm_pair));
    OUT(zkvm_bls12_381_g1_point, result);
    return (uint32_t)zkvm_bls12_g1_msm((const zkvm_bls12_381_g1_msm_pair *)pairs_p, num_pairs, result_p);
}

uint32_t zkvm_wasm_bls12_g2_add(wasi_mem_t m, uint32_t p1, uint32_t p2, uint32_t result)
{
    IN(zkvm_bls12_381_g2_point, p1);
    IN(zkvm_bls12_381_g2_point, p2);
    OUT(zkvm_bls12_381_g2_point, result);
    return (uint32_t)zkvm_bls12_g2_add(p1_p, p2_p, result_p);
}

uint32_t zkvm_wasm_bls12_g2_msm(wasi_mem_t m, uint32_t pairs, uint32_t num_pairs, uint32_t result)
{
    BYTES(pairs, (uint64_t)num_pairs * sizeof(zkvm_bls12_381_g2_msm_pair));
    OUT(zkvm_bls12_381_g2_point, result);
    return (uint32_t)zkvm_bls12_g2_msm((const zkvm_bls12_381_g2_msm_pair *)pairs_p, num_pairs, result_p);
}

uint32_t zkvm_wasm_bls12_pairing(wasi_mem_t m, uint32_t pairs, uint32_t num_pairs, uint32_t verified)
{
    BYTES(pairs, (uint64_t)num_pairs * sizeof(zkvm_bls12_381_pairing_pair));
    OUT(bool, verified);
    return (uint32_t)zkvm_bls12_pairing((const zkvm_bls12_381_pairing_pair *)pairs_p, num_pairs, verified_p);
}

uint32_t zkvm_wasm_bls12_map_fp_to_g1(wasi_mem_t m, uint32_t field_element, uint32_t result)
{
    IN(zkvm_bls12_381_fp, field_element);
    OUT(zkvm_bls12_381_g1_point, result);
    return (uint32_t)zkvm_bls12_map_fp_to_g1(field_element_p, result_p);
}

uint32_t zkvm_wasm_bls12_map_fp2_to_g2(wasi_mem_t m, uint32_t field_element, uint32_t result)
{
    IN(zkvm_bls12_381_fp2, field_element);
    OUT(zkvm_bls12_381_g2_point, result);
    return (uint32_t)zkvm_bls12_map_fp2_to_g2(field_element_p, result_p);
}

/* alloy-primitives' native-keccak hook as WebAssembly imports it (vm_hooks.native_keccak256): no status. */
void zkvm_wasm_native_keccak256(wasi_mem_t m, uint32_t data, uint32_t len, uint32_t output)
{
    const uint8_t *data_p = at(m, data, len);
    zkvm_keccak256_hash *output_p = at(m, output, sizeof(zkvm_keccak256_hash));
    if (data_p == NULL || output_p == NULL || zkvm_keccak256(data_p, len, output_p) != ZKVM_EOK) {
        wasrisc_trap("vm_hooks.native_keccak256: out of bounds or failed");
    }
}
