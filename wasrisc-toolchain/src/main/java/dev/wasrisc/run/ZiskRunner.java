package dev.wasrisc.run;

import dev.wasrisc.build.BuildCache;
import dev.wasrisc.exec.Command;
import dev.wasrisc.exec.CommandResult;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.exec.OutputSizes;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.guest.NotApplicableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a program under ZisK's emulator ({@code ziskemu}) and reads its step count: the zkVM's own
 * measure beside QEMU's instruction count. The guest's input goes in ZisK's input region with a
 * length in front ({@code --legacy-inputs}, the layout its WASI {@code fd_read} reads); the step
 * count comes from the metrics line {@code -m} prints after the guest's output.
 */
public final class ZiskRunner implements Emulator {

    /** What ziskemu prints last with {@code -m}. */
    private static final Pattern METRICS = Pattern.compile("process_rom\\(\\) steps=(\\d+) [^\\n]*\\R?\\z");

    /** What ziskemu prints the first time a WebAssembly module asks for random bytes. */
    static final String RANDOM_NOTICE = "WARNING: Using insecure random number generator.\n";

    /** ziskemu's panic when its ahead-of-time translation meets a word it cannot translate. */
    static final String UNTRANSPILABLE = "found invalid riscv_instruction";

    /**
     * The box ziskemu prints before a run whose ELF has a segment both readable and executable (WAMR's
     * --xip module, which its loader reads and runs in place).
     */
    static final Pattern SEGMENT_NOTICE = Pattern.compile(
            "\n?(#{10,}\n(#[^\n]*#\n)*#{10,}\n)+\n?");

    /** The default step limit (-n): a run that needs more steps ends as a timeout does. */
    public static final long MAX_STEPS = 100_000_000_000L;

    private final Executor executor;
    private final Path ziskemu;
    private final long maxSteps;
    private final long maxOutputBytes;

    /** @param maxOutputBytes bytes kept of each of the guest's output streams ({@code wasrisc.output.maxBytes}) */
    public ZiskRunner(Executor executor, Path ziskemu, long maxSteps, long maxOutputBytes) {
        this.executor = executor;
        this.ziskemu = ziskemu;
        this.maxSteps = maxSteps;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** Profiling a ZisK run means its cost report. */
    @Override
    public EmulatorRun run(Launch launch) throws IOException {
        if (!launch.launchArgs().isEmpty()) {
            // Only runtimes that load the guest take them, and those are Linux programs qemu runs.
            throw new IllegalArgumentException("ZisK's emulator runs the program itself; it takes no launch "
                    + "arguments, and this one has " + launch.launchArgs());
        }
        return run(launch.elf(), launch.args(), launch.input(), launch.timeout(), launch.profile());
    }

    /**
     * Runs {@code program} (a ZisK ELF or a WebAssembly module) on {@code input}; with {@code cost},
     * also ZisK's cost report ({@code -X}), which makes the emulator about 3.4 times slower.
     */
    public EmulatorRun run(Path program, List<String> args, GuestInput input, Duration timeout, boolean cost)
            throws IOException {
        if (!args.isEmpty()) {
            throw new NotApplicableException("ZisK's emulator passes a program no command-line arguments (its WASI "
                    + "args_get gives none), and this run has " + args);
        }
        Path dir = Files.createTempDirectory("wasrisc-zisk-");
        try {
            Command.Builder command = Command.of(ziskemu, "-e", program, "-n", maxSteps, "-m");
            if (cost) {
                command.arg("-X");
            }
            if (!input.isNone()) {
                Path stdin = dir.resolve("input");
                input.copyTo(stdin);
                command.args(List.of("--legacy-inputs", stdin.toString()));
            }
            CommandResult result = executor.execute(command.in(dir).cleanEnvironment().timeout(timeout)
                    .maxOutputBytes(maxOutputBytes).build());
            return read(result, maxSteps, maxOutputBytes);
        } finally {
            BuildCache.deleteTree(dir);
        }
    }

    static EmulatorRun read(CommandResult result, long maxSteps, long maxOutputBytes) {
        String stdout = result.stdoutText();
        String stderr = result.stderrText();
        String emulatorStdout = stdout;
        String emulatorStderr = stderr;
        // The emulator's notices share the console with the guest: they go to stderr, not output.
        Matcher segmentNotice = SEGMENT_NOTICE.matcher(stdout);
        if (segmentNotice.lookingAt()) {
            stderr = segmentNotice.group() + stderr;
            stdout = stdout.substring(segmentNotice.end());
        }
        if (stdout.startsWith(RANDOM_NOTICE)) {
            stdout = stdout.substring(RANDOM_NOTICE.length());
            stderr = RANDOM_NOTICE + stderr;
        }
        long steps = -1;
        Matcher metrics = METRICS.matcher(stdout);
        if (metrics.find()) {
            steps = Long.parseLong(metrics.group(1));
            stdout = stdout.substring(0, metrics.start());
        }
        ZiskCost cost = null;
        int report = stdout.lastIndexOf(ZiskCost.REPORT_START);
        if (report >= 0) {
            cost = ZiskCost.parse(stdout.substring(report));
            stdout = stdout.substring(0, report);
        }
        int exitCode = result.exitCode();
        OutputSizes written = OutputSizes.of(result, maxOutputBytes)
                .rewritten(emulatorStdout, stdout, emulatorStderr, stderr);
        boolean outOfSteps = stderr.contains("EmulationNoCompleted");
        if (steps < 0 && !result.timedOut()) {
            stderr += "wasrisc: ziskemu ended without a step count (exit " + result.exitCode() + ")"
                    + (outOfSteps ? ": the program did not end within " + String.format("%,d", maxSteps)
                    + " steps (wasrisc.zisk.maxSteps)" : "") + "\n";
            if (stderr.contains(UNTRANSPILABLE)) {
                stderr += "wasrisc: ziskemu translates every word of the ELF's executable segments before it runs, "
                        + "and one of this binary's is an instruction it does not have (named above). A wamr_xip "
                        + "binary keeps its whole AOT file, data as well as code, in such a segment: data that "
                        + "reads as an instruction ZisK lacks stops it.\n";
            }
        }
        return new EmulatorRun(exitCode, stdout, stderr, steps, 1, result.wallTime(), result.timedOut() || outOfSteps, null,
                cost, List.of(), written);
    }
}
