package dev.wasrisc.pipeline;

import dev.wasrisc.build.Action;
import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.cgen.CRewrite;
import dev.wasrisc.cgen.Transpiler;
import dev.wasrisc.cgen.Wasm2cGlue;
import dev.wasrisc.cgen.Wasm2cMemoryModel;
import dev.wasrisc.cgen.Wasm2cSplitter;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Language;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.recipe.BareMetalGcc;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import dev.wasrisc.wasm.LinearMemoryImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * wasm → C with wabt's wasm2c → riscv64-unknown-elf-gcc, linked with the platform into a bare-metal
 * rv64im ELF. The cell's -O level is the C compiler's. Options: a fixed, linker-initialised memory,
 * no bounds checks, one instruction per access ({@link Wasm2cMemoryModel}), binaryen before wasm2c.
 */
public final class Wasm2cBackend implements Backend {

    private static final String MODULE = TranspiledBuild.MODULE;

    /** Explicit bounds checks: the bare-metal target has no signal handler to catch faults. */
    private static final List<String> RUNTIME_FLAGS = List.of("-DWASM_RT_MEMCHECK_SIGNAL_HANDLER=0");


    /**
     * wasm-rt-impl.c's memory functions calloc/realloc linear memory; the platform's
     * wasm2c_runtime.c replaces them, so the originals are compiled under other names.
     */
    private static final List<String> RENAMED_MEMORY_FUNCTIONS = List.of(
            "-Dwasm_rt_allocate_memory=wabt_unused_allocate_memory",
            "-Dwasm_rt_grow_memory=wabt_unused_grow_memory",
            "-Dwasm_rt_free_memory=wabt_unused_free_memory");

    @Override
    public boolean servesAccelerators() {
        return true;
    }

    @Override
    public String name() {
        return "wasm2c";
    }

    @Override
    public String description() {
        return "wasm → C (wabt wasm2c) → riscv64-unknown-elf-gcc + picolibc, bare metal";
    }

    @Override
    public boolean compilesTranspiledC() {
        return true;
    }

    @Override
    public Set<CellOption> options() {
        return EnumSet.of(CellOption.FIXED, CellOption.UNCHECKED, CellOption.UNALIGNED, CellOption.WASM_OPT);
    }


    @Override
    public List<Path> platformInputs(Platform platform) {
        return List.of(platform.wasm2c());
    }

    @Override
    public Target target(Language language) {
        return Target.RV64IM;
    }

    @Override
    public List<Tool> tools(Language language) {
        List<Tool> tools = new ArrayList<>(language.wasmTools());
        tools.add(Tools.WASM2C);
        tools.add(Tools.WASM2C_RUNTIME);
        tools.addAll(BareMetalGcc.TOOLS);
        tools.add(Tools.CLANG); // only used by clang cells; it is a tool of the default set anyway
        return tools;
    }

    @Override
    public List<Tool> tools(Language language, Pipeline cell) {
        return WasmOpt.tools(tools(language), cell);
    }

    @Override
    public void build(BuildContext context) throws IOException {
        Pipeline cell = context.pipeline();
        // Before the module's build, so that an unsupported wasm2c fails at once.
        CRewrite rewrite = Transpiler.rewrites(cell) ? Transpiler.WASM2C.rewrite(context, MODULE + ".c") : null;
        Path wasm = WasmOpt.module(context);
        Path work = context.workDir();
        Path transpiledC = work.resolve(MODULE + ".c");
        context.perform(Action.of("transpile", Command.of(context.tool(Tools.WASM2C))
                .arg(wasm).arg("-n").arg(MODULE).arg("-o").arg(transpiledC))
                .output(transpiledC)
                .output(work.resolve(MODULE + ".h")));
        List<Path> objects = new ArrayList<>();
        if (cell.has(CellOption.FIXED) || cell.has(CellOption.UNCHECKED)) {
            Wasm2cMemoryModel.requireSignedIndexRange(context.guest().settings());
        }
        if (rewrite != null) {
            LinearMemoryImage image = cell.has(CellOption.FIXED) ? LinearMemoryImage.read(wasm) : null;
            Files.writeString(transpiledC,
                    Wasm2cMemoryModel.apply(rewrite, Files.readString(transpiledC), cell, image));
            context.noteRewrites(rewrite.counts());
            if (image != null) {
                objects.add(TranspiledBuild.layOutLinearMemory(context, image));
            }
        }
        Path glue = TranspiledBuild.writeGlue(context, Wasm2cGlue.generate(TranspiledBuild.header(context), MODULE));

        Platform platform = context.platform();
        Path runtimeDir = context.tool(Tools.WASM2C_RUNTIME).getParent();
        List<String> includes = List.of(
                "-I" + platform.rv64im().resolve("shim"),
                "-I" + platform.wasi(),
                "-I" + platform.wasm2c(),
                "-I" + runtimeDir,
                "-I" + work);
        List<String> flags = new ArrayList<>(includes);
        flags.addAll(RUNTIME_FLAGS);
        List<String> runtimeImplFlags = new ArrayList<>(flags);
        runtimeImplFlags.addAll(RENAMED_MEMORY_FUNCTIONS);

        List<Path> transpiled = Wasm2cSplitter.split(transpiledC, context.parallelism());
        objects.addAll(TranspiledBuild.compileModule(context, transpiled, glue, flags));
        objects.add(BareMetalGcc.compile(context, "compile runtime", runtimeDir.resolve("wasm-rt-impl.c"), runtimeImplFlags));
        objects.add(BareMetalGcc.compile(context, "compile runtime", platform.wasm2c().resolve("wasm2c_runtime.c"), flags));
        objects.add(BareMetalGcc.compile(context, "compile runtime", platform.wasm2c().resolve("wasm2c_main.c"), flags));
        TranspiledBuild.linkWithPlatform(context, objects, flags);
    }
}
