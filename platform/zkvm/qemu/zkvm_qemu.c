/*
 * The accelerators for executors without precompiles: qemu (bare metal and riscv64 Linux). Each
 * zkvm_* function runs the reference implementation (accelerators/, wasrisc_accel_*) between two
 * marker system calls that the counting plugin watches: it counts the call, the bytes the guest
 * handed in and the instructions spent in between, so a run can say what it spent outside the
 * accelerators, which is what a zkVM serving them from precompiles would charge for.
 *
 * The marker is a system call no kernel has (qemu-user answers ENOSYS and the plugin sees it with
 * its arguments): a0 = 1 on entry and 0 on return, a1 = the wrapper's address (the plugin's
 * reader names it from the symbol table), a2 = bytes in.
 */
#include "zkvm_accelerators.h"

#define WASRISC_ACCELERATOR_MARK 0x7a6b /* "zk"; the plugin's ACCELERATOR_MARK */

static inline void mark(long entering, const void *accelerator, size_t bytes)
{
    register long a0 __asm__("a0") = entering;
    register const void *a1 __asm__("a1") = accelerator;
    register size_t a2 __asm__("a2") = bytes;
    register long a7 __asm__("a7") = WASRISC_ACCELERATOR_MARK;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
}

#define ACCELERATE(name, bytes, params, args)                                                  \
    extern int wasrisc_accel_##name params;                                                    \
    zkvm_status zkvm_##name params                                                             \
    {                                                                                          \
        mark(1, (const void *)zkvm_##name, (bytes));                                           \
        int status = wasrisc_accel_##name args;                                                \
        mark(0, (const void *)zkvm_##name, 0);                                                 \
        return status == 0 ? ZKVM_EOK : ZKVM_EFAIL;                                            \
    }

ACCELERATE(keccak256, len, (const uint8_t *data, size_t len, zkvm_keccak256_hash *output), (data, len, output))
ACCELERATE(sha256, len, (const uint8_t *data, size_t len, zkvm_sha256_hash *output), (data, len, output))
ACCELERATE(ripemd160, len, (const uint8_t *data, size_t len, zkvm_ripemd160_hash *output), (data, len, output))
ACCELERATE(secp256k1_verify, 32 + 64 + 64,
           (const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
            const zkvm_secp256k1_pubkey *pubkey, bool *verified),
           (msg, sig, pubkey, verified))
ACCELERATE(secp256k1_ecrecover, 32 + 64 + 1,
           (const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig, uint8_t recid,
            zkvm_secp256k1_pubkey *output),
           (msg, sig, recid, output))
ACCELERATE(secp256r1_verify, 32 + 64 + 64,
           (const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
            const zkvm_secp256r1_pubkey *pubkey, bool *verified),
           (msg, sig, pubkey, verified))
ACCELERATE(modexp, base_len + exp_len + mod_len,
           (const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len, const uint8_t *modulus,
            size_t mod_len, uint8_t *output),
           (base, base_len, exp, exp_len, modulus, mod_len, output))
ACCELERATE(bn254_g1_add, 2 * 64,
           (const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2, zkvm_bn254_g1_point *result),
           (p1, p2, result))
ACCELERATE(bn254_g1_mul, 64 + 32,
           (const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar, zkvm_bn254_g1_point *result),
           (point, scalar, result))
ACCELERATE(bn254_pairing, num_pairs * sizeof(zkvm_bn254_pairing_pair),
           (const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified), (pairs, num_pairs, verified))
ACCELERATE(blake2f, 4 + 64 + 128 + 16 + 1,
           (uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m, const zkvm_blake2f_offset *t,
            uint8_t f),
           (rounds, h, m, t, f))
ACCELERATE(kzg_point_eval, 48 + 32 + 32 + 48,
           (const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
            const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified),
           (commitment, z, y, proof, verified))
ACCELERATE(bls12_g1_add, 2 * 96,
           (const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2, zkvm_bls12_381_g1_point *result),
           (p1, p2, result))
ACCELERATE(bls12_g1_msm, num_pairs * sizeof(zkvm_bls12_381_g1_msm_pair),
           (const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs, zkvm_bls12_381_g1_point *result),
           (pairs, num_pairs, result))
ACCELERATE(bls12_g2_add, 2 * 192,
           (const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2, zkvm_bls12_381_g2_point *result),
           (p1, p2, result))
ACCELERATE(bls12_g2_msm, num_pairs * sizeof(zkvm_bls12_381_g2_msm_pair),
           (const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs, zkvm_bls12_381_g2_point *result),
           (pairs, num_pairs, result))
ACCELERATE(bls12_pairing, num_pairs * sizeof(zkvm_bls12_381_pairing_pair),
           (const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified), (pairs, num_pairs, verified))
ACCELERATE(bls12_map_fp_to_g1, 48, (const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result),
           (field_element, result))
ACCELERATE(bls12_map_fp2_to_g2, 96, (const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result),
           (field_element, result))
