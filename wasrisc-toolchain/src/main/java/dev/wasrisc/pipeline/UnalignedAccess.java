package dev.wasrisc.pipeline;

import java.io.IOException;

/**
 * The {@code unaligned} option ({@code CellOption.UNALIGNED}) for the transpilers' C: their load
 * and store functions copy the value with {@code memcpy} from a byte pointer, whose alignment the C
 * compiler cannot know, and gcc and clang for rv64 (tuned for cores where a misaligned access is
 * slow) then expand every access into byte loads and stores through the stack. This writes each
 * copy as one access through a {@code may_alias} type instead: still free to alias anything, as
 * the copy was, but assumed aligned, so it is one load or store.
 */
final class UnalignedAccess {

    /**
     * {@code memory.copy} by words, whatever the alignment. The transpilers call the C library's
     * memmove, which copies byte by byte unless source and destination are both aligned, behind a
     * call: Go's runtime.memmove is a {@code memory.copy}, so every slice and struct copy pays it
     * (go/stateless: 10.8M instructions in memmove against 3.4M natively). Loop distribution would
     * turn the loops back into a memmove call.
     */
    static final String MEMMOVE = """
            #ifndef WASRISC_MEMMOVE
            #define WASRISC_MEMMOVE
            #include <stdint.h>
            __attribute__((optimize("no-tree-loop-distribute-patterns")))
            static inline void wasrisc_memmove(void* destination, const void* source, uint32_t n) {
              typedef uint64_t __attribute__((may_alias)) word;
              uint8_t* d = destination;
              const uint8_t* s = source;
              if (d <= s || d >= s + n) {
                for (; n >= 8; n -= 8, d += 8, s += 8) *(word*)d = *(const word*)s;
                for (; n > 0; n--) *d++ = *s++;
              } else {
                for (d += n, s += n; n >= 8; n -= 8) { d -= 8; s -= 8; *(word*)d = *(const word*)s; }
                for (; n > 0; n--) *--d = *--s;
              }
            }
            #endif
            """;

    private UnalignedAccess() {}

    /**
     * The text with its one call of memmove for {@code memory.copy}, {@code call}, made a call of
     * {@link #MEMMOVE}, which goes first.
     */
    static String withWordCopy(String text, String call, String source) throws IOException {
        if (!text.contains(call)) {
            throw new IOException(source + " does not contain '" + call + "' (memory.copy); the 'unaligned' option "
                    + "rewrites the memory.copy of wabt 1.0.32's wasm2c and w2c2 2a31254");
        }
        return MEMMOVE + text.replace(call, "wasrisc_" + call.stripLeading());
    }

    /**
     * The text with {@code memcpy(&result, ACCESS, sizeof(t1))} and {@code memcpy(ACCESS, &wrapped,
     * sizeof(t1))} (macro bodies, continued lines) written as single accesses.
     *
     * @param copy the copy function's name, {@code wasm_rt_memcpy} or {@code memcpy}
     * @param access how the macros address linear memory, such as {@code &mem->data[addr]}
     * @param source where the text comes from, for the error when it lacks one of them
     */
    static String apply(String text, String copy, String access, String source) throws IOException {
        String load = copy + "(&result, " + access + ", sizeof(t1));";
        String store = copy + "(" + access + ", &wrapped, sizeof(t1));";
        for (String expected : new String[] {load, store}) {
            if (!text.contains(expected)) {
                throw new IOException(source + " does not contain '" + expected + "'; the 'unaligned' option "
                        + "rewrites the loads and stores of wabt 1.0.32's wasm2c and w2c2 2a31254");
            }
        }
        String word = "typedef t1 __attribute__((may_alias)) wasrisc_word; ";
        return text.replace(load, "{ " + word + "result = *(const wasrisc_word*)" + access + "; }")
                .replace(store, "{ " + word + "*(wasrisc_word*)" + access + " = wrapped; }");
    }
}
