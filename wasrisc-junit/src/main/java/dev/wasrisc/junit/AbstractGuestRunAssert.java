package dev.wasrisc.junit;

import dev.wasrisc.GuestRun;
import dev.wasrisc.policy.RunPolicy;
import dev.wasrisc.reference.ReferenceRun;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions for a guest run, with failure messages that say which guest, pipeline and
 * target the run was, and by how much a budget was missed:
 *
 * <pre>{@code
 * assertThat(run).succeeded().printed("832040\n").usedAtMostInstructions(1_000_000);
 * assertThat(run).instructions().isBetween(600L, 1_000L);   // any AssertJ long assertion
 * assertThat(run).calledAccelerator("keccak256").atMost(600);
 * }</pre>
 *
 * Extend it (as AssertJ's own {@code AbstractXAssert} classes are extended) to add assertions of
 * your own that chain with these; {@link GuestRunAssert} is the concrete one.
 *
 * @param <SELF> the concrete assertion type, returned by every assertion so that chains keep it
 */
public abstract class AbstractGuestRunAssert<SELF extends AbstractGuestRunAssert<SELF>>
        extends AbstractAssert<SELF, GuestRun> {

    protected AbstractGuestRunAssert(GuestRun actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The run's standard output, as an AssertJ string assertion described by the run's coordinates. */
    public AbstractStringAssert<?> stdout() {
        isNotNull();
        requireWholeStdout(actual);
        return Assertions.assertThat(actual.stdout()).as("stdout of %s", actual.coordinates());
    }

    /** The run's standard error, described by the run's coordinates. */
    public AbstractStringAssert<?> stderr() {
        isNotNull();
        return Assertions.assertThat(actual.stderr()).as("stderr of %s", actual.coordinates());
    }

    /** The run's instruction count, as an AssertJ long assertion described by the run's coordinates. */
    public AbstractLongAssert<?> instructions() {
        isNotNull();
        return Assertions.assertThat(actual.instructions()).as("instructions of %s", actual.coordinates());
    }

    /**
     * How often the run called the zkVM accelerator {@code name} ({@code keccak256},
     * {@code secp256k1_ecrecover}, … : the function's name without {@code zkvm_}).
     */
    public AcceleratorCallsAssert calledAccelerator(String name) {
        isNotNull();
        long calls = actual.measurement().accelerator(name).map(use -> use.calls()).orElse(0L);
        return new AcceleratorCallsAssert(calls, "calls of zkvm_" + name + " by " + actual.coordinates());
    }

    /** The instructions the run spent outside the zkVM accelerators (all of them when it called none). */
    public AbstractLongAssert<?> instructionsOutsideAccelerators() {
        isNotNull();
        return Assertions.assertThat(actual.instructionsOutsideAccelerators())
                .as("instructions outside the accelerators of %s", actual.coordinates());
    }

    /** Exit code 0 within the time limit. */
    public SELF succeeded() {
        isNotNull();
        if (actual.timedOut()) {
            failWithMessage("%s timed out after %d ms%s", actual.coordinates(), actual.wallTime().toMillis(), stderrTail());
        }
        if (actual.exitCode() != 0) {
            failWithMessage("%s exited with %d, expected 0%s", actual.coordinates(), actual.exitCode(), stderrTail());
        }
        return myself;
    }

    public SELF exitedWith(int expected) {
        isNotNull();
        if (actual.exitCode() != expected) {
            failWithMessage("%s exited with %d, expected %d%s", actual.coordinates(), actual.exitCode(), expected,
                    stderrTail());
        }
        return myself;
    }

    /** Standard output is exactly {@code expected}. */
    public SELF printed(String expected) {
        isNotNull();
        requireWholeStdout(actual);
        if (!actual.stdout().equals(expected)) {
            failWithActualExpectedAndMessage(actual.stdout(), expected, "%s printed%n  %s%nexpected%n  %s",
                    actual.coordinates(), quote(actual.stdout()), quote(expected));
        }
        return myself;
    }

    public SELF printedOnStderr(String fragment) {
        isNotNull();
        if (!actual.stderr().contains(fragment)) {
            failWithMessage("%s's stderr does not contain %s%s; it was%n  %s", actual.coordinates(), quote(fragment),
                    actual.written().stderrTruncated() ? " in the parts kept (" + actual.truncationNotes() + ")" : "",
                    quote(actual.stderr()));
        }
        return myself;
    }

    /** The instruction count is at most {@code budget}; the message gives the excess in %. */
    public SELF usedAtMostInstructions(long budget) {
        isNotNull();
        RunPolicy.overBudget(actual, budget).ifPresent(violation -> failWithMessage("%s", violation.message()));
        return myself;
    }

    /**
     * The instruction count is at most {@code maxRatio} times {@code baseline}'s (the same guest
     * and input through another cell, usually {@code direct}); the message gives both counts and
     * the ratio.
     */
    public SELF usedAtMostTimes(double maxRatio, GuestRun baseline) {
        isNotNull();
        RunPolicy.overRatio(actual, maxRatio, baseline).ifPresent(violation -> failWithMessage("%s", violation.message()));
        return myself;
    }

    /** Same stdout and exit code as another run of the same guest (another pipeline, say). */
    public SELF behavesLike(GuestRun other) {
        isNotNull();
        requireWholeStdout(actual);
        requireWholeStdout(other);
        if (!actual.stdout().equals(other.stdout()) || actual.exitCode() != other.exitCode()) {
            failWithMessage("%s printed %s and exited %d, but %s printed %s and exited %d", actual.coordinates(),
                    quote(actual.stdout()), actual.exitCode(), other.coordinates(), quote(other.stdout()),
                    other.exitCode());
        }
        return myself;
    }

    /**
     * Same stdout and outcome as the guest's WebAssembly module run with the same arguments by the
     * reference interpreter (Chicory, on the JVM): catches a miscompiling pipeline without
     * hand-written expected output. A trap in the reference must be a trap here too (an exit by
     * signal or the platform's trap exit code, above 128).
     */
    public SELF matchesReference() {
        isNotNull();
        return matchesReference(WasriscExtension.currentSession().reference(actual.guest(), actual.args(), actual.input()));
    }

    /** As {@link #matchesReference()}, with a reference obtained from {@code Wasrisc.reference}. */
    public SELF matchesReference(ReferenceRun reference) {
        isNotNull();
        if (actual.timedOut()) {
            failWithMessage("%s timed out after %d ms; the reference %s", actual.coordinates(),
                    actual.wallTime().toMillis(), reference.outcome());
        }
        boolean sameOutcome = reference.trapped() ? actual.exitCode() > 128 : actual.exitCode() == reference.exitCode();
        if (!sameOutcome) {
            failWithMessage("%s exited %d, but the reference (Chicory) %s%s", actual.coordinates(), actual.exitCode(),
                    reference.outcome(), stderrTail());
        }
        requireWholeStdout(actual);
        if (!actual.stdout().equals(reference.stdout())) {
            failWithActualExpectedAndMessage(actual.stdout(), reference.stdout(),
                    "%s printed%n  %s%nbut the reference (Chicory) printed%n  %s", actual.coordinates(),
                    quote(actual.stdout()), quote(reference.stdout()));
        }
        return myself;
    }

    /** Comparing the kept ends of a truncated stdout would compare a part as if it were the whole. */
    private void requireWholeStdout(GuestRun run) {
        if (run.stdoutTruncated()) {
            failWithMessage("%s: its stdout cannot be compared: %s", run.coordinates(),
                    String.join("; ", run.truncationNotes()));
        }
    }

    private String stderrTail() {
        String stderr = actual.stderr().strip();
        if (stderr.isEmpty()) {
            return "";
        }
        String[] lines = stderr.split("\n");
        StringBuilder tail = new StringBuilder("; stderr ends:");
        for (int i = Math.max(0, lines.length - 10); i < lines.length; i++) {
            tail.append("\n  ").append(lines[i]);
        }
        return tail.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
