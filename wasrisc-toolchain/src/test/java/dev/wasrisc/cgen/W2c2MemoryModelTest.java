package dev.wasrisc.cgen;

import static dev.wasrisc.cgen.RewriteFixtures.assertMissed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.wasm.LinearMemoryImage;
import org.junit.jupiter.api.Test;

class W2c2MemoryModelTest {

    /** The parts of w2c2 2a31254's w2c2_base.h that the memory options rewrite, abridged. */
    private static final String HEADER = """
            static W2C2_INLINE void wasmMemoryCopy(const wasmMemory* destinationMemory,
                const wasmMemory* sourceMemory, const U32 destinationAddress, const U32 sourceAddress,
                const U32 count) {
                memmove(
                    destinationMemory->data + destinationAddress,
                    sourceMemory->data + sourceAddress,
                    count
                );
            }
            #define DEFINE_LOAD(name, t1, t2, t3)                           \\
                static W2C2_INLINE t3 name(wasmMemory* mem, WasmPtr addr) { \\
                    t1 result;                                              \\
                    memcpy(&result, &mem->data[addr], sizeof(t1));          \\
                    return (t3)(t2)result;                                  \\
                }
            #define DEFINE_STORE(name, t1, t2)                                          \\
                static W2C2_INLINE void name(wasmMemory* mem, WasmPtr addr, t2 value) { \\
                    t1 wrapped = (t1)value;                                             \\
                    memcpy(&mem->data[addr], &wrapped, sizeof(t1));                     \\
                }
            """;

    /** A function as w2c2 2a31254 writes it, with a load, a store and a copy. */
    private static final String FUNCTION = """
            U32 guest_f0(guestInstance*i,U32 l0) {
            U32 si0,si1,si2;
            si1=i32_load(i->m0,si1+4U);
            i32_store(i->m0,si0+8U,si1);
            wasmMemoryCopy(i->m0,i->m0,si0,si1,si2);
            sj0=i64_load(i->m0,si0);
            return si0;
            }
            """;

    private final CRewrite rewrite = RewriteFixtures.rewrite("w2c2 2a31254", "w2c2_base.h");

    @Test
    void theFixedUnalignedHeaderAccessesTheFixedBaseByOneLoadOrStoreWithA64BitAddress() {
        String header = W2c2MemoryModel.header(rewrite, HEADER, Pipelines.parse("w2c2-fixed-unaligned-O2"));

        assertThat(header).startsWith(LinearMemoryImage.FIXED_BASE_DECLARATIONS + UnalignedAccess.MEMMOVE)
                .contains("wasrisc_memmove(\n        destinationMemory->data")
                .contains("result = *(const wasrisc_word*)&wasrisc_linear_memory_base[(int64_t)addr]; }")
                .contains("*(wasrisc_word*)&wasrisc_linear_memory_base[(int64_t)addr] = wrapped; }")
                .contains("name(wasmMemory* mem, I64 addr) {", "name(wasmMemory* mem, I64 addr, t2 value) {")
                .doesNotContain("WasmPtr addr", "&mem->data[addr]", "memcpy(");
        assertThat(rewrite.counts()).hasToString("{loads as single accesses=1, stores as single accesses=1, "
                + "memory.copy calls copying by words=1, accesses at the fixed base=2, 64-bit access addresses=2}");
    }

    @Test
    void refusesAHeaderWhoseAccessesTakeTheirAddressAnotherWay() {
        // Left as WasmPtr, the address would be zero-extended again and the fixed cell slower than it says.
        String other = HEADER.replace("(wasmMemory* mem, WasmPtr addr", "(wasmMemory* mem, U32 addr");

        assertMissed(() -> W2c2MemoryModel.header(rewrite, other, Pipelines.parse("w2c2-fixed-O2")))
                .hasMessageContaining("w2c2 2a31254's w2c2_base.h has 0 of 64-bit access addresses")
                .hasMessageContaining("(pattern: (wasmMemory* mem, WasmPtr addr)");
    }

    @Test
    void fixedCellsSignExtendEachAddressAndAddItsOffsetIn64Bits() {
        CRewrite c = rewrite.in("guest.c");
        String transpiled = W2c2MemoryModel.transpiled(c, FUNCTION);

        assertThat(transpiled).contains("si1=i32_load(i->m0,(I64)(I32)si1+4);")
                .contains("i32_store(i->m0,(I64)(I32)si0+8,si1);")
                .contains("sj0=i64_load(i->m0,(I64)(I32)si0);")
                .contains("wasmMemoryCopy(i->m0,i->m0,si0,si1,si2);");
        assertThat(c.counts()).containsEntry("addresses sign-extended", 3L);
        W2c2MemoryModel.requireSignedAddresses(c);
    }

    @Test
    void aFileWithoutAccessesPassesButAModuleWithoutAnyIsRefused() {
        // w2c2 -f spreads the functions over files, and a file may have no access; the module may not.
        String byValue = FUNCTION.replace("(i->m0,", "(*i->m0,");
        CRewrite c = rewrite.in("s0000000001.c");

        assertThat(W2c2MemoryModel.transpiled(c, byValue)).isEqualTo(byValue);
        assertMissed(() -> W2c2MemoryModel.requireSignedAddresses(c))
                .hasMessageContaining("w2c2 2a31254 wrote no addresses sign-extended in any file")
                .hasMessageContaining("(i->m0,)(si");
    }
}
