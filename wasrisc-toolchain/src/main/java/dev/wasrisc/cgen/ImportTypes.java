package dev.wasrisc.cgen;

import dev.wasrisc.wasm.WasmModule.ValueType;
import java.io.IOException;
import java.util.Locale;

/**
 * How an imported function's WebAssembly values look to the C that implements it, for every glue
 * that calls an import: i32, i64, f32 and f64 are {@code uint32_t}, {@code uint64_t}, {@code float}
 * and {@code double}, as platform/include/wasrisc.h declares imports on every pipeline.
 */
final class ImportTypes {

    private ImportTypes() {}

    /**
     * The C type of a value.
     *
     * @param importName the import, for the error
     * @param refusal how the error ends, saying who cannot pass the value
     * @throws IOException for a value C cannot take (a reference, a vector)
     */
    static String cType(ValueType type, String importName, String refusal) throws IOException {
        return switch (type) {
            case I32 -> "uint32_t";
            case I64 -> "uint64_t";
            case F32 -> "float";
            case F64 -> "double";
            default -> throw new IOException("the import " + importName + " has a value of type "
                    + type.name().toLowerCase(Locale.ROOT) + ", " + refusal);
        };
    }

    /** The letter of a value in WAMR's and wasmtime's signature strings, for the types {@link #cType} accepts. */
    static char signatureLetter(ValueType type) {
        return switch (type) {
            case I32 -> 'i';
            case I64 -> 'I';
            case F32 -> 'f';
            default -> 'F';
        };
    }
}
