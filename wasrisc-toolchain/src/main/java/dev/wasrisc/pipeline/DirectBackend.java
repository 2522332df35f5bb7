package dev.wasrisc.pipeline;

import dev.wasrisc.cell.Target;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Language;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** No WebAssembly: the guest's own compiler targets RISC-V. The baseline every WASM pipeline is compared with. */
public final class DirectBackend implements Backend {

    public static final String NAME = "direct";

    @Override
    public boolean servesAccelerators() {
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "guest compiled straight to RISC-V (C: riscv64-unknown-elf-gcc + picolibc, bare metal; "
                + "Go, Rust: static riscv64 Linux programs)";
    }

    @Override
    public Target target(Language language) {
        return language.directTarget();
    }

    @Override
    public List<Tool> tools(Language language) {
        List<Tool> tools = new ArrayList<>(language.directTools());
        if (!tools.contains(Tools.QEMU_RISCV64)) {
            tools.add(Tools.QEMU_RISCV64);
        }
        return tools;
    }

    @Override
    public void build(BuildContext context) throws IOException {
        context.guest().language().buildDirect(context);
    }
}
