package dev.wasrisc.junit;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.exec.ExecutorUnavailableException;
import dev.wasrisc.guest.NotApplicableException;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.policy.RunPolicy;
import dev.wasrisc.policy.Verdicts;
import dev.wasrisc.policy.Violation;
import dev.wasrisc.settings.Settings;
import dev.wasrisc.tool.ToolMissingException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The thin JUnit side of WASRISC; the work happens in {@link Wasrisc}.
 *
 * <ul>
 *   <li>resolves {@code @Guest("c/fibonacci") GuestProgram} parameters
 *   <li>turns a {@link ToolMissingException} (or an {@link ExecutorUnavailableException}: no Docker
 *       engine or image for {@code wasrisc.executor=docker}) into a skipped test that says what is missing and how
 *       to install it, or into a failure with {@code -Dwasrisc.strict=true}
 *   <li>holds every run to the test's {@link InstructionBudget}s, {@link RatioBudget}s and the
 *       committed baseline ({@link BaselineSession}) through a {@link RunPolicy}, and fails the test
 *       with its violations
 *   <li>publishes every guest run as a report entry (for IDEs and JUnit's own reports) and prints it
 *       on the test's standard output, which Surefire keeps in its XML as the test case's
 *       {@code system-out}: Surefire drops report entries
 * </ul>
 */
public final class WasriscExtension
        implements ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler,
                BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WasriscExtension.class);

    /** Runs report into the test that is executing on their thread. */
    private static final ThreadLocal<ExtensionContext> CURRENT_TEST = new ThreadLocal<>();

    /** One session per test run (the root context), shared by every test class. */
    static Wasrisc session(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(Wasrisc.class, key -> {
            Wasrisc session = Wasrisc.from(settings(context));
            // At the end of the run, what the remote cache did (hits, bytes, time saved), once.
            session.remoteCache().ifPresent(remote -> store.put(RemoteCacheSummary.class,
                    (ExtensionContext.Store.CloseableResource) () -> System.err.println("wasrisc: " + remote.stats()
                            + " (" + remote.base() + ")")));
            return session;
        }, Wasrisc.class);
    }

    /** The store key of the end-of-run remote cache line. */
    private interface RemoteCacheSummary {}

    /**
     * Every {@code wasrisc.*} setting comes from JUnit's configuration parameters, which include
     * {@code -D} system properties, {@code junit-platform.properties} and Surefire's
     * {@code configurationParameters}.
     */
    static Settings settings(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return name -> root.getConfigurationParameter(name).filter(value -> !value.isBlank());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (!parameter.isAnnotated(Guest.class)) {
            return false;
        }
        if (parameter.getParameter().getType() != GuestProgram.class) {
            throw new ParameterResolutionException("@Guest(\"" + parameter.findAnnotation(Guest.class).orElseThrow().value()
                    + "\") goes on a GuestProgram parameter, but parameter " + parameter.getIndex() + " of "
                    + parameter.getDeclaringExecutable().getName() + " is a "
                    + parameter.getParameter().getType().getSimpleName());
        }
        return true;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String name = parameter.findAnnotation(Guest.class).orElseThrow().value();
        return session(context).guest(name, WasriscExtension::publish);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        CURRENT_TEST.set(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        CURRENT_TEST.remove();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw skipOrRethrow(context, throwable);
    }

    // A tool missing in a @BeforeAll or @BeforeEach (a build shared by a class's tests) skips as in a test.
    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw skipOrRethrow(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw skipOrRethrow(context, throwable);
    }

    private static Throwable skipOrRethrow(ExtensionContext context, Throwable throwable) {
        NotApplicableException notApplicable = findCause(throwable, NotApplicableException.class);
        if (notApplicable != null) {
            return new TestAbortedException("skipped: " + notApplicable.getMessage());
        }
        RuntimeException missing = findCause(throwable, ToolMissingException.class);
        if (missing == null) {
            missing = findCause(throwable, ExecutorUnavailableException.class);
        }
        if (missing == null || session(context).config().strict()) {
            return throwable;
        }
        return new TestAbortedException("skipped: " + missing.getMessage() + " (-Dwasrisc.strict=true makes this a failure)");
    }

    /** The session of the test running on this thread, for assertions that need the toolchain. */
    static Wasrisc currentSession() {
        ExtensionContext context = CURRENT_TEST.get();
        if (context == null) {
            throw new IllegalStateException("no WASRISC test is running on this thread: use @WasriscTest, or pass "
                    + "the reference explicitly with matchesReference(wasrisc.reference(guest, args))");
        }
        return session(context);
    }

    static BaselineSession baselines(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(BaselineSession.class,
                key -> BaselineSession.from(settings(context)), BaselineSession.class);
    }

    /**
     * Reports a finished run into the current test, then holds it to its budgets and baseline. Public
     * for sessions a test makes itself (over a guests folder of its own): pass it as the observer,
     * {@code session.guest(name, WasriscExtension::publish)}, and their runs are reported like the
     * extension's own.
     */
    public static void publish(GuestRun run) {
        ExtensionContext context = CURRENT_TEST.get();
        if (context == null) {
            return; // a run outside a test method (a @BeforeAll, say) has no test to report into
        }
        report(context, run);
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunCollector.class,
                key -> new RunCollector(session(context), settings(context)), RunCollector.class).add(run);
        hold(context, run);
    }

    /** {@code failure} with where the run's instructions went (against {@code comparison}, if any). */
    private static AssertionError explain(ExtensionContext context, GuestRun run, GuestRun comparison,
            AssertionError failure) {
        return FailureProfile.explain(session(context), settings(context), testName(context), run, comparison, failure);
    }

    private static String testName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName();
    }

    private static void hold(ExtensionContext context, GuestRun run) {
        Verdicts verdicts = policy(context).verdicts(run, (like, cell) -> comparisonRun(context, like, cell));
        verdicts.notes().forEach(note -> System.out.println("wasrisc: " + note));
        if (!verdicts.held()) {
            throw failure(context, verdicts.violations());
        }
    }

    /** The test's budgets (its class's, then its own) and the baseline of the test run. */
    private static RunPolicy policy(ExtensionContext context) {
        List<RunPolicy.Budget> budgets = annotations(context, InstructionBudget.class).stream()
                .map(budget -> new RunPolicy.Budget(budget.value(), budget.pipeline(), budget.optLevel(), budget.guest()))
                .toList();
        List<RunPolicy.RatioBudget> ratios = annotations(context, RatioBudget.class).stream()
                .map(budget -> new RunPolicy.RatioBudget(budget.value(), Pipelines.parse(budget.to()), budget.pipeline(),
                        budget.optLevel(), budget.guest()))
                .toList();
        return new RunPolicy(testName(context), budgets, ratios, baselines(context).check);
    }

    private static <A extends Annotation> List<A> annotations(ExtensionContext context, Class<A> type) {
        List<A> found = new ArrayList<>(AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestClass(), type));
        found.addAll(AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestMethod(), type));
        return found;
    }

    /**
     * The first violation, with where the run's instructions went; the others ride along suppressed,
     * unprofiled, since profiling once already says where the instructions went.
     */
    private static AssertionError failure(ExtensionContext context, List<Violation> violations) {
        Violation first = violations.get(0);
        AssertionError failure = explain(context, first.run(), first.comparison(),
                new AssertionFailedError(first.message()));
        violations.subList(1, violations.size())
                .forEach(violation -> failure.addSuppressed(new AssertionFailedError(violation.message())));
        return failure;
    }

    /**
     * The same guest, arguments and input through the cell a ratio budget compares with: run once
     * per test run, and reported nowhere (it belongs to no test).
     */
    private static GuestRun comparisonRun(ExtensionContext context, GuestRun run, Pipeline cell) {
        @SuppressWarnings("unchecked")
        Map<String, GuestRun> runs = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("ratio-baselines",
                key -> new java.util.concurrent.ConcurrentHashMap<String, GuestRun>(), Map.class);
        String key = run.guest() + "|" + cell.id() + "|" + run.input().sha256() + "|" + String.join("\u0000", run.args());
        return runs.computeIfAbsent(key, k -> session(context).guest(run.guest()).build(cell).withInput(run.input())
                .run(run.args().toArray(String[]::new)));
    }

    private static void report(ExtensionContext context, GuestRun run) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("wasrisc.guest", run.guest());
        entry.put("wasrisc.pipeline", run.pipeline().name());
        entry.put("wasrisc.optLevel", Integer.toString(run.pipeline().optLevel()));
        entry.put("wasrisc.target", run.target().id());
        if (!run.input().isNone()) {
            entry.put("wasrisc.input", run.input().name());
            entry.put("wasrisc.inputBytes", Long.toString(run.input().size()));
            entry.put("wasrisc.inputSha256", run.input().sha256());
        }
        entry.put("wasrisc.exitCode", Integer.toString(run.exitCode()));
        entry.put("wasrisc.instructions", Long.toString(run.instructions()));
        entry.put("wasrisc.binaryBytes", Long.toString(run.binaryBytes()));
        entry.put("wasrisc.buildMillis", Long.toString(run.buildTime().toMillis()));
        entry.put("wasrisc.runMillis", Long.toString(run.wallTime().toMillis()));
        if (!run.truncationNotes().isEmpty()) {
            entry.put("wasrisc.outputTruncated", String.join("; ", run.truncationNotes()));
        }
        context.publishReportEntry(entry);
        System.out.println("wasrisc: " + run.summary());
    }

    private static <T extends Throwable> T findCause(Throwable throwable, Class<T> type) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
