package dev.wasrisc.cli;

import dev.wasrisc.Wasrisc;
import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.guest.Language;
import dev.wasrisc.language.Languages;
import dev.wasrisc.pipeline.Backend;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.resolve.Resolution;
import dev.wasrisc.tool.ResolvedTool;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every pipeline for every language: available or not, and every tool with its path, version or install hint. */
final class DoctorCommand {

    private final Wasrisc wasrisc;
    private final PrintStream out;

    DoctorCommand(Wasrisc wasrisc, PrintStream out) {
        this.wasrisc = wasrisc;
        this.out = out;
    }

    int run(List<String> argv) {
        Args args = Args.parse(argv, Set.of(), Set.of("--strict"));
        out.println("WASRISC doctor");
        out.println("  guests:   " + wasrisc.config().guestsDir());
        out.println("  platform: " + wasrisc.config().platformDir());
        out.println("  cache:    " + wasrisc.config().cacheDir());
        out.println();
        out.println("Pipelines");
        boolean allAvailable = true;
        Set<Tool> tools = new LinkedHashSet<>();
        tools.add(Tools.HOST_CC);
        int nameWidth = Pipelines.all().stream().mapToInt(backend -> backend.name().length()).max().orElse(1);
        for (Backend backend : Pipelines.all()) {
            out.printf("  %-" + nameWidth + "s %s%s%n", backend.name(), backend.description(),
                    backend.options().isEmpty() ? "" : "; cell options: " + backend.options().stream().sorted()
                            .map(CellOption::word).collect(java.util.stream.Collectors.joining(", ")));
            for (Language language : Languages.ALL) {
                // The plain cell stands for the pipeline: levels change neither its target nor its tools.
                Resolution resolution = wasrisc.resolver().resolve(language, Pipeline.of(backend.name(), 2));
                if (resolution instanceof Resolution.Refusal refusal
                        && refusal.kind() == Resolution.Kind.NOT_APPLICABLE) {
                    out.printf("    %-6s %-14s %s%n", language.name(), "-", "not applicable: " + refusal.reason());
                    continue;
                }
                Resolution.Plan plan = resolution.plan().orElseGet(resolution::orThrow);
                tools.addAll(plan.tools());
                allAvailable &= resolution instanceof Resolution.Plan;
                out.printf("    %-6s %-14s %s%n", language.name(), plan.target(),
                        resolution instanceof Resolution.Refusal missing ? "MISSING " + missing.reason() : "available");
            }
        }
        out.println();
        out.println("Tools (and where each comes from)");
        for (Tool tool : tools) {
            Optional<ResolvedTool> found = wasrisc.toolchain().find(tool);
            out.printf("  %-3s %-24s %s%n", found.isPresent() ? "ok" : "--", tool.name(),
                    found.map(t -> t.path() + "  (" + t.version() + ")").orElse("not found"));
            out.printf("      %-24s from: %s%n", "", tool.installHint());
        }
        return args.flag("--strict") && !allAvailable ? 1 : 0;
    }
}
