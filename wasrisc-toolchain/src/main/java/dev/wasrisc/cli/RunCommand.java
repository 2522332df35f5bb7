package dev.wasrisc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wasrisc.GuestBinary;
import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.build.BuildException;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.guest.GuestNotFoundException;
import dev.wasrisc.guest.NotApplicableException;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.profile.CallTree;
import dev.wasrisc.profile.FrameGroup;
import dev.wasrisc.profile.ProfileDiff;
import dev.wasrisc.profile.ProfileFiles;
import dev.wasrisc.reference.ReferenceRun;
import dev.wasrisc.report.Reports;
import dev.wasrisc.tool.ToolMissingException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds one guest through one pipeline cell, runs it, prints its output and a summary (or one JSON object). */
final class RunCommand {

    private final Wasrisc wasrisc;
    private final PrintStream out;
    private final PrintStream err;

    RunCommand(Wasrisc wasrisc, PrintStream out, PrintStream err) {
        this.wasrisc = wasrisc;
        this.out = out;
        this.err = err;
    }

    /**
     * Exit codes, with or without {@code --json}: the guest's (124 when it timed out; 0 for any
     * finished run with {@code --json}), 2 when the build or the run failed, 3 when tools are
     * missing or the cell does not apply, 64 for a usage error. With {@code --json} every outcome,
     * failures included, is one JSON object on stdout.
     */
    int run(List<String> argv) {
        boolean json = Args.beforeSeparator(argv).contains("--json");
        try {
            return runChecked(argv, json);
        } catch (Args.UsageException e) {
            if (!json) {
                throw e;
            }
            return printFailure(64, "usage", e.getMessage(), Map.of());
        } catch (ToolMissingException e) {
            return cannotBuild(json, "missing tools", e, Map.of("missing",
                    e.missing().stream().map(tool -> Map.of("tool", tool.name(), "hint", tool.installHint())).toList()));
        } catch (NotApplicableException e) {
            return cannotBuild(json, "not applicable", e, Map.of());
        } catch (BuildException e) {
            if (!json) {
                err.println("wasrisc: " + e.getMessage());
                return 2;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("guest", e.guest());
            details.put("pipeline", e.pipeline());
            details.put("command", e.commandLine());
            details.put("outputTail", e.outputTail());
            return printFailure(2, e.stage(), e.getMessage(), details);
        } catch (RuntimeException e) {
            if (!json) {
                throw e;
            }
            return printFailure(2, e instanceof GuestNotFoundException ? "guest" : "run", String.valueOf(e.getMessage()),
                    Map.of());
        }
    }

    private int cannotBuild(boolean json, String stage, RuntimeException e, Map<String, Object> details) {
        if (!json) {
            err.println("wasrisc: cannot build: " + e.getMessage());
            return 3;
        }
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("reason", e.getMessage());
        return printFailure(3, stage, e.getMessage(), all);
    }

    private int runChecked(List<String> argv, boolean json) {
        Args args = Args.parse(argv, Set.of("--pipeline", "-O", "--timeout", "--input", "--compare", "--profile-out"),
                Set.of("--json", "--profile", "--reference"));
        if (args.positionals.size() != 1) {
            throw new Args.UsageException("run takes one guest, such as c/fibonacci");
        }
        if (args.option("--compare").isPresent() && !args.flag("--profile")) {
            throw new Args.UsageException("run --compare CELL compares profiles: add --profile");
        }
        if (args.option("--profile-out").isPresent() && !args.flag("--profile")) {
            throw new Args.UsageException("run --profile-out DIR writes a profile's files: add --profile");
        }
        String pipelineName = args.option("--pipeline").orElseThrow(() -> new Args.UsageException("run needs --pipeline NAME"));
        Pipeline pipeline = pipelineName.contains("-O") && args.option("-O").isEmpty()
                ? Pipelines.parse(pipelineName)
                : Pipelines.parse(pipelineName + "-O" + args.option("-O").orElse("2"));
        GuestProgram program = wasrisc.guest(args.positionals.get(0));
        GuestBinary binary = program.build(pipeline);
        binary = withRunOptions(binary, args);
        String[] guestArgs = args.passThrough.toArray(String[]::new);
        GuestRun run = args.flag("--profile") ? binary.profile(guestArgs) : binary.run(guestArgs);
        if (json) {
            printJson(run, binary.rewrites());
            return 0;
        }
        out.print(run.stdout());
        out.flush();
        err.print(run.stderr());
        err.println("wasrisc: " + run.summary() + "; " + String.format("%,d", run.binaryBytes())
                + " bytes, built in " + run.buildTime().toMillis() + " ms" + (binary.builtNow() ? "" : " (cached)"));
        if (!binary.rewrites().isEmpty()) {
            err.println("wasrisc: rewrites of the generated C: " + rewrites(binary.rewrites()));
        }
        if (args.flag("--reference")) {
            ReferenceRun reference = wasrisc.reference(run.guest(), run.args(), run.input());
            boolean same = reference.stdout().equals(run.stdout())
                    && (reference.trapped() ? run.exitCode() > 128 : reference.exitCode() == run.exitCode());
            err.println("wasrisc: reference (Chicory, " + reference.wallTime().toMillis() + " ms): "
                    + reference.outcome() + ", " + (same ? "same stdout and outcome" : "DIFFERS; it printed:\n"
                    + reference.stdout()));
        }
        if (run.profiled()) {
            reportProfile(program, pipeline, run, args, guestArgs);
        } else if (args.option("--profile-out").isPresent()) {
            err.println("wasrisc: " + run.target().id() + " runs have no call stacks (only qemu's do): nothing written to "
                    + args.option("--profile-out").get());
        }
        return run.timedOut() ? 124 : run.exitCode();
    }

    private void reportProfile(GuestProgram program, Pipeline pipeline, GuestRun run, Args args, String[] guestArgs) {
        Optional<Path> dir = args.option("--profile-out").map(Path::of);
        Optional<CallTree> tree = run.profile().callTree();
        tree.ifPresent(t -> err.println("wasrisc: by group: " + groupShares(t)));
        String name = fileName(run.guest() + "-" + pipeline.id());
        if (dir.isPresent() && tree.isPresent()) {
            written(() -> ProfileFiles.write(dir.get(), name, tree.get(), run.guest() + " · " + pipeline.displayName()
                    + " · " + String.format("%,d", run.instructions()) + " instructions"));
        }
        if (args.option("--compare").isPresent()) {
            Pipeline base = Pipelines.parse(args.option("--compare").get());
            GuestRun baseRun = withRunOptions(program.build(base), args).profile(guestArgs);
            err.println("wasrisc: where the instructions went, against " + base + " (" + baseRun.summary() + "):");
            ProfileDiff diff = ProfileDiff.of(baseRun.profile(), run.profile());
            err.print(diff.format(20, base.displayName(), pipeline.displayName()));
            err.println("wasrisc: the functions whose own instructions grew most:");
            err.print(diff.formatGrowth(10, base.displayName(), pipeline.displayName()));
            Optional<CallTree> baseTree = baseRun.profile().callTree();
            if (dir.isPresent() && tree.isPresent() && baseTree.isPresent()) {
                written(() -> ProfileFiles.write(dir.get(), fileName(run.guest() + "-" + base.id()), baseTree.get(),
                        run.guest() + " · " + base.displayName()));
                written(() -> ProfileFiles.writeDifference(dir.get(), name + "-vs-" + base.id(), baseTree.get(), tree.get(),
                        base.displayName(), pipeline.displayName(),
                        run.guest() + " · " + pipeline.displayName() + " against " + base.displayName()));
            }
        } else {
            err.println("wasrisc: where the instructions went (top 20 of " + run.profile().functions().size()
                    + " functions):");
            err.print(run.profile().format(20));
        }
    }

    /** What the cell's rewrites changed, as {@code functions threaded 1,532, resume jumps threaded 9,210}. */
    static String rewrites(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Shares of the run per frame group, largest first: {@code guest 97.10%, start-up 1.20%}. */
    static String groupShares(CallTree tree) {
        long total = Math.max(1, tree.total());
        return tree.selfByGroup().entrySet().stream()
                .sorted(Map.Entry.<FrameGroup, Long>comparingByValue().reversed())
                .map(e -> String.format("%s %.2f%%", e.getKey().label(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }

    private static String fileName(String text) {
        return text.replace('/', '_');
    }

    private interface FileWrite {
        List<Path> write() throws IOException;
    }

    private void written(FileWrite write) {
        try {
            write.write().forEach(file -> err.println("wasrisc: wrote " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile's files: " + e.getMessage(), e);
        }
    }

    /** The binary with the run's --timeout and --input, so both cells of --compare run alike. */
    private static GuestBinary withRunOptions(GuestBinary binary, Args args) {
        GuestBinary configured = binary;
        if (args.option("--timeout").isPresent()) {
            configured = configured.withTimeout(Duration.ofSeconds(Long.parseLong(args.option("--timeout").get())));
        }
        if (args.option("--input").isPresent()) {
            configured = configured.withInput(inputPath(args.option("--input").get()));
        }
        return configured;
    }

    /**
     * A relative input path is the caller's (the launcher runs from the project folder and passes
     * the folder it was started in); one that is not there is looked up in the guest folder.
     */
    private static Path inputPath(String text) {
        Path path = Path.of(text);
        String callerDir = System.getProperty("wasrisc.callerDir");
        if (path.isAbsolute() || callerDir == null) {
            return path;
        }
        Path fromCaller = Path.of(callerDir).resolve(path);
        return java.nio.file.Files.isRegularFile(fromCaller) ? fromCaller : path;
    }

    private void printJson(GuestRun run, Map<String, Long> rewrites) {
        Map<String, Object> json = new LinkedHashMap<>(Reports.fields(run));
        if (!rewrites.isEmpty()) {
            json.put("rewrites", rewrites);
        }
        json.put("stdout", run.stdout());
        json.put("stderr", run.stderr());
        printObject(json);
    }

    /** The one object a failed {@code run --json} prints: {@code error}, {@code stage}, and what else is known. */
    private int printFailure(int exitCode, String stage, String message, Map<String, Object> details) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", message);
        json.put("stage", stage);
        json.putAll(details);
        printObject(json);
        return exitCode;
    }

    private void printObject(Map<String, Object> json) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
