package dev.wasrisc;

import dev.wasrisc.build.BuildCache;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.guest.GuestSettings;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.run.InstructionCounterPlugin;
import dev.wasrisc.run.Emulator;
import dev.wasrisc.run.EmulatorRun;
import dev.wasrisc.run.QemuRunner;
import dev.wasrisc.run.RunLimits;
import dev.wasrisc.run.ZiskRunner;
import dev.wasrisc.tool.Toolchain;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs built cells under their target's emulator and turns what it gave into a {@link GuestRun}. The
 * counting plugin is compiled on the first run, so sessions that only build never need a C
 * compiler for it. Thread-safe.
 */
final class GuestRunner {

    private final Platform platform;
    private final BuildCache cache;
    private final Toolchain toolchain;
    private final Executor executor;
    private final boolean profileAll;
    private volatile QemuRunner qemu;
    private volatile ZiskRunner zisk;

    private final RunLimits limits;

    GuestRunner(Platform platform, BuildCache cache, Toolchain toolchain, Executor executor, boolean profileAll,
            RunLimits limits) {
        this.limits = limits;
        this.platform = platform;
        this.cache = cache;
        this.toolchain = toolchain;
        this.executor = executor;
        this.profileAll = profileAll;
    }

    /** Whether every run is profiled ({@code wasrisc.profile}), not only {@link GuestBinary#profile}'s. */
    boolean profileAll() {
        return profileAll;
    }

    GuestRun run(GuestBinary binary, List<String> args, GuestInput input, Duration timeout, boolean profile)
            throws IOException {
        EmulatorRun run = emulator(binary.target()).run(new Emulator.Launch(binary.elf(), binary.launchArgs(),
                binary.target(), args, input, timeout, profile));
        return new GuestRun(
                new GuestRun.Build(binary.guest().name(), binary.guest().language().name(), binary.pipeline(),
                        binary.target(), binary.bytes(), binary.buildTime(), binary.code(), binary.rewrites(),
                        binary.builtNow()),
                args, input,
                new GuestRun.Outcome(run.exitCode(), run.stdout(), run.stderr(), run.timedOut(), run.written()),
                new GuestRun.Measurement(run.instructions(), run.threads(), run.wallTime(),
                        work(binary.guest().settings().work(), run.stdout()), run.profile(), run.cost()));
    }

    private static GuestRun.Work work(GuestSettings.Work measure, String stdout) {
        if (measure == null) {
            return null;
        }
        long amount = measure.amount(stdout);
        return amount < 0 ? null : new GuestRun.Work(measure.unit(), amount);
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
