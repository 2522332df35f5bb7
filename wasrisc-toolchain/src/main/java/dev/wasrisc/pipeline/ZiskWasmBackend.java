package dev.wasrisc.pipeline;

import dev.wasrisc.cell.Target;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Language;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * wasm → ZisK's own WebAssembly path: the module itself is the binary, and ZisK's emulator
 * transpiles it to ZisK code when it loads it. The zkVM's native way in, to compare the project's
 * pipelines with; its counts are ZisK steps ({@link Target#ZISK}). Its WASI is small: stdin from
 * the input region, stdout and stderr to the console (one stream), no arguments or environment.
 */
public final class ZiskWasmBackend implements Backend {

    public static final String NAME = "zisk_wasm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "wasm run by ZisK's emulator, which transpiles the module itself (ZisK steps)";
    }

    @Override
    public Target target(Language language) {
        return Target.ZISK;
    }

    @Override
    public List<Tool> tools(Language language) {
        List<Tool> tools = new ArrayList<>(language.wasmTools());
        tools.add(Tools.ZISKEMU);
        return tools;
    }

    @Override
    public boolean acceptsMultiValue() {
        return false;
    }

    @Override
    public void build(BuildContext context) throws IOException {
        Path wasm = context.guest().language().buildWasm(context);
        Files.copy(wasm, context.output(), StandardCopyOption.REPLACE_EXISTING);
    }
}
