package dev.wasrisc.pipeline;

import dev.wasrisc.tool.Tools;

/** wasm → wasmtime (Cranelift), precompiled on the host for riscv64, run by wasmtime on riscv64 Linux. */
public final class WasmtimeBackend extends PrecompiledRuntimeBackend {

    public WasmtimeBackend() {
        super("wasmtime", "wasmtime", null, Tools.WASMTIME_PRECOMPILER, Tools.WASMTIME_RUNTIME);
    }
}
