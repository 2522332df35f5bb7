package dev.wasrisc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileDiffTest {

    @Test
    void functionsMeetAcrossPipelinesByTheirSourceName() {
        assertThat(ProfileDiff.key("w2c_runtime___mspan__writeHeapBitsSmall"))
                .isEqualTo(ProfileDiff.key("runtime.(*mspan).writeHeapBitsSmall"));
        assertThat(ProfileDiff.key("w2c_crypto_internal_fips140_sha256_blockGeneric.constprop.0"))
                .isEqualTo(ProfileDiff.key("crypto/internal/fips140/sha256.blockGeneric"));
        assertThat(ProfileDiff.key("w2c__RNvNtCs9qUkhLOlOTy_4sha26sha25611compress256.constprop.0"))
                .isEqualTo(ProfileDiff.key("sha2::sha256::compress256"));
        assertThat(ProfileDiff.key("wasm_rt_register_func_type")).isNotEqualTo(ProfileDiff.key("memcpy"));
    }
}
