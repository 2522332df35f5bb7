package dev.wasrisc.cgen;

import java.util.Optional;

/**
 * The import modules the platform itself implements, over the guest's linear memory: WASI preview 1
 * ({@code platform/wasi}) and the zkVM accelerators ({@code platform/zkvm/zkvm_wasm.c}). Their C
 * functions take the memory ({@code wasi_mem_t}) before the import's own arguments, which are
 * offsets into it. Every other module's functions are custom imports: plain C named
 * {@code MODULE_NAME} (see {@link dev.wasrisc.recipe.NativeImports#symbol}). A module that imports
 * either of the accelerator modules links the accelerators (its guest says {@code "accelerators": true}).
 */
public final class PlatformImports {

    public static final String WASI_MODULE = "wasi_snapshot_preview1";
    public static final String ZKVM_MODULE = "zkvm";

    /**
     * alloy-primitives' {@code native-keccak} hook as WebAssembly imports it: the zkVM's Keccak-256
     * under the name alloy gives it (it was made for Arbitrum Stylus), so a Rust guest's alloy hashes
     * through the accelerator on every pipeline.
     */
    public static final String ALLOY_KECCAK_MODULE = "vm_hooks";
    public static final String ALLOY_KECCAK_FIELD = "native_keccak256";

    private PlatformImports() {}

    /** The C function that implements the import over the memory, if the platform implements it. */
    public static Optional<String> overMemory(String module, String field) {
        return switch (module) {
            case WASI_MODULE -> Optional.of("wasi_" + field);
            case ZKVM_MODULE -> Optional.of("zkvm_wasm_" + field);
            case ALLOY_KECCAK_MODULE -> field.equals(ALLOY_KECCAK_FIELD) ? Optional.of("zkvm_wasm_" + field) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Whether the module's C functions are declared by the headers every glue file includes (WASI's are). */
    static boolean declaredByPlatform(String module) {
        return module.equals(WASI_MODULE);
    }
}
