/*
 * The zkVM accelerators of eth-act's zkvm-standards (c-interface-accelerators): 19 functions a
 * guest calls instead of hashing or doing curve arithmetic itself, which a zkVM serves from its
 * precompiles. Same names, types and conventions as the standard's header, so guest code written
 * against it builds here unchanged.
 *
 * Compiled to WebAssembly each function is an import of module "zkvm" named without the prefix
 * (zkvm_keccak256 is zkvm.keccak256; pointers are linear-memory offsets, size_t is 32 bits);
 * compiled natively (`direct`) they link to the executor's library. A guest that calls them says
 * "accelerators": true in its wasrisc.json.
 */
#ifndef ZKVM_ACCELERATORS_H
#define ZKVM_ACCELERATORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#define ZKVM_ALIGN8 alignas(8)
#else
#define ZKVM_ALIGN8 _Alignas(8)
#endif

/* 0 on success; verifications report their answer through `verified`. */
typedef enum { ZKVM_EOK = 0, ZKVM_EFAIL = -1 } zkvm_status;

#define ZKVM_BYTES(n) typedef struct { ZKVM_ALIGN8 uint8_t data[n]; } zkvm_bytes_##n
ZKVM_BYTES(16);
ZKVM_BYTES(32);
ZKVM_BYTES(48);
ZKVM_BYTES(64);
ZKVM_BYTES(96);
ZKVM_BYTES(128);
ZKVM_BYTES(192);
#undef ZKVM_BYTES

typedef zkvm_bytes_32 zkvm_keccak256_hash;
typedef zkvm_bytes_32 zkvm_sha256_hash;
typedef zkvm_bytes_32 zkvm_ripemd160_hash; /* the 20-byte digest after 12 zero bytes */
typedef zkvm_bytes_32 zkvm_secp256k1_hash;
typedef zkvm_bytes_64 zkvm_secp256k1_signature; /* r || s */
typedef zkvm_bytes_64 zkvm_secp256k1_pubkey;    /* x || y */
typedef zkvm_bytes_32 zkvm_secp256r1_hash;
typedef zkvm_bytes_64 zkvm_secp256r1_signature;
typedef zkvm_bytes_64 zkvm_secp256r1_pubkey;
typedef zkvm_bytes_64 zkvm_bn254_g1_point;
typedef zkvm_bytes_128 zkvm_bn254_g2_point;
typedef zkvm_bytes_32 zkvm_bn254_scalar;
typedef struct { zkvm_bn254_g1_point g1; zkvm_bn254_g2_point g2; } zkvm_bn254_pairing_pair;
typedef zkvm_bytes_96 zkvm_bls12_381_g1_point;
typedef zkvm_bytes_192 zkvm_bls12_381_g2_point;
typedef zkvm_bytes_32 zkvm_bls12_381_scalar;
typedef zkvm_bytes_48 zkvm_bls12_381_fp;
typedef zkvm_bytes_96 zkvm_bls12_381_fp2;
typedef struct { zkvm_bls12_381_g1_point point; zkvm_bls12_381_scalar scalar; } zkvm_bls12_381_g1_msm_pair;
typedef struct { zkvm_bls12_381_g2_point point; zkvm_bls12_381_scalar scalar; } zkvm_bls12_381_g2_msm_pair;
typedef struct { zkvm_bls12_381_g1_point g1; zkvm_bls12_381_g2_point g2; } zkvm_bls12_381_pairing_pair;
typedef zkvm_bytes_64 zkvm_blake2f_state;    /* 8 little-endian words, updated in place */
typedef zkvm_bytes_128 zkvm_blake2f_message; /* 16 little-endian words */
typedef zkvm_bytes_16 zkvm_blake2f_offset;   /* 2 little-endian words */
typedef zkvm_bytes_48 zkvm_kzg_commitment;
typedef zkvm_bytes_48 zkvm_kzg_proof;
typedef zkvm_bytes_32 zkvm_kzg_field_element;

#ifdef __wasm__
#define ZKVM_ACCELERATOR(name) __attribute__((import_module("zkvm"), import_name(#name)))
#else
#define ZKVM_ACCELERATOR(name)
#endif

zkvm_status zkvm_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output)
    ZKVM_ACCELERATOR(keccak256);
zkvm_status zkvm_secp256k1_verify(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                  const zkvm_secp256k1_pubkey *pubkey, bool *verified)
    ZKVM_ACCELERATOR(secp256k1_verify);
/* The public key, not the address: hash it with zkvm_keccak256 for that. */
zkvm_status zkvm_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                     uint8_t recid, zkvm_secp256k1_pubkey *output)
    ZKVM_ACCELERATOR(secp256k1_ecrecover);
zkvm_status zkvm_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output) ZKVM_ACCELERATOR(sha256);
zkvm_status zkvm_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output)
    ZKVM_ACCELERATOR(ripemd160);
/* output holds mod_len bytes, big-endian. */
zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output) ZKVM_ACCELERATOR(modexp);
zkvm_status zkvm_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                              zkvm_bn254_g1_point *result) ZKVM_ACCELERATOR(bn254_g1_add);
zkvm_status zkvm_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                              zkvm_bn254_g1_point *result) ZKVM_ACCELERATOR(bn254_g1_mul);
zkvm_status zkvm_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified)
    ZKVM_ACCELERATOR(bn254_pairing);
zkvm_status zkvm_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                         const zkvm_blake2f_offset *t, uint8_t f) ZKVM_ACCELERATOR(blake2f);
zkvm_status zkvm_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified)
    ZKVM_ACCELERATOR(kzg_point_eval);
zkvm_status zkvm_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                              zkvm_bls12_381_g1_point *result) ZKVM_ACCELERATOR(bls12_g1_add);
zkvm_status zkvm_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g1_point *result) ZKVM_ACCELERATOR(bls12_g1_msm);
zkvm_status zkvm_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                              zkvm_bls12_381_g2_point *result) ZKVM_ACCELERATOR(bls12_g2_add);
zkvm_status zkvm_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g2_point *result) ZKVM_ACCELERATOR(bls12_g2_msm);
zkvm_status zkvm_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified)
    ZKVM_ACCELERATOR(bls12_pairing);
zkvm_status zkvm_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result)
    ZKVM_ACCELERATOR(bls12_map_fp_to_g1);
zkvm_status zkvm_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result)
    ZKVM_ACCELERATOR(bls12_map_fp2_to_g2);
zkvm_status zkvm_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                  const zkvm_secp256r1_pubkey *pubkey, bool *verified)
    ZKVM_ACCELERATOR(secp256r1_verify);

#undef ZKVM_ACCELERATOR
#undef ZKVM_ALIGN8

#ifdef __cplusplus
}
#endif

#endif
