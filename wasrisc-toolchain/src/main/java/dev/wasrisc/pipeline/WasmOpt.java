package dev.wasrisc.pipeline;

import dev.wasrisc.build.Action;
import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code wasmopt} cell option: binaryen's optimiser between the front end and the pipeline. */
final class WasmOpt {

    /**
     * The proposals the front ends' modules use (Go: sign extension, saturating conversions; Rust
     * also bulk memory, multi-value and reference types). Go writes no target-features section, so
     * binaryen cannot detect them, and they are all ones the pipelines take.
     */
    private static final List<String> FEATURES = List.of("--enable-sign-ext", "--enable-nontrapping-float-to-int",
            "--enable-mutable-globals", "--enable-bulk-memory", "--enable-multivalue", "--enable-reference-types");

    private WasmOpt() {}

    /** A pipeline's tools, with wasm-opt when the cell asks for it. */
    static List<Tool> tools(List<Tool> pipelineTools, Pipeline cell) {
        if (!cell.has(CellOption.WASM_OPT)) {
            return pipelineTools;
        }
        List<Tool> tools = new ArrayList<>(pipelineTools);
        tools.add(Tools.WASM_OPT);
        return tools;
    }

    /** The guest's module as the pipeline takes it: built by its language, then optimised when the cell asks. */
    static Path module(BuildContext context) throws IOException {
        return apply(context, context.guest().language().buildWasm(context));
    }

    /** The module the pipeline transpiles: optimised when the cell asks for it, else {@code wasm} itself. */
    static Path apply(BuildContext context, Path wasm) throws IOException {
        if (!context.pipeline().has(CellOption.WASM_OPT)) {
            return wasm;
        }
        Path optimised = context.workDir().resolve("module-wasm-opt.wasm");
        context.perform(Action.of("optimise module", Command.of(context.tool(Tools.WASM_OPT))
                .arg("-O3").args(FEATURES).arg(wasm).arg("-o").arg(optimised))
                .output(optimised));
        return optimised;
    }
}
