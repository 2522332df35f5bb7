package dev.wasrisc.run;

import dev.wasrisc.build.BuildCache;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.Command;
import dev.wasrisc.exec.CommandResult;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.exec.OutputSizes;
import dev.wasrisc.guest.GuestInput;
import dev.wasrisc.profile.ElfSymbols;
import dev.wasrisc.profile.FunctionTable;
import dev.wasrisc.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a binary under qemu-riscv64 with the instruction-counting plugin, in a private temporary
 * folder, with a timeout.
 *
 * <p>What the guest can observe is fixed so counts repeat exactly: an empty environment and the
 * same argv[0] ({@code guest}) whatever the binary's path.
 */
public final class QemuRunner implements Emulator {

    /** argv[0] as the guest sees it, whatever the binary's path. */
    public static final String GUEST_ARGV0 = "guest";

    private final Executor executor;
    private final Path qemu;
    private final Path plugin;
    private final long maxOutputBytes;

    /** @param maxOutputBytes bytes kept of each of the guest's output streams ({@code wasrisc.output.maxBytes}) */
    public QemuRunner(Executor executor, Path qemu, Path plugin, long maxOutputBytes) {
        this.executor = executor;
        this.qemu = qemu;
        this.plugin = plugin;
        this.maxOutputBytes = maxOutputBytes;
    }

    private static final String GUEST_FILE = "guest";
    private static final String ENTRY_LINK = "entry";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** {@code TMPDIR/wasrisc-run-} and 16 hex digits: unique, and always as long. */
    private static Path runFolder() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        while (true) {
            try {
                return Files.createDirectory(tmp.resolve(String.format("wasrisc-run-%016x", RANDOM.nextLong())));
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another run drew the same name: draw again
            }
        }
    }

    private static void placeExecutable(Path elf, Path target) throws IOException {
        try {
            Files.createLink(target, elf);
        } catch (IOException | UnsupportedOperationException otherFileSystem) {
            Files.copy(elf, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    @Override
    public EmulatorRun run(Launch launch) throws IOException {
        return run(launch.elf(), launch.launchArgs(), launch.target(), launch.args(), launch.input(), launch.timeout(),
                launch.profile());
    }

    /**
     * Runs {@code elf} with {@code launchArgs} (a runtime's entry files, which may lie beside the
     * ELF) and then the guest's {@code args}.
     */
    public EmulatorRun run(Path elf, List<String> launchArgs, Target target, List<String> args, GuestInput input,
            Duration timeout, boolean profile) throws IOException {
        Path dir = runFolder();
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
            String mode = target == Target.RV64IM ? "inline" : "atomic";
            Path callGraph = dir.resolve("callgraph");
            String pluginArgs = plugin + ",outfile=" + countFile + ",mode=" + mode;
            FunctionTable functions = null;
            if (profile) {
                functions = FunctionTable.of(elf);
                functions.write(dir.resolve("functions"));
                pluginArgs += ",functions=" + dir.resolve("functions") + ",callgraph=" + callGraph;
            }
            // The guest sees the executable's path twice: qemu-user copies it onto the stack, and a
            // static glibc reads /proc/self/exe (qemu answers with the file's real path). Either moved
            // counts with the build cache's folder: c/read_input direct -O2 took 857 or 867
            // instructions, rust/hello_world direct -O2 26,801 or 27,048. So the guest is started as
            // ./guest, a hard link (or copy) in a run folder whose path always has the same length,
            // and a runtime's entry files are entry/... through a link.
            Path entry = elf.getParent();
            placeExecutable(elf, dir.resolve(GUEST_FILE));
            Files.createSymbolicLink(dir.resolve(ENTRY_LINK), entry);
            List<String> entryArgs = launchArgs.stream()
                    .map(arg -> arg.startsWith(entry + "/") ? ENTRY_LINK + arg.substring(entry.toString().length()) : arg)
                    .toList();
            Command command = Command.of(qemu, "-seed", "1", "-0", GUEST_ARGV0, "-plugin", pluginArgs, "./" + GUEST_FILE)
                    .args(entryArgs)
                    .args(args)
                    .in(dir)
                    .cleanEnvironment()
                    .timeout(timeout)
                    .stdin(stdin)
                    .maxOutputBytes(maxOutputBytes)
                    .build();
            CommandResult result = executor.execute(command);
            long instructions = -1;
            int threads = 0;
            List<AcceleratorUse> accelerators = List.of();
            if (Files.isRegularFile(countFile)) {
                List<String> lines = Files.readAllLines(countFile);
                String[] fields = lines.get(0).trim().split("\\s+");
                instructions = Long.parseLong(fields[0]);
                threads = fields.length > 1 ? Integer.parseInt(fields[1]) : 1;
                accelerators = accelerators(lines.subList(1, lines.size()), elf);
            }
            String stderr = result.stderrText();
            if (instructions < 0 && !result.timedOut()) {
                // The plugin reports at exit; without a report qemu itself died, usually from a signal.
                stderr += "wasrisc: qemu-riscv64 ended without an instruction count (exit " + result.exitCode()
                        + (result.exitCode() > 128 ? ", killed by signal " + (result.exitCode() - 128) : "") + ")\n";
            }
            Profile profiled = instructions >= 0 && profile ? Profile.of(functions.readCallTree(callGraph)) : null;
            return new EmulatorRun(result.exitCode(), result.stdoutText(), stderr, instructions, threads, result.wallTime(),
                    result.timedOut(), profiled, null, accelerators, OutputSizes.of(result, maxOutputBytes));
        } finally {
            BuildCache.deleteTree(dir);
        }
    }

    /**
     * The plugin's "accelerator ADDRESS CALLS BYTES INSTRUCTIONS" lines, each named from the ELF's
     * symbol at the address (the zkvm_* wrapper that marked the calls), by name.
     */
    private static List<AcceleratorUse> accelerators(List<String> lines, Path elf) throws IOException {
        if (lines.isEmpty()) {
            return List.of();
        }
        ElfSymbols symbols = ElfSymbols.read(elf);
        List<AcceleratorUse> uses = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 5 || !fields[0].equals("accelerator")) {
                continue;
            }
            String symbol = symbols.nameOf(Long.parseUnsignedLong(fields[1], 16));
            uses.add(new AcceleratorUse(symbol.startsWith("zkvm_") ? symbol.substring(5) : symbol,
                    Long.parseLong(fields[2]), Long.parseLong(fields[3]), Long.parseLong(fields[4])));
        }
        uses.sort(Comparator.comparing(AcceleratorUse::name));
        return uses;
    }
}
