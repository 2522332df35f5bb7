package dev.wasrisc.pipeline;

import dev.wasrisc.tool.Tools;

/** wasm → wasmer (Cranelift), precompiled on the host for riscv64, run by wasmer on riscv64 Linux. */
public final class WasmerBackend extends PrecompiledRuntimeBackend {

    public WasmerBackend() {
        super("wasmer", "wasmer", null, Tools.WASMER_PRECOMPILER, Tools.WASMER_RUNTIME);
    }
}
