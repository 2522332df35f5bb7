package dev.wasrisc.cgen;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Rewrites for the rewriters' tests, failing with {@link Missed} where a build would fail, and C they rewrite. */
final class RewriteFixtures {

    /** The parts of wabt 1.0.32's wasm2c output that the memory options rewrite, abridged. */
    static final String WASM2C = """
            #if WASM_RT_MEMCHECK_SIGNAL_HANDLER
            #define MEMCHECK(mem, a, t)
            #else
            #define MEMCHECK(mem, a, t) RANGE_CHECK(mem, a, sizeof(t))
            #endif
            #define DEFINE_LOAD(name, t1, t2, t3)                      \\
              static inline t3 name(wasm_rt_memory_t* mem, u64 addr) { \\
                MEMCHECK(mem, addr, t1);                               \\
                t1 result;                                             \\
                wasm_rt_memcpy(&result, &mem->data[addr], sizeof(t1)); \\
                return (t3)(t2)result;                                 \\
              }
            #define DEFINE_STORE(name, t1, t2)                                     \\
              static inline void name(wasm_rt_memory_t* mem, u64 addr, t2 value) { \\
                MEMCHECK(mem, addr, t1);                                           \\
                t1 wrapped = (t1)value;                                            \\
                wasm_rt_memcpy(&mem->data[addr], &wrapped, sizeof(t1));            \\
              }
            static inline void memory_copy(wasm_rt_memory_t* dest, const wasm_rt_memory_t* src, u32 dest_addr,
                                           u32 src_addr, u32 n) {
              memmove(dest->data + dest_addr, src->data + src_addr, n);
            }
            static const u8 data_segment_data_w2c_d0[] = {
              0x68, 0x65, 0x6c, 0x6c, 0x6f,\s
            };
            static void init_memories(Z_guest_instance_t* instance) {
              wasm_rt_allocate_memory(&instance->w2c_memory, 1, 65536);
              LOAD_DATA(instance->w2c_memory, 16u, data_segment_data_w2c_d0, 5);
            }
            static u32 w2c_f(Z_guest_instance_t* instance, u32 w2c_p0) {
              w2c_i1 = i32_load(&instance->w2c_memory, (u64)(w2c_i1) + 4u);
              i32_store(&instance->w2c_memory, (u64)(w2c_i0) + 8, w2c_i1);
              w2c_j0 = i64_load(&instance->w2c_memory, (u64)(w2c_i0));
              return w2c_i0;
            }
            """;

    /** What a rewrite that missed throws here; a build throws its BuildException. */
    static final class Missed extends RuntimeException {
        Missed(String message) {
            super(message);
        }
    }

    private RewriteFixtures() {}

    static CRewrite rewrite(String transpiler, String file) {
        return new CRewrite(transpiler, file, Missed::new);
    }

    /** Asserts that a rewrite refused its text, for what its message says. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertMissed(ThrowingCallable rewrite) {
        return assertThatThrownBy(rewrite).isInstanceOf(Missed.class);
    }
}
