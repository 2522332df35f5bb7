package dev.wasrisc.session;

import dev.wasrisc.build.BuildCache;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.run.Emulator;
import dev.wasrisc.run.EmulatorRun;
import dev.wasrisc.run.InstructionCounterPlugin;
import dev.wasrisc.run.QemuRunner;
import dev.wasrisc.run.RunLimits;
import dev.wasrisc.run.ZiskRunner;
import dev.wasrisc.tool.Toolchain;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs built cells under their target's emulator. The counting plugin is compiled on the first
 * run, so sessions that only build never need a C compiler for it. Thread-safe.
 */
public final class GuestRunner implements CellRuns {

    private final Platform platform;
    private final BuildCache cache;
    private final Toolchain toolchain;
    private final Executor executor;
    private final boolean profileAll;
    private volatile QemuRunner qemu;
    private volatile ZiskRunner zisk;

    private final RunLimits limits;

    public GuestRunner(Platform platform, BuildCache cache, Toolchain toolchain, Executor executor, boolean profileAll,
            RunLimits limits) {
        this.limits = limits;
        this.platform = platform;
        this.cache = cache;
        this.toolchain = toolchain;
        this.executor = executor;
        this.profileAll = profileAll;
    }

    @Override
    public boolean profileAll() {
        return profileAll;
    }

    @Override
    public EmulatorRun run(BuiltCell cell, List<String> args, GuestInput input, Duration timeout, boolean profile)
            throws IOException {
        return emulator(cell.target()).run(new Emulator.Launch(cell.elf(), cell.launchArgs(), cell.target(), args,
                input, timeout, profile));
    }

    /** The one place a target meets its emulator: a new target does not compile until it has one. */
    private Emulator emulator(Target target) throws IOException {
        return switch (target) {
            case RV64IM, RISCV64_LINUX -> qemu();
            case ZISK -> zisk();
        };
    }

    private ZiskRunner zisk() {
        if (zisk == null) {
            zisk = new ZiskRunner(executor, toolchain.path(Tools.ZISKEMU), limits.ziskMaxSteps(),
                    limits.maxOutputBytes());
        }
        return zisk;
    }

    private QemuRunner qemu() throws IOException {
        if (qemu == null) {
            synchronized (this) {
                if (qemu == null) {
                    qemu = new QemuRunner(executor, toolchain.path(Tools.QEMU_RISCV64),
                            InstructionCounterPlugin.build(platform.qemuPlugin(), cache, toolchain, executor),
                            limits.maxOutputBytes());
                }
            }
        }
        return qemu;
    }
}
