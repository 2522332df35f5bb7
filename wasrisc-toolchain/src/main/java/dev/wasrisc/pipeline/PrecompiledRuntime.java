package dev.wasrisc.pipeline;

import dev.wasrisc.exec.Command;
import dev.wasrisc.tool.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the wasmtime and wasmer pipelines share: the project's runner for a runtime
 * ({@code platform/runners}) precompiles the module on the host for riscv64, and its riscv64 build
 * is the binary qemu runs, loading the precompiled module ({@code run module.cwasm ARGS}).
 */
final class PrecompiledRuntime {

    private PrecompiledRuntime() {}

    static void build(BuildContext context, Tool precompiler, Tool runtime) throws IOException {
        Path wasm = context.guest().language().buildWasm(context);
        Path entry = context.output().getParent();
        Path precompiled = entry.resolve("module.cwasm");
        context.run("precompile for riscv64", Command.of(context.tool(precompiler))
                .arg("compile").arg("--opt-level").arg(Integer.toString(context.optLevel()))
                .arg(wasm).arg(precompiled));
        // The runtime is the same for every guest: the entry links to it rather than copying ~20 MB.
        // Its hash is in the cache key, so a reinstalled runtime makes new entries.
        Files.createSymbolicLink(context.output(), context.tool(runtime));
        context.launchWith(List.of("run", precompiled.toString()));
    }
}
