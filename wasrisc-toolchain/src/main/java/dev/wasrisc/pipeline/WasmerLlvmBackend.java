package dev.wasrisc.pipeline;

import dev.wasrisc.tool.Tools;

/**
 * wasm → wasmer's LLVM compiler, precompiled on the host for riscv64, run by the same headless
 * wasmer on riscv64 Linux as the {@code wasmer} pipeline: a serialized module does not depend on
 * the compiler that made it. The precompiler is a build of its own (it links LLVM 22).
 */
public final class WasmerLlvmBackend extends PrecompiledRuntimeBackend {

    public WasmerLlvmBackend() {
        super("wasmer_llvm", "wasmer", "llvm", Tools.WASMER_LLVM_PRECOMPILER, Tools.WASMER_RUNTIME);
    }
}
