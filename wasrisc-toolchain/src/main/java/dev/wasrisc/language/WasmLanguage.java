package dev.wasrisc.language;

import dev.wasrisc.cell.Target;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Language;
import dev.wasrisc.guest.NotApplicableException;
import dev.wasrisc.tool.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Prebuilt guests: a folder holding {@code module.wasm}, a WASI preview 1 command module from any
 * compiler that reaches WASI (TinyGo, Zig, AssemblyScript, .NET, …) that WASRISC does not drive
 * itself. Every WebAssembly pipeline and the reference interpreter start from that module as it
 * is; {@code direct} has no sources to compile, so its cells are not applicable.
 */
public final class WasmLanguage implements Language {

    public static final String MODULE = "module.wasm";

    @Override
    public String name() {
        return "wasm";
    }

    @Override
    public boolean recognizes(Path guestDir) {
        return Files.isRegularFile(guestDir.resolve(MODULE));
    }

    @Override
    public List<Tool> wasmTools() {
        return List.of();
    }

    @Override
    public Path buildWasm(BuildContext context) throws IOException {
        return Files.copy(context.guest().dir().resolve(MODULE), context.workDir().resolve(MODULE));
    }

    @Override
    public Optional<String> whyNotDirect() {
        return Optional.of("a prebuilt module (" + MODULE + ") has no sources for direct to compile natively");
    }

    @Override
    public Target directTarget() {
        return Target.RV64IM;
    }

    @Override
    public List<Tool> directTools() {
        return List.of();
    }

    @Override
    public void buildDirect(BuildContext context) {
        throw new NotApplicableException(context.guest().name() + " via direct: " + whyNotDirect().orElseThrow());
    }
}
