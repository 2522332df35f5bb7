/*
 * Calls two zkVM accelerators through the standard interface: hashes a message with Keccak-256 and
 * recovers the Ethereum address that signed it (secp256k1 ecrecover, then Keccak of the key).
 * Built to WebAssembly these are imports of module "zkvm"; natively, the executor's functions.
 */
#include <stdio.h>
#include <string.h>

#include "zkvm_accelerators.h"

static const char MESSAGE[] = "WASRISC calls the zkVM's accelerators";

/* The signature of MESSAGE's hash by the key of the address web3.js documents as 0x2c7536E3…. */
static const zkvm_secp256k1_signature SIGNATURE = {{
    0x99, 0x9d, 0x68, 0x50, 0x57, 0x04, 0xd0, 0x75, 0xd9, 0xc0, 0xa7, 0xe3, 0xa2, 0xc7, 0x4b, 0xc6,
    0xde, 0x89, 0x45, 0xf4, 0x57, 0x95, 0xde, 0xb8, 0x8e, 0xf7, 0xd7, 0x3a, 0xd4, 0x94, 0x12, 0x9b,
    0x3c, 0xf8, 0x38, 0x09, 0x09, 0xc7, 0x4c, 0x16, 0x99, 0x31, 0xca, 0x2b, 0x39, 0xef, 0xff, 0x0c,
    0xba, 0xd2, 0x0b, 0x03, 0xaf, 0x02, 0xb4, 0xf2, 0xf4, 0x77, 0x14, 0x83, 0x88, 0xd0, 0xff, 0x80,
}};

static void print_hex(const char *label, const uint8_t *bytes, size_t len)
{
    printf("%s", label);
    for (size_t i = 0; i < len; i++) {
        printf("%02x", bytes[i]);
    }
    printf("\n");
}

int main(void)
{
    zkvm_keccak256_hash hash;
    if (zkvm_keccak256((const uint8_t *)MESSAGE, strlen(MESSAGE), &hash) != ZKVM_EOK) {
        fprintf(stderr, "keccak256 failed\n");
        return 1;
    }
    print_hex("keccak256: ", hash.data, sizeof hash.data);

    zkvm_secp256k1_pubkey key;
    if (zkvm_secp256k1_ecrecover(&hash, &SIGNATURE, 0, &key) != ZKVM_EOK) {
        fprintf(stderr, "ecrecover failed\n");
        return 1;
    }
    zkvm_keccak256_hash key_hash;
    zkvm_keccak256(key.data, sizeof key.data, &key_hash);
    print_hex("signer: 0x", key_hash.data + 12, 20);
    return 0;
}
