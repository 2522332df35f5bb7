package dev.wasrisc.cgen;


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
     * The text with its calls of memmove for {@code memory.copy}, {@code call}, made calls of
     * {@link #MEMMOVE}, which goes first.
     */
    static String withWordCopy(CRewrite rewrite, String text, String call) {
        return MEMMOVE + rewrite.replace(text, "memory.copy calls copying by words", call,
                "wasrisc_" + call.stripLeading());
    }

    /**
     * The text with {@code memcpy(&result, ACCESS, sizeof(t1))} and {@code memcpy(ACCESS, &wrapped,
     * sizeof(t1))} (macro bodies, continued lines) written as single accesses.
     *
     * @param copy the copy function's name, {@code wasm_rt_memcpy} or {@code memcpy}
     * @param access how the macros address linear memory, such as {@code &mem->data[addr]}
     */
    static String apply(CRewrite rewrite, String text, String copy, String access) {
        String word = "typedef t1 __attribute__((may_alias)) wasrisc_word; ";
        String loads = rewrite.replace(text, "loads as single accesses",
                copy + "(&result, " + access + ", sizeof(t1));",
                "{ " + word + "result = *(const wasrisc_word*)" + access + "; }");
        return rewrite.replace(loads, "stores as single accesses", copy + "(" + access + ", &wrapped, sizeof(t1));",
                "{ " + word + "*(wasrisc_word*)" + access + " = wrapped; }");
    }
}
