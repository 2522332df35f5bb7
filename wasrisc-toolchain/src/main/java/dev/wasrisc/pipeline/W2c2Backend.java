package dev.wasrisc.pipeline;

import dev.wasrisc.build.Action;
import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.cgen.CRewrite;
import dev.wasrisc.cgen.Transpiler;
import dev.wasrisc.cgen.W2c2Glue;
import dev.wasrisc.cgen.W2c2MemoryModel;
import dev.wasrisc.cgen.W2c2ResumeDispatch;
import dev.wasrisc.cgen.Wasm2cMemoryModel;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Language;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.recipe.BareMetalGcc;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import dev.wasrisc.wasm.LinearMemoryImage;
import dev.wasrisc.wasm.WasmModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * wasm → C with w2c2 (github.com/turbolent/w2c2) → riscv64-unknown-elf-gcc, linked with the platform
 * (platform/w2c2 and the shared WASI core) into a bare-metal rv64im ELF. The cell's -O level is the
 * C compiler's.
 *
 * <p>w2c2_base.h, which the generated code includes, must come from the same w2c2 build: it is the
 * {@link Tools#W2C2_BASE} tool, found in /usr/local/include or wherever
 * {@code -Dwasrisc.tool.w2c2-base=PATH} points (in a w2c2 source tree: {@code w2c2/w2c2_base.h}).
 *
 * <p>Unlike wasm2c, w2c2 checks no bounds: an out-of-bounds load or store, or a call_indirect
 * through a bad index or type, is not a WebAssembly trap but undefined behaviour (usually a
 * segmentation fault). Functions returning several values are rejected by w2c2.
 */
public final class W2c2Backend implements Backend {

    /** The module's name in the generated code: w2c2 takes it from the wasm file's name. */
    private static final String MODULE = TranspiledBuild.MODULE;

    /**
     * Modules at least this large are written as several C files ({@code w2c2 -f}) that compile in
     * parallel; smaller ones stay one file, compiled exactly as w2c2 wrote it.
     */
    static final long SPLIT_THRESHOLD_BYTES = 512L << 10;

    /** The files w2c2 -f writes the functions into, next to the main file. */
    private static final Pattern PART = Pattern.compile("s\\d{10}\\.c");

    @Override
    public boolean servesAccelerators() {
        return true;
    }

    @Override
    public String name() {
        return "w2c2";
    }

    @Override
    public String description() {
        return "wasm → C (w2c2) → riscv64-unknown-elf-gcc + picolibc, bare metal (no memory bounds checks)";
    }

    @Override
    public boolean compilesTranspiledC() {
        return true;
    }

    /** w2c2 rejects functions with several results. */
    @Override
    public boolean acceptsMultiValue() {
        return false;
    }

    /** w2c2 checks no bounds in any cell, so it has no {@code unchecked} option. */
    @Override
    public Set<CellOption> options() {
        return EnumSet.of(CellOption.FIXED, CellOption.UNALIGNED, CellOption.THREADED, CellOption.WASM_OPT);
    }

    @Override
    public List<Path> platformInputs(Platform platform) {
        return List.of(platform.w2c2());
    }

    @Override
    public Target target(Language language) {
        return Target.RV64IM;
    }

    @Override
    public List<Tool> tools(Language language) {
        List<Tool> tools = new ArrayList<>(language.wasmTools());
        tools.add(Tools.W2C2);
        tools.add(Tools.W2C2_BASE);
        tools.addAll(BareMetalGcc.TOOLS);
        tools.add(Tools.CLANG); // only used by clang cells; it is a tool of the default set anyway
        return tools;
    }

    @Override
    public List<Tool> tools(Language language, Pipeline cell) {
        return WasmOpt.tools(tools(language), cell);
    }


    /** Rewrites the transpiled files for the cell's options. */
    private static void rewrite(BuildContext context, CRewrite rewrite, List<Path> transpiled) throws IOException {
        Pipeline cell = context.pipeline();
        for (Path source : transpiled) {
            CRewrite file = rewrite.in(source.getFileName().toString());
            String c = Files.readString(source);
            c = cell.has(CellOption.FIXED) ? W2c2MemoryModel.transpiled(file, c) : c;
            c = cell.has(CellOption.THREADED) ? W2c2ResumeDispatch.thread(file, c) : c;
            Files.writeString(source, c);
        }
        if (cell.has(CellOption.FIXED)) {
            W2c2MemoryModel.requireSignedAddresses(rewrite);
        }
        // Go's back end writes every function as a resume loop; C's and Rust's have none to thread.
        if (cell.has(CellOption.THREADED) && context.guest().language().name().equals("go")) {
            W2c2ResumeDispatch.requireThreaded(rewrite);
        }
    }

    @Override
    public void build(BuildContext context) throws IOException {
        Pipeline cell = context.pipeline();
        // Before the module's build, so that an unsupported w2c2 fails at once.
        CRewrite rewrite = Transpiler.rewrites(cell) ? Transpiler.W2C2.rewrite(context, MODULE + ".c") : null;
        Path work = context.workDir();
        // w2c2 names the module after the wasm file; the language's module.wasm stays for the cache entry.
        Path wasm = Files.copy(WasmOpt.module(context), work.resolve(MODULE + ".wasm"));
        WasmModule module = WasmModule.read(wasm);

        Command.Builder transpile = Command.of(context.tool(Tools.W2C2)).arg("-m");
        int parts = context.parallelism();
        if (parts > 1 && Files.size(wasm) >= SPLIT_THRESHOLD_BYTES && module.definedFunctions() > parts) {
            int perFile = (module.definedFunctions() + parts - 1) / parts;
            transpile.arg("-f").arg(perFile);
        }
        context.perform(Action.of("transpile", transpile.arg(wasm).arg(work.resolve(MODULE + ".c")))
                .output(work.resolve(MODULE + ".c"))
                .output(work.resolve(MODULE + ".h"))
                .outputsMatching(work, PART));
        Path glue = TranspiledBuild.writeGlue(context,
                W2c2Glue.generate(module, TranspiledBuild.header(context), MODULE));

        List<Path> transpiled = new ArrayList<>();
        transpiled.add(work.resolve(MODULE + ".c"));
        try (Stream<Path> files = Files.list(work)) {
            files.filter(file -> PART.matcher(file.getFileName().toString()).matches()).sorted()
                    .forEach(transpiled::add);
        }

        Platform platform = context.platform();
        Path w2c2Platform = platform.w2c2();
        Path baseHeaderDir = context.tool(Tools.W2C2_BASE).getParent();
        List<Path> objects = new ArrayList<>();
        if (cell.has(CellOption.FIXED)) {
            Wasm2cMemoryModel.requireSignedIndexRange(context.guest().settings());
            LinearMemoryImage image = LinearMemoryImage.read(wasm);
            Path main = transpiled.get(0);
            Files.writeString(main, W2c2MemoryModel.withoutSegmentCopies(Files.readString(main), image));
            objects.add(TranspiledBuild.layOutLinearMemory(context, image));
        }
        if (rewrite != null) {
            rewrite(context, rewrite, transpiled);
        }
        if (W2c2MemoryModel.rewritesHeader(cell)) {
            Path installed = context.tool(Tools.W2C2_BASE);
            baseHeaderDir = W2c2MemoryModel.writeHeader(rewrite.in(installed.getFileName().toString()), installed,
                    work.resolve("memory-model"), cell);
        }
        if (rewrite != null) {
            context.noteRewrites(rewrite.counts());
        }
        List<String> flags = List.of(
                "-I" + w2c2Platform,
                "-I" + platform.wasi(),
                "-I" + baseHeaderDir,
                "-I" + work,
                "-include", "wasrisc_w2c2.h");

        objects.addAll(TranspiledBuild.compileModule(context, transpiled, glue, flags));
        objects.add(BareMetalGcc.compile(context, "compile runtime", w2c2Platform.resolve("w2c2_runtime.c"), flags));
        objects.add(BareMetalGcc.compile(context, "compile runtime", w2c2Platform.resolve("w2c2_main.c"), flags));
        TranspiledBuild.linkWithPlatform(context, objects, List.of("-I" + platform.wasi()));
    }
}
