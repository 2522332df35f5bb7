package dev.wasrisc.run;

import dev.wasrisc.GuestBinary;
import dev.wasrisc.GuestInput;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Target;
import dev.wasrisc.build.BuildCache;
import dev.wasrisc.guest.GuestSettings;
import dev.wasrisc.exec.Command;
import dev.wasrisc.exec.CommandResult;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a binary under qemu-riscv64 with the instruction-counting plugin, in a private temporary
 * folder, with a timeout.
 *
 * <p>What the guest can observe is fixed so counts repeat exactly: an empty environment and the
 * same argv[0] ({@code guest}) whatever the binary's path.
 */
public final class QemuRunner {

    /** argv[0] as the guest sees it, whatever the binary's path. */
    public static final String GUEST_ARGV0 = "guest";

    private final Executor executor;
    private final Path qemu;
    private final Path plugin;

    public QemuRunner(Executor executor, Path qemu, Path plugin) {
        this.executor = executor;
        this.qemu = qemu;
        this.plugin = plugin;
    }

    private static final String GUEST_FILE = "guest";
    private static final String ENTRY_LINK = "entry";

    public GuestRun run(GuestBinary binary, List<String> args, GuestInput input, Duration timeout, boolean profile)
            throws IOException {
        Path dir = Files.createTempDirectory("wasrisc-run-");
        try {
            // The run's own copy: a folder every executor can see, and a file nobody changes mid-run.
            Path stdin = null;
            if (!input.isNone()) {
                stdin = dir.resolve("stdin");
                input.copyTo(stdin);
            }
            Path countFile = dir.resolve("instructions");
            // Bare-metal guests have one thread: the cheap inline counter is exact. Linux guests may
            // start threads, whose parallel updates need the atomic counter. -seed fixes the
            // AT_RANDOM bytes a Linux runtime seeds its hashes with.
            String mode = binary.target() == Target.RV64IM ? "inline" : "atomic";
            Path blockFile = dir.resolve("blocks");
            String pluginArgs = plugin + ",outfile=" + countFile + ",mode=" + mode + (profile ? ",profile=" + blockFile : "");
            // qemu-user copies the executable's path (and the arguments) onto the guest's stack, so a
            // build cache in a longer folder moved the stack and, through alignment-dependent copies,
            // the count (c/read_input direct -O2: 857 instructions under ~/.cache, 867 elsewhere).
            // The guest is started as ./guest from the run's folder, its entry files as entry/...
            Path entry = binary.elf().getParent();
            Files.createSymbolicLink(dir.resolve(GUEST_FILE), binary.elf());
            Files.createSymbolicLink(dir.resolve(ENTRY_LINK), entry);
            List<String> launchArgs = binary.launchArgs().stream()
                    .map(arg -> arg.startsWith(entry + "/") ? ENTRY_LINK + arg.substring(entry.toString().length()) : arg)
                    .toList();
            Command command = Command.of(qemu, "-seed", "1", "-0", GUEST_ARGV0, "-plugin", pluginArgs, "./" + GUEST_FILE)
                    .args(launchArgs)
                    .args(args)
                    .in(dir)
                    .cleanEnvironment()
                    .timeout(timeout)
                    .stdin(stdin)
                    .build();
            CommandResult result = executor.execute(command);
            long instructions = -1;
            int threads = 0;
            if (Files.isRegularFile(countFile)) {
                String[] fields = Files.readString(countFile).trim().split("\\s+");
                instructions = Long.parseLong(fields[0]);
                threads = fields.length > 1 ? Integer.parseInt(fields[1]) : 1;
            }
            String stderr = result.stderrText();
            if (instructions < 0 && !result.timedOut()) {
                // The plugin reports at exit; without a report qemu itself died, usually from a signal.
                stderr += "wasrisc: qemu-riscv64 ended without an instruction count (exit " + result.exitCode()
                        + (result.exitCode() > 128 ? ", killed by signal " + (result.exitCode() - 128) : "") + ")\n";
            }
            Profile profiled = instructions >= 0 && profile ? Profile.read(blockFile, binary.elf()) : null;
            return new GuestRun(binary.guest().name(), binary.guest().language().name(), binary.pipeline(), binary.target(), args, input,
                    result.exitCode(), result.stdoutText(), stderr, instructions, threads,
                    result.wallTime(), result.timedOut(), binary.bytes(), binary.buildTime(), binary.code(),
                    work(binary.guest().settings().work(), result.stdoutText()), profiled);
        } finally {
            BuildCache.deleteTree(dir);
        }
    }

    private static GuestRun.Work work(GuestSettings.Work measure, String stdout) {
        if (measure == null) {
            return null;
        }
        long amount = measure.amount(stdout);
        return amount < 0 ? null : new GuestRun.Work(measure.unit(), amount);
    }
}
