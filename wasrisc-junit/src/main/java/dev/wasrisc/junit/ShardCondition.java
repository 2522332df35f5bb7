package dev.wasrisc.junit;

import dev.wasrisc.cell.Shard;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code wasrisc.shard=I/N}: this machine runs only the tests (each guest × cell invocation
 * separately) whose names hash to shard I, the same split {@code bench --shard} makes. A test's
 * name is its class, method and display name without the invocation's index, so its shard does
 * not move when cells are added to the matrix. Classes and parameterized methods, as containers,
 * run everywhere; only their tests are split.
 */
final class ShardCondition implements ExecutionCondition {

    static final String PARAMETER = "wasrisc.shard";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> spec = context.getConfigurationParameter(PARAMETER).filter(value -> !value.isBlank());
        if (spec.isEmpty()) {
            return ConditionEvaluationResult.enabled(PARAMETER + " is not set: every test runs");
        }
        if (context.getTestMethod().isEmpty() || isTemplate(context)) {
            return ConditionEvaluationResult.enabled("containers run in every shard");
        }
        Shard shard = Shard.parse(spec.get());
        int mine = Shard.of(name(context), shard.count());
        return mine == shard.index()
                ? ConditionEvaluationResult.enabled("in shard " + shard)
                : ConditionEvaluationResult.disabled("in shard " + mine + "/" + shard.count() + " (this is "
                        + PARAMETER + "=" + shard + ")");
    }

    /** A parameterized or repeated method as a whole, whose invocations are the tests. */
    private static boolean isTemplate(ExtensionContext context) {
        String id = context.getUniqueId();
        return id.substring(id.lastIndexOf("/[") + 2).startsWith("test-template:");
    }

    static String name(ExtensionContext context) {
        return context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName() + " "
                + context.getDisplayName().replaceFirst("^\\[\\d+\\] ", "");
    }
}
