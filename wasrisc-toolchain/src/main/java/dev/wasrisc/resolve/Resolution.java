package dev.wasrisc.resolve;

import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.guest.NotApplicableException;
import dev.wasrisc.pipeline.Backend;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.ToolMissingException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** What {@link CellResolver} answers for a guest and a cell: a {@link Plan} to build it, or a {@link Refusal}. */
public sealed interface Resolution permits Resolution.Plan, Resolution.Refusal {

    /** The plan, or the refusal's {@link Refusal#exception() exception}, as a build throws it. */
    Plan orThrow();

    /** The plan, if the cell applies: for missing tools, the plan that builds it once they are installed. */
    Optional<Plan> plan();

    /**
     * How the cell builds the guest.
     *
     * @param target {@link Target#ZISK} for a cell with the {@code zisk} option, else the backend's target
     * @param tools every tool the build and run need, {@code ziskemu} included for ZisK cells; in
     *     this order in cache keys, so the order is part of the plan
     */
    record Plan(Pipeline cell, Backend backend, Target target, List<Tool> tools) implements Resolution {

        public Plan {
            tools = List.copyOf(tools);
        }

        public Set<CellOption> options() {
            return cell.options();
        }

        @Override
        public Plan orThrow() {
            return this;
        }

        @Override
        public Optional<Plan> plan() {
            return Optional.of(this);
        }
    }

    /** Which way a cell does not build a guest: what a caller does about it (skip it, name the tools, fail). */
    enum Kind {
        /** The cell means nothing for the guest: not a failure, and no tool would change it. */
        NOT_APPLICABLE,
        /** The cell applies, but tools it needs are not installed. */
        TOOL_MISSING,
        /** The cell is not one the matrix has: an unknown pipeline, or an option or compiler it does not take. */
        INVALID_OPTION
    }

    /**
     * A cell that does not build the guest, and why.
     *
     * <p>The exception is made afresh on each call, so it is thrown with its thrower's stack.
     */
    final class Refusal implements Resolution {

        private final Kind kind;
        private final String reason;
        private final List<Tool> missing;
        private final Plan plan;
        private final boolean outsideMatrix;
        private final Supplier<RuntimeException> exception;

        private Refusal(Kind kind, String reason, List<Tool> missing, Plan plan, boolean outsideMatrix,
                Supplier<RuntimeException> exception) {
            this.kind = kind;
            this.reason = reason;
            this.missing = List.copyOf(missing);
            this.plan = plan;
            this.outsideMatrix = outsideMatrix;
            this.exception = exception;
        }

        static Refusal notApplicable(String reason, String message) {
            return new Refusal(Kind.NOT_APPLICABLE, reason, List.of(), null, false,
                    () -> new NotApplicableException(message));
        }

        /** A cell made for another language's guests (a Go toolchain for a C guest). */
        static Refusal otherLanguage(String reason, String message) {
            return new Refusal(Kind.NOT_APPLICABLE, reason, List.of(), null, true,
                    () -> new IllegalArgumentException(message));
        }

        static Refusal toolMissing(Plan plan, String what, List<Tool> missing) {
            return new Refusal(Kind.TOOL_MISSING, ToolMissingException.describe(missing), missing, plan, false,
                    () -> new ToolMissingException(what, missing));
        }

        static Refusal invalidOption(String message) {
            return new Refusal(Kind.INVALID_OPTION, message, List.of(), null, false,
                    () -> new IllegalArgumentException(message));
        }

        public Kind kind() {
            return kind;
        }

        /**
         * Why, as {@code bench} shows a skipped cell and {@code doctor} a pipeline: without the cell
         * and guest the caller names already ({@link ToolMissingException#describe} for missing tools).
         */
        public String reason() {
            return reason;
        }

        /** The tools that are not installed: empty unless {@link Kind#TOOL_MISSING}. */
        public List<Tool> missing() {
            return missing;
        }

        /** For {@link Kind#TOOL_MISSING}: the plan that builds the cell once the tools are there; else empty. */
        @Override
        public Optional<Plan> plan() {
            return Optional.ofNullable(plan);
        }

        /**
         * Whether the cell is not one of the guest's cells at all, as a Go toolchain is not for a C
         * guest: a matrix leaves such a cell out instead of reporting it skipped, and building it is
         * the caller's mistake ({@link IllegalArgumentException}), not a skip.
         */
        public boolean outsideMatrix() {
            return outsideMatrix;
        }

        /**
         * What a build throws: {@link NotApplicableException}, {@link ToolMissingException}, or
         * {@link IllegalArgumentException} for an invalid cell or one {@link #outsideMatrix()}.
         */
        public RuntimeException exception() {
            return exception.get();
        }

        /** The exception's message: the reason with the cell and guest it concerns. */
        public String message() {
            return exception().getMessage();
        }

        @Override
        public Plan orThrow() {
            throw exception();
        }

        @Override
        public String toString() {
            return kind + ": " + message();
        }
    }
}
