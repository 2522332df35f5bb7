package dev.wasrisc.resolve;

import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.conformance.StandardTarget;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.Language;
import dev.wasrisc.pipeline.Backend;
import dev.wasrisc.pipeline.DirectBackend;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.recipe.Accelerators;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Toolchain;
import dev.wasrisc.tool.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a cell builds a guest, and if not why: the one place that decides it, so that a build,
 * {@code bench}, a {@code @PipelineSource} matrix and {@code doctor} agree on which cells apply and
 * say so in the same words. Thread-safe.
 *
 * <p>The questions come in the order builds have always asked them, since the first refusal is the
 * one reported: a Go toolchain for another language, a pipeline the language cannot take, a cell
 * the matrix does not have, a ZisK cell of a pipeline that makes no bare-metal binary, missing tools.
 */
public final class CellResolver {

    private final Toolchain toolchain;

    public CellResolver(Toolchain toolchain) {
        this.toolchain = toolchain;
    }

    /** A plan whose tools are all installed, or why the cell does not build the guest. */
    public Resolution resolve(Guest guest, Pipeline cell) {
        return withTools(plan(guest, cell), "pipeline " + cell + " for " + guest.language().name() + " guest "
                + guest.name());
    }

    /** As {@link #resolve(Guest, Pipeline)} for any guest in {@code language}, as {@code doctor} lists pipelines. */
    public Resolution resolve(Language language, Pipeline cell) {
        return withTools(plan(language, cell), "pipeline " + cell + " for " + language.name() + " guests");
    }

    /**
     * Whether the cell applies to the guest, without looking for tools: a plan, or a refusal that
     * is never {@link Resolution.Kind#TOOL_MISSING}.
     */
    public static Resolution plan(Guest guest, Pipeline cell) {
        Resolution plan = plan(guest.name(), guest.language(), cell);
        if (!guest.settings().accelerators() || !(plan instanceof Resolution.Plan accelerated)) {
            return plan;
        }
        if (cell.has(CellOption.ZISK)) {
            return notApplicable(guest.name(), cell, guest.name() + " calls the zkVM accelerators, and ZisK cells do "
                    + "not link them yet (ZisK's own accelerator library is not built here)");
        }
        if (!accelerated.backend().servesAccelerators()) {
            return notApplicable(guest.name(), cell, guest.name() + " calls the zkVM accelerators, which "
                    + accelerated.backend().name() + " does not serve");
        }
        List<Tool> tools = new ArrayList<>(accelerated.tools());
        tools.addAll(Accelerators.TOOLS);
        return new Resolution.Plan(cell, accelerated.backend(), accelerated.target(), tools);
    }

    /** As {@link #plan(Guest, Pipeline)} for any guest in {@code language}. */
    public static Resolution plan(Language language, Pipeline cell) {
        return plan(language.name() + " guests", language, cell);
    }

    /**
     * Every tool the cell needs for guests in {@code language}, applicable or not: the backend's,
     * and {@code ziskemu} for a ZisK cell.
     *
     * @throws IllegalArgumentException for a cell the matrix does not have
     */
    public static List<Tool> tools(Language language, Pipeline cell) {
        return tools(Pipelines.backend(cell), language, cell);
    }

    private static Resolution plan(String guest, Language language, Pipeline cell) {
        if (!cell.appliesTo(language.name())) {
            return Resolution.Refusal.otherLanguage("a Go toolchain cell; " + guest + " is not a Go guest",
                    "cell " + cell + " names a Go toolchain, but " + guest + " is a " + language.name() + " guest");
        }
        Optional<String> notDirect = cell.name().equals(DirectBackend.NAME)
                ? language.whyNotDirect() : Optional.empty();
        if (notDirect.isPresent()) {
            return notApplicable(guest, cell, notDirect.get());
        }
        Backend backend;
        try {
            backend = Pipelines.backend(cell);
        } catch (IllegalArgumentException e) {
            return Resolution.Refusal.invalidOption(e.getMessage());
        }
        Target target = backend.target(language);
        if (cell.has(CellOption.ZKVM)) {
            Optional<String> notStandard = whyNotStandardTarget(cell, backend, target, language);
            if (notStandard.isPresent()) {
                return notApplicable(guest, cell, notStandard.get());
            }
        }
        if (cell.has(CellOption.ZISK)) {
            if (target != Target.RV64IM) {
                return notApplicable(guest, cell, cell.name() + " makes a " + target.description() + " binary for "
                        + language.name() + " guests, not a bare-metal one ZisK's emulator could run");
            }
            target = Target.ZISK;
        }
        return new Resolution.Plan(cell, backend, target, tools(backend, language, cell));
    }

    /**
     * Why a cell cannot build for the zkVM standard target ({@code zkvm}), if it cannot: it must make
     * a bare-metal binary with the platform's start-up, and ZisK's platform is another target.
     */
    private static Optional<String> whyNotStandardTarget(Pipeline cell, Backend backend, Target target,
            Language language) {
        if (cell.has(CellOption.ZISK)) {
            return Optional.of("options zisk and zkvm are two targets (ZisK's emulator, the zkVM standard target "
                    + "under qemu); a cell builds for one");
        }
        if (target != Target.RV64IM) {
            return Optional.of(cell.name() + " makes a " + target.description() + " binary for " + language.name()
                    + " guests, not a bare-metal one for the zkVM standard target");
        }
        if (backend.name().equals("wamr")) {
            return Optional.of(StandardTarget.WAMR_LOADED_CODE);
        }
        return Optional.empty();
    }

    private static Resolution notApplicable(String guest, Pipeline cell, String reason) {
        return Resolution.Refusal.notApplicable(reason, "cell " + cell + " for " + guest + ": " + reason);
    }

    private static List<Tool> tools(Backend backend, Language language, Pipeline cell) {
        List<Tool> tools = new ArrayList<>(backend.tools(language, cell));
        if (cell.has(CellOption.ZISK)) {
            tools.add(Tools.ZISKEMU);
        }
        return tools;
    }

    private Resolution withTools(Resolution resolution, String what) {
        if (!(resolution instanceof Resolution.Plan plan)) {
            return resolution;
        }
        List<Tool> missing = toolchain.missing(plan.tools());
        return missing.isEmpty() ? plan : Resolution.Refusal.toolMissing(plan, what, missing);
    }
}
