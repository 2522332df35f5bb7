package dev.wasrisc.cgen;

import static dev.wasrisc.cgen.RewriteFixtures.assertMissed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnalignedAccessTest {

    private static final String MEMORY_COPY = "memmove(dest->data + dest_addr, src->data + src_addr, n);";

    private final CRewrite rewrite = RewriteFixtures.rewrite("wasm2c 1.0.32", "guest.c");

    @Test
    void eachLoadAndStoreBecomesOneAccessThroughAMayAliasWord() {
        String text = UnalignedAccess.apply(rewrite, RewriteFixtures.WASM2C, "wasm_rt_memcpy", "&mem->data[addr]");

        assertThat(text).doesNotContain("wasm_rt_memcpy")
                .contains("{ typedef t1 __attribute__((may_alias)) wasrisc_word; "
                        + "result = *(const wasrisc_word*)&mem->data[addr]; }")
                .contains("{ typedef t1 __attribute__((may_alias)) wasrisc_word; "
                        + "*(wasrisc_word*)&mem->data[addr] = wrapped; }");
        assertThat(rewrite.counts()).containsEntry("loads as single accesses", 1L)
                .containsEntry("stores as single accesses", 1L);
    }

    @Test
    void memoryCopyCallsTheWordCopyWhichComesFirst() {
        String text = UnalignedAccess.withWordCopy(rewrite, RewriteFixtures.WASM2C, MEMORY_COPY);

        assertThat(text).startsWith(UnalignedAccess.MEMMOVE)
                .contains("  wasrisc_memmove(dest->data + dest_addr, src->data + src_addr, n);")
                .doesNotContain(" " + MEMORY_COPY);
        assertThat(rewrite.counts()).containsEntry("memory.copy calls copying by words", 1L);
    }

    @Test
    void refusesLoadsThatCopyAnotherWay() {
        // A wabt that sizes the copy by the result type: rewriting only the stores would leave
        // every load a byte copy under the option's name.
        String other = RewriteFixtures.WASM2C.replace("wasm_rt_memcpy(&result, &mem->data[addr], sizeof(t1));",
                "wasm_rt_memcpy(&result, &mem->data[addr], sizeof(result));");

        assertMissed(() -> UnalignedAccess.apply(rewrite, other, "wasm_rt_memcpy", "&mem->data[addr]"))
                .hasMessageContaining("wasm2c 1.0.32's guest.c has 0 of loads as single accesses")
                .hasMessageContaining("(pattern: wasm_rt_memcpy(&result, &mem->data[addr], sizeof(t1));)")
                .hasMessageContaining("at least 1 expected");
    }

    @Test
    void refusesAMemoryCopyOfAnotherShape() {
        String other = RewriteFixtures.WASM2C.replace(MEMORY_COPY, "wasm_rt_memmove(dest, dest_addr, src, src_addr);");

        assertMissed(() -> UnalignedAccess.withWordCopy(rewrite, other, MEMORY_COPY))
                .hasMessageContaining("guest.c has 0 of memory.copy calls copying by words")
                .hasMessageContaining(MEMORY_COPY);
    }
}
