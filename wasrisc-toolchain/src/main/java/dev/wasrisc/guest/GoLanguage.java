package dev.wasrisc.guest;

import dev.wasrisc.Target;
import dev.wasrisc.exec.Command;
import dev.wasrisc.pipeline.BuildContext;
import dev.wasrisc.pipeline.NativeImports;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Go guests: a module ({@code go.mod}) whose main package is the guest folder. WebAssembly comes
 * from {@code GOOS=wasip1 GOARCH=wasm}; {@code direct} builds {@code GOOS=linux GOARCH=riscv64}, a
 * static riscv64 Linux program. Custom imports are {@code //go:wasmimport} in a {@code wasip1} file
 * and a cgo binding to the platform's C implementation in a {@code !wasip1} file; the build links
 * the platform's import implementations as {@code libwasrisc_imports.a} for that binding.
 */
public final class GoLanguage implements Language {

    @Override
    public String name() {
        return "go";
    }

    @Override
    public boolean recognizes(Path guestDir) {
        return Files.isRegularFile(guestDir.resolve("go.mod"));
    }

    @Override
    public List<Tool> wasmTools() {
        return List.of(Tools.GO);
    }

    @Override
    public Path buildWasm(BuildContext context) throws IOException {
        Path wasm = context.workDir().resolve("module.wasm");
        context.run("compile to wasm", goBuild(context, wasm)
                .env("GOOS", "wasip1").env("GOARCH", "wasm").env("CGO_ENABLED", "0"));
        return wasm;
    }

    @Override
    public Target directTarget() {
        return Target.RISCV64_LINUX;
    }

    @Override
    public List<Tool> directTools() {
        return List.of(Tools.GO, Tools.RISCV64_LINUX_GCC, Tools.QEMU_RISCV64);
    }

    @Override
    public void buildDirect(BuildContext context) throws IOException {
        Path libDir = NativeImports.buildLinuxLibrary(context);
        Command.Builder build = goBuild(context, context.output())
                .env("GOOS", "linux").env("GOARCH", "riscv64")
                .env("CGO_ENABLED", "1")
                .env("CC", context.tool(Tools.RISCV64_LINUX_GCC).toString())
                .env("CGO_LDFLAGS", "-L" + libDir + " -lwasrisc_imports");
        context.run("compile", build);
    }

    private static Command.Builder goBuild(BuildContext context, Path output) {
        List<String> args = new ArrayList<>(List.of("build", "-trimpath", "-buildvcs=false"));
        if (context.optLevel() == 0 && output.equals(context.output())) {
            // Go has no -O levels; -O0 means what it means for C: no optimisation, no inlining.
            args.add("-gcflags=all=-N -l");
        }
        if (output.equals(context.output())) {
            // Static even when cgo links the import implementations; symbols stay for profiles.
            args.add("-ldflags=-extldflags=-static");
        }
        args.add("-o");
        args.add(output.toString());
        args.add(".");
        return Command.of(context.tool(Tools.GO)).args(args).in(context.guest().dir());
    }
}
