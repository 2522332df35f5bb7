package dev.wasrisc.pipeline;

import dev.wasrisc.Target;
import dev.wasrisc.guest.Language;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * wasm → wasmtime (Cranelift) precompiled on the host for riscv64gc-unknown-linux-gnu, run by the
 * project's wasmtime runner built for riscv64 Linux. The -O level maps to Cranelift's: 0 is
 * {@code none}, 1 and above {@code speed}.
 */
public final class WasmtimeBackend implements Backend {

    @Override
    public String name() {
        return "wasmtime";
    }

    @Override
    public String description() {
        return "wasm → wasmtime Cranelift, precompiled for riscv64, run by wasmtime on riscv64 Linux";
    }

    @Override
    public Target target(Language language) {
        return Target.RISCV64_LINUX;
    }

    @Override
    public List<Tool> tools(Language language) {
        List<Tool> tools = new ArrayList<>(language.wasmTools());
        tools.add(Tools.WASMTIME_PRECOMPILER);
        tools.add(Tools.WASMTIME_RUNTIME);
        tools.add(Tools.QEMU_RISCV64);
        return tools;
    }

    @Override
    public List<Class<?>> recipeHelpers() {
        return List.of(PrecompiledRuntime.class);
    }

    @Override
    public void build(BuildContext context) throws IOException {
        PrecompiledRuntime.build(context, Tools.WASMTIME_PRECOMPILER, Tools.WASMTIME_RUNTIME);
    }
}
