package dev.wasrisc.pipeline;

import dev.wasrisc.build.Action;
import dev.wasrisc.cell.Target;
import dev.wasrisc.cgen.RuntimeRunnerGlue;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Language;
import dev.wasrisc.recipe.BareMetalGcc;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A pipeline through a WebAssembly runtime that precompiles (wasmtime, wasmer): the project's runner
 * for the runtime ({@code platform/runners}) precompiles the module on the host for
 * riscv64gc-unknown-linux-gnu. On riscv64 the runner is a static library: each guest's runner is
 * linked from it, the C implementations of the guest's imports (its own, then the platform's weak
 * defaults) and a generated main listing the module's imports ({@link RuntimeRunnerGlue}); qemu
 * runs that, loading the precompiled module ({@code run module.cwasm ARGS}). The runner maps the -O level to its compiler's: Cranelift's 0 is
 * {@code none}, 1 and above {@code speed}; LLVM's 0..3 are its own.
 */
abstract class PrecompiledRuntimeBackend implements Backend {

    private final String name;
    private final String runtimeName;
    private final String compiler;
    private final Tool precompiler;
    private final Tool runtime;

    /**
     * @param compiler the runner's {@code --compiler} value, or null for a runner with one compiler
     *     (Cranelift)
     */
    PrecompiledRuntimeBackend(String name, String runtimeName, String compiler, Tool precompiler, Tool runtime) {
        this.name = name;
        this.runtimeName = runtimeName;
        this.compiler = compiler;
        this.precompiler = precompiler;
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "wasm → " + runtimeName + " " + (compiler == null ? "Cranelift" : compiler.toUpperCase(Locale.ROOT))
                + ", precompiled for riscv64, run by " + runtimeName + " on riscv64 Linux";
    }

    @Override
    public Target target(Language language) {
        return Target.RISCV64_LINUX;
    }

    @Override
    public List<Tool> tools(Language language) {
        List<Tool> tools = new ArrayList<>(language.wasmTools());
        tools.add(precompiler);
        tools.add(runtime);
        tools.add(Tools.RISCV64_LINUX_GCC);
        tools.add(Tools.QEMU_RISCV64);
        return tools;
    }


    @Override
    public void build(BuildContext context) throws IOException {
        Path wasm = context.guest().language().buildWasm(context);
        Path precompiled = context.output().getParent().resolve("module.cwasm");
        context.perform(Action.of("precompile for riscv64", Command.of(context.tool(precompiler))
                .arg("compile")
                .args(compiler == null ? List.of() : List.of("--compiler", compiler))
                .arg("--opt-level").arg(Integer.toString(context.optLevel()))
                .arg(wasm).arg(precompiled))
                .output(precompiled));
        Path main = Files.writeString(context.workDir().resolve("runner_main.c"),
                RuntimeRunnerGlue.generate(wasm, name));
        context.perform(Action.of("link the runner with the guest's imports", Command.of(context.tool(Tools.RISCV64_LINUX_GCC))
                .arg("-O2").arg("-static").arg("-Wl,--gc-sections")
                .args(BareMetalGcc.prefixMaps(context))
                .arg("-I" + context.platform().include())
                .arg(main)
                .args(context.importSources())
                .arg(context.tool(runtime))
                .args(RuntimeRunnerGlue.linkLibraries())
                .arg("-o").arg(context.output()))
                .inputTree(context.platform().include())
                .output(context.output()));
        context.launchWith(List.of("run", BuildContext.ENTRY_DIR + "/module.cwasm"));
    }
}
