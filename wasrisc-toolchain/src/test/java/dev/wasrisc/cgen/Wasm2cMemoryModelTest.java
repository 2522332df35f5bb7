package dev.wasrisc.cgen;

import static dev.wasrisc.cgen.RewriteFixtures.assertMissed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.wasm.LinearMemoryImage;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class Wasm2cMemoryModelTest {

    private static final LinearMemoryImage HELLO = new LinearMemoryImage(
            ("\0".repeat(16) + "hello").getBytes(StandardCharsets.ISO_8859_1), 1);

    private final CRewrite rewrite = RewriteFixtures.rewrite("wasm2c 1.0.32", "guest.c");

    @Test
    void fixedUncheckedUnalignedRewritesEveryAccessAndDropsTheSegmentCopy() throws Exception {
        Pipeline cell = Pipelines.parse("wasm2c-fixed-unchecked-unaligned-O2");
        String c = Wasm2cMemoryModel.apply(rewrite, RewriteFixtures.WASM2C, cell, HELLO);

        assertThat(c).startsWith(LinearMemoryImage.FIXED_BASE_DECLARATIONS + UnalignedAccess.MEMMOVE)
                .contains("#define MEMCHECK(mem, a, t)\n#endif")
                .contains("result = *(const wasrisc_word*)&wasrisc_linear_memory_base[(int64_t)addr]; }")
                .contains("*(wasrisc_word*)&wasrisc_linear_memory_base[(int64_t)addr] = wrapped; }")
                .contains("i32_load(&instance->w2c_memory, (u64)(s64)(s32)(w2c_i1) + 4u)")
                .contains("i32_store(&instance->w2c_memory, (u64)(s64)(s32)(w2c_i0) + 8, w2c_i1)")
                .contains("i64_load(&instance->w2c_memory, (u64)(s64)(s32)(w2c_i0))")
                .contains("  wasrisc_memmove(dest->data")
                .doesNotContain("LOAD_DATA(", "data_segment_data_w2c_d0", "&mem->data[addr]");
        assertThat(rewrite.counts()).hasToString("{loads as single accesses=1, stores as single accesses=1, "
                + "memory.copy calls copying by words=1, bounds checks taken out=1, addresses sign-extended=3, "
                + "accesses at the cell's base and index=2}");
    }

    @Test
    void checkedFixedCellsKeepTheZeroExtendedIndexAtTheLinkersSymbol() throws Exception {
        String c = Wasm2cMemoryModel.apply(rewrite, RewriteFixtures.WASM2C, Pipelines.parse("wasm2c-fixed-O2"), HELLO);

        assertThat(c).startsWith(LinearMemoryImage.FIXED_BASE_SYMBOL)
                .contains("wasm_rt_memcpy(&result, &__wasrisc_linear_memory_start[addr], sizeof(t1));")
                .contains("RANGE_CHECK(mem, a, sizeof(t))")
                .contains("(u64)(w2c_i1) + 4u");
    }

    @Test
    void refusesABoundsCheckDefinedAnotherWay() {
        // Were it left, the unchecked cell would check every access under the option's name.
        assertRefused("RANGE_CHECK(mem, a, sizeof(t))", "WASM_RT_CHECK_BOUNDS(mem, a, sizeof(t))", "wasm2c-unchecked-O2")
                .hasMessageContaining("wasm2c 1.0.32's guest.c has 0 of bounds checks taken out")
                .hasMessageContaining("(pattern: #define MEMCHECK(mem, a, t) RANGE_CHECK(mem, a, sizeof(t)))")
                .hasMessageContaining("Transpiler");
    }

    @Test
    void refusesAccessesThatPassTheMemoryAnotherWay() {
        // A wasm2c that passes the memory by value would keep every address zero-extended.
        assertRefused("(&instance->w2c_memory, ", "(instance->w2c_memory, ", "wasm2c-unchecked-O2")
                .hasMessageContaining("guest.c has 0 of addresses sign-extended")
                .hasMessageContaining("\\(&instance->w2c_memory, )\\(u64\\)\\(");
    }

    @Test
    void refusesLoadsAndStoresThatAddressMemoryAnotherWay() {
        assertRefused("&mem->data[addr]", "mem->data + addr", "wasm2c-fixed-O2")
                .hasMessageContaining("guest.c has 0 of accesses at the cell's base and index")
                .hasMessageContaining("(pattern: &mem->data[addr])");
    }

    /** Asserts that the cell's rewrites refuse wasm2c's C with {@code text} written another way. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String text, String otherWay, String cell) {
        String other = RewriteFixtures.WASM2C.replace(text, otherWay);
        return assertMissed(() -> Wasm2cMemoryModel.apply(rewrite, other, Pipelines.parse(cell), HELLO));
    }
}
